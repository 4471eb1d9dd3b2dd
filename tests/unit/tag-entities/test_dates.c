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
	entities_fini();
	return check_done();
}
