/* Places: administrative names split where the text runs them together, never broken in
 * two; sound left edges; chains; landmarks; generic phrases are no places. */
#include "check.h"
#include "helper.h"

int main(void)
{
	check_suite = "tag-entities/places";
	helper_init(1);
	CHECK_TAG("江阴市长泾镇 splits before 长, not at 市长", "江阴市长泾镇",
	          "LOC:江阴市 LOC:长泾镇");
	CHECK_TAG("南京市长江大桥 keeps 长江大桥", "南京市长江大桥",
	          "LOC:南京市 LOC:长江大桥 LOC:长江");
	CHECK_TAG("走进赛罕区 gives 赛罕区", "走进赛罕区", "LOC:赛罕区");
	CHECK_TAG("admin chain in three units", "托克托县新营子镇明珠社区的居民",
	          "LOC:托克托县 LOC:新营子镇 LOC:明珠社区");
	CHECK_TAG("province city county", "内蒙古自治区呼和浩特市玉泉区",
	          "LOC:内蒙古自治区 LOC:呼和浩特市 LOC:玉泉区");
	CHECK_TAG("short forms", "来呼市七八年了，我是乌兰察布的", "LOC:呼市 LOC:乌兰察布");
	CHECK_TAG("a verb before a community is cut off", "打造海亮社区融媒体工作室",
	          "LOC:海亮社区");
	CHECK_TAG("a street starting with a city's short form", "将中山西路商业街区划分",
	          "LOC:中山西路");
	CHECK_TAG("a street names its street office", "新城区海拉尔路街道充分挖掘",
	          "LOC:新城区 LOC:海拉尔路街道");
	CHECK_TAG("a landmark holds its province", "在中山西路内蒙古国际贸易大厦打造",
	          "LOC:中山西路 LOC:内蒙古国际贸易大厦 LOC:内蒙古");
	CHECK_TAG("names with 都, long names, a street naming a street office",
	          "贵都社区联动，玉泉区五塔寺北街社区，环街街道探索",
	          "LOC:贵都社区 LOC:玉泉区 LOC:五塔寺北街社区 LOC:环街街道");
	CHECK_TAG("a village after its township, in an organisation", "黄合少镇格此老村党支部书记赵妙说。",
	          "ORG:黄合少镇格此老村党支部 LOC:黄合少镇 LOC:格此老村 PER:赵妙");
	CHECK_TAG("a generic word inside is no name", "回民区机关党员下社区开展义诊", "LOC:回民区");
	CHECK_TAG("generic phrases are no places", "改造老旧小区，推进社区治理，全方位提升乡村治理能力",
	          "");
	CHECK_TAG("an adjective is no community name", "评选优秀社区和文明村", "");
	CHECK_TAG("two-character counties need a boundary", "振兴县域经济，和县城建设", "");
	CHECK_TAG("a township after a county's short form", "古交原相乡", "LOC:古交 LOC:原相乡");
	CHECK_TAG("a short form stays when the street after it is a generic word", "新疆公路口岸",
	          "LOC:新疆");
	CHECK_TAG("a word running over a name's start hides it", "维护发展中国家共同利益，中国同",
	          "LOC:中国");
	CHECK_TAG("an autonomous prefecture by its short form", "青海果洛州、玉树州等牧区",
	          "LOC:青海 LOC:果洛州 LOC:玉树州");
	CHECK_TAG("a quoted concept is no place", "创新“蜂巢社区”理念，建设“口袋公园”", "");
	CHECK_TAG("a company heads a park", "精心打造蒙牛中国乳业产业园等重点项目",
	          "LOC:蒙牛中国乳业产业园 ORG:蒙牛 LOC:中国");
	CHECK_TAG("a place inside a known organisation", "拥护中国共产党的领导",
	          "ORG:中国共产党 LOC:中国");
	CHECK_TAG("after a numeral and its measure word a name may start", "举办十四届和林格尔芍药文化旅游节",
	          "LOC:和林格尔");
	CHECK_TAG("an ethnic group is no country", "清泉街社区的朝鲜族居民金福姬说。",
	          "LOC:清泉街社区 PER:金福姬");
	CHECK_TAG("a street office written short after its street", "玉泉区兴隆巷街清泉街社区",
	          "LOC:玉泉区 LOC:兴隆巷街 LOC:清泉街社区");
	CHECK_TAG("bounds written as direction + 至", "南至锡林大街，东至呼格吉勒路",
	          "LOC:锡林大街 LOC:呼格吉勒路");
	CHECK_TAG("和 after a word is a conjunction, not a county's first character",
	          "坚持党史学习和政法队伍教育整顿", "");
	CHECK_TAG("该局 is no part of a street's name", "该局民胜街派出所民警",
	          "ORG:民胜街派出所 LOC:民胜街");
	CHECK_TAG("countries and nicknames", "中国特色，具有青城记忆", "LOC:中国 LOC:青城");
	/* names a document taught are found alone later in the same document */
	tag_in("memo", "在西菜园街道党工委");
	CHECK_STR("a street office's bare name, later in the document",
	          tag_in("memo", "加入西菜园云中路西岸国际居民党支部"),
	          "ORG:西菜园云中路西岸国际居民党支部 LOC:西菜园 LOC:云中路");
	CHECK_STR("but not in another document", tag("加入西菜园的队伍"), "");
	tag_in("stem", "玉泉区和赛罕区");
	CHECK_STR("the stem of a district the document named, at a boundary",
	          tag_in("stem", "玉泉民警，开通“智慧赛罕”公众号，白玉泉水"), "LOC:玉泉 LOC:赛罕");
	tag_in("memo2", "新城区八一路社区");
	CHECK_STR("a remembered name ending in a generic word (一路) still takes its suffix",
	          tag_in("memo2", "八一路社区通过建立健全社区党组织体系"), "LOC:八一路社区");
	/* A long line is read in windows ending at punctuation: the same mentions. */
	entities_set_window(64);
	CHECK_TAG("small windows find the same", "托克托县新营子镇明珠社区的居民田雪说，江阴市长泾镇，南京市长江大桥。",
	          "LOC:托克托县 LOC:新营子镇 LOC:明珠社区 PER:田雪 LOC:江阴市 LOC:长泾镇 "
	          "LOC:南京市 LOC:长江大桥 LOC:长江");
	entities_set_window(1 << 16);
	entities_fini();
	return check_done();
}
