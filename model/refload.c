/*
 * refload.c - the reference data `oversight init` loads: see refload.h.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cal.h"
#include "core/msg.h"
#include "core/util.h"
#include "deadline.h"
#include "refdata.h"
#include "refload.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

char **refload_list(const char *dir, int *n)
{
	DIR *dh = opendir(dir);
	struct dirent *de;
	char **files = NULL;

	*n = 0;
	if (!dh)
		die(EXIT_ENV, "%s: cannot read the partnership definitions (set OVERSIGHT_DATA?)", dir);
	while ((de = readdir(dh))) {
		if (!ends_with(de->d_name, ".json") || ends_with(de->d_name, ".targets.json") ||
		    strcmp(de->d_name, "themes.json") == 0)
			continue;
		files = xrealloc(files, (size_t)(*n + 1) * sizeof(char *));
		files[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dh);
	if (files)
		qsort(files, (size_t)*n, sizeof(char *), cmp_str);
	return files;
}

void refload_free_list(char **files, int n)
{
	for (int i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

/* A text that changes whenever any deadline could change. */
static char *deadline_inputs(struct wh *w)
{
	sqlite3_stmt *st = wh_prepare(w, "deadline_inputs");
	char *s = NULL;

	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		s = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s ? s : xstrdup("");
}

/* Holiday overrides given once stay in force: their text is kept in meta
 * and replayed through a temporary file on every init. */
static int replay_overrides(struct wh *w)
{
	sqlite3_stmt *st = wh_prepare(w, "holidays_kept");
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

/* A --holidays file: loaded, then kept in meta for later runs (replayed
 * by replay_overrides()). */
static int keep_holidays(struct wh *w, const char *file)
{
	char *text = refdata_slurp(file, 1 << 20);
	int rc;

	if (!text)
		return -1;
	rc = cal_load_overrides(file);
	if (rc == 0) {
		char mkey[64];
		sqlite3_stmt *q = wh_prepare(w, "holidays_count");
		long long n = wh_scalar_int(q, 0);

		sqlite3_finalize(q);
		snprintf(mkey, sizeof(mkey), "holidays:%04lld", n);
		rc = wh_meta_set(w, mkey, text);
	}
	free(text);
	return rc;
}

/* The themes, the definitions, and the targets beside them and given. */
static int load_files(struct wh *w, const struct refload *f)
{
	char path[PATH_MAX + 300];

	snprintf(path, sizeof(path), "%s/themes.json", f->dir);
	if (refdata_themes(w, path))
		return -1;
	for (int i = 0; i < f->nfiles; i++) {
		snprintf(path, sizeof(path), "%s/%s", f->dir, f->files[i]);
		if (refdata_partnership(w, path))
			return -1;
	}
	for (int i = 0; i < f->ndef; i++)
		if (refdata_partnership(w, f->defs[i]))
			return -1;
	/* <id>.targets.json beside the shipped definitions, then any given. */
	for (int i = 0; i < f->nfiles; i++) {
		char base[NAME_MAX + 1];

		snprintf(base, sizeof(base), "%s", f->files[i]);
		base[strlen(base) - 5] = '\0';
		snprintf(path, sizeof(path), "%s/%s.targets.json", f->dir, base);
		if (access(path, F_OK) == 0 && refdata_targets(w, path))
			return -1;
	}
	for (int i = 0; i < f->ntarget; i++)
		if (refdata_targets(w, f->targets[i]))
			return -1;
	return 0;
}

int refload_run(struct wh *w, const struct refload *f)
{
	char *before = deadline_inputs(w), *after = NULL;
	int rc = -1;

	if (load_files(w, f))
		goto out;
	for (int i = 0; i < f->nholiday; i++)
		if (keep_holidays(w, f->holidays[i]))
			goto out;
	cal_release();
	if (replay_overrides(w) ||
	    refdata_calendar(w, REFLOAD_FIRST_YEAR, REFLOAD_LAST_YEAR))
		goto out;
	after = deadline_inputs(w);
	if (strcmp(before, after) != 0 && deadlines_refresh(w))
		goto out;
	rc = 0;
out:
	free(before);
	free(after);
	return rc;
}
