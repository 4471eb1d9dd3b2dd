/* The mention scanner on sentences: what is a quantity and what is not, with the real
 * tables. Each case lists the mentions as "surface=value unit mod type", joined by "; ". */
#include <stdlib.h>
#include "check.h"
#include "scan.h"

static struct tables T;
static struct scanner S;

struct collect {
	const char *text;
	struct buf b;
};

static void take(void *ctx, const struct mention *m)
{
	struct collect *c = ctx;
	if (c->b.n)
		buf_adds(&c->b, "; ");
	buf_add(&c->b, c->text + m->start, m->end - m->start);
	buf_addf(&c->b, "=%.*s %s %s %s", (int)m->vlen, m->value, m->unit ? m->unit : "-",
	         m->mod ? m->mod : "-", m->type);
}

static void expect(const char *text, const char *want)
{
	struct collect c = { text, BUF_INIT };
	buf_adds(&c.b, "");
	scan_text(&S, text, strlen(text), NULL, 0, take, &c);
	char name[300];
	snprintf(name, sizeof name, "scan %s", text);
	if (strcmp(c.b.p, want) != 0)
		printf("# %s\n#   got  %s\n#   want %s\n", text, c.b.p, want);
	CHECK(name, strcmp(c.b.p, want) == 0);
	buf_free(&c.b);
}

static void quantities(void)
{
	expect("资金14720.7万元，惠及113031户", "14720.7万元=147207000 元 - money; 113031户=113031 户 - count");
	expect("常住人口约1.5万余人", "约1.5万余人=15000 人 over count");
	expect("解决问题超过1000人次", "超过1000人次=1000 人次 over count");
	expect("服务时长1000小时左右", "1000小时左右=1000 小时 about duration");
	expect("达到103件以上", "103件以上=103 件 over count");
	expect("请说出至少三个厨余垃圾", "至少三个=3 个 over count");
	expect("她在这里住了近30年", "近30年=30 年 under duration");
	expect("增长18.5%，占百分之五十，约三分之一", "18.5%=18.5 % - percent; 百分之五十=50 % - percent; 约三分之一=0.3333 - about fraction");
	expect("三成居民，七成六的股份", "三成=30 % - percent; 七成六=76 % - percent");
	expect("千名党员和万名从业人员", "千名=1000 名 - count; 万名=10000 名 - count");
	expect("成立全市第一支义警队伍", "第一支=1 支 - ordinal");
	expect("占地22.86万平方米", "22.86万平方米=228600 平方米 - measure");
	expect("70岁的老人", "70岁=70 岁 - other");
	expect("100分-90分为优秀", "100分=100 分 - score; 90分=90 分 - score");
	expect("一年半以后", "一年半=1.5 年 - duration");
	expect("一年半以前", "");
	expect("用了一年半", "一年半=1.5 年 - duration");
	expect("1.5万", "1.5万=15000 - - other");
	expect("买了五十打鸡蛋", "五十打=600 个 - count");
}

static void vague_and_ranges(void)
{
	expect("来呼市七八年了", "七八年=7 年 about duration");
	expect("每天可以制作一到两个", "一到两个=1 个 about count");
	expect("共3至5个，三到五个，3-5个", "3至5个=3 个 about count; 三到五个=3 个 about count; 3-5个=3 个 about count");
	expect("十几万人", "十几万人=100000 人 over count");
	expect("二百余万元", "二百余万元=2000000 元 over money");
	expect("500多亿元", "500多亿元=50000000000 元 over money");
	expect("十来个人", "十来个=10 个 about count");
	expect("上百家企业", "上百家=100 家 over count");
	expect("数千名群众", "数千名=1000 名 over count");
	expect("好几十个", "好几十个=10 个 over count");
	expect("两三个", "两三个=2 个 about count");
	expect("两到三万港元", "两到三万港元=20000 港元 about money");
	expect("十八至三十万日元", "十八至三十万日元=180000 日元 about money");
	expect("一千到两千万元", "一千到两千万元=10000000 元 about money");
}

static void halves_and_compounds(void)
{
	expect("这个饭店已经营业半年了", "半年=0.5 年 - duration");
	expect("还有半小时，旅游了半个月，过了半个钟头", "半小时=0.5 小时 - duration; 半个月=0.5 个月 - duration; 半个钟头=0.5 小时 - duration");
	expect("近半年来，不到半年", "近半年=0.5 年 under duration; 不到半年=0.5 年 under duration");
	expect("今年上半年经济，下半场比赛，大半年没回家", "");
	expect("半年前设计，每半年报送，半场比赛，一半以上", "");
	expect("三成半，半成，半折，打对折", "三成半=35 % - percent; 半成=5 % - percent; 半折=50 % - percent; 对折=50 % - percent");
	expect("对折，对口支援，对折叠屏，一对夫妇", "");
	expect("廿三个，卅五人", "廿三个=23 个 - count; 卅五人=35 人 - count");
	expect("五元三毛，123元1角1分，50元6角三分", "五元三毛=5.3 元 - money; 123元1角1分=123.11 元 - money; 50元6角三分=50.63 元 - money");
	expect("壹佰捌拾壹圆柒角", "壹佰捌拾壹圆柒角=181.7 元 - money");
	expect("以7分47秒26的成绩，以9秒35夺冠", "7分47秒26=467.26 秒 - duration; 9秒35=9.35 秒 - duration");
	expect("用时3小时20分钟", "3小时20分钟=200 分钟 - duration");
	expect("100元5分钟，9秒10个", "100元=100 元 - money; 5分钟=5 分钟 - duration; 9秒=9 秒 - duration; 10个=10 个 - count");
}

static void english(void)
{
	expect("sales of 1,234.5 units", "1,234.5=1234.5 - - other");
	expect("about 3.2 million people", "3.2 million=3200000 - - other");
	expect("up 45% to $1.2 billion", "45%=45 % - percent; $1.2 billion=1200000000 美元 - money");
	expect("40k, 3.2k, 12k个百分点", "40k=40000 - - other; 3.2k=3200 - - other; 12k个百分点=12000 百分点 - percent");
	expect("总台8K超高清频道，5G+4K/8K+AI，CCTV-8K", "");
}

static void not_numbers(void)
{
	expect("小明每天收拾房间", "");
	expect("这个岛屿远离大陆", "");
	expect("这是我的队伍", "");
	expect("发放统一零售价的商品", "");
	expect("以党组织一马当先引领万马奔腾", "");
	expect("群众一呼百应", "");
	expect("提供一站式服务，织密一张网", "");
	expect("落实三会一课制度", "");
	expect("构建1+10+N模式", "");
	expect("学习十九大精神", "");
	expect("走进第六中学慰问", "");
	expect("五大平台和三级体系", "");
	expect("一名中学生提出一条创新的举措", "");
	expect("每年一次", "一次=1 次 - count");
	expect("每一个乡镇", "");
	expect("蒙古国第一副总理", "");
	expect("3天前召开", "");
	expect("两年之后又收获了，降落一小时后", "两年=2 年 - duration; 一小时=1 小时 - duration");
	expect("百年党史", "");
	expect("一季度GDP增长5.2%，前三季度", "5.2%=5.2 % - percent");
	expect("每百户拥有汽车40辆", "40辆=40 辆 - count");
	expect("党的十九届五中全会和十三届全国人大四次会议", "十九届=19 届 - ordinal; 十三届=13 届 - ordinal; 四次=4 次 - ordinal");
	expect("深化落实中央纪委三次全会各项部署", "三次=3 次 - ordinal");
	/* from a spot check of news lines */
	expect("提升上下游零部件企业智能制造水平", "");
	expect("千百年来先民铸就的文明长廊", "");
	expect("软件业务收入保持两位数增长", "");
	expect("这里的一砖一瓦都尽显徽派之韵", "");
	expect("并一格一人配备专职网格员", "");
	expect("以十年磨一剑的定力", "");
	expect("说起这两年的变化", "");
	expect("每次冲出起跑线都是一次突破", "");
	expect("筹备好全国政协十四届一次会议", "十四届=14 届 - ordinal; 一次=1 次 - ordinal");
	expect("十三届全国人大一次会议，召开一次会议", "十三届=13 届 - ordinal; 一次=1 次 - ordinal");
	expect("2977名十四届全国人大代表，26组47家中央企业", "2977名=2977 名 - count; 十四届=14 届 - ordinal; 26组=26 组 - count; 47家=47 家 - count");
	expect("两架SH-60K直升机，F-16战机", "两架=2 架 - count");
	expect("对十起违反规定的问题", "十起=10 起 - count");
	expect("两个半圆连接，绕广场半周", "两个=2 个 - count");
	expect("深入践行“五个坚持”，坚决做到“两个维护”", "");
	expect("违反中央八项规定精神，和平共处五项原则", "");
	expect("党的二十届二中、三中全会", "二十届=20 届 - ordinal");
	expect("带领一分团，三分种七分管，以92.25分夺冠", "92.25分=92.25 分 - score");
	expect("中国万岁！今年两度会晤，这两天降温，今明两天", "两天=2 天 - duration");
	expect("积石山县6.2级地震，三级体系", "6.2级=6.2 级 - measure");
	expect("秉持“十六字”方针，两节期间，两头在外，冬季两项中心", "");
	expect("项目“三张清单”，“四项清单”工作机制", "三张=3 张 - count; 四项=4 项 - count");
	expect("进入新的一年，此前一天，较上一年，同一天", "");
	expect("过去一年，一年来，再延长一天", "一年=1 年 - duration; 一年=1 年 - duration; 一天=1 天 - duration");
	expect("海阳核电二期工程建设", "二期=2 期 - ordinal");
	expect("举办三期培训班，实施三个项目", "三期=3 期 - count; 三个=3 个 - count");
	expect("在晚八点档播出，一直干到晚上七八点", "");
	expect("等三部委组织开展", "");
	expect("情牵万家灯火，文化进万家", "");
	expect("立冬是二十四节气中的第十九个节气", "第十九个=19 个 - ordinal");
}

static void frequencies(void)
{
	expect("每年对物业服务项目开展一次星级评定", "一次=1 次 - count");
	expect("每2小时调整并发布一次回水温度指标", "2小时=2 小时 - duration; 一次=1 次 - count");
	expect("每天一次核酸检测和一次抗原检测", "一次=1 次 - count; 一次=1 次 - count");
	expect("每年拿出一定比例，开展一次评议", "");
	expect("每一次对英烈的缅怀", "");
}

static void dates_and_codes(void)
{
	expect("于2019年12月13日挂牌", "");
	expect("5月30日，记者", "");
	expect("自上世纪80年代起", "");
	expect("20-09-02 14:52", "");
	expect("热线0471-5103964", "");
	expect("电话13812345678", "");
	expect("支持4G和AK47", "");
	expect("版本1.2.3发布", "");
	expect("下午3点开会，提出3点意见", "3点=3 点 - count");
	expect("访问http://a.cn/p?id=30%25 查看", "");
	expect("邮箱12345@qq.com", "");
	expect("执法时间从7日下降为3日", "7日=7 日 - duration; 3日=3 日 - duration");
	expect("13日上午，记者", "");
	expect("消息：16日，七国集团重申", "");
	expect("以色列总理26日重申", "");
	expect("10月1日至4日，北京全市", "");
	expect("实施2024—2028年行动计划", "");
	expect("在30日内办结", "30日=30 日 - duration");
	expect("为期3日的培训", "3日=3 日 - duration");
	expect("圣克鲁斯县附近14日遭龙卷风袭击，北约29日将", "");
	expect("假期1—6日日间门票，于4月16—17日举行", "");
	expect("持续约3日，为期3至5日的培训", "约3日=3 日 about duration; 3至5日=3 日 about duration");
}

static void user_exclusions(void)
{
	struct tables U;
	struct scanner V;
	tables_load(&U);
	const char *mine = "# our slogans\n三个一\n";
	tables_add_exclude(&U, mine, strlen(mine), "mine.txt");
	tables_build(&U);
	scanner_init(&V, &U, 0);
	struct collect c = { "建立三个一机制和三个小组", BUF_INIT };
	buf_adds(&c.b, "");
	scan_text(&V, c.text, strlen(c.text), NULL, 0, take, &c);
	CHECK_STR("--exclude list skips its phrases only", c.b.p, "三个=3 个 - count");
	buf_free(&c.b);
	scanner_free(&V);
	tables_free(&U);
}

static void skipped_spans(void)
{
	const char *text = "共3个单位，5个人";
	struct span sp = { 2, 6 };   /* "3个" as an entity of an earlier stage */
	struct collect c = { text, BUF_INIT };
	buf_adds(&c.b, "");
	scan_text(&S, text, strlen(text), &sp, 1, take, &c);
	CHECK_STR("digits inside a prior entity are skipped", c.b.p, "5个=5 个 - count");
	buf_free(&c.b);
}

/* ---- the grammar of quantities, one part at a time ---- */

static void money_in_jiao_and_fen(void)
{
	expect("一根冰棍卖八毛，找回叁角伍分，车费十五块五，收到人民币贰佰元整，两块钱",
	       "八毛=0.8 元 - money; 叁角伍分=0.35 元 - money; 十五块五=15.5 元 - money; 人民币贰佰元整=200 元 - money; 两块钱=2 元 - money");
	expect("零钱只剩六毛五", "六毛五=0.65 元 - money");
	expect("花了一百块，买了三块蛋糕", "一百块=100 元 - money; 三块=3 块 - count");
	expect("北向资金净流入65.5亿，而观众达到3亿", "65.5亿=6550000000 - - money; 3亿=300000000 - - other");
	expect("一块五毛钱，十块零五分钱，三分钱", "一块五毛钱=1.5 元 - money; 十块零五分钱=10.05 元 - money; 三分钱=0.03 元 - money");
}

static void currencies(void)
{
	expect("新台币 177.1 亿元，USD 100", "新台币 177.1 亿元=17710000000 新台币 - money; USD 100=100 美元 - money");
	expect("兑换三百港幣，付了EUR25和JPY3000，约合A$19.9，标价₩5000，再加两千泰铢",
	       "三百港幣=300 港元 - money; EUR25=25 欧元 - money; JPY3000=3000 日元 - money; A$19.9=19.9 澳元 - money; ₩5000=5000 韩元 - money; 两千泰铢=2000 泰铢 - money");
	expect("日圆升值，澳门币五十元，美元一百", "澳门币五十元=50 澳门元 - money");
}

static void units_and_dimensions(void)
{
	expect("最低气温-8°C，延迟35ms即35毫秒，含糖12g，面积2.5km²，浓度0.05毫克/升，车速60公里每小时",
	       "-8°C=-8 ℃ - measure; 35ms=35 毫秒 - duration; 35毫秒=35 毫秒 - duration; 12g=12 克 - measure; 2.5km²=2.5 平方公里 - measure; 0.05毫克/升=0.05 毫克/升 - measure; 60公里每小时=60 公里/小时 - measure");
	expect("两朵花，第五集，三尾鱼，途经六站",
	       "两朵=2 朵 - count; 第五集=5 集 - ordinal; 三尾=3 尾 - count; 六站=6 站 - count");
	expect("第12号公告，12号线", "第12号=12 号 - ordinal");
	expect("体温华氏100度，摄氏37度", "华氏100度=100 华氏度 - measure; 摄氏37度=37 摄氏度 - measure");
	expect("身高一米七五，内存16GB，带宽100Mbps，电池5000mAh，电压220V",
	       "一米七五=1.75 米 - measure; 16GB=16 GB - measure; 100Mbps=100 Mbps - measure; 5000mAh=5000 毫安时 - measure; 220V=220 伏 - measure");
}

static void signs(void)
{
	expect("利润负百分之八，夜间零下十二度，负3.5%",
	       "负百分之八=-8 % - percent; 零下十二度=-12 度 - measure; 负3.5%=-3.5 % - percent");
}

static void colloquial_mixtures(void)
{
	expect("月薪7千5，存款2萬8，他跳过了2米35，5又3/4杯",
	       "7千5=7500 - - money; 2萬8=28000 - - money; 2米35=2.35 米 - measure; 5又3/4=5.75 - - fraction");
	expect("还有一块五花肉", "");
}

static void stacked_multipliers(void)
{
	expect("一万亿亿", "一万亿亿=100000000000000000000 - - other");
	expect("投资两个亿，千万不要，万一", "两个亿=200000000 - - money");
}

static void adjacent_digits(void)
{
	expect("来了三五百人，约七百三四十人，三五天",
	       "三五百人=300 人 about count; 约七百三四十人=730 人 about count; 三五天=3 天 about duration");
}

static void ranges_share_multipliers(void)
{
	expect("增长百分之三到五，气温零下五到零下十度，月薪10~15k元",
	       "百分之三到五=3 % about percent; 零下五到零下十度=-10 度 about measure; 10~15k元=10000 元 about money");
	expect("投资两到三百万元，五到十万人，九到十个，3至5个",
	       "两到三百万元=2000000 元 about money; 五到十万人=50000 人 about count; 九到十个=9 个 about count; 3至5个=3 个 about count");
}

static void fractions_and_spoken_percents(void)
{
	expect("不到十分之一，百分百满意，百分九十的人，十分满意",
	       "不到十分之一=0.1 - under fraction; 百分百=100 % - percent; 百分九十=90 % - percent");
}

static void compound_durations(void)
{
	expect("一小时零十五秒，两年零三个月，3斤5两",
	       "一小时零十五秒=3615 秒 - duration; 两年零三个月=27 个月 - duration; 3斤5两=3.5 斤 - measure");
	expect("历时2个小时20分钟15秒，等了1个多月，用了一个半月，三年零两个月",
	       "2个小时20分钟15秒=8415 秒 - duration; 1个多月=1 个月 over duration; 一个半月=1.5 个月 - duration; 三年=3 年 - duration; 两个月=2 个月 - duration");
}

static void lists_and_slogans(void)
{
	expect("一组二组三组", "一组=1 组 - count; 二组=2 组 - count; 三组=3 组 - count");
	expect("四个一线城市，三个一批", "四个=4 个 - count");
	expect("实现第二个百年奋斗目标", "");
}

static void modifiers(void)
{
	expect("近3年同期，近3年，大约为15吨，突破80亿元，月收入过万元，约计500位",
	       "近3年=3 年 - duration; 近3年=3 年 under duration; 大约为15吨=15 吨 about measure; 突破80亿元=8000000000 元 over money; 过万元=10000 元 over money; 约计500位=500 位 about count");
}

static void scores_and_ratios(void)
{
	expect("比分92∶88，以3:1获胜，上午10:30开会",
	       "92=92 - - score; 88=88 - - score; 3=3 - - score; 1=1 - - score");
	expect("比例为2.5:47.3:50.2",
	       "2.5=2.5 - - other; 47.3=47.3 - - other; 50.2=50.2 - - other");
}

static void spaces_and_headers(void)
{
	expect("投入200 万元，共50 人，2019 年", "200 万元=2000000 元 - money; 50 人=50 人 - count");
	expect("单位：亿元，（单位：万吨）", "");
}

static void false_hits(void)
{
	expect("三次产业，第一课，1998.12，2019.5亿元", "2019.5亿元=201950000000 元 - money");
}

static void ranks(void)
{
	expect("排名第三。位列第二，前五名，前三季度",
	       "第三=3 - - ordinal; 第二=2 - - ordinal; 前五名=5 名 - ordinal");
}

static void spans_before_after(void)
{
	expect("三年前，三年之后，两天后", "三年=3 年 - duration; 两天=2 天 - duration");
}

int main(void)
{
	check_suite = "extract-numbers/scan";
	tables_load(&T);
	tables_build(&T);
	scanner_init(&S, &T, 0);
	quantities();
	vague_and_ranges();
	halves_and_compounds();
	english();
	not_numbers();
	frequencies();
	dates_and_codes();
	user_exclusions();
	skipped_spans();
	money_in_jiao_and_fen();
	currencies();
	units_and_dimensions();
	signs();
	colloquial_mixtures();
	stacked_multipliers();
	adjacent_digits();
	ranges_share_multipliers();
	fractions_and_spoken_percents();
	compound_durations();
	lists_and_slogans();
	modifiers();
	scores_and_ratios();
	spaces_and_headers();
	false_hits();
	ranks();
	spans_before_after();
	scanner_free(&S);
	tables_free(&T);
	return check_done();
}
