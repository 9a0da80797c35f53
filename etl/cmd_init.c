/*
 * cmd_init.c - oversight init: create or upgrade the warehouse, load the
 * reference data, create the pseudonym key.
 *
 * Safe to run again at any time: the schema is migrated keeping the data,
 * the reference data is replaced from the files, and a partnership added
 * as one more protocols/<id>.json appears (no recompiling).  When the
 * timescales or the calendar change, every stored deadline is recomputed.
 */
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cal.h"
#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"
#include "core/wh.h"
#include "model/deadline.h"
#include "pseudo.h"
#include "refdata.h"

/* The calendar table covers these years; dates outside are rejected at
 * load ("before 2000-01-01") or cannot occur (future dates are rejected). */
#define CAL_FIRST_YEAR 2000
#define CAL_LAST_YEAR 2045

static const char usage_text[] =
	"usage: oversight init [--definition <file>]... [--targets <file>]... [--holidays <file>]...\n"
	"\n"
	"Create the warehouse (or upgrade it, keeping its data), load the reference data\n"
	"(partnerships, agencies, protocols, themes, calendar) and create the pseudonym\n"
	"key (<warehouse>.key, mode 0600) if there is none.\n"
	"\n"
	"    --definition <f>  also load this partnership definition (protocols/README.md)\n"
	"    --targets <f>     a partnership's local targets, where its protocol sets none\n"
	"    --holidays <f>    bank holidays announced later, in gov.uk's bank-holidays.json\n"
	"                      format (kept in the warehouse for later runs)\n"
	"\n"
	"Definitions are read from the protocols/ folder of the data folder ($OVERSIGHT_DATA),\n"
	"with any <id>.targets.json beside them.\n"
	"\n"
	"example:\n"
	"    oversight -w board.db init --targets fixtures/devon/targets.json\n";

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A text that changes whenever any deadline could change. */
static char *deadline_inputs(struct wh *w)
{
	sqlite3_stmt *st = wh_prepare_sql(
		w, "SELECT (SELECT group_concat(partnership || stage || kind || days || source, ';') "
		   "FROM (SELECT * FROM timescale ORDER BY partnership, stage)) || '|' || "
		   "(SELECT group_concat(jurisdiction || day, ';') FROM "
		   "(SELECT * FROM calendar WHERE holiday IS NOT NULL ORDER BY jurisdiction, day)) || '|' || "
		   "(SELECT group_concat(id || jurisdiction, ';') FROM partnership)");
	char *s = NULL;

	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		s = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s ? s : strdup("");
}

/* Holiday overrides given once stay in force: their text is kept in meta
 * and replayed through a temporary file on every init. */
static int replay_overrides(struct wh *w)
{
	sqlite3_stmt *st = wh_prepare_sql(w, "SELECT value FROM meta WHERE key LIKE 'holidays:%' ORDER BY key");
	int rc = 0;

	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		char path[] = "/tmp/oversight-holidays.XXXXXX";
		int fd = mkstemp(path);
		const void *text = sqlite3_column_text(st, 0);
		size_t n = (size_t)sqlite3_column_bytes(st, 0);

		if (fd < 0 || write(fd, text, n) != (ssize_t)n) {
			rc = error("cannot write a temporary file for the holiday overrides");
		} else if (cal_load_overrides(path) != 0) {
			rc = -1;
		}
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{"definition", required_argument, 0, 'd'},
		{"targets", required_argument, 0, 't'},
		{"holidays", required_argument, 0, 'H'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	const char *defs[64], *targets[64], *holidays[16];
	int ndef = 0, ntarget = 0, nholiday = 0, c, status = EXIT_ENV, created;
	struct wh *w = NULL;
	char dir[PATH_MAX + 16], path[PATH_MAX + 300], fp_have[17], fp_want[64];
	char **files = NULL, *before = NULL, *after = NULL;
	int nfiles = 0;
	unsigned char key[PSEUDO_KEY_BYTES];
	DIR *dh;
	struct dirent *de;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (ndef == 64)
				usage_error("init", "too many --definition files");
			defs[ndef++] = optarg;
			break;
		case 't':
			if (ntarget == 64)
				usage_error("init", "too many --targets files");
			targets[ntarget++] = optarg;
			break;
		case 'H':
			if (nholiday == 16)
				usage_error("init", "too many --holidays files");
			holidays[nholiday++] = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			usage_error("init", "bad option");
		}
	}
	if (optind < argc)
		usage_error("init", "unexpected argument '%s'", argv[optind]);

	pseudo_init();
	snprintf(dir, sizeof(dir), "%s/protocols", cli_data_dir());
	dh = opendir(dir);
	if (!dh)
		die(EXIT_ENV, "%s: cannot read the partnership definitions (set OVERSIGHT_DATA?)", dir);
	while ((de = readdir(dh))) {
		if (!ends_with(de->d_name, ".json") || ends_with(de->d_name, ".targets.json") ||
		    strcmp(de->d_name, "themes.json") == 0)
			continue;
		files = realloc(files, (size_t)(nfiles + 1) * sizeof(char *));
		if (!files || !(files[nfiles++] = strdup(de->d_name)))
			die(EXIT_INTERNAL, "out of memory");
	}
	closedir(dh);
	qsort(files, (size_t)nfiles, sizeof(char *), cmp_str);

	if (wh_open(ov.warehouse, WH_CREATE | WH_ANY_VERSION, &w) || wh_migrate(w))
		goto out;

	created = pseudo_key_create(cli_key_path());
	if (created < 0 || pseudo_key_read(cli_key_path(), key))
		goto out;
	pseudo_fingerprint(key, fp_have);
	if (wh_meta_get(w, "key_fingerprint", fp_want, sizeof(fp_want)) == 1 &&
	    strcmp(fp_have, fp_want) != 0) {
		error("%s: this key does not match the warehouse (key fingerprint %s, warehouse %s)",
		      cli_key_path(), fp_have, fp_want);
		goto out;
	}

	status = EXIT_DATA;
	if (wh_begin(w))
		goto out;
	before = deadline_inputs(w);
	if (wh_meta_set(w, "key_fingerprint", fp_have))
		goto rollback;
	snprintf(path, sizeof(path), "%s/themes.json", dir);
	if (refdata_themes(w, path))
		goto rollback;
	for (int i = 0; i < nfiles; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		if (refdata_partnership(w, path))
			goto rollback;
	}
	for (int i = 0; i < ndef; i++)
		if (refdata_partnership(w, defs[i]))
			goto rollback;
	/* <id>.targets.json beside the shipped definitions, then any given. */
	for (int i = 0; i < nfiles; i++) {
		char base[NAME_MAX + 1];

		snprintf(base, sizeof(base), "%s", files[i]);
		base[strlen(base) - 5] = '\0';
		snprintf(path, sizeof(path), "%s/%s.targets.json", dir, base);
		if (access(path, F_OK) == 0 && refdata_targets(w, path))
			goto rollback;
	}
	for (int i = 0; i < ntarget; i++)
		if (refdata_targets(w, targets[i]))
			goto rollback;

	for (int i = 0; i < nholiday; i++) {
		char *text = refdata_slurp(holidays[i], 1 << 20);
		char mkey[64];
		int rc;

		if (!text)
			goto rollback;
		rc = cal_load_overrides(holidays[i]);
		if (rc == 0) {
			/* Loaded: keep it for later runs (replayed below). */
			snprintf(mkey, sizeof(mkey), "holidays:%d", i);
			sqlite3_stmt *q = wh_prepare_sql(w, "SELECT count(*) FROM meta WHERE key LIKE 'holidays:%'");
			long long n = wh_scalar_int(q, 0);

			sqlite3_finalize(q);
			snprintf(mkey, sizeof(mkey), "holidays:%04lld", n);
			rc = wh_meta_set(w, mkey, text);
		}
		free(text);
		if (rc)
			goto rollback;
	}
	cal_release();
	if (replay_overrides(w))
		goto rollback;
	if (refdata_calendar(w, CAL_FIRST_YEAR, CAL_LAST_YEAR))
		goto rollback;
	after = deadline_inputs(w);
	if (strcmp(before, after) != 0 && deadlines_refresh(w))
		goto rollback;
	if (wh_commit(w))
		goto rollback;
	{
		sqlite3_stmt *st = wh_prepare_sql(w, "SELECT (SELECT count(*) FROM partnership), "
						     "(SELECT count(*) FROM theme), (SELECT count(*) FROM timescale "
						     "WHERE source = 'local')");
		if (sqlite3_step(st) == SQLITE_ROW)
			printf("%s: schema version %d; %d partnerships, %d themes, %d local targets; key %s%s\n",
			       ov.warehouse, WH_SCHEMA_VERSION, sqlite3_column_int(st, 0),
			       sqlite3_column_int(st, 1), sqlite3_column_int(st, 2), cli_key_path(),
			       created ? " (created)" : "");
		sqlite3_finalize(st);
	}
	status = EXIT_OK;
	goto out;
rollback:
	wh_rollback(w);
	error("%s: init failed; the warehouse is unchanged", ov.warehouse);
out:
	for (int i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	free(before);
	free(after);
	cal_release();
	wh_close(w);
	return status;
}
