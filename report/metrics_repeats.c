/*
 * metrics_repeats.c - repeat disagreements over the twelve months ending
 * with the period (DESIGN.md "Repeat disagreements"), counted from the
 * rows metrics.c gathers (the case keys of queries/m_raised_between.sql):
 * see metrics_outcomes.h.
 *
 * Each row is one escalation with a case reference: its case_key (a keyed
 * pseudonym) and its two agencies, put the lesser first (strcmp, as
 * SQLite's min() compares text).  Only a case with two
 * rows or more can be a repeat: a hash table of the cases finds those few
 * rows; sorted by (case, agency, agency), a case's escalations and a
 * case's pairs each run together, so one walk counts both.
 */
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "metrics.h"
#include "metrics_outcomes.h"

struct rep_row {
	const char *key, *a, *b; /* into the rows' one buffer */
};

/* The rows as read: their strings end to end in buf ("key\0a\0b\0" a
 * row), at off[i] for row i; pointers are made once all are read (buf
 * moves as it grows). */
struct m_repeat_rows {
	char *buf;
	size_t len, cap;
	size_t *off;
	size_t n, ncap;
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

struct m_repeat_rows *metrics_repeat_rows_new(void)
{
	return xcalloc(1, sizeof(struct m_repeat_rows));
}

void metrics_repeat_rows_free(struct m_repeat_rows *b)
{
	if (!b)
		return;
	free(b->buf);
	free(b->off);
	free(b);
}

void metrics_repeat_rows_add(struct m_repeat_rows *b, const char *key, const char *by,
			     const char *with)
{
	const char *col[3] = {key ? key : "", by ? by : "", with ? with : ""};

	if (b->n == b->ncap) {
		b->ncap = b->ncap ? 2 * b->ncap : 1024;
		b->off = xrealloc(b->off, b->ncap * sizeof(*b->off));
	}
	if (strcmp(col[1], col[2]) > 0) { /* the lesser agency first */
		const char *t = col[1];

		col[1] = col[2];
		col[2] = t;
	}
	b->off[b->n++] = b->len;
	for (int i = 0; i < 3; i++) {
		const char *s = col[i];
		size_t len = strlen(s) + 1;

		if (b->len + len > b->cap) {
			b->cap = b->cap * 2 > b->len + len ? b->cap * 2 : b->len + len + 4096;
			b->buf = xrealloc(b->buf, b->cap);
		}
		memcpy(b->buf + b->len, s, len);
		b->len += len;
	}
}

/* FNV-1a: the case key's slot in a table of mask + 1 slots. */
static size_t slot_of(const char *key, size_t mask)
{
	size_t h = 2166136261u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h & mask;
}

/* The rows of b whose case has two rows or more (the others can be no
 * repeat), as rows; *n gets how many.  A table of the cases counts them. */
static struct rep_row *repeated(const struct m_repeat_rows *b, size_t *n)
{
	size_t mask = 1023, *first, *count;
	struct rep_row *rows;

	while (mask < 2 * b->n)
		mask = 2 * mask + 1;
	first = xmalloc((mask + 1) * sizeof(*first)); /* a row of the slot's case, or n */
	count = xcalloc(mask + 1, sizeof(*count));
	for (size_t i = 0; i <= mask; i++)
		first[i] = b->n;
	for (size_t i = 0; i < b->n; i++) {
		const char *key = b->buf + b->off[i];
		size_t h = slot_of(key, mask);

		while (first[h] != b->n && strcmp(b->buf + b->off[first[h]], key))
			h = (h + 1) & mask;
		if (first[h] == b->n)
			first[h] = i;
		count[h]++;
	}
	rows = xmalloc((b->n ? b->n : 1) * sizeof(*rows));
	*n = 0;
	for (size_t i = 0; i < b->n; i++) {
		const char *key = b->buf + b->off[i];
		size_t h = slot_of(key, mask);

		while (strcmp(b->buf + b->off[first[h]], key))
			h = (h + 1) & mask;
		if (count[h] < 2)
			continue;
		rows[*n].key = key;
		rows[*n].a = key + strlen(key) + 1;
		rows[*n].b = rows[*n].a + strlen(rows[*n].a) + 1;
		(*n)++;
	}
	free(first);
	free(count);
	return rows;
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
	if (npair > 1)
		qsort(pair, npair, sizeof(*pair), cmp_str);
	for (size_t i = 0; i < npair; i++)
		if (i == 0 || strcmp(pair[i], pair[i - 1]))
			(*pairs)++;
	for (size_t i = 0; i < npair; i++)
		free(pair[i]);
	free(pair);
}

void metrics_repeats(const struct m_repeat_rows *b, long *cases, long *pairs)
{
	struct rep_row *rows;
	size_t n;

	rows = repeated(b, &n);
	if (n > 1)
		qsort(rows, n, sizeof(*rows), cmp_row);
	count(rows, n, cases, pairs);
	free(rows);
}
