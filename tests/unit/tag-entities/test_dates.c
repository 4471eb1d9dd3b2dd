/* DATE and TIME with ISO 8601 values; the cases of the issue, Chinese numerals, and
 * numbers that are no dates. Conformance against Recognizers-Text runs in a suite. */
#include "check.h"
#include "helper.h"

int main(void)
{
	check_suite = "tag-entities/dates";
	helper_init(1);
	CHECK_TAG("full date", "于2019年12月13日挂牌", "DATE:2019年12月13日=2019-12-13");
	CHECK_TAG("month and day", "5月30日，晋", "DATE:5月30日=--05-30");
	CHECK_TAG("year and month", "2017年2月，", "DATE:2017年2月=2017-02");
	CHECK_TAG("year", "始建于1993年的", "DATE:1993年=1993");
	CHECK_TAG("decade", "自上世纪80年代起", "DATE:上世纪80年代=198X");
	CHECK_TAG("two-digit year with dashes and a time", "20-09-02 14:52",
	          "DATE:20-09-02=2020-09-02 TIME:14:52=14:52");
	CHECK_TAG("ISO date", "2024-03-05发布", "DATE:2024-03-05=2024-03-05");
	CHECK_TAG("year range", "Copyright 2005-2009 内", "DATE:2005-2009=2005/2009");
	CHECK_TAG("Chinese numerals", "二〇一九年十二月十三日", "DATE:二〇一九年十二月十三日=2019-12-13");
	CHECK_TAG("号 for the day", "5月28号上午", "DATE:5月28号=--05-28");
	CHECK_TAG("time in words", "11时32分", "TIME:11时32分=11:32");
	CHECK_TAG("full-width digits", "２０２０年１月", "DATE:２０２０年１月=2020-01");
	CHECK_TAG("durations and counts are no dates", "在30日内进行，七八年了，从7日下降为3日，3年", "");
	CHECK_TAG("no month 13", "13月1日", "");
	CHECK_TAG("no time 25:99", "比分25:99", "");
	CHECK_TAG("bare day of the month", "记者20日从海关获悉", "DATE:20日=---20");
	CHECK_TAG("bare days are no counts", "连续20日，近5日，每3日，第2日，30日内，5日游，20日元，三个9月", "");
	CHECK_TAG("part of a year or month", "2019年度，2007年末，9月底，6月末，9月份，10月上旬",
	          "DATE:2019年度=2019 DATE:2007年末=2007 DATE:9月底=--09 DATE:6月末=--06 "
	          "DATE:9月份=--09 DATE:10月上旬=--10");
	CHECK_TAG("初步 is no start of the year", "2019年初步统计", "DATE:2019年=2019");
	CHECK_TAG("month ranges", "1-10月，1—8月份，2023年1至9月",
	          "DATE:1-10月=--01/--10 DATE:1—8月份=--01/--08 DATE:2023年1至9月=2023-01/2023-09");
	CHECK_TAG("day ranges", "9月19-20日举行，19—20日，2023年3月5至8日，连续5-6日",
	          "DATE:9月19-20日=--09-19/--09-20 DATE:19—20日=---19/---20 "
	          "DATE:2023年3月5至8日=2023-03-05/2023-03-08");
	CHECK_TAG("year and month with a dot", "since 1999.11 ", "DATE:1999.11=1999-11");
	CHECK_TAG("a dotted number before a unit is no date", "2019.5万元，2019.5%", "");
	CHECK_TAG("copyright year", "©2018 某公司", "DATE:2018=2018");
	CHECK_TAG("copyright word and year", "COPYRIGHT 2020 某报", "DATE:2020=2020");
	CHECK_TAG("a year alone is no date", "共2018人参加", "");
	CHECK_TAG("lunar dates have no ISO value", "农历正月十六，腊月二十三，正月初一",
	          "DATE:农历正月十六 DATE:腊月二十三 DATE:正月初一");
	entities_fini();
	return check_done();
}
