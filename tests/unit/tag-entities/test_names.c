/* Personal names: surname + context; ordinary words never turn into names. */
#include "check.h"
#include "helper.h"

int main(void)
{
	check_suite = "tag-entities/names";
	helper_init(1);
	CHECK_TAG("credits", "本报讯(记者 祁晓燕 通讯员 云静波)近年来",
	          "PER:祁晓燕 PER:云静波");
	CHECK_TAG("credits with a non-Han name", "■本报记者 阿柔娜 摄", "PER:阿柔娜");
	CHECK_TAG("photo credit", "正在暖心坊里制作盘扣胸针。张聿修 摄", "PER:张聿修");
	CHECK_TAG("role + name + 说", "社区党委书记蔚鑫说。", "PER:蔚鑫");
	CHECK_TAG("role + three-character name", "社区居民王聪慧正在暖心坊里", "PER:王聪慧");
	CHECK_TAG("role + name + verb", "村民朱秀英竖起大拇指", "PER:朱秀英");
	CHECK_TAG("form of address", "袁女士前来查询社保，康大爷说起", "PER:袁女士 PER:康大爷");
	CHECK_TAG("name before a verb of saying", "。吕子木说：", "PER:吕子木");
	CHECK_TAG("well-known name", "习近平新时代中国特色社会主义思想",
	          "PER:习近平 LOC:中国");
	CHECK_TAG("ordinary words are no names",
	          "大家高兴地说，居民安全感提升，平时说的，书记包抓、", "");
	CHECK_TAG("向记者 after a name is no name", "闫琦向记者介绍", "PER:闫琦");
	entities_byline(1);
	CHECK_TAG("a credit line without credit words", "□王文涛 崔立文 阿桑娜",
	          "PER:王文涛 PER:崔立文 PER:阿桑娜");
	CHECK_TAG("a credit line: labels and media are no names", "转自:人民网内蒙古频道",
	          "ORG:人民网内蒙古频道 LOC:内蒙古");
	CHECK_TAG("a credit line: 摄 is cut off", "■本报实习记者 若谷摄", "PER:若谷");
	entities_byline(0);
	CHECK_TAG("a dateline", "新华社北京12月13日电记者王丹报道", "ORG:新华社 LOC:北京 DATE:12月13日=--12-13 PER:王丹");
	CHECK_TAG("a name after a role word, before an idiom", "村党支部书记董凤英神采奕奕。",
	          "PER:董凤英");
	CHECK_TAG("no name across a word", "总书记来战旗村之前", "");
	CHECK_TAG("the other items of a list of names", "何立峰、吴政隆、穆虹、姜信治出席座谈会。",
	          "PER:何立峰 PER:吴政隆 PER:穆虹 PER:姜信治");
	CHECK_TAG("a list item running into the sentence", "黄坤明、王东峰一同调研。",
	          "PER:黄坤明 PER:王东峰");
	CHECK_TAG("a list of words is no list of names", "高、中、低风险，文化、教育、卫生", "");
	CHECK_TAG("reporters in brackets after the last sentence", "推行积分兑换模式。(郭磊)", "PER:郭磊");
	CHECK_TAG("two of them", "找到了他的亲人。（曹坤 霍阿敏）", "PER:曹坤 PER:霍阿敏");
	CHECK_TAG("a note in brackets is no credit", "说明。(试行)", "");
	/* names a document taught are found again */
	tag_in("d", "书记张华说：");
	CHECK_STR("a name found by context is remembered", tag_in("d", "张华介绍，小区"), "PER:张华");
	entities_fini();
	return check_done();
}
