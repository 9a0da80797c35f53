/*
 * csvin.c - CSV rows with line numbers, through libcsv: see csvin.h.
 */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "csvin.h"

struct reader {
	/* the row being assembled */
	char *buf;          /* field bytes, each followed by a NUL */
	size_t used, cap;
	size_t *off;        /* start of each field in buf */
	size_t *len;
	int nfield, capfield;
	int has_nul;
	long row_line;      /* line the current row started on, 0 = none yet */
	long line;          /* physical line being fed */
	int started;        /* a row has begun (maybe a quoted field not yet ended) */
	long start_line;    /* the line it began on */
	/* delivery */
	char **ptr;
	int capptr;
	csvin_row_fn fn;
	void *ctx;
	int stop;           /* fn's non-zero value */
	int oom;
};

static void *grow(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (!q)
		die(EXIT_INTERNAL, "out of memory");
	return q;
}

static void on_field(void *s, size_t n, void *data)
{
	struct reader *r = data;

	if (r->stop)
		return;
	if (r->row_line == 0)
		r->row_line = r->started ? r->start_line : r->line;
	if (r->nfield == r->capfield) {
		r->capfield = r->capfield ? 2 * r->capfield : 64;
		r->off = grow(r->off, (size_t)r->capfield * sizeof(size_t));
		r->len = grow(r->len, (size_t)r->capfield * sizeof(size_t));
	}
	if (r->used + n + 1 > r->cap) {
		while (r->used + n + 1 > r->cap)
			r->cap = r->cap ? 2 * r->cap : 4096;
		r->buf = grow(r->buf, r->cap);
	}
	if (n)
		memcpy(r->buf + r->used, s, n);
	if (n && memchr(s, '\0', n))
		r->has_nul = 1;
	r->off[r->nfield] = r->used;
	r->len[r->nfield] = n;
	r->nfield++;
	r->used += n;
	r->buf[r->used++] = '\0';
}

static void deliver(struct reader *r, int unterminated)
{
	struct csvin_row row;

	if (r->stop || r->nfield == 0)
		goto reset;
	if (r->nfield > r->capptr) {
		r->capptr = r->nfield;
		r->ptr = grow(r->ptr, (size_t)r->capptr * sizeof(char *));
	}
	for (int i = 0; i < r->nfield; i++)
		r->ptr[i] = r->buf + r->off[i];
	row.line = r->row_line ? r->row_line : r->line;
	row.nfield = r->nfield;
	row.field = r->ptr;
	row.len = r->len;
	row.has_nul = r->has_nul;
	row.unterminated = unterminated;
	r->stop = r->fn(&row, r->ctx);
reset:
	r->nfield = 0;
	r->used = 0;
	r->has_nul = 0;
	r->row_line = 0;
	r->started = 0;
}

static void on_row(int c, void *data)
{
	(void)c;
	deliver(data, 0);
}

int csvin_read(FILE *fp, const char *name, unsigned char delim, csvin_row_fn fn, void *ctx)
{
	struct csv_parser p;
	struct reader r;
	char *line = NULL;
	size_t linecap = 0;
	ssize_t n;
	int ret = 0;

	memset(&r, 0, sizeof(r));
	r.fn = fn;
	r.ctx = ctx;
	if (csv_init(&p, CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		die(EXIT_INTERNAL, "out of memory");
	csv_set_delim(&p, delim);
	while (!r.stop && (n = getline(&line, &linecap, fp)) > 0) {
		r.line++;
		/* A row begins on the first line after the last row that holds
		 * more than blanks (libcsv skips blank lines): its first field
		 * may be a quoted one whose end is lines further on. */
		if (!r.started && line[strspn(line, " \t\r\n")] != '\0') {
			r.started = 1;
			r.start_line = r.line;
		}
		if (csv_parse(&p, line, (size_t)n, on_field, on_row, &r) != (size_t)n) {
			ret = error("%s:%ld: %s", name, r.line, csv_strerror(csv_error(&p)));
			goto out;
		}
	}
	if (ferror(fp)) {
		ret = error("%s: read error: %s", name, strerror(errno));
		goto out;
	}
	if (r.stop) {
		ret = r.stop;
		goto out;
	}
	/* libcsv honours CSV_STRICT_FINI only together with CSV_STRICT;
	 * strict mode is turned on here, for csv_fini alone, so that quotes
	 * inside unquoted fields stay accepted while parsing. */
	csv_set_opts(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	if (csv_fini(&p, on_field, on_row, &r) != 0) {
		/* CSV_STRICT_FINI: the file ended inside a quoted field.  Hand
		 * what there is (the open field too) to the caller, marked, so
		 * it is quarantined rather than lost. */
		on_field(p.entry_buf, p.entry_pos, &r);
		deliver(&r, 1);
	}
	ret = r.stop;
out:
	csv_free(&p);
	free(line);
	free(r.buf);
	free(r.off);
	free(r.len);
	free(r.ptr);
	return ret;
}
