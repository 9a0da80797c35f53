/*
 * settle.c - a file's cases reconciled once, at its end: see settle.h.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/util.h"
#include "settle.h"

struct note {
	unsigned char key[16]; /* the case key's 128 bits */
	int pidx;
	struct reconcile_event ev;
};

struct settle {
	struct note *note;
	int n, cap;
	int full;                   /* notes held at most */
	struct reconcile_event *ev; /* one case's events, for reconcile_key() */
	int capev;
	unsigned char *seen;        /* settle_first_sight(): SETTLE_SEEN_BITS bits */
	unsigned char *seen_ref;    /* settle_ref_first_sight(): SETTLE_REF_BITS bits */
	uint16_t *day;              /* settle_day(): SETTLE_DAY_SLOTS latest days */
	unsigned char *fresh;       /* by partnership: none of its rows held before */
	FILE *spill;                /* sorted runs of notes set aside (NULL: none) */
	long long *run;             /* each run's first note in it; run[nrun]: the end */
	int nrun;
};

struct settle *settle_new(struct wh *w, const struct ref *r)
{
	struct settle *s = xcalloc(1, sizeof(*s));
	sqlite3_stmt *st = wh_prepare(w, "source_any");
	int rc = 0;

	s->full = util_env_int("OVERSIGHT_SETTLE_CAP", 1, INT_MAX, SETTLE_CAP);
	/* Which partnerships the warehouse holds no row of yet. */
	s->fresh = xcalloc((size_t)r->npartnership + 1, 1);
	for (int i = 0; i < r->npartnership && rc >= 0; i++) {
		sqlite3_bind_text(st, wh_param(st, ":partnership"), r->partnership[i].id, -1,
				  SQLITE_STATIC);
		rc = (int)wh_scalar_int(st, -1);
		s->fresh[i] = rc == 0;
	}
	sqlite3_finalize(st);
	if (rc < 0) {
		wh_error(w, "looking for a partnership's rows");
		settle_free(s);
		return NULL;
	}
	return s;
}

void settle_free(struct settle *s)
{
	if (!s)
		return;
	free(s->note);
	free(s->ev);
	free(s->seen);
	free(s->day);
	free(s->seen_ref);
	free(s->fresh);
	free(s->run);
	if (s->spill)
		fclose(s->spill);
	free(s);
}

static int spill_run(struct settle *s);

int settle_note(struct settle *s, int pidx, const char *case_key, long long seq, long long rm_id,
		long long add_id, int fresh, long long drop_esc)
{
	struct note *t;

	if (s->n == s->full && spill_run(s))
		return -1;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 1024;
		if (s->cap > s->full)
			s->cap = s->full;
		s->note = xrealloc(s->note, (size_t)s->cap * sizeof(*s->note));
	}
	t = &s->note[s->n++];
	util_unhex(case_key, sizeof(t->key), t->key);
	t->pidx = pidx;
	t->ev.seq = seq;
	t->ev.rm_id = rm_id;
	t->ev.add_id = add_id;
	t->ev.fresh = fresh;
	t->ev.drop_esc = drop_esc;
	return 0;
}

/*
 * A Bloom filter of nbits bits (a power of two): each item sets the three
 * bits v[0..2] (taken modulo nbits).  Returns 1 when they were not all set
 * before: the item was surely not given before.  One whose were may have
 * been (about one in a hundred at a million items in 2 MB).
 */
static int bloom_first_sight(unsigned char **bits, uint32_t nbits, const uint32_t *v)
{
	int was = 1;

	if (!*bits)
		*bits = xcalloc(nbits / 8, 1);
	for (int h = 0; h < 3; h++) {
		uint32_t bit = v[h] & (nbits - 1);

		was &= ((*bits)[bit >> 3] >> (bit & 7)) & 1;
		(*bits)[bit >> 3] |= (unsigned char)(1u << (bit & 7));
	}
	return !was;
}

int settle_fresh(const struct settle *s, int pidx)
{
	return s->fresh[pidx];
}

static uint32_t le32(const unsigned char *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* A case key's three Bloom bits are taken from its first twelve bytes (a
 * keyed hash, so evenly spread), its day slot from its last four, each
 * mixed with the partnership.  A ref is the agency's own text: its bits
 * come from a 64-bit FNV-1a hash of it, the partnership mixed in after
 * (not into its first byte, where "D..." of one partnership would meet
 * "G..." of another), finished as splitmix64 does; its two halves
 * combined three ways. */
void settle_place(struct settle_place *pl, int pidx, const char *case_key, const char *ref)
{
	uint32_t mix = (uint32_t)pidx * 0x9e3779b9u, a, b;
	uint64_t x = 0xcbf29ce484222325u;
	unsigned char k[16];

	memset(pl, 0, sizeof(*pl));
	if (case_key) {
		util_unhex(case_key, sizeof(k), k);
		for (int h = 0; h < 3; h++)
			pl->seen[h] = le32(k + 4 * h) ^ mix;
		pl->slot = (le32(k + 12) ^ mix) & (SETTLE_DAY_SLOTS - 1);
		pl->keyed = 1;
	}
	for (const unsigned char *c = (const unsigned char *)ref; *c; c++)
		x = (x ^ *c) * 0x100000001b3u;
	x ^= (uint64_t)(unsigned)(pidx + 1) * 0x9e3779b97f4a7c15u;
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	x ^= x >> 31;
	a = (uint32_t)x;
	b = (uint32_t)(x >> 32) | 1;
	for (int h = 0; h < 3; h++)
		pl->ref[h] = a + (uint32_t)h * b;
}

/* The byte of bit v of a filter of nbits bits (a power of two). */
static const unsigned char *bit_byte(const unsigned char *bits, uint32_t nbits, uint32_t v)
{
	return bits + ((v & (nbits - 1)) >> 3);
}

void settle_prefetch(const struct settle *s, int pidx, const struct settle_place *pl)
{
#ifdef __GNUC__
	if (!s->fresh[pidx])
		return;
	for (int h = 0; h < 3; h++) {
		if (pl->keyed && s->seen)
			__builtin_prefetch(bit_byte(s->seen, SETTLE_SEEN_BITS, pl->seen[h]), 1);
		if (s->seen_ref)
			__builtin_prefetch(bit_byte(s->seen_ref, SETTLE_REF_BITS, pl->ref[h]), 1);
	}
	if (pl->keyed && s->day)
		__builtin_prefetch(&s->day[pl->slot], 1);
#else
	(void)s, (void)pidx, (void)pl;
#endif
}

int settle_first_sight(struct settle *s, int pidx, const struct settle_place *pl)
{
	if (!s->fresh[pidx])
		return 0;
	return bloom_first_sight(&s->seen, SETTLE_SEEN_BITS, pl->seen);
}

/* The days settle_day() keeps, in 16 bits: 1 for SETTLE_DAY_BASE or
 * before (a later day than the true one, never an earlier), up to 0xfffe;
 * 0 for none; 0xffff for beyond (any day). */
#define SETTLE_DAY_BASE date_from_ymd(1990, 1, 1)

int settle_day(struct settle *s, int pidx, const struct settle_place *pl, int day)
{
	unsigned was, now;

	if (!s->fresh[pidx])
		return INT_MAX;
	if (!s->day)
		s->day = xcalloc(SETTLE_DAY_SLOTS, sizeof(*s->day));
	was = s->day[pl->slot];
	if (day == DATE_NONE || day - SETTLE_DAY_BASE >= 0xfffe)
		now = 0xffff;
	else
		now = day <= SETTLE_DAY_BASE ? 1 : (unsigned)(day - SETTLE_DAY_BASE + 1);
	if (now > was)
		s->day[pl->slot] = (uint16_t)now;
	return was == 0 ? DATE_NONE : was == 0xffff ? INT_MAX : SETTLE_DAY_BASE + (int)was - 1;
}

int settle_ref_first_sight(struct settle *s, int pidx, const struct settle_place *pl)
{
	if (!s->fresh[pidx])
		return 0;
	return bloom_first_sight(&s->seen_ref, SETTLE_REF_BITS, pl->ref);
}

/* (partnership, case key, file order) */
static int note_order(const void *a, const void *b)
{
	const struct note *p = a, *q = b;
	int c;

	if (p->pidx != q->pidx)
		return p->pidx < q->pidx ? -1 : 1;
	if ((c = memcmp(p->key, q->key, sizeof(p->key))) != 0)
		return c;
	return p->ev.seq < q->ev.seq ? -1 : p->ev.seq > q->ev.seq;
}

static int same_case(const struct note *p, const struct note *q)
{
	return p->pidx == q->pidx && memcmp(p->key, q->key, sizeof(p->key)) == 0;
}

/* The notes held, sorted, written after the runs set aside before. */
static int spill_run(struct settle *s)
{
	if (!s->spill && !(s->spill = tmpfile()))
		return error("setting the load's cases aside in a temporary file: %s", strerror(errno));
	qsort(s->note, (size_t)s->n, sizeof(*s->note), note_order);
	s->run = xrealloc(s->run, (size_t)(s->nrun + 2) * sizeof(*s->run));
	if (s->nrun == 0)
		s->run[0] = 0;
	if (fwrite(s->note, sizeof(*s->note), (size_t)s->n, s->spill) != (size_t)s->n ||
	    fflush(s->spill) != 0)
		return error("setting the load's cases aside in a temporary file: %s", strerror(errno));
	s->run[s->nrun + 1] = s->run[s->nrun] + s->n;
	s->nrun++;
	s->n = 0;
	return 0;
}

/* Re-derive one case from its notes t[0..n-1] (file order). */
static int settle_case(struct settle *s, struct reconcile *x, const struct ref *r,
		       const struct note *t, int n, long *merged)
{
	char key[33];

	if (n > s->capev) {
		s->capev = n;
		s->ev = xrealloc(s->ev, (size_t)s->capev * sizeof(*s->ev));
	}
	for (int k = 0; k < n; k++)
		s->ev[k] = t[k].ev;
	util_hex(t->key, sizeof(t->key), key);
	return reconcile_key(x, &r->partnership[t->pidx], key, s->ev, n, merged);
}

/* The notes held, sorted, case by case. */
static int settle_held(struct settle *s, struct reconcile *x, const struct ref *r, long *merged)
{
	int i = 0;

	if (s->n == 0)
		return 0;
	qsort(s->note, (size_t)s->n, sizeof(*s->note), note_order);
	while (i < s->n) {
		int j = i;

		while (j < s->n && same_case(&s->note[j], &s->note[i]))
			j++;
		if (settle_case(s, x, r, &s->note[i], j - i, merged))
			return -1;
		i = j;
	}
	s->n = 0;
	return 0;
}

#define CURSOR_NOTES 512 /* read back 32 KB of a run at a time */

/* Where a merge is in one run: its notes [at, end) not yet read, and buf. */
struct cursor {
	long long at, end;
	int i, n;
	struct note *buf;
};

static int cursor_fill(FILE *f, struct cursor *c)
{
	long long want = c->end - c->at < CURSOR_NOTES ? c->end - c->at : CURSOR_NOTES;
	size_t bytes = (size_t)want * sizeof(struct note);

	errno = 0;
	if (pread(fileno(f), c->buf, bytes, (off_t)(c->at * (long long)sizeof(struct note))) !=
	    (ssize_t)bytes)
		return error("reading back the load's cases set aside: %s",
			     errno ? strerror(errno) : "the temporary file is short");
	c->at += want;
	c->i = 0;
	c->n = (int)want;
	return 0;
}

static int cursor_less(const struct cursor *a, const struct cursor *b)
{
	return note_order(&a->buf[a->i], &b->buf[b->i]) < 0;
}

/* Restore the heap h[0..n-1] (smallest note first) below i. */
static void sift_down(struct cursor **h, int n, int i)
{
	for (;;) {
		int l = 2 * i + 1, m = i;
		struct cursor *t;

		if (l < n && cursor_less(h[l], h[m]))
			m = l;
		if (l + 1 < n && cursor_less(h[l + 1], h[m]))
			m = l + 1;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/* The runs set aside, merged into one sorted stream, case by case. */
static int settle_merge(struct settle *s, struct reconcile *x, const struct ref *r, long *merged)
{
	struct cursor *c = xcalloc((size_t)s->nrun, sizeof(*c));
	struct cursor **h = xcalloc((size_t)s->nrun, sizeof(*h));
	struct note *grp = NULL;
	int nh = 0, ngrp = 0, capgrp = 0, rc = 0;

	for (int k = 0; k < s->nrun && rc == 0; k++) {
		c[k].buf = xmalloc(CURSOR_NOTES * sizeof(struct note));
		c[k].at = s->run[k];
		c[k].end = s->run[k + 1];
		if (c[k].at < c[k].end && (rc = cursor_fill(s->spill, &c[k])) == 0)
			h[nh++] = &c[k];
	}
	for (int i = nh / 2 - 1; i >= 0; i--)
		sift_down(h, nh, i);
	while (rc == 0 && nh > 0) {
		struct cursor *top = h[0];

		if (ngrp > 0 && !same_case(&grp[0], &top->buf[top->i])) {
			rc = settle_case(s, x, r, grp, ngrp, merged);
			ngrp = 0;
		}
		if (ngrp == capgrp) {
			capgrp = capgrp ? 2 * capgrp : 16;
			grp = xrealloc(grp, (size_t)capgrp * sizeof(*grp));
		}
		grp[ngrp++] = top->buf[top->i++];
		if (top->i == top->n && top->at == top->end)
			h[0] = h[--nh];
		else if (top->i == top->n && cursor_fill(s->spill, top))
			rc = -1;
		if (rc == 0)
			sift_down(h, nh, 0);
	}
	if (rc == 0 && ngrp > 0)
		rc = settle_case(s, x, r, grp, ngrp, merged);
	for (int k = 0; k < s->nrun; k++)
		free(c[k].buf);
	free(c);
	free(h);
	free(grp);
	return rc;
}

int settle_run(struct settle *s, struct reconcile *x, const struct ref *r, long *merged)
{
	int rc;

	if (s->nrun == 0)
		return settle_held(s, x, r, merged);
	if (s->n && spill_run(s))
		return -1;
	rc = settle_merge(s, x, r, merged);
	fclose(s->spill);
	s->spill = NULL;
	s->nrun = 0;
	return rc;
}
