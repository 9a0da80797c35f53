/*
 * whid.c - the warehouse's identity: see whid.h.
 */
#include "embed.h"
#include "msg.h"
#include "whid.h"

int whid_check(struct wh *w)
{
	sqlite3_stmt *st = wh_prepare(w, "wh_identity");
	long long id = 0, tables = 0, ours = 0;
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		tables = sqlite3_column_int64(st, 1);
		ours = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return wh_error(w, "reading the file's identity");
	if (id == WHID_APPLICATION_ID)
		return 0;
	if (id != 0)
		return error("%s: not an oversight warehouse (another program's database, application "
			     "id 0x%08llx); left untouched", w->path, (unsigned long long)id & 0xffffffffULL);
	/* Made before the id was written, or not made yet. */
	if (tables == 0 || ours == 4)
		return 0;
	return error("%s: not an oversight warehouse (another program's database: its tables are "
		     "not the warehouse's); left untouched", w->path);
}

int whid_set(struct wh *w)
{
	return wh_exec(w, embed_query("wh_identity_set"));
}
