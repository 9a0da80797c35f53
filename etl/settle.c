/*
 * settle.c - a file's cases reconciled once, at its end: see settle.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	unsigned char *fresh;       /* by partnership: none of its rows held before */
};

struct settle *settle_new(struct wh *w, const struct ref *r)
{
	struct settle *s = xcalloc(1, sizeof(*s));
	const char *cap = getenv("OVERSIGHT_SETTLE_CAP");
	sqlite3_stmt *st = wh_prepare(w, "source_any");
	int rc = 0;

	s->full = cap && atoi(cap) > 0 ? atoi(cap) : SETTLE_CAP;
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
	free(s->fresh);
	free(s);
}

static int hexval(char c)
{
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

void settle_note(struct settle *s, int pidx, const char *case_key, long long seq, long long rm_id,
		 long long add_id, int fresh, long long drop_esc)
{
	struct note *t;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 1024;
		/* never more than the bound (and the second note a row may
		 * make after reaching it) */
		if (s->cap > s->full + 2)
			s->cap = s->full + 2;
		s->note = xrealloc(s->note, (size_t)s->cap * sizeof(*s->note));
	}
	t = &s->note[s->n++];
	for (int i = 0; i < 16; i++)
		t->key[i] = (unsigned char)(hexval(case_key[2 * i]) << 4 | hexval(case_key[2 * i + 1]));
	t->pidx = pidx;
	t->ev.seq = seq;
	t->ev.rm_id = rm_id;
	t->ev.add_id = add_id;
	t->ev.fresh = fresh;
	t->ev.drop_esc = drop_esc;
}

/*
 * A Bloom filter: each key sets three bits, taken from its own bits (a
 * keyed hash, so evenly spread) mixed with the partnership.  A key whose
 * three bits are not all set was surely not given before; a key whose are
 * may have been (about one in a hundred at a million keys).
 */
int settle_first_sight(struct settle *s, int pidx, const char *case_key)
{
	unsigned char k[12];
	int was = 1;

	if (!s->fresh[pidx])
		return 0;
	if (!s->seen)
		s->seen = xcalloc(SETTLE_SEEN_BITS / 8, 1);
	for (int i = 0; i < 12; i++)
		k[i] = (unsigned char)(hexval(case_key[2 * i]) << 4 | hexval(case_key[2 * i + 1]));
	for (int h = 0; h < 3; h++) {
		uint32_t v = ((uint32_t)k[4 * h] | (uint32_t)k[4 * h + 1] << 8 |
			      (uint32_t)k[4 * h + 2] << 16 | (uint32_t)k[4 * h + 3] << 24) ^
			     (uint32_t)pidx * 0x9e3779b9u;
		uint32_t bit = v & (SETTLE_SEEN_BITS - 1);

		was &= (s->seen[bit >> 3] >> (bit & 7)) & 1;
		s->seen[bit >> 3] |= (unsigned char)(1u << (bit & 7));
	}
	return !was;
}

int settle_full(const struct settle *s)
{
	return s->n >= s->full;
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

int settle_run(struct settle *s, struct reconcile *x, const struct ref *r, long *merged)
{
	static const char digits[] = "0123456789abcdef";
	int i = 0;

	if (s->n == 0)
		return 0;
	qsort(s->note, (size_t)s->n, sizeof(*s->note), note_order);
	while (i < s->n) {
		const struct note *t = &s->note[i];
		char key[33];
		int j = i;

		while (j < s->n && s->note[j].pidx == t->pidx &&
		       memcmp(s->note[j].key, t->key, sizeof(t->key)) == 0)
			j++;
		if (j - i > s->capev) {
			s->capev = j - i;
			s->ev = xrealloc(s->ev, (size_t)s->capev * sizeof(*s->ev));
		}
		for (int k = i; k < j; k++)
			s->ev[k - i] = s->note[k].ev;
		for (int b = 0; b < 16; b++) {
			key[2 * b] = digits[t->key[b] >> 4];
			key[2 * b + 1] = digits[t->key[b] & 15];
		}
		key[32] = '\0';
		if (reconcile_key(x, &r->partnership[t->pidx], key, s->ev, j - i, merged))
			return -1;
		i = j;
	}
	s->n = 0;
	return 0;
}
