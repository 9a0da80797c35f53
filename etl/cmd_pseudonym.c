/*
 * cmd_pseudonym.c - oversight pseudonym: from an agency's own ref to the
 * short pseudonymous reference papers show (EA90E08C), and back, so that a
 * forum chair can find a case in their own system.  Case references are
 * never shown: they are not in the warehouse, only their keyed hashes.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"
#include "core/wh.h"
#include "model/pseudo.h"

static const char usage_text[] =
	"usage: oversight pseudonym --partnership <p> <ref>\n"
	"       oversight pseudonym [--partnership <p>] --escalation <id>\n"
	"\n"
	"Show the short pseudonymous reference a paper gives the escalation an\n"
	"agency's own <ref> belongs to; with --escalation, the agencies' refs of\n"
	"the escalation a paper shows as <id> (its short reference, e.g. EA90E08C).\n"
	"Case references are never shown.\n"
	"\n"
	"Exit status: 0 found, 1 not in the warehouse, 2 usage, 3 no warehouse.\n"
	"\n"
	"example:\n"
	"    oversight pseudonym --partnership devon DCP-24-0001\n";

/* A ref the warehouse does not hold: the reference a paper would give it
 * alone, computed with the key, so it can still be matched. */
static int not_held(const char *partnership, const char *ref)
{
	unsigned char key[PSEUDO_KEY_BYTES];
	char out[9];

	error("%s: no current row with ref '%s' in the warehouse", partnership, ref);
	pseudo_init();
	if (pseudo_key_read(cli_key_path(), key) == 0) {
		pseudo_short_ref(key, partnership, ref, out);
		fprintf(stderr, "oversight: loaded alone, it would be shown as %s\n", out);
	}
	return EXIT_DATA;
}

static int of_ref(struct wh *w, const char *partnership, const char *ref)
{
	sqlite3_stmt *st = wh_prepare(w, "pseudonym_of_ref");
	int found = 0;

	sqlite3_bind_text(st, wh_param(st, ":partnership"), partnership, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":ref"), ref, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		printf("%s\n", (const char *)sqlite3_column_text(st, 0));
		found = 1;
	}
	sqlite3_finalize(st);
	return found ? EXIT_OK : not_held(partnership, ref);
}

static int refs_of(struct wh *w, const char *partnership, const char *id)
{
	sqlite3_stmt *st = wh_prepare(w, "pseudonym_refs");
	char *end;
	long long n = strtoll(id, &end, 10);
	int rows = 0;

	sqlite3_bind_text(st, wh_param(st, ":pseudo"), id, -1, SQLITE_STATIC);
	if (*end || end == id)
		sqlite3_bind_null(st, wh_param(st, ":id"));
	else
		sqlite3_bind_int64(st, wh_param(st, ":id"), n);
	wh_bind_text_or_null(st, wh_param(st, ":partnership"), partnership);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!rows++)
			printf("%s %s\n", (const char *)sqlite3_column_text(st, 0),
			       (const char *)sqlite3_column_text(st, 1));
		printf("  %-20s raised by %s with %s on %s\n", (const char *)sqlite3_column_text(st, 2),
		       (const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4),
		       (const char *)sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	if (!rows)
		error("no escalation '%s' in the warehouse", id);
	return rows ? EXIT_OK : EXIT_DATA;
}

int cmd_pseudonym(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partnership", required_argument, 0, 'p'},
		{"escalation", required_argument, 0, 'e'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	const char *partnership = NULL, *esc = NULL;
	struct wh *w = NULL;
	int c, st;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			partnership = optarg;
			break;
		case 'e':
			esc = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			usage_error("pseudonym", "bad option");
		}
	}
	if (esc && optind < argc)
		usage_error("pseudonym", "give a ref or --escalation, not both");
	if (!esc && (optind + 1 != argc || !partnership))
		usage_error("pseudonym", "give --partnership and one ref (or --escalation <id>)");
	if (wh_open(ov.warehouse, WH_READONLY, &w))
		return EXIT_ENV;
	st = esc ? refs_of(w, partnership, esc) : of_ref(w, partnership, argv[optind]);
	wh_close(w);
	return st;
}
