/*
 * pend.c - a first load's new cases held back a moment: see pend.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "model/pseudo.h"
#include "pend.h"

#define PEND_BUCKETS 1024 /* a power of two, twice the cases held at most */

struct held_case {
	int pidx;
	char key[PSEUDO_HEX];
	struct srow *row;
	int n, cap;
	int hashed; /* found by its key (a row without a case is not) */
	int floor;  /* a day no earlier than any row of the case written before
		       it was held (settle_day()), or DATE_NONE: none */
	int next;   /* the next case in its bucket; -1: none */
};

struct pend {
	pend_flush_fn fn;
	void *ctx;
	const struct reconcile *rec;
	struct held_case c[PEND_ROWS]; /* a ring, oldest at head; n 0: gone */
	int head, ncase, nrows;
	int bucket[PEND_BUCKETS];
};

struct pend *pend_new(pend_flush_fn fn, void *ctx, const struct reconcile *rec)
{
	struct pend *d = xcalloc(1, sizeof(*d));

	d->fn = fn;
	d->ctx = ctx;
	d->rec = rec;
	for (int i = 0; i < PEND_BUCKETS; i++)
		d->bucket[i] = -1;
	return d;
}

void pend_free(struct pend *d)
{
	if (!d)
		return;
	for (int i = 0; i < PEND_ROWS; i++)
		free(d->c[i].row);
	free(d);
}

/* A case key is a keyed hash: its first 32 bits are spread evenly. */
static unsigned bucket_of(int pidx, const char *key)
{
	unsigned char b[4];

	util_unhex(key, sizeof(b), b);
	return (((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]) ^
		(uint32_t)pidx * 0x9e3779b9u) & (PEND_BUCKETS - 1);
}

static int find(const struct pend *d, int pidx, const char *key)
{
	for (int i = d->bucket[bucket_of(pidx, key)]; i >= 0; i = d->c[i].next)
		if (d->c[i].pidx == pidx && strcmp(d->c[i].key, key) == 0)
			return i;
	return -1;
}

/* Derive case i and let it go from the window. */
static int flush_case(struct pend *d, int i)
{
	struct held_case *h = &d->c[i];
	int rc = d->fn(d->ctx, h->pidx, h->hashed ? h->key : NULL, h->row, h->n);

	if (h->hashed) {
		int *p = &d->bucket[bucket_of(h->pidx, h->key)];

		while (*p != i)
			p = &d->c[*p].next;
		*p = h->next;
	}
	d->nrows -= h->n;
	h->n = 0;
	if (h->cap > 4) { /* a long case's rows are not kept for the next */
		free(h->row);
		h->row = NULL;
		h->cap = 0;
	}
	return rc;
}

/* Let the case held longest go (a slot whose case went early is skipped). */
static int flush_oldest(struct pend *d)
{
	int i = d->head, rc = 0;

	if (d->c[i].n > 0)
		rc = flush_case(d, i);
	d->head = (d->head + 1) % PEND_ROWS;
	d->ncase--;
	return rc;
}

int pend_joins(struct pend *d, int pidx, const char *case_key, int day)
{
	int i = find(d, pidx, case_key);

	if (i < 0)
		return 0;
	/* a row that may join one written before: the case is settled */
	if (d->c[i].floor != DATE_NONE && !reconcile_apart(d->rec, pidx, day, d->c[i].floor))
		return flush_case(d, i) ? -1 : 0;
	while (d->nrows >= PEND_ROWS) {
		if (d->head == i)
			return flush_oldest(d) ? -1 : 0;
		if (flush_oldest(d))
			return -1;
	}
	if (d->c[i].n >= PEND_CASE_ROWS)
		return flush_case(d, i) ? -1 : 0;
	return 1;
}

static void copy(char *to, size_t cap, const char *s)
{
	size_t n = s ? strnlen(s, cap - 1) : 0;

	memcpy(to, s ? s : "", n);
	to[n] = '\0';
}

/* The row as reconcile.c would read it back from the warehouse. */
static void srow_from_canon(struct srow *s, const struct canon *c, long long id, long long esc)
{
	memset(s, 0, sizeof(*s));
	s->id = id;
	copy(s->ref, sizeof(s->ref), c->ref);
	copy(s->raised_by, sizeof(s->raised_by), c->raised_by);
	copy(s->raised_with, sizeof(s->raised_with), c->raised_with);
	copy(s->subject, sizeof(s->subject), c->subject);
	copy(s->theme, sizeof(s->theme), c->theme);
	copy(s->category, sizeof(s->category), c->category);
	copy(s->status, sizeof(s->status), c->status);
	copy(s->learning_theme, sizeof(s->learning_theme), c->learning_theme);
	copy(s->outcome, sizeof(s->outcome), c->outcome);
	memcpy(s->pseudo, c->pseudo, sizeof(s->pseudo));
	s->raised_on = c->raised_on;
	s->serious = c->serious;
	s->stuck = c->stuck;
	s->learning = c->learning;
	memcpy(s->stage, c->stage, sizeof(s->stage));
	s->closed_on = c->closed_on;
	s->feedback_on = c->feedback_on;
	s->immediate_risk = c->immediate_risk;
	s->escalation_id = esc;
	s->cluster = -1;
}

int pend_add(struct pend *d, int pidx, const char *case_key, const struct canon *c, long long id,
	     long long esc, int floor)
{
	int i = case_key ? find(d, pidx, case_key) : -1;
	struct held_case *h;

	if (i < 0) {
		while (d->ncase == PEND_ROWS || d->nrows >= PEND_ROWS)
			if (flush_oldest(d))
				return -1;
		i = (d->head + d->ncase++) % PEND_ROWS;
		h = &d->c[i];
		h->pidx = pidx;
		copy(h->key, sizeof(h->key), case_key);
		h->hashed = case_key != NULL;
		h->floor = floor;
		if (h->hashed) {
			h->next = d->bucket[bucket_of(pidx, case_key)];
			d->bucket[bucket_of(pidx, case_key)] = i;
		}
	}
	h = &d->c[i];
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 2;
		h->row = xrealloc(h->row, (size_t)h->cap * sizeof(*h->row));
	}
	srow_from_canon(&h->row[h->n++], c, id, esc);
	d->nrows++;
	return 0;
}

int pend_flush(struct pend *d)
{
	while (d && d->ncase > 0)
		if (flush_oldest(d))
			return -1;
	return 0;
}
