/*
 * metrics_repeats.c - repeat disagreements over the twelve months ending
 * with the period (DESIGN.md "Repeat disagreements"), counted from the
 * rows metrics.c gathers (the case keys of queries/m_raised_between.sql):
 * see metrics_outcomes.h.
 *
 * Each row is one escalation with a case reference: its case_key (a keyed
 * pseudonym, its 16 bytes) and its two agencies, by the numbers metrics.c
 * gives them (report/agtally.h), the lesser first: a pair is the
 * same whichever agency raised it.  Only a case with two rows or more can
 * be a repeat: a hash table of the cases finds those few rows; sorted by
 * (case, agency, agency), a case's escalations and a case's pairs each
 * run together, so one walk counts both.
 */
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "metrics.h"
#include "metrics_outcomes.h"

struct rep_row {
	unsigned char key[16];
	int a, b; /* the agencies' numbers, a <= b */
};

struct m_repeat_rows {
	struct rep_row *row;
	size_t n, cap;
};

static int cmp_row(const void *x, const void *y)
{
	const struct rep_row *p = x, *q = y;
	int c = memcmp(p->key, q->key, sizeof(p->key));

	if (c)
		return c;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return (p->b > q->b) - (p->b < q->b);
}

static int cmp_pair(const void *x, const void *y)
{
	long long p = *(const long long *)x, q = *(const long long *)y;

	return (p > q) - (p < q);
}

struct m_repeat_rows *metrics_repeat_rows_new(void)
{
	return xcalloc(1, sizeof(struct m_repeat_rows));
}

void metrics_repeat_rows_free(struct m_repeat_rows *b)
{
	if (!b)
		return;
	free(b->row);
	free(b);
}

void metrics_repeat_rows_add(struct m_repeat_rows *b, const void *key, int by, int with)
{
	struct rep_row *r;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 1024;
		b->row = xrealloc(b->row, b->cap * sizeof(*b->row));
	}
	r = &b->row[b->n++];
	memcpy(r->key, key, sizeof(r->key));
	r->a = by < with ? by : with;
	r->b = by < with ? with : by;
}

/* A case key's slot in a table of mask + 1 slots: the key is a keyed
 * hash already, so its first bytes serve. */
static size_t slot_of(const unsigned char *key, size_t mask)
{
	size_t h;

	memcpy(&h, key, sizeof(h));
	return h & mask;
}

/* The rows of b whose case has two rows or more (the others can be no
 * repeat); *n gets how many.  A table of the cases counts them. */
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
		const unsigned char *key = b->row[i].key;
		size_t h = slot_of(key, mask);

		while (first[h] != b->n && memcmp(b->row[first[h]].key, key, 16))
			h = (h + 1) & mask;
		if (first[h] == b->n)
			first[h] = i;
		count[h]++;
	}
	rows = xmalloc((b->n ? b->n : 1) * sizeof(*rows));
	*n = 0;
	for (size_t i = 0; i < b->n; i++) {
		const unsigned char *key = b->row[i].key;
		size_t h = slot_of(key, mask);

		while (memcmp(b->row[first[h]].key, key, 16))
			h = (h + 1) & mask;
		if (count[h] >= 2)
			rows[(*n)++] = b->row[i];
	}
	free(first);
	free(count);
	return rows;
}

/* Count rows[0..n) (sorted): cases with two escalations or more, and the
 * distinct pairs (a <> b) with two or more about one case. */
static void count(const struct rep_row *rows, size_t n, long *cases, long *pairs)
{
	long long *pair = NULL;
	size_t npair = 0, cap = 0;

	*cases = *pairs = 0;
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i; j < n && !memcmp(rows[j].key, rows[i].key, 16); j++)
			;
		if (j - i >= 2)
			(*cases)++;
		for (size_t k = i, m; k < j; k = m) {
			for (m = k; m < j && !cmp_row(&rows[m], &rows[k]); m++)
				;
			if (m - k < 2 || rows[k].a == rows[k].b)
				continue;
			if (npair == cap) {
				cap = cap ? 2 * cap : 16;
				pair = xrealloc(pair, cap * sizeof(*pair));
			}
			/* numbers from -1 (no agency) up */
			pair[npair++] = ((long long)rows[k].a + 1) << 32 | (unsigned)(rows[k].b + 1);
		}
	}
	if (npair > 1)
		qsort(pair, npair, sizeof(*pair), cmp_pair);
	for (size_t i = 0; i < npair; i++)
		if (i == 0 || pair[i] != pair[i - 1])
			(*pairs)++;
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
