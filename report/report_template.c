/*
 * report_template.c - sections a partnership adds to its reports without
 * recompiling: a markdown file with a named SQL query in it, in the way
 * Evidence.dev pairs SQL with markdown.
 *
 * The files are the .md files of <data>/protocols/<partnership>.sections/
 * (and of any folder given with `report --sections DIR`), in name order:
 * front matter (title:, and reports: the report kinds it is for), then
 * markdown with ```sql <name> blocks in it.  docs/sections.md has a worked
 * example (fixtures/devon/sections/10-threshold-disputes.md).
 *
 * Text is copied with {{partnership}}, {{partnership_name}}, {{period}},
 * {{from}}, {{to}} and {{as_of}} filled in.  A ```sql block becomes a table
 * (whole-number columns get a total row and disclosure control, like every
 * other table).  Its parameters are bound, never pasted: :partnership,
 * :from, :to, :as_of and :end (the earlier of :to and :as_of).  The query
 * runs on the report's read-only connection and must be one read-only
 * statement.  A section that fails is reported on stderr and in the paper,
 * and the report's exit status says so.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/util.h"
#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)
#define MAX_TEMPLATE (256 * 1024)

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does the comma-separated list name this report kind? */
static int lists(const char *list, const char *kind)
{
	size_t n = strlen(kind);

	for (const char *s = list; s && *s;) {
		while (*s == ' ' || *s == ',')
			s++;
		const char *e = s;
		while (*e && *e != ',' && *e != ' ')
			e++;
		if ((size_t)(e - s) == n && strncmp(s, kind, n) == 0)
			return 1;
		s = e;
	}
	return 0;
}

static void fill_text(struct report *r, const char *line)
{
	static const char *const keys[] = {"{{partnership}}", "{{partnership_name}}", "{{period}}",
					   "{{from}}", "{{to}}", "{{as_of}}"};
	char a[11];

	while (*line) {
		int hit = -1;

		if (line[0] == '{' && line[1] == '{')
			for (int k = 0; k < 6 && hit < 0; k++)
				if (strncmp(line, keys[k], strlen(keys[k])) == 0)
					hit = k;
		if (hit < 0) {
			fputc(*line++, r->out);
			continue;
		}
		switch (hit) {
		case 0: md_escape(r->out, r->id); break;
		case 1: md_escape(r->out, r->name); break;
		case 2: md_escape(r->out, r->period_name); break;
		case 3: P("%s", date_format(r->period.from, a)); break;
		case 4: P("%s", date_format(r->period.to, a)); break;
		default: P("%s", date_format(r->period.as_of, a)); break;
		}
		line += strlen(keys[hit]);
	}
}

/* Run one ```sql block; 0, or -1 after an error naming file:line. */
static int run_sql(struct report *r, const char *file, int line, const char *name, const char *sql)
{
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	struct tab *t = NULL;
	int rc, ncol, counts = 0, first = 1;

	if (sqlite3_prepare_v2(r->w->db, sql, -1, &st, &tail) != SQLITE_OK)
		return error("%s:%d: sql %s: %s", file, line, name, sqlite3_errmsg(r->w->db));
	while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == ';' || *tail == '\r'))
		tail++;
	if (!st || (tail && *tail) || !sqlite3_stmt_readonly(st)) {
		sqlite3_finalize(st);
		return error("%s:%d: sql %s: must be one read-only statement", file, line, name);
	}
	for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
		const char *p = sqlite3_bind_parameter_name(st, i);

		if (p && report_bind_period(r, st, i, p)) {
			error("%s:%d: sql %s: unknown parameter %s (known: :partnership, :from, :to, "
			      ":as_of, :end)", file, line, name, p);
			sqlite3_finalize(st); /* p is the statement's: report first */
			return -1;
		}
	}
	ncol = sqlite3_column_count(st);
	t = tab_new(name, "", "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (first) {
			/* Columns take their kind from the first row. */
			for (int i = 0; i < ncol; i++) {
				int count = sqlite3_column_type(st, i) == SQLITE_INTEGER;

				tab_col(t, sqlite3_column_name(st, i), count ? TAB_COUNT : TAB_TEXT);
				counts += count;
			}
			first = 0;
		}
		tab_row(t);
		for (int i = 0; i < ncol; i++) {
			if (t->kind[i] == TAB_COUNT && sqlite3_column_type(st, i) == SQLITE_INTEGER)
				tab_count(t, (long)sqlite3_column_int64(st, i));
			else {
				const char *v = (const char *)sqlite3_column_text(st, i);

				tab_note(t, v ? v : "");
			}
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		tab_free(t);
		return error("%s:%d: sql %s: %s", file, line, name, sqlite3_errmsg(r->w->db));
	}
	if (first) {
		tab_free(t);
		P("(No rows.)\n\n");
		return 0;
	}
	if (counts && t->kind[0] == TAB_TEXT)
		tab_total(t, "Total");
	report_table(r, t);
	return 0;
}

/* Read the front matter (between "---" lines) of text into title[256]
 * and reports[256]; 1 when there is one. */
static int front_matter(const char *text, char *title, char *reports)
{
	const char *end;

	if (strncmp(text, "---\n", 4) != 0 || !(end = strstr(text + 4, "\n---\n")))
		return 0;
	for (const char *l = text + 4; l < end;) {
		const char *nl = strchr(l, '\n');
		size_t n = nl ? (size_t)(nl - l) : strlen(l);

		if (n > 6 && strncmp(l, "title:", 6) == 0)
			snprintf(title, 256, "%.*s", (int)(n - 6), l + 6);
		else if (n > 8 && strncmp(l, "reports:", 8) == 0)
			snprintf(reports, 256, "%.*s", (int)(n - 8), l + 8);
		l = nl ? nl + 1 : end;
	}
	return 1;
}

/* One section file; returns 0 or -1 (an error was printed and noted). */
static int one_section(struct report *r, const char *path)
{
	char *text = NULL, *line, *next, title[256] = "", reports[256] = "";
	char *sql = NULL, name[64] = "query";
	size_t sqllen = 0;
	int lineno = 0, in_front = 0, in_sql = 0, sql_line = 0, status = 0;
	FILE *fp = fopen(path, "rb");
	size_t size;

	if (!fp)
		return error("%s: cannot read: %s", path, strerror(errno));
	text = util_slurp_fp(fp, MAX_TEMPLATE, &size);
	fclose(fp);
	if (!text && errno == EFBIG)
		return error("%s: not a section file (larger than %d bytes)", path, MAX_TEMPLATE);
	if (!text)
		return error("%s: cannot read", path);
	/* Front matter first: is this section for this report? */
	in_front = front_matter(text, title, reports);
	if (reports[0] && !lists(reports, r->agency_id ? "agency" : r->kind)) {
		free(text);
		return 0;
	}
	P("## ");
	md_escape(r->out, title[0] ? title + strspn(title, " ") : "Local section");
	P("\n\n");
	for (line = text; line && *line; line = next) {
		/* line by line, blank lines kept (they separate paragraphs) */
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (in_front) {
			if (lineno > 1 && strcmp(line, "---") == 0)
				in_front = 0;
			continue;
		}
		if (!in_sql && strncmp(line, "```sql", 6) == 0) {
			in_sql = 1;
			sql_line = lineno;
			snprintf(name, sizeof(name), "%s", line[6] == ' ' ? line + 7 : "query");
			sqllen = 0;
			continue;
		}
		if (in_sql && strncmp(line, "```", 3) == 0) {
			in_sql = 0;
			if (run_sql(r, path, sql_line, name, sql ? sql : "")) {
				P("*This section could not be produced: its query failed (see the message "
				  "on stderr).*\n\n");
				status = -1;
			}
			continue;
		}
		if (in_sql) {
			size_t n = strlen(line);
			sql = xrealloc(sql, sqllen + n + 2);
			memcpy(sql + sqllen, line, n);
			sqllen += n;
			sql[sqllen++] = '\n';
			sql[sqllen] = '\0';
			continue;
		}
		fill_text(r, line);
		P("\n");
	}
	P("\n");
	if (in_sql) {
		error("%s:%d: the ```sql block is not closed", path, sql_line);
		status = -1;
	}
	free(sql);
	free(text);
	return status;
}

static int section_dir(struct report *r, const char *dir, int must_exist)
{
	DIR *dh = opendir(dir);
	struct dirent *de;
	char **names = NULL, path[4400];
	int n = 0, status = 0;

	if (!dh)
		return must_exist ? error("%s: cannot read: %s", dir, strerror(errno)) : 0;
	while ((de = readdir(dh))) {
		size_t l = strlen(de->d_name);

		if (l < 4 || strcmp(de->d_name + l - 3, ".md") != 0 || de->d_name[0] == '.')
			continue;
		names = xrealloc(names, (size_t)(n + 1) * sizeof(char *));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dh);
	qsort(names, (size_t)n, sizeof(char *), cmp_str);
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (one_section(r, path))
			status = -1;
		free(names[i]);
	}
	free(names);
	return status;
}

void sec_local(struct report *r)
{
	char dir[4400];
	int status = 0;

	snprintf(dir, sizeof(dir), "%s/protocols/%s.sections", cli_data_dir(), r->id);
	if (section_dir(r, dir, 0))
		status = -1;
	if (r->sections_dir && section_dir(r, r->sections_dir, 1))
		status = -1;
	if (status)
		r->local_failed = 1;
}
