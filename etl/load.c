/*
 * load.c - one file into the warehouse through its shape: see load.h.
 */
#include <sodium.h>
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cli.h"
#include "core/date.h"
#include "core/embed.h"
#include "core/msg.h"
#include "core/util.h"
#include "core/wherr.h"
#include "alone.h"
#include "bulk.h"
#include "handoff.h"
#include "ingest.h"
#include "load.h"
#include "loadfile.h"
#include "model/pseudo.h"
#include "shape.h"
#include "writeback.h"
#include "xlsx.h"

int load_open(struct wh **w, unsigned char key[PSEUDO_KEY_BYTES], struct ref *r,
	      const struct profile *pf)
{
	char fp_have[17], fp_want[64];

#ifdef __GLIBC__
	/* A load frees and allocates the same blocks row after row (SQLite's
	 * pages, a case's rows, the notes of settle.c): keep freed memory for
	 * the next rather than give it back to the system and take the page
	 * faults again (a tenth of a large load's time went to them).  The
	 * peak is unchanged. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	/* One arena for the thread that reads the file too (handoff.h): it
	 * allocates next to nothing per row, and an arena of its own would
	 * hold pages of its own. */
	mallopt(M_ARENA_MAX, 1);
#endif
	if (wh_open(ov.warehouse, 0, w))
		return EXIT_ENV;
	if (pseudo_key_read(cli_key_path(), key)) {
		wh_close(*w);
		*w = NULL;
		return EXIT_ENV;
	}
	pseudo_fingerprint(key, fp_have);
	/* init writes the fingerprint last: without it, init did not finish. */
	if (wh_meta_get(*w, "key_fingerprint", fp_want, sizeof(fp_want)) != 1) {
		error("%s: not initialised; run 'oversight init' first", ov.warehouse);
		sodium_memzero(key, PSEUDO_KEY_BYTES);
		wh_close(*w);
		*w = NULL;
		return EXIT_ENV;
	}
	if (strcmp(fp_have, fp_want) != 0) {
		error("%s: this key does not match the warehouse (key fingerprint %s, warehouse %s); "
		      "loading with it would break reconciliation", cli_key_path(), fp_have,
		      fp_want[0] ? fp_want : "none");
		sodium_memzero(key, PSEUDO_KEY_BYTES);
		wh_close(*w);
		*w = NULL;
		return EXIT_ENV;
	}
	/* A load writes one transaction: give SQLite a page cache large
	 * enough that it does not spill to the WAL half way (the default 2 MB
	 * makes it write and re-read pages), yet bounded, as are temporary
	 * tables (on disk), whatever the size of the file. */
	if (wh_exec(*w, embed_query("load_pragmas")) || ref_read(*w, r)) {
		wh_close(*w);
		*w = NULL;
		return EXIT_ENV;
	}
	if (pf && profile_check_ref(pf, r)) {
		sodium_memzero(key, PSEUDO_KEY_BYTES);
		ref_free(r);
		wh_close(*w);
		*w = NULL;
		return EXIT_DATA;
	}
	return EXIT_OK;
}

static void print_counts(const char *file, const struct ingest_counts *n, int json, const char *note)
{
	if (json) {
		printf("{\"file\": ");
		/* JSON string: escape what must be escaped. */
		putchar('"');
		for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
			if (*p == '"' || *p == '\\')
				printf("\\%c", *p);
			else if (*p < 0x20)
				printf("\\u%04x", *p);
			else
				putchar(*p);
		}
		printf("\", \"read\": %ld, \"loaded\": %ld, \"updated\": %ld, \"unchanged\": %ld, "
		       "\"merged\": %ld, \"rejected\": %ld}\n",
		       n->read, n->loaded, n->updated, n->unchanged, n->merged, n->rejected);
		return;
	}
	printf("%s: read %ld, loaded %ld, updated %ld, unchanged %ld, merged %ld, rejected %ld%s%s\n",
	       file, n->read, n->loaded, n->updated, n->unchanged, n->merged, n->rejected,
	       note ? " -- " : "", note ? note : "");
}

/* The ingest path as a profile's sink. */
static int sink_row(void *ctx, const struct canon_in *in, const char *raw)
{
	return ingest_row(ctx, in, raw);
}

static int sink_reject(void *ctx, long line, int col, const char *field, const char *reason,
		       const char *raw)
{
	return ingest_reject(ctx, line, col, field, reason, raw);
}

/* What reads a file's rows into g: its shape, with what it needs. */
struct reading {
	struct ingest *g;
	const struct profile *pf; /* NULL: a built-in profile */
	const char *profile;      /* its name */
	FILE *fp;
	const char *file;
	const struct shape_opts *o;
};

/* The rows of the file, through its shape: 0 or an exit code, as the
 * shapes return (shape.h). */
static int read_rows(void *ctx)
{
	const struct reading *rd = ctx;

	if (rd->pf) {
		struct profile_sink sink = {sink_row, sink_reject, rd->g};

		return profile_read(rd->pf, rd->fp, rd->file, &sink);
	}
	if (strcmp(rd->profile, "canonical") == 0)
		return shape_canonical(rd->g, rd->fp, rd->file, rd->o);
	return shape_activity(rd->g, rd->fp, rd->file, rd->o);
}

/*
 * Whether the file is read on a thread of its own while its rows are
 * stored on this one (handoff.h): an escalations log in CSV, canonical or
 * through a profile.  Workbooks, JSON and activity files (small, or
 * read whole before their rows) are read on this thread, as is every
 * file when OVERSIGHT_THREADS is 1.
 */
static int read_ahead(const struct reading *rd, int workbook)
{
	if (util_one_thread() || workbook)
		return 0;
	return rd->pf ? rd->pf->shape != PROFILE_JSON : strcmp(rd->profile, "canonical") == 0;
}

static int first_row_only(const struct csvin_row *row, void *ctx)
{
	(void)row;
	(void)ctx;
	return 1;
}

/* A workbook read through a profile: the ingest path names cells of the
 * profile's sheet, whose name is the workbook's (the first sheet when the
 * profile names none).  0, or an exit code after the reader's error. */
static int profile_sheet(struct ingest *g, const struct profile *pf, const char *file)
{
	struct xlsx_info info;
	enum err e = xlsx_read(file, pf->wb_sheet, 1, first_row_only, NULL, &info);

	if (e)
		return e == ERR_ENV ? EXIT_ENV : EXIT_DATA;
	ingest_set_sheet(g, info.sheet);
	return 0;
}

/* The same bytes with a later --exported: record the new export date
 * (queries/load_reexport.sql).  Returns 1 when it was recorded. */
static int reexport(struct wh *w, const char *file, long long id, const struct shape_opts *o)
{
	sqlite3_stmt *st;
	char day[11];
	int n;

	if (o->exported == DATE_NONE)
		return 0;
	st = wh_prepare(w, "load_reexport");
	sqlite3_bind_text(st, wh_param(st, ":file"), file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, wh_param(st, ":id"), id);
	sqlite3_bind_text(st, wh_param(st, ":exported_on"), date_format(o->exported, day), 10,
			  SQLITE_TRANSIENT);
	n = sqlite3_step(st) == SQLITE_DONE ? sqlite3_changes(w->db) : 0;
	sqlite3_finalize(st);
	return n > 0;
}

/* Inside the load's write transaction: when the same bytes were loaded
 * before through the same profile, say so (recording a later export date)
 * and end the transaction; returns the exit code then, else -1 with the
 * transaction still open for the load. */
static int already_loaded(struct wh *w, const char *file, const char *sha, const char *profile,
			  const struct shape_opts *o, int json, int quiet)
{
	sqlite3_stmt *st = wh_prepare(w, "load_find");
	struct ingest_counts n;
	char note[160];
	int later;

	sqlite3_bind_text(st, wh_param(st, ":sha256"), sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":profile"), profile, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return -1;
	}
	later = reexport(w, file, sqlite3_column_int64(st, 0), o);
	snprintf(note, sizeof(note), "already loaded: the same bytes were load %lld on %s; %s",
		 (long long)sqlite3_column_int64(st, 0), sqlite3_column_text(st, 1),
		 later ? "the export date is now later" : "nothing to do");
	sqlite3_finalize(st);
	/* a later export date is kept; nothing else was written */
	if (!later)
		wh_rollback(w);
	else if (wh_commit(w))
		return err_exit(wherr_class(w, ERR_ENV));
	memset(&n, 0, sizeof(n));
	print_counts(file, &n, json, note);
	if (json && !quiet)
		fprintf(stderr, "%s: %s\n", file, note);
	return EXIT_OK;
}

/* load_file() of the file open on fp, its SHA-256 sha; fp is closed. */
static int load_open_file(struct wh *w, const struct ref *r, const unsigned char *key,
			  const char *file, FILE *fp, const char *sha, const char *profile,
			  const struct profile *pf, const struct shape_opts *o, int json, int quiet)
{
	struct ingest *g = NULL;
	struct ingest_counts n;
	struct bulk *b = NULL;
	struct reading rd;
	long long held;
	int rc, workbook;

	/* The digest is looked up inside the load's own write transaction
	 * (ingest_begin() carries on in it): two runs of the same file at
	 * the same moment load it once, the second reads 0. */
	if (wh_begin(w)) {
		fclose(fp);
		return EXIT_ENV;
	}
	rc = already_loaded(w, file, sha, profile, o, json, quiet);
	if (rc >= 0) {
		fclose(fp);
		return rc;
	}

	g = ingest_begin(w, r, key, file, sha, profile);
	/* A file large against the warehouse: bulk.h. */
	if (g && bulk_wanted(w, fp, &held) && (!(b = bulk_drop(w, held == 0)) || ingest_set_bulk(g, b))) {
		ingest_end(g, 0, NULL);
		g = NULL;
	}
	if (!g) {
		wh_rollback(w);
		fclose(fp);
		return EXIT_ENV;
	}
	ingest_set_echo(g, quiet ? 0 : 10);
	ingest_set_source(g, pf ? pf->partnership : NULL, pf && pf->agency ? pf->agency : o->agency,
			  o->exported);
	/* A progress line for long loads, at a terminal only (a workbook is
	 * not read through fp: it has none). */
	if ((workbook = shape_is_workbook(fp, file))) {
		rc = pf && pf->shape != PROFILE_JSON ? profile_sheet(g, pf, file) : 0;
		if (rc) {
			fclose(fp);
			ingest_end(g, 0, NULL);
			error("%s: not loaded; the warehouse is unchanged", file);
			return rc;
		}
	} else if (!quiet && isatty(STDERR_FILENO)) {
		struct stat sb;

		if (fstat(fileno(fp), &sb) == 0)
			ingest_set_progress(g, fp, (long long)sb.st_size);
	}
	rd = (struct reading){g, pf, profile, fp, file, o};
	rc = read_ahead(&rd, workbook) ? handoff_run(g, read_rows, &rd) : read_rows(&rd);
	fclose(fp);
	if (rc) {
		/* a full disk half way is the environment */
		rc = err_exit(wherr_class(w, err_of_exit(rc)));
		ingest_end(g, 0, NULL);
		error("%s: not loaded; the warehouse is unchanged", file);
		return rc;
	}
	if (ingest_check_source(g)) {
		ingest_end(g, 0, NULL);
		error("%s: not loaded; the warehouse is unchanged", file);
		return EXIT_DATA;
	}
	if (ingest_end(g, 1, &n)) {
		/* The commit failed (disk full, I/O error): it rolled back. */
		error("%s: not loaded; the warehouse is unchanged", file);
		return EXIT_ENV;
	}
	print_counts(file, &n, json, NULL);
	return EXIT_OK;
}

int load_file(struct wh *w, const struct ref *r, const unsigned char *key, const char *file,
	      const char *profile, const struct profile *pf, const struct shape_opts *o,
	      int json, int quiet)
{
	FILE *fp;
	char sha[65];
	struct writeback *b = NULL;
	int alone, rc;

	if (!(fp = loadfile_open(file, sha)))
		return EXIT_ENV;
	/* A first load holds the warehouse alone (alone.h), its pages sent
	 * to disk as it goes (writeback.h). */
	if ((alone = alone_begin(w, fp)))
		b = writeback_start(w);
	rc = load_open_file(w, r, key, file, fp, sha, profile, pf, o, json, quiet);
	writeback_stop(b);
	if (alone)
		alone_end(w);
	return rc;
}
