/*
 * cmd_init.c - oversight init: create or upgrade the warehouse, load the
 * reference data, create the pseudonym key.
 *
 * Safe to run again at any time: the schema is migrated keeping the data,
 * the reference data is replaced from the files, and a partnership added
 * as one more protocols/<id>.json appears (no recompiling).  When the
 * timescales or the calendar change, every stored deadline is recomputed.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/cal.h"
#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"
#include "core/wh.h"
#include "core/wherr.h"
#include "model/pseudo.h"
#include "model/refload.h"

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

/*
 * The pseudonym key: created unless it exists, and it must be the
 * warehouse's.  A new key is never written beside a warehouse made with
 * another (one that stores a fingerprint): its case keys would no longer
 * match, and a key written there would hide the lost one.  Returns 1
 * created, 0 found, -1 after an error; fp_have is set to its fingerprint.
 */
static int init_key(struct wh *w, char fp_have[17])
{
	unsigned char key[PSEUDO_KEY_BYTES];
	char fp_want[64];
	int created;

	if (access(cli_key_path(), F_OK) != 0 && errno == ENOENT &&
	    wh_meta_get(w, "key_fingerprint", fp_want, sizeof(fp_want)) == 1)
		return error("%s: the pseudonym key is missing; the warehouse %s was made with the "
			     "key of fingerprint %s: restore that key file from your backup (or give "
			     "--key-file); no new key is made, as it would not match the warehouse",
			     cli_key_path(), ov.warehouse, fp_want);
	created = pseudo_key_create(cli_key_path());
	if (created < 0 || pseudo_key_read(cli_key_path(), key))
		return -1;
	pseudo_fingerprint(key, fp_have);
	if (wh_meta_get(w, "key_fingerprint", fp_want, sizeof(fp_want)) == 1 &&
	    strcmp(fp_have, fp_want) != 0)
		return error("%s: this key does not match the warehouse (key fingerprint %s, warehouse %s)",
			     cli_key_path(), fp_have, fp_want);
	return created;
}

/* Over 80 lines: the options table and its switch, one case per option,
 * read best as one list. */
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
	char dir[PATH_MAX + 16], fp_have[17];
	struct refload f = {0};

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
	f.dir = dir;
	f.files = refload_list(dir, &f.nfiles);
	f.defs = defs;
	f.ndef = ndef;
	f.targets = targets;
	f.ntarget = ntarget;
	f.holidays = holidays;
	f.nholiday = nholiday;

	if (wh_open(ov.warehouse, WH_CREATE | WH_ANY_VERSION, &w) || wh_migrate(w))
		goto out;

	created = init_key(w, fp_have);
	if (created < 0)
		goto out;

	status = EXIT_DATA;
	if (wh_begin(w))
		goto out;
	if (wh_meta_set(w, "key_fingerprint", fp_have) || refload_run(w, &f) || wh_commit(w))
		goto rollback;
	{
		sqlite3_stmt *st = wh_prepare(w, "init_summary");

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
	status = err_exit(wherr_class(w, err_of_exit(status))); /* a full disk is the environment */
	wh_rollback(w);
	error("%s: init failed; the warehouse is unchanged", ov.warehouse);
out:
	refload_free_list(f.files, f.nfiles);
	cal_release();
	wh_close(w);
	return status;
}
