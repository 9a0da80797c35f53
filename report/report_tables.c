/*
 * report_tables.c - a paper's tables written out: disclosure control
 * applied once (tab_suppress), the markdown, and under --csv each table
 * as a CSV file named after it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/msg.h"
#include "core/util.h"
#include "report.h"

int report_put(struct report *r, struct tab *t)
{
	tab_suppress(t, r->suppress);
	report_emit(r, t);
	return tab_hidden(t);
}

int report_table(struct report *r, struct tab *t)
{
	int hidden = report_put(r, t);

	tab_free(t);
	return hidden;
}

/* A table's CSV name, unique within the report ("forum_cases",
 * "forum_cases-2", ...). */
static void csv_name(struct report *r, const char *name, char *buf, size_t cap)
{
	int n = 1;

	for (int i = 0; i < r->ncsv; i++)
		if (strcmp(r->csv_used[i], name) == 0)
			n++;
	if (r->ncsv < R_MAX_TABLES)
		snprintf(r->csv_used[r->ncsv++], sizeof(r->csv_used[0]), "%s", name);
	if (n == 1)
		snprintf(buf, cap, "%s", name);
	else
		snprintf(buf, cap, "%s-%d", name, n);
}

void report_emit(struct report *r, const struct tab *t)
{
	tab_md(t, r->out);
	report_csv(r, t);
}

void report_csv(struct report *r, const struct tab *t)
{
	char name[128], path[4200], tmp[4300];
	FILE *fp;
	int fd;

	report_book_keep(r, t, 0);
	if (!r->csv_dir)
		return;
	csv_name(r, t->name[0] ? t->name : "table", name, sizeof(name));
	snprintf(path, sizeof(path), "%s/%s-%s.csv", r->csv_dir, r->stem, name);
	snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0 || !(fp = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		warning("%s: cannot write: %s", path, strerror(errno));
		r->csv_failed = 1;
		return;
	}
	fchmod(fd, 0644);
	/* UTF-8 with a byte-order mark: Excel then reads it as UTF-8. */
	fputs("\xef\xbb\xbf", fp);
	tab_csv(t, fp);
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		warning("%s: cannot write: %s", path, strerror(errno));
		r->csv_failed = 1;
	}
}

void report_book_keep(struct report *r, const struct tab *t, int chart)
{
	if (!r->book_wanted)
		return;
	if (r->nbook == r->capbook) {
		r->capbook = r->capbook ? 2 * r->capbook : 32;
		r->book = xrealloc(r->book, (size_t)r->capbook * sizeof(*r->book));
		r->book_chart = xrealloc(r->book_chart, (size_t)r->capbook);
	}
	r->book[r->nbook] = tab_copy(t);
	r->book_chart[r->nbook++] = (unsigned char)chart;
}

void report_book_free(struct report *r)
{
	for (int i = 0; i < r->nbook; i++)
		tab_free(r->book[i]);
	free(r->book);
	free(r->book_chart);
	r->book = NULL;
	r->book_chart = NULL;
	r->nbook = r->capbook = 0;
}
