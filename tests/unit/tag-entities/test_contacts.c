/* PHONE, EMAIL, URL; serial numbers are no phones; no input makes a pattern slow. */
#include <time.h>
#include "check.h"
#include "helper.h"

int main(void)
{
	check_suite = "tag-entities/contacts";
	helper_init(1);
	CHECK_TAG("area code", "新闻热线:0471-5103964 投", "PHONE:0471-5103964=04715103964");
	CHECK_TAG("listed after a phone", "联系方式:0471-6659743、6659744。",
	          "PHONE:0471-6659743=04716659743 PHONE:6659744=6659744");
	CHECK_TAG("mobile", "请拨打13812345678咨询", "PHONE:13812345678=13812345678");
	CHECK_TAG("service number", "发挥12345、12319平台", "PHONE:12345=12345 PHONE:12319=12319");
	CHECK_TAG("licence numbers are no phones",
	          "许可证:15120180001 信息网络传播视听节目许可证:0507213 蒙ICP证:09003619号", "");
	CHECK_TAG("host names", "bdall.peaapk.com xtrb.peaapk.com",
	          "URL:bdall.peaapk.com URL:xtrb.peaapk.com");
	CHECK_TAG("URL with a scheme", "见https://www.example.cn/a/b.html。",
	          "URL:https://www.example.cn/a/b.html");
	CHECK_TAG("400 number grouped 3-4-3", "财富热线：400-6533-789 工", "PHONE:400-6533-789=4006533789");
	CHECK_TAG("800 number grouped 3-3-4", "拨打800-820-8820咨询", "PHONE:800-820-8820=8008208820");
	CHECK_TAG("Chinese domain name", "中文域名：中国政府网.政务 ", "URL:中国政府网.政务");
	CHECK_TAG("email", "投稿邮箱:news@nmgnews.com.cn。", "EMAIL:news@nmgnews.com.cn");
	CHECK_TAG("protected address is nothing", "投稿邮箱:[email protected]", "");

	/* Long hostile inputs finish in linear time. */
	size_t n = 1 << 20;
	char *s = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = "a.a-"[i % 4];
	s[n] = '\0';
	clock_t t0 = clock();
	tag(s);
	memset(s, 'a', n);
	tag(s);
	for (size_t i = 0; i < n; i++)
		s[i] = i % 2 ? '@' : 'a';
	tag(s);
	for (size_t i = 0; i < n; i++)
		s[i] = "0123456789-"[i % 11];
	tag(s);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("# hostile 4 x 1 MB: %.2f s\n", secs);
	CHECK("hostile inputs take well under a few seconds", secs < 5.0);
	free(s);
	entities_fini();
	return check_done();
}
