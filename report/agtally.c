/*
 * agtally.c - agencies counted over the spans of one pass: see
 * agtally.h.
 *
 * A partnership has tens of agencies and a pass reads tens of thousands
 * of rows: each row's two ids are found in a small open-addressed table
 * (FNV-1a), and each span's counts are then two additions.
 */
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "agtally.h"

struct agency {
	char id[M_ID];
	long a[AGTALLY_SPANS], b[AGTALLY_SPANS];
	long met[AGTALLY_SPANS]; /* when first counted in the span (1, 2, ...), or 0 */
};

struct agtally {
	struct agency *v;
	int n, cap;
	int *slot; /* nslot entries: an index into v, or -1 */
	size_t nslot;
	long seq[AGTALLY_SPANS];
};

static size_t hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Put agency i in the table (there is room). */
static void place(struct agtally *t, int i)
{
	size_t h = hash(t->v[i].id) & (t->nslot - 1);

	while (t->slot[h] >= 0)
		h = (h + 1) & (t->nslot - 1);
	t->slot[h] = i;
}

/* Give t's table nslot slots (a power of two, more than twice its
 * agencies) and put every agency in it. */
static void resize(struct agtally *t, size_t nslot)
{
	t->nslot = nslot;
	t->slot = xrealloc(t->slot, nslot * sizeof(*t->slot));
	for (size_t i = 0; i < nslot; i++)
		t->slot[i] = -1;
	for (int i = 0; i < t->n; i++)
		place(t, i);
}

struct agtally *agtally_new(void)
{
	struct agtally *t = xcalloc(1, sizeof(*t));

	resize(t, 64);
	return t;
}

void agtally_free(struct agtally *t)
{
	if (!t)
		return;
	free(t->v);
	free(t->slot);
	free(t);
}

int agtally_agency(struct agtally *t, const char *id)
{
	size_t h;

	if (!id)
		return -1;
	h = hash(id) & (t->nslot - 1);
	for (; t->slot[h] >= 0; h = (h + 1) & (t->nslot - 1))
		if (!strcmp(t->v[t->slot[h]].id, id))
			return t->slot[h];
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		t->v = xrealloc(t->v, (size_t)t->cap * sizeof(*t->v));
	}
	memset(&t->v[t->n], 0, sizeof(t->v[0]));
	/* an id longer than an item's holds is cut, as snprintf() cut it */
	snprintf(t->v[t->n].id, sizeof(t->v[0].id), "%s", id);
	if (2 * (size_t)(t->n + 1) > t->nslot)
		resize(t, 2 * t->nslot);
	place(t, t->n);
	return t->n++;
}

/* Agency i counted in span: the first time, it takes its place in the
 * order met. */
static struct agency *meet(struct agtally *t, int span, int i)
{
	if (!t->v[i].met[span])
		t->v[i].met[span] = ++t->seq[span];
	return &t->v[i];
}

void agtally_count(struct agtally *t, int span, int by, int with)
{
	if (by >= 0)
		meet(t, span, by)->a[span]++;
	if (with >= 0)
		meet(t, span, with)->b[span]++;
}

static int cmp_item(const void *x, const void *y)
{
	return strcmp(((const struct m_item *)x)->id, ((const struct m_item *)y)->id);
}

int agtally_items(const struct agtally *t, int span, int by_id, struct m_item *out, int cap)
{
	struct m_item *all = xmalloc(((size_t)t->seq[span] + 1) * sizeof(*all));
	int n = 0;

	/* every agency counted, at its place in the order met */
	for (int i = 0; i < t->n; i++) {
		const struct agency *g = &t->v[i];
		long k = g->met[span] - 1;

		if (k < 0)
			continue;
		memcpy(all[k].id, g->id, sizeof(all[k].id));
		all[k].a = g->a[span];
		all[k].b = g->b[span];
		n++;
	}
	if (by_id && n > 1)
		qsort(all, (size_t)n, sizeof(*all), cmp_item);
	if (n > cap)
		n = cap;
	if (n)
		memcpy(out, all, (size_t)n * sizeof(*out));
	free(all);
	return n;
}
