/*
 * test_csvin.c - the CSV layer (etl/csvin.h) against the csv-spectrum
 * conformance corpus: each csvs/NAME.csv read through csvin_read() must
 * give, row by row and field by field, what json/NAME.json says (an array
 * of objects keyed by the header's names).
 *
 * The corpus is not part of the repository: it is read from
 * $OVERSIGHT_CORPORA/csv-spectrum, else ../shared/corpora/csv-spectrum
 * (tests run from the repository root), and the test is skipped when it is
 * absent.
 *
 * Known errata of the corpus itself (not of the parser) are listed below
 * and reported as diagnostics, never silently passed: the parse must then
 * give what the CSV file really holds.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "etl/csvin.h"
#include "unit.h"

#define MAX_ROWS 16
#define MAX_FIELDS 16

/* Where the corpus's expected JSON disagrees with its own CSV file. */
static const struct erratum {
	const char *name;  /* case */
	const char *key;   /* column */
	const char *json;  /* what the JSON says */
	const char *csv;   /* what the CSV file holds (worked out from its bytes) */
} errata[] = {
	/* location_coordinates.csv holds 2095257564; its JSON says 1234567890
	 * (csv-spectrum @ d30e80f8). */
	{"location_coordinates", "Contact Phone Number", "1234567890", "2095257564"},
};

/* The rows of one file, copied out of the callback. */
struct table {
	int nrow;
	int nfield[MAX_ROWS];
	char *field[MAX_ROWS][MAX_FIELDS];
	size_t len[MAX_ROWS][MAX_FIELDS];
	long line[MAX_ROWS];
	int flags; /* has_nul or unterminated seen */
};

static int collect(const struct csvin_row *row, void *ctx)
{
	struct table *t = ctx;

	if (t->nrow == MAX_ROWS)
		return 1;
	t->nfield[t->nrow] = row->nfield < MAX_FIELDS ? row->nfield : MAX_FIELDS;
	t->line[t->nrow] = row->line;
	for (int i = 0; i < t->nfield[t->nrow]; i++) {
		t->field[t->nrow][i] = malloc(row->len[i] + 1);
		memcpy(t->field[t->nrow][i], row->field[i], row->len[i] + 1);
		t->len[t->nrow][i] = row->len[i];
	}
	t->flags |= row->has_nul | row->unterminated;
	t->nrow++;
	return 0;
}

static void table_free(struct table *t)
{
	for (int r = 0; r < t->nrow; r++)
		for (int i = 0; i < t->nfield[r]; i++)
			free(t->field[r][i]);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		fclose(fp);
		return NULL;
	}
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static const struct erratum *erratum_for(const char *name, const char *key)
{
	for (size_t i = 0; i < sizeof(errata) / sizeof(errata[0]); i++)
		if (!strcmp(errata[i].name, name) && !strcmp(errata[i].key, key))
			return &errata[i];
	return NULL;
}

/* Check one case; prints its diagnostics and returns the number of
 * disagreements. */
static int check_case(const char *dir, const char *name)
{
	char path[8192];
	struct table t;
	FILE *fp;
	char *text;
	cJSON *json, *rec;
	int nrec, bad = 0;

	memset(&t, 0, sizeof(t));
	snprintf(path, sizeof(path), "%s/csvs/%s.csv", dir, name);
	fp = fopen(path, "rb");
	if (!fp) {
		printf("# %s: cannot open\n", path);
		return 1;
	}
	if (csvin_read(fp, path, ',', collect, &t) != 0) {
		printf("# %s: csvin_read failed\n", name);
		bad++;
	}
	fclose(fp);
	snprintf(path, sizeof(path), "%s/json/%s.json", dir, name);
	text = slurp(path);
	json = text ? cJSON_Parse(text) : NULL;
	free(text);
	if (!json) {
		printf("# %s: expected JSON missing or invalid\n", name);
		table_free(&t);
		return bad + 1;
	}
	/* One case gives a single object rather than an array of one. */
	nrec = cJSON_IsArray(json) ? cJSON_GetArraySize(json) : 1;
	if (t.flags) {
		printf("# %s: a row was flagged (NUL byte or unterminated quote)\n", name);
		bad++;
	}
	if (t.nrow != nrec + 1) {
		printf("# %s: %d rows read (header included), want %d\n", name, t.nrow, nrec + 1);
		bad++;
	}
	for (int r = 0; r < nrec && r + 1 < t.nrow; r++) {
		int nkey = 0;

		rec = cJSON_IsArray(json) ? cJSON_GetArrayItem(json, r) : json;
		for (cJSON *kv = rec->child; kv; kv = kv->next)
			nkey++;
		if (t.nfield[r + 1] != nkey || t.nfield[0] != nkey) {
			printf("# %s: row %d has %d fields, header %d, want %d\n", name, r + 1,
			       t.nfield[r + 1], t.nfield[0], nkey);
			bad++;
			continue;
		}
		for (int i = 0; i < nkey; i++) {
			const char *key = t.field[0][i];
			const cJSON *want = cJSON_GetObjectItemCaseSensitive(rec, key);
			const char *got = t.field[r + 1][i];
			const struct erratum *e;

			if (!cJSON_IsString(want)) {
				printf("# %s: column '%s' not in the expected JSON\n", name, key);
				bad++;
				continue;
			}
			if (t.len[r + 1][i] == strlen(want->valuestring) &&
			    memcmp(got, want->valuestring, t.len[r + 1][i]) == 0)
				continue;
			e = erratum_for(name, key);
			if (e && !strcmp(want->valuestring, e->json) && !strcmp(got, e->csv)) {
				printf("# %s: corpus erratum: %s.json says %s = \"%s\" but the CSV holds \"%s\"; "
				       "parsed \"%s\"\n", name, name, key, e->json, e->csv, got);
				continue;
			}
			printf("# %s: row %d, %s: got \"%s\", want \"%s\"\n", name, r + 1, key, got,
			       want->valuestring);
			bad++;
		}
	}
	cJSON_Delete(json);
	table_free(&t);
	return bad;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	const char *env = getenv("OVERSIGHT_CORPORA");
	char dir[2048], csvs[2100];
	char *names[64];
	int n = 0;
	DIR *dh;
	struct dirent *de;

	snprintf(dir, sizeof(dir), "%s/csv-spectrum", env && *env ? env : "../shared/corpora");
	snprintf(csvs, sizeof(csvs), "%s/csvs", dir);
	dh = opendir(csvs);
	if (!dh) {
		printf("ok 1 - # SKIP corpus absent (%s)\n", csvs);
		return 0;
	}
	while ((de = readdir(dh)) && n < 64) {
		size_t l = strlen(de->d_name);

		if (l > 4 && !strcmp(de->d_name + l - 4, ".csv")) {
			names[n] = strdup(de->d_name);
			names[n][l - 4] = '\0';
			n++;
		}
	}
	closedir(dh);
	qsort(names, (size_t)n, sizeof(char *), cmp_str);
	CHECK(n >= 12, "csv-spectrum: at least the 12 cases of the corpus are there");
	for (int i = 0; i < n; i++) {
		char what[256];

		snprintf(what, sizeof(what), "csv-spectrum %s: fields as the corpus expects", names[i]);
		CHECK(check_case(dir, names[i]) == 0, what);
		free(names[i]);
	}

	/* Line numbers: a row after a quoted field spanning lines starts on
	 * its own physical line (newlines.csv: header 1, rows 2, 3-4, 5). */
	{
		char path[2200];
		struct table t;
		FILE *fp;

		memset(&t, 0, sizeof(t));
		snprintf(path, sizeof(path), "%s/newlines.csv", csvs);
		fp = fopen(path, "rb");
		if (fp) {
			csvin_read(fp, path, ',', collect, &t);
			fclose(fp);
		}
		CHECK_INT(t.nrow, 4, "newlines.csv: 4 rows");
		CHECK_INT(t.line[2], 3, "newlines.csv: the two-line row starts on line 3");
		CHECK_INT(t.line[3], 5, "newlines.csv: the row after it is line 5");
		table_free(&t);
	}
	return unit_done();
}
