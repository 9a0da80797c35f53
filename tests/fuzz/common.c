/*
 * common.c - the fuzz targets' shared set-up: see common.h.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "core/msg.h"
#include "etl/ingest.h"
#include "model/refdata.h"
#include "etl/shape.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

static struct wh *the_wh;
static struct ref the_ref;
static int have_ref;
static const unsigned char the_key[PSEUDO_KEY_BYTES] = "oversight-fuzz-key-0123456789ab";

const char *fuzz_root(void)
{
	const char *env = getenv("OVERSIGHT_DATA");

	return env && *env ? env : FUZZ_ROOT;
}

const unsigned char *fuzz_key(void)
{
	return the_key;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every protocols/<id>.json partnership definition, in name order, as
 * `oversight init` reads them. */
static void load_definitions(struct wh *w)
{
	char dir[PATH_MAX], path[PATH_MAX + 300];
	char *names[64];
	int n = 0;
	DIR *dh;
	struct dirent *de;

	snprintf(dir, sizeof(dir), "%s/protocols", fuzz_root());
	dh = opendir(dir);
	if (!dh)
		die(EXIT_ENV, "fuzz: %s: cannot read (set OVERSIGHT_DATA to the repository)", dir);
	while ((de = readdir(dh)) && n < 64) {
		size_t l = strlen(de->d_name);

		if (l < 5 || strcmp(de->d_name + l - 5, ".json") || strstr(de->d_name, ".targets.") ||
		    !strcmp(de->d_name, "themes.json"))
			continue;
		names[n++] = strdup(de->d_name);
	}
	closedir(dh);
	qsort(names, (size_t)n, sizeof(char *), cmp_str);
	snprintf(path, sizeof(path), "%s/themes.json", dir);
	if (refdata_themes(w, path))
		die(EXIT_INTERNAL, "fuzz: themes");
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (refdata_partnership(w, path))
			die(EXIT_INTERNAL, "fuzz: %s", path);
		free(names[i]);
	}
}

/* Load one canonical file through the real path, committed. */
static void load_fixture(struct wh *w, const char *path)
{
	FILE *fp = fopen(path, "rb");
	struct shape_opts o = {0};
	struct ingest *g;

	if (!fp)
		die(EXIT_ENV, "fuzz: %s: cannot open", path);
	g = ingest_begin(w, fuzz_ref(), the_key, path, path, "canonical");
	if (!g || shape_canonical(g, fp, path, &o) || ingest_end(g, 1, NULL))
		die(EXIT_INTERNAL, "fuzz: %s: not loaded", path);
	fclose(fp);
}

struct wh *fuzz_warehouse(int fixtures)
{
	static const char *const devon[] = {"dc-police", "devon-cs", "education", "iru", "nhs-devon"};

	if (the_wh)
		return the_wh;
	setenv("OVERSIGHT_TODAY", FUZZ_TODAY, 1);
	pseudo_init();
	the_wh = calloc(1, sizeof(*the_wh));
	if (!the_wh)
		die(EXIT_INTERNAL, "out of memory");
	the_wh->path = ":memory:";
	if (sqlite3_open(":memory:", &the_wh->db) != SQLITE_OK)
		die(EXIT_INTERNAL, "fuzz: cannot open an in-memory database");
	if (wh_exec(the_wh, "PRAGMA foreign_keys=ON") || wh_migrate(the_wh) || wh_begin(the_wh))
		die(EXIT_INTERNAL, "fuzz: schema");
	load_definitions(the_wh);
	/* init builds 2000-2045 (etl/cmd_init.c); every load reads the whole
	 * table into memory, which at that size is most of the cost of a
	 * small input.  2015-2027 holds every fixture date and "today"; dates
	 * outside it take the loader's clamping path, as they would in a
	 * warehouse whose calendar ends. */
	if (refdata_calendar(the_wh, 2015, 2027) || wh_commit(the_wh))
		die(EXIT_INTERNAL, "fuzz: calendar");
	if (ref_read(the_wh, &the_ref))
		die(EXIT_INTERNAL, "fuzz: reference data");
	have_ref = 1;
	if (fixtures)
		for (size_t i = 0; i < sizeof(devon) / sizeof(devon[0]); i++) {
			char path[PATH_MAX + 64];

			snprintf(path, sizeof(path), "%s/fixtures/devon/%s.csv", fuzz_root(), devon[i]);
			load_fixture(the_wh, path);
		}
	return the_wh;
}

const struct ref *fuzz_ref(void)
{
	if (!have_ref)
		fuzz_warehouse(0);
	return &the_ref;
}

static char scratch[PATH_MAX];

static void remove_scratch(void)
{
	unlink(scratch);
}

const char *fuzz_file(const uint8_t *data, size_t size)
{
	const char *path = scratch;
	FILE *fp;

	if (!scratch[0]) {
		const char *dir = getenv("TMPDIR");

		snprintf(scratch, sizeof(scratch), "%s/oversight-fuzz-%ld.in", dir && *dir ? dir : "/tmp",
			 (long)getpid());
		atexit(remove_scratch);
	}
	fp = fopen(path, "wb");
	if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp))
		die(EXIT_ENV, "fuzz: %s: cannot write", path);
	return path;
}
