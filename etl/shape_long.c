/*
 * shape_long.c - the long shape's spool: rows grouped by reference in a
 * private temporary database.  See shape_long.h.
 *
 * A row's fields are one blob: per field, its length (a size_t) and its
 * bytes with a NUL after them, so that the fields read back can be
 * pointed at where they lie.
 */
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "core/msg.h"
#include "core/util.h"
#include "shape_long.h"

struct long_spool {
	const char *name;
	sqlite3 *db;
	sqlite3_stmt *find, *add_grp, *add_item;
	long long seq;       /* rows and quarantined rows spooled */
	char *blob;          /* a row's fields, encoded (reused) */
	/* The fields (a case reference among them) reach the temporary file
	 * only enciphered with a key that lives in this process alone, so no
	 * raw case reference is ever written to disk, even for a moment. */
	unsigned char key[crypto_stream_chacha20_KEYBYTES];
	size_t cap;
};

static int spool_error(struct long_spool *sp, const char *what)
{
	return error("%s: the long shape's temporary store: %s: %s", sp->name, what,
		     sp->db ? sqlite3_errmsg(sp->db) : "out of memory");
}

static sqlite3_stmt *prep(struct long_spool *sp, const char *query)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(sp->db, embed_query(query), -1, &st, NULL) != SQLITE_OK)
		die(EXIT_INTERNAL, "queries/%s.sql: %s", query, sqlite3_errmsg(sp->db));
	return st;
}

struct long_spool *long_spool_open(const char *name)
{
	struct long_spool *sp = xcalloc(1, sizeof(*sp));

	sp->name = name;
	if (sodium_init() < 0)
		die(EXIT_INTERNAL, "libsodium cannot start");
	randombytes_buf(sp->key, sizeof(sp->key));
	/* "": a private database SQLite keeps in memory up to its page
	 * cache, then in a temporary file it deletes on close. */
	if (sqlite3_open_v2("", &sp->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
		    SQLITE_OK ||
	    sqlite3_exec(sp->db, embed_query("long_spool_create"), NULL, NULL, NULL) != SQLITE_OK) {
		spool_error(sp, "cannot create it");
		long_spool_close(sp);
		return NULL;
	}
	sp->find = prep(sp, "long_group_first");
	sp->add_grp = prep(sp, "long_group_insert");
	sp->add_item = prep(sp, "long_item_insert");
	return sp;
}

void long_spool_close(struct long_spool *sp)
{
	if (!sp)
		return;
	sqlite3_finalize(sp->find);
	sqlite3_finalize(sp->add_grp);
	sqlite3_finalize(sp->add_item);
	sqlite3_close(sp->db);
	sodium_memzero(sp->key, sizeof(sp->key));
	free(sp->blob);
	free(sp);
}

static int bind_name(sqlite3_stmt *st, const char *param)
{
	return sqlite3_bind_parameter_index(st, param);
}

/* The position of key's first row: an earlier one, or this row's. */
static long long group_of(struct long_spool *sp, const char *key, size_t keylen)
{
	long long first = sp->seq;
	int rc;

	if (!keylen)
		return first;
	sqlite3_bind_text(sp->find, bind_name(sp->find, ":key"), key, (int)keylen, SQLITE_STATIC);
	rc = sqlite3_step(sp->find);
	if (rc == SQLITE_ROW)
		first = sqlite3_column_int64(sp->find, 0);
	sqlite3_reset(sp->find);
	if (rc == SQLITE_ROW)
		return first;
	if (rc != SQLITE_DONE)
		return -1;
	sqlite3_bind_text(sp->add_grp, bind_name(sp->add_grp, ":key"), key, (int)keylen,
			  SQLITE_STATIC);
	sqlite3_bind_int64(sp->add_grp, bind_name(sp->add_grp, ":first"), first);
	rc = sqlite3_step(sp->add_grp);
	sqlite3_reset(sp->add_grp);
	return rc == SQLITE_DONE ? first : -1;
}

/* Insert the item bound so far (the caller bound the rest). */
static int add_item(struct long_spool *sp, long long first, long line, const char *raw)
{
	sqlite3_stmt *st = sp->add_item;
	int rc;

	sqlite3_bind_int64(st, bind_name(st, ":first"), first);
	sqlite3_bind_int64(st, bind_name(st, ":seq"), sp->seq++);
	sqlite3_bind_int64(st, bind_name(st, ":line"), line);
	if (raw)
		sqlite3_bind_text(st, bind_name(st, ":raw"), raw, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : spool_error(sp, "cannot keep a row");
}

/* Encipher (or decipher) buf[0..n] in place for item seq: a stream
 * cipher's XOR, the item's unique seq as its nonce. */
static void cipher(const struct long_spool *sp, long long seq, char *buf, size_t n)
{
	unsigned char nonce[crypto_stream_chacha20_NONCEBYTES] = {0};
	unsigned long long s = (unsigned long long)seq;

	if (!n)
		return;
	for (size_t i = 0; i < sizeof(s) && i < sizeof(nonce); i++)
		nonce[i] = (unsigned char)(s >> (8 * i));
	crypto_stream_chacha20_xor((unsigned char *)buf, (const unsigned char *)buf, n, nonce, sp->key);
}

int long_spool_row(struct long_spool *sp, const char *key, size_t keylen,
		   const struct csvin_row *row, const unsigned char *keep, const char *raw)
{
	long long first = group_of(sp, key, keylen);
	size_t used = 0;

	if (first < 0)
		return spool_error(sp, "cannot keep a reference");
	for (int i = 0; i < row->nfield; i++) {
		size_t len = keep[i] ? row->len[i] : 0;

		if (used + sizeof(len) + len + 1 > sp->cap) {
			sp->cap = 2 * (used + sizeof(len) + len + 1) + 256;
			sp->blob = xrealloc(sp->blob, sp->cap);
		}
		memcpy(sp->blob + used, &len, sizeof(len));
		used += sizeof(len);
		memcpy(sp->blob + used, row->field[i], len);
		used += len;
		sp->blob[used++] = '\0';
	}
	cipher(sp, sp->seq, sp->blob, used);
	sqlite3_bind_blob(sp->add_item, bind_name(sp->add_item, ":data"), sp->blob ? sp->blob : "",
			  (int)used, SQLITE_STATIC);
	return add_item(sp, first, row->line, raw);
}

int long_spool_reject(struct long_spool *sp, long line, int col, const char *field,
		      const char *reason, const char *raw)
{
	sqlite3_stmt *st = sp->add_item;

	sqlite3_bind_int(st, bind_name(st, ":col"), col);
	if (field)
		sqlite3_bind_text(st, bind_name(st, ":field"), field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, bind_name(st, ":reason"), reason, -1, SQLITE_STATIC);
	return add_item(sp, sp->seq, line, raw);
}

/* The row encoded in blob (n bytes, copied to *buf) as fields. */
static void decode(const struct long_spool *sp, long long seq, struct csvin_row *row,
		   const char *blob, size_t n, char **buf, size_t *cap, int *capfield)
{
	size_t off = 0;

	if (n > *cap) {
		*cap = n;
		*buf = xrealloc(*buf, n);
	}
	if (n)
		memcpy(*buf, blob, n);
	cipher(sp, seq, *buf, n);
	row->nfield = 0;
	while (off < n) {
		size_t len;

		if (row->nfield == *capfield) {
			*capfield = *capfield ? 2 * *capfield : 64;
			row->field = xrealloc(row->field, (size_t)*capfield * sizeof(char *));
			row->len = xrealloc(row->len, (size_t)*capfield * sizeof(size_t));
		}
		memcpy(&len, *buf + off, sizeof(len));
		off += sizeof(len);
		row->field[row->nfield] = *buf + off;
		row->len[row->nfield++] = len;
		off += len + 1;
	}
}

int long_spool_drain(struct long_spool *sp, const struct long_spool_ops *o, void *ctx)
{
	sqlite3_stmt *st = prep(sp, "long_items");
	struct csvin_row row;
	char *buf = NULL;
	size_t cap = 0;
	int capfield = 0, open = 0, rc = 0, step = SQLITE_DONE;
	long long group = -1;

	memset(&row, 0, sizeof(row));
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		long long first = sqlite3_column_int64(st, 0);
		long line = (long)sqlite3_column_int64(st, 1);
		const char *raw = (const char *)sqlite3_column_text(st, 5);

		if (open && first != group) {
			open = 0;
			rc = o->end(ctx);
		}
		if (rc)
			break;
		if (sqlite3_column_type(st, 6) == SQLITE_NULL) {
			rc = o->reject(ctx, line, sqlite3_column_int(st, 2),
				       (const char *)sqlite3_column_text(st, 3),
				       (const char *)sqlite3_column_text(st, 4), raw);
			continue;
		}
		if (!open) {
			open = 1;
			group = first;
			if ((rc = o->start(ctx, line)))
				break;
		}
		decode(sp, sqlite3_column_int64(st, 7), &row, sqlite3_column_blob(st, 6),
		       (size_t)sqlite3_column_bytes(st, 6), &buf, &cap, &capfield);
		row.line = line;
		rc = o->row(ctx, &row, raw);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = spool_error(sp, "cannot read the rows back");
	if (rc == 0 && open)
		rc = o->end(ctx);
	sqlite3_finalize(st);
	free(buf);
	free(row.field);
	free(row.len);
	return rc;
}
