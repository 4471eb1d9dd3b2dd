/* Organisations: full written names with the places inside them also as LOC; generic
 * references are not entities. */
#include "check.h"
#include "helper.h"

int main(void)
{
	check_suite = "tag-entities/orgs";
	helper_init(1);
	CHECK_TAG("place + description + suffix", "在万锦社区玉泉区社会组织便民服务中心，",
	          "LOC:万锦社区 ORG:玉泉区社会组织便民服务中心 LOC:玉泉区");
	CHECK_TAG("one suffix after another", "乌兰察布市外出务工人员服务中心第一党支部书记池建业介绍",
	          "ORG:乌兰察布市外出务工人员服务中心第一党支部 LOC:乌兰察布市 PER:池建业");
	CHECK_TAG("委 right after a district", "玉泉区委、区政府", "ORG:玉泉区委 LOC:玉泉区");
	CHECK_TAG("media", "转自：人民网内蒙古频道", "ORG:人民网内蒙古频道 LOC:内蒙古");
	CHECK_TAG("news site", "呼和浩特玉泉区新闻网首页",
	          "ORG:呼和浩特玉泉区新闻网 LOC:呼和浩特 LOC:玉泉区");
	CHECK_TAG("a named hospital", "】百草堂秦氏中医院到", "ORG:百草堂秦氏中医院");
	CHECK_TAG("a quoted shop name", "社区“老百姓”便利店的店主", "ORG:“老百姓”便利店");
	CHECK_TAG("an ordinal school", "区委书记周强走进第六中学慰问", "PER:周强 ORG:第六中学");
	CHECK_TAG("generic references are no organisations",
	          "社区党支部就在家门口，建设小区党群服务站，组建党员志愿服务队", "");
	CHECK_TAG("a clause is no organisation", "新城区海拉尔路街道充分挖掘基层党群服务中心的功能",
	          "LOC:新城区 LOC:海拉尔路街道");
	CHECK_TAG("a student is no school", "辖区有一名中学生", "");
	CHECK_TAG("a known organisation", "从中共一大到十九大", "ORG:中共");
	entities_fini();
	return check_done();
}
