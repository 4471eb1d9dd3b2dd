/* aggregate's groups: key encoding round trip and order, and the hash table keeping
 * every group through many growths. */
#include "check.h"
#include "bag.h"
#include "groups.h"

int main(void)
{
	check_suite = "aggregate/groups";
	struct buf k1 = BUF_INIT, k2 = BUF_INIT;
	char big[300];
	memset(big, 'z', sizeof big);
	struct field a[3] = { { (char *)"北京", 6 }, { (char *)"", 0 }, { big, sizeof big } };
	key_encode(&k1, a, 3);
	struct field back[3];
	key_decode(k1.p, k1.n, 3, back);
	CHECK("three fields back (one of 300 bytes, one empty)",
	      back[0].n == 6 && memcmp(back[0].p, "北京", 6) == 0 && back[1].n == 0 &&
	      back[2].n == 300 && back[2].p[299] == 'z');

	/* "ab","c" and "a","bc" concatenate alike but are different keys */
	struct field x[2] = { { (char *)"ab", 2 }, { (char *)"c", 1 } };
	struct field y[2] = { { (char *)"a", 1 }, { (char *)"bc", 2 } };
	key_encode(&k1, x, 2);
	key_encode(&k2, y, 2);
	CHECK("ab|c differs from a|bc", k1.n != k2.n || memcmp(k1.p, k2.p, k1.n) != 0);
	CHECK("a|bc sorts before ab|c (field by field)", key_cmp(k2.p, k2.n, k1.p, k1.n, 2) < 0);
	struct field p[2] = { { (char *)"a", 1 }, { (char *)"z", 1 } };
	struct field q[2] = { { (char *)"aa", 2 }, { (char *)"", 0 } };
	key_encode(&k1, p, 2);
	key_encode(&k2, q, 2);
	CHECK("a|z before aa| (a prefix sorts first)", key_cmp(k1.p, k1.n, k2.p, k2.n, 2) < 0);

	struct groups *g = groups_new(8);
	int ok = 1;
	char key[32];
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 100000; i++) {
			int n = snprintf(key, sizeof key, "城市%d", i);
			struct group *gr = groups_get(g, key, (size_t)n, hash_bytes(key, (size_t)n));
			unsigned long long *c = (unsigned long long *)group_st(gr);
			ok &= *c == (unsigned long long)round;
			(*c)++;
		}
	}
	CHECK("100000 groups, each found again with its state", ok && groups_count(g) == 100000);
	groups_sort(g, 1);
	struct group **l = groups_list(g);
	CHECK("sorted by key bytes", l[0]->keylen == 7 && memcmp(group_key(l[0]), "城市0", 7) == 0 &&
	      memcmp(group_key(l[1]), "城市1", 7) == 0 && l[2]->keylen == 8 && memcmp(group_key(l[2]), "城市10", 8) == 0);
	struct group *e = groups_get(g, "", 0, hash_bytes("", 0));
	CHECK("the empty key is a key", e && e->keylen == 0 && groups_count(g) == 100001);
	groups_free(g, NULL, NULL);
	buf_free(&k1);
	buf_free(&k2);
	return check_done();
}
