/*
 * handoff.c - a file read on a second thread while its rows are stored
 * on the calling one: see handoff.h.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/util.h"
#include "handoff.h"
#include "prep.h"

#define HANDOFF_ROWS 128    /* rows a batch */
#define HANDOFF_BATCHES 3   /* batches at most: filling, queued, being stored */
#define BLOCK_BYTES 8192    /* a batch's text is kept in blocks of this size */
#define SEEN_BITS (1u << 21) /* the refs met so far: a Bloom filter of 256 KiB */

/* Text kept for a batch's rows. */
struct block {
	struct block *next;
	size_t used, cap;
	char text[];
};

struct batch {
	struct batch *next;
	int n;                  /* rows in row[] */
	struct block *blocks;   /* their text */
	struct block *at;       /* the block being filled; those after it
				   are empty */
	struct prep_row row[HANDOFF_ROWS];
};

struct handoff {
	const struct prep *prep; /* the rules (read only, shared) */
	int (*read)(void *ctx);
	void *read_ctx;
	pthread_mutex_t mu;     /* guards what follows, to "the reader's own" */
	pthread_cond_t moved;   /* any of it changed */
	struct batch *head, *tail; /* filled, in file order */
	struct batch *spare;    /* stored, to be filled again */
	int nbatch;             /* made so far, at most HANDOFF_BATCHES */
	long put, done;         /* rows handed over; rows stored */
	int ended, rc;          /* read() returned, and what */
	int failed;             /* storing a row failed: the reader stops */
	/* the reader's own */
	struct batch *cur;      /* being filled */
	const char *(*raw_fn)(void *ctx); /* the shape's quarantine text */
	void *raw_ctx;
	unsigned char *seen;    /* SEEN_BITS bits */
};

/* s kept in b's blocks (NULL stays NULL). */
static const char *batch_text(struct batch *b, const char *s)
{
	struct block *k = b->at;
	size_t n;
	char *t;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	if (k && k->cap - k->used < n && k->next && k->next->cap >= n)
		k = b->at = k->next;
	if (!k || k->cap - k->used < n) {
		size_t cap = n > BLOCK_BYTES ? n : BLOCK_BYTES;

		k = xmalloc(sizeof(*k) + cap);
		k->cap = cap;
		k->used = 0;
		if (b->at) {
			k->next = b->at->next;
			b->at->next = k;
		} else {
			k->next = b->blocks;
			b->blocks = k;
		}
		b->at = k;
	}
	t = k->text + k->used;
	memcpy(t, s, n);
	k->used += n;
	return t;
}

/* Empty b for its next rows: its blocks are kept, but for one larger
 * than usual (a very long value), which is let go. */
static void batch_clear(struct batch *b)
{
	struct block **pk = &b->blocks;

	b->n = 0;
	while (*pk) {
		struct block *k = *pk;

		if (k->cap > BLOCK_BYTES) {
			*pk = k->next;
			free(k);
			continue;
		}
		k->used = 0;
		pk = &k->next;
	}
	b->at = b->blocks;
}

static void batch_free(struct batch *b)
{
	while (b) {
		struct batch *next = b->next;

		while (b->blocks) {
			struct block *k = b->blocks;

			b->blocks = k->next;
			free(k);
		}
		free(b);
		b = next;
	}
}

/* A copy of p in b, its strings with it. */
static void batch_add(struct batch *b, const struct prep_row *p)
{
	struct prep_row *q = &b->row[b->n];
	struct canon *c = &q->c;

	*q = *p;
	q->field = batch_text(b, p->field);
	q->reason = batch_text(b, p->reason);
	q->raw = batch_text(b, p->raw);
	q->ref_src = batch_text(b, p->ref_src);
	if (p->kind != PREP_STORE && p->kind != PREP_SUBJECT) {
		memset(c, 0, sizeof(*c)); /* not read: none of it kept */
		b->n++;
		return;
	}
	c->ref = batch_text(b, c->ref);
	c->raised_by = batch_text(b, c->raised_by);
	c->raised_with = batch_text(b, c->raised_with);
	c->subject = batch_text(b, c->subject);
	c->theme = batch_text(b, c->theme);
	c->category = batch_text(b, c->category);
	c->status = batch_text(b, c->status);
	c->learning_theme = batch_text(b, c->learning_theme);
	c->outcome = batch_text(b, c->outcome);
	b->n++; /* counted once whole (a message on the way out may hand b on) */
}

/* The reader: hand the batch being filled to the storing thread. */
static void hand(struct handoff *h)
{
	struct batch *b = h->cur;

	if (!b || !b->n)
		return;
	h->cur = NULL;
	pthread_mutex_lock(&h->mu);
	if (h->tail)
		h->tail->next = b;
	else
		h->head = b;
	h->tail = b;
	h->put += b->n;
	pthread_cond_broadcast(&h->moved);
	pthread_mutex_unlock(&h->mu);
}

/* The reader: a batch to fill, waiting for one to be stored when there
 * are as many as there may be.  NULL when storing failed. */
static struct batch *batch_get(struct handoff *h)
{
	struct batch *b = NULL;
	int failed;

	pthread_mutex_lock(&h->mu);
	while (!h->failed && !h->spare && h->nbatch >= HANDOFF_BATCHES)
		pthread_cond_wait(&h->moved, &h->mu);
	failed = h->failed;
	if (!failed && h->spare) {
		b = h->spare;
		h->spare = b->next;
	} else if (!failed) {
		h->nbatch++; /* made below: out of memory ends the program,
				whose message must not wait on this lock */
	}
	pthread_mutex_unlock(&h->mu);
	if (failed)
		return NULL;
	if (!b)
		b = xcalloc(1, sizeof(*b));
	b->next = NULL;
	batch_clear(b);
	return b;
}

/* The reader: p to the storing thread.  0, or -1 when storing failed. */
static int put(struct handoff *h, const struct prep_row *p)
{
	if (!h->cur && !(h->cur = batch_get(h)))
		return -1;
	batch_add(h->cur, p);
	if (h->cur->n == HANDOFF_ROWS)
		hand(h);
	return 0;
}

/* Whether c's partnership and ref may have been met before in the file
 * (1: perhaps; 0: surely not), noting them. */
static int seen_before(struct handoff *h, const struct canon *c)
{
	uint64_t x = 1469598103934665603ull;
	uint32_t a, b;
	int all = 1;

	for (const unsigned char *s = (const unsigned char *)c->p->id; *s; s++)
		x = (x ^ *s) * 1099511628211ull;
	x = (x ^ 0x1f) * 1099511628211ull;
	for (const unsigned char *s = (const unsigned char *)c->ref; *s; s++)
		x = (x ^ *s) * 1099511628211ull;
	x ^= x >> 33; /* the bits mixed (MurmurHash3's finaliser) */
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	a = (uint32_t)x;
	b = (uint32_t)(x >> 32) | 1;
	if (!h->seen)
		h->seen = xcalloc(SEEN_BITS / 8, 1);
	for (uint32_t k = 0; k < 2; k++) {
		uint32_t bit = (a + k * b) & (SEEN_BITS - 1);
		unsigned char m = (unsigned char)(1u << (bit & 7));

		if (!(h->seen[bit >> 3] & m)) {
			all = 0;
			h->seen[bit >> 3] |= m;
		}
	}
	return all;
}

/* ingest_row(), on the reader's thread. */
static int on_row(void *ctx, const struct canon_in *in, const char *raw)
{
	struct handoff *h = ctx;
	struct prep_buf b;
	struct prep_row p;
	int rc;

	prep_row(h->prep, in, raw, &p, &b);
	/* The quarantine text, made now while the row is the shape's
	 * current one, for a row that is rejected (here, or by the storing
	 * thread as a repeated ref). */
	if (p.kind == PREP_STORE && !seen_before(h, &p.c))
		p.raw = NULL;
	else if (!p.raw && h->raw_fn)
		p.raw = h->raw_fn(h->raw_ctx);
	rc = put(h, &p);
	prep_buf_free(&b);
	return rc;
}

/* ingest_reject(), on the reader's thread. */
static int on_reject(void *ctx, long line, int col, const char *field, const char *reason,
		     const char *raw)
{
	struct prep_row p;

	memset(&p, 0, sizeof(p));
	p.kind = PREP_EARLY;
	p.line = line;
	p.col = col;
	p.field = field;
	p.reason = reason;
	p.raw = raw;
	return put(ctx, &p);
}

static void on_raw_source(void *ctx, const char *(*fn)(void *fctx), void *fctx)
{
	struct handoff *h = ctx;

	h->raw_fn = fn;
	h->raw_ctx = fctx;
}

/* msg_gate() of the reader: its message waits for the rows before it to
 * be stored, and is left out when one of them failed. */
static int gate(void *ctx)
{
	struct handoff *h = ctx;
	int quiet;

	hand(h);
	pthread_mutex_lock(&h->mu);
	while (!h->failed && h->done < h->put)
		pthread_cond_wait(&h->moved, &h->mu);
	quiet = h->failed;
	pthread_mutex_unlock(&h->mu);
	return quiet;
}

static void *reader(void *arg)
{
	struct handoff *h = arg;
	int rc;

	msg_gate(gate, h);
	rc = h->read(h->read_ctx);
	hand(h);
	msg_gate(NULL, NULL);
	pthread_mutex_lock(&h->mu);
	h->ended = 1;
	h->rc = rc;
	pthread_cond_broadcast(&h->moved);
	pthread_mutex_unlock(&h->mu);
	return NULL;
}

/* The storing thread: every batch handed over, in order, until the
 * reader ends or a row fails.  0, or -1 when one failed. */
static int store(struct handoff *h, struct ingest *g)
{
	for (;;) {
		struct batch *b;
		int fail = 0;

		pthread_mutex_lock(&h->mu);
		while (!h->head && !h->ended)
			pthread_cond_wait(&h->moved, &h->mu);
		b = h->head;
		if (b && !(h->head = b->next))
			h->tail = NULL;
		pthread_mutex_unlock(&h->mu);
		if (!b)
			return 0;
		for (int i = 0; i < b->n && !fail; i++) {
			if (i + 1 < b->n)
				ingest_prefetch(g, &b->row[i + 1]);
			fail = ingest_prepared(g, &b->row[i]) != 0;
		}
		pthread_mutex_lock(&h->mu);
		h->done += b->n;
		b->next = h->spare;
		h->spare = b;
		h->failed = fail;
		pthread_cond_broadcast(&h->moved);
		pthread_mutex_unlock(&h->mu);
		if (fail)
			return -1;
	}
}

int handoff_run(struct ingest *g, int (*read)(void *ctx), void *ctx)
{
	struct handoff h;
	struct ingest_redirect rd = {on_row, on_reject, on_raw_source, &h};
	pthread_t t;
	int rc;

	memset(&h, 0, sizeof(h));
	h.prep = ingest_prep(g);
	h.read = read;
	h.read_ctx = ctx;
	pthread_mutex_init(&h.mu, NULL);
	pthread_cond_init(&h.moved, NULL);
	ingest_redirect(g, &rd);
	if (pthread_create(&t, NULL, reader, &h) != 0) {
		/* no second thread to be had: read on this one */
		ingest_redirect(g, NULL);
		rc = read(ctx);
	} else {
		rc = store(&h, g);
		pthread_join(t, NULL);
		ingest_redirect(g, NULL);
		rc = rc ? EXIT_INTERNAL : h.rc;
	}
	batch_free(h.head);
	batch_free(h.spare);
	batch_free(h.cur);
	free(h.seen);
	pthread_cond_destroy(&h.moved);
	pthread_mutex_destroy(&h.mu);
	return rc;
}
