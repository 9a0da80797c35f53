/*
 * alone.c - a first load in a rollback journal, the warehouse its own:
 * see alone.h.
 */
#include <string.h>

#include "core/embed.h"
#include "core/msg.h"
#include "alone.h"
#include "bulk.h"

/* A file large enough for the bulk path, into a warehouse that holds no
 * row?  (Its size alone: OVERSIGHT_BULK=always does not make a small
 * file's load a first load held alone.) */
static int wanted(struct wh *w, FILE *fp)
{
	return bulk_size(fp) && bulk_held(w) == 0;
}

int alone_begin(struct wh *w, FILE *fp)
{
	sqlite3_stmt *st;
	const unsigned char *mode;
	int alone;

	if (!wanted(w, fp) || wh_exec(w, embed_query("alone_lock")))
		return 0;
	/* Not waiting: another run with the warehouse open keeps it in WAL
	 * mode (SQLITE_BUSY, or the mode it is still in). */
	sqlite3_busy_timeout(w->db, 0);
	st = wh_prepare(w, "alone_journal");
	alone = sqlite3_step(st) == SQLITE_ROW && (mode = sqlite3_column_text(st, 0)) &&
		strcmp((const char *)mode, "delete") == 0;
	sqlite3_finalize(st);
	sqlite3_busy_timeout(w->db, WH_BUSY_MS);
	if (alone && wh_exec(w, embed_query("alone_full")) == 0)
		return 1;
	alone_end(w);
	return 0;
}

void alone_end(struct wh *w)
{
	/* The lock goes with the next access: the switch back itself, which
	 * waits for the runs that read meanwhile, if any. */
	if (sqlite3_exec(w->db, embed_query("alone_release"), NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(w->db, embed_query("wh_writer"), NULL, NULL, NULL) != SQLITE_OK)
		warning("%s: still in a rollback journal (%s): the next load puts it back in WAL mode", w->path,
			sqlite3_errmsg(w->db));
}
