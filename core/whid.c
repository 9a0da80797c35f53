/*
 * whid.c - the warehouse's identity: see whid.h.  It works on the open
 * database handle, below wh.c, which calls it.
 */
#include <stddef.h>

#include "embed.h"
#include "msg.h"
#include "whid.h"

int whid_check(sqlite3 *db, const char *path)
{
	sqlite3_stmt *st = NULL;
	long long id = 0, tables = 0, ours = 0;
	int rc = sqlite3_prepare_v2(db, embed_query("wh_identity"), -1, &st, NULL) == SQLITE_OK
			 ? sqlite3_step(st) : SQLITE_ERROR;

	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		tables = sqlite3_column_int64(st, 1);
		ours = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return error("%s: reading the file's identity: %s", path, sqlite3_errmsg(db));
	if (id == WHID_APPLICATION_ID)
		return 0;
	if (id != 0)
		return error("%s: not an oversight warehouse (another program's database, application "
			     "id 0x%08llx); left untouched", path, (unsigned long long)id & 0xffffffffULL);
	/* Made before the id was written, or not made yet. */
	if (tables == 0 || ours == 4)
		return 0;
	return error("%s: not an oversight warehouse (another program's database: its tables are "
		     "not the warehouse's); left untouched", path);
}

int whid_set(sqlite3 *db, const char *path)
{
	char *msg = NULL;

	if (sqlite3_exec(db, embed_query("wh_identity_set"), NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	error("%s: %s", path, msg ? msg : "sqlite error");
	sqlite3_free(msg);
	return -1;
}
