/*
 * metrics_repeats.c - repeat disagreements over the twelve months ending
 * with the period (DESIGN.md "Repeat disagreements"), counted from the
 * rows of queries/m_repeat_rows.sql: see metrics_outcomes.h.
 *
 * Each row is one escalation with a case reference: its case_key (a keyed
 * pseudonym) and its two agencies, the lesser first.  Sorted by (case,
 * agency, agency), a case's escalations and a case's pairs each run
 * together, so one walk counts both.
 */
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "metrics.h"
#include "metrics_outcomes.h"

struct rep_row {
	const char *key, *a, *b; /* into one allocation, key's */
};

static int cmp_row(const void *x, const void *y)
{
	const struct rep_row *p = x, *q = y;
	int c = strcmp(p->key, q->key);

	if (!c)
		c = strcmp(p->a, q->a);
	return c ? c : strcmp(p->b, q->b);
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The three strings of a row in one allocation: "key\0a\0b\0". */
static struct rep_row row_of(sqlite3_stmt *st)
{
	const char *s[3];
	size_t len[3], n = 0;
	char *buf;
	struct rep_row r;

	for (int i = 0; i < 3; i++) {
		s[i] = (const char *)sqlite3_column_text(st, i);
		s[i] = s[i] ? s[i] : "";
		len[i] = strlen(s[i]) + 1;
		n += len[i];
	}
	buf = xmalloc(n);
	memcpy(buf, s[0], len[0]);
	memcpy(buf + len[0], s[1], len[1]);
	memcpy(buf + len[0] + len[1], s[2], len[2]);
	r.key = buf;
	r.a = buf + len[0];
	r.b = r.a + len[1];
	return r;
}

/* Count rows[0..n) (sorted): cases with two escalations or more, and the
 * distinct pairs "a|b" (a <> b) with two or more about one case. */
static void count(const struct rep_row *rows, size_t n, long *cases, long *pairs)
{
	char **pair = NULL;
	size_t npair = 0, cap = 0;

	*cases = *pairs = 0;
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i; j < n && !strcmp(rows[j].key, rows[i].key); j++)
			;
		if (j - i >= 2)
			(*cases)++;
		for (size_t k = i, m; k < j; k = m) {
			for (m = k; m < j && !cmp_row(&rows[m], &rows[k]); m++)
				;
			if (m - k < 2 || !strcmp(rows[k].a, rows[k].b))
				continue;
			if (npair == cap) {
				cap = cap ? 2 * cap : 16;
				pair = xrealloc(pair, cap * sizeof(*pair));
			}
			size_t len = strlen(rows[k].a) + strlen(rows[k].b) + 2;

			pair[npair] = xmalloc(len);
			snprintf(pair[npair++], len, "%s|%s", rows[k].a, rows[k].b);
		}
	}
	qsort(pair, npair, sizeof(*pair), cmp_str);
	for (size_t i = 0; i < npair; i++)
		if (i == 0 || strcmp(pair[i], pair[i - 1]))
			(*pairs)++;
	for (size_t i = 0; i < npair; i++)
		free(pair[i]);
	free(pair);
}

int metrics_repeats(struct wh *w, const char *partnership, const struct period *p, long *cases,
		    long *pairs)
{
	sqlite3_stmt *st = wh_prepare(w, "m_repeat_rows");
	struct rep_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;

	metrics_bind_period(st, partnership, p);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			rows = xrealloc(rows, cap * sizeof(*rows));
		}
		rows[n++] = row_of(st);
	}
	sqlite3_finalize(st);
	qsort(rows, n, sizeof(*rows), cmp_row);
	count(rows, n, cases, pairs);
	for (size_t i = 0; i < n; i++)
		free((char *)rows[i].key);
	free(rows);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "m_repeat_rows");
}
