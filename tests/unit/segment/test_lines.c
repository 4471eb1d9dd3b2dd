/* Unit tests of line features: credits, captions with credits, page furniture and the
 * headline shape, on lines from Chinese news pages (the sample pages and ones like them). */
#include "check.h"
#include "lines.h"

static struct linefeat f;

static const struct linefeat *feat(const char *s)
{
	lf_compute(&f, s, strlen(s), 1);
	return &f;
}

#define BYLINE(s) CHECK("byline: " s, feat(s)->credit)
#define NOT_BYLINE(s) CHECK("not byline: " s, !feat(s)->credit)
#define BOILER(s) CHECK("boiler: " s, feat(s)->boiler)
#define NOT_BOILER(s) CHECK("not boiler: " s, !feat(s)->boiler)
#define TITLE(s) CHECK("title-like: " s, lf_title_like(feat(s)))
#define NOT_TITLE(s) CHECK("not title-like: " s, !lf_title_like(feat(s)))

int main(void)
{
	check_suite = "segment/lines";
	lines_setup();

	BYLINE("记者 王丹 通讯员 李俊羿");
	BYLINE("■本报记者 阿柔娜 摄");
	BYLINE("■本报实习记者 若谷摄");
	BYLINE("通讯员 杨润德 韩雪冰 文/摄");
	BYLINE("□王文涛 崔立文 阿桑娜");
	BYLINE("李琛瑶 摄");
	BYLINE("[责任编辑: 王晋南]");
	BYLINE("转自:人民网内蒙古频道");
	BYLINE("（新华社记者 李鑫 摄）");
	BYLINE("（新华社北京12月31日电）");
	BYLINE("(作者为全国政协副主席)");
	BYLINE("文/张三 图/李四");
	BYLINE("文/记者 王五");
	CHECK("photo credit", feat("■本报记者 阿柔娜 摄")->photo);
	CHECK("no photo in a reporter credit", !feat("记者 王丹 通讯员 李俊羿")->photo);
	NOT_BYLINE("赛罕区 把服务延伸到群众家门口");
	NOT_BYLINE("回民区");
	NOT_BYLINE("本报讯(记者 阿柔娜)近年来,新城区海拉尔路街道充分挖掘基层党群服务中心的功能。");

	CHECK("caption with credit", feat("恒昌小区里,小朋友们正在进行体育活动。张聿修 摄")->caption_credit);
	CHECK("caption with bracketed credit", feat("居民在广场上跳舞。(记者 张三 摄)")->caption_credit);
	CHECK("credit alone is no caption", !feat("李琛瑶 摄")->caption_credit);
	CHECK("sentence ending in 摄 is no caption", !feat("他喜欢拍摄")->caption_credit);

	BOILER("呼和浩特玉泉区新闻网首页 设为首页 加入收藏   新闻热线:0471-5103964");
	BOILER("首页 新闻中心 党建工作 政务动态 民生社区 旅游文化 招商引资 走进玉泉区");
	BOILER("您当前的位置 : 内蒙古新闻网  >  玉泉区  >  党建新闻");
	BOILER("Qzone");
	BOILER("• 玉泉区积极开展铲雪除冰工作,为居民群众生...");
	BOILER("bdall.peaapk.com xtrb.peaapk.com hdwxxg.peaapk.com");
	BOILER("Copyright© 2005-2009 内蒙古新闻网 All Rights Reserved.");
	CHECK("footer", feat("内蒙古新闻网版权与免责声明:")->footer);
	BOILER("---");
	BOILER("* * *");
	BOILER("更新时间：2023-09-04T14:18:08.371Z");
	NOT_BOILER("He met Mr. Smith. They left.");
	NOT_BOILER("2023");
	NOT_BOILER("党建引领聚合力 激发老牌商圈新活力");
	NOT_BOILER("记者 王丹 通讯员 李俊羿 张三 李四");

	TITLE("党建引领聚合力 激发老牌商圈新活力");
	TITLE("区域党建联合,形成共建共享新格局");
	TITLE("兰亭社区:");
	TITLE("呼和浩特市玉泉区:让基层党建在服务群众中更加接地气、有温度");
	NOT_TITLE("安泰社区通过激活红色队伍、");
	NOT_TITLE("兴华街道成立了城市执法一体化管理中心,组建党支部,整合");
	NOT_TITLE("步推动基层治理效能和居民幸福指数双提升。");
	NOT_TITLE("吕子木说着这个活动的来历和意义:");
	NOT_TITLE("本报讯 近日");
	NOT_TITLE("最后,我从北京祝大家新年快乐!");
	TITLE("新世纪到来了!");

	CHECK("ends final with quote", feat("“看着这个家庭又恢复了和谐。”")->ends_final);
	CHECK("ends open", !feat("通过创办官方抖")->ends_final);
	CHECK("starts with a continuation mark", feat("、志愿者")->starts_cont);
	CHECK("stop inside", feat("完善助企服务。在中山西路")->stop_inside);
	CHECK("no stop inside when last", !feat("完善助企服务。”")->stop_inside);
	CHECK("blank", feat(" \t\xE3\x80\x80 ")->blank);

	/* Issue 12: credits with padded names, metadata, link lists, bars, markup residue. */
	BYLINE("本报记者  王  强摄");
	BYLINE("李  明摄（新华社发）");
	BYLINE("新华社记者  赵文摄");
	BYLINE("新华社发");
	CHECK("padded photo credit", feat("李  明摄（新华社发）")->photo);
	NOT_BYLINE("■记者手记");
	CHECK("metadata", feat("发布时间：2024-04-12 09:30 来源：某市日报")->meta);
	CHECK("metadata after a date", feat("2019年9月26日 15:10 来源：某某网")->meta);
	CHECK("a date alone", feat("2022年02月13日")->meta);
	CHECK("editor", feat("编辑：钱红")->meta);
	CHECK("dated labels", feat("作者：张三  来源：某某网  2022-01-05")->meta);
	CHECK("a source alone is a credit", !feat("来源：新华社")->meta && f.credit);
	CHECK("a sentence with a date is no metadata", !feat("2019年2月27日下午，调研组一行到访。")->meta);
	CHECK("link-list heading", feat("推荐阅读")->tail);
	CHECK("bracketed link-list heading", feat("【相关新闻】")->tail);
	BOILER("安全保障 | 免责条款 | 服务协议");
	BOILER("安全隐私 丨 版权保护 丨 联系我们");
	BOILER("《某某日报》 《某某晚报》 《某某商报》");
	BOILER("<!--repaste.body.begin-->");
	BOILER("[查看原文](http://news.example.com/a.html)");
	BOILER("https://www.example.com/");
	BOILER("首页 > 要闻");
	BOILER("首页 本地商圈 商圈动态");
	NOT_BOILER("<p>第一段。</p>");
	NOT_BOILER("独家 | 某地推出新举措");

	/* Shapes the document layer reads with the neighbours. */
	CHECK("indented", feat("\xE3\x80\x80\xE3\x80\x80一是加快进度。")->indented);
	CHECK("not indented", !feat("一是加快进度。")->indented);
	CHECK("bracketed", feat("（记者 胡晓蓉）")->bracketed);
	CHECK("not bracketed", !feat("（一）加强领导（二）")->bracketed);
	CHECK("markdown heading", feat("### 某省出台措施")->heading_mark);
	CHECK("headline shape, long", lf_headline_shape(feat("交通运输部召开新闻发布会 介绍前三季度交通运输经济运行情况和下一步工作安排")));
	CHECK("headline shape with 、", lf_headline_shape(feat("全国双拥工作领导小组、退役军人事务部、中央军委政治工作部致慰问信")));
	CHECK("headline shape with ！ inside", lf_headline_shape(feat("【某某报】行业巨震！某巨头暂停所有广告")));
	CHECK("no headline shape with 。", !lf_headline_shape(feat("会议强调。要加快推进")));
	CHECK("no headline shape ending in ，", !lf_headline_shape(feat("今年以来，全区上下，")));
	CHECK("a 新华社 headline opens no article", !feat("新华社评论员文章：坚定信心 勇毅前行")->starts_article);
	CHECK("a dateline opens the article", feat("新华社北京1月1日电 记者王丹报道")->starts_article);

#define BROKEN(a, b, e) CHECK("broken: " a " / " b, lf_broken_between(a, strlen(a), b, strlen(b), e))
#define NOT_BROKEN(a, b, e) CHECK("not broken: " a " / " b, !lf_broken_between(a, strlen(a), b, strlen(b), e))
	BROKEN("某市人民代表大会常务委员会", "关于公布名录的决定", 0);
	BROKEN("关于公布名录及", "保护单位名单的决定", 1);
	NOT_BROKEN("关于公布名录及", "保护单位名单的决定", 0);
	BROKEN("完成投资2023", "万元，同比增长", 0);
	NOT_BROKEN("欧盟称解决问题须有各方参与", "新的一段开始了。", 0);
	NOT_BROKEN("东区新闻", "某某街道开展调研", 1);
	return check_done();
}
