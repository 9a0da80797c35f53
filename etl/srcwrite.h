/*
 * srcwrite.h - a source row version, written.
 *
 * Run for every row a load stores: its parameters are bound by position,
 * checked once against the statement's own names when it is prepared
 * (wh_params_in_order()), not looked up by name on every row.
 *
 *   srcwrite_prepare()  queries/source_insert.sql, checked
 *   srcwrite_put()      store c (case key ck, digest, line, load); esc is
 *                       its escalation, or 0 when it is yet to be derived.
 *                       The new row's id is sqlite3_last_insert_rowid().
 *                       0, or -1 after a warehouse error.
 *   srcwrite_load()     the load record the rows belong to, its id
 *                       sqlite3_last_insert_rowid(); 0, or -1 after an
 *                       error (reported).
 */
#ifndef OVERSIGHT_SRCWRITE_H
#define OVERSIGHT_SRCWRITE_H

#include "canon.h"
#include "core/wh.h"

sqlite3_stmt *srcwrite_prepare(struct wh *w);
int srcwrite_put(struct wh *w, sqlite3_stmt *st, long long load_id, long line,
		 const struct canon *c, const char *ck, const char *digest, long long esc);
int srcwrite_load(struct wh *w, const char *file, const char *sha256, const char *profile);

#endif
