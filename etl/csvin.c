/*
 * csvin.c - CSV rows with line numbers, through libcsv: see csvin.h.
 */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/util.h"
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
	int malformed;      /* the row's malformed column (csvin_row) */
	unsigned char delim;
};

/* feed() hands libcsv at most this much at a time. */
#define FEED_MAX ((size_t)1 << 16)

/* Strict mode while parsing: see feed().  CSV_STRICT_FINI counts only at
 * the end, in csv_fini(). */
#define OPTS (CSV_STRICT | CSV_APPEND_NULL)

static void on_field(void *s, size_t n, void *data)
{
	struct reader *r = data;

	if (r->stop)
		return;
	if (r->row_line == 0)
		r->row_line = r->started ? r->start_line : r->line;
	if (r->nfield == r->capfield) {
		r->capfield = r->capfield ? 2 * r->capfield : 64;
		r->off = xrealloc(r->off, (size_t)r->capfield * sizeof(size_t));
		r->len = xrealloc(r->len, (size_t)r->capfield * sizeof(size_t));
	}
	if (r->used + n + 1 > r->cap) {
		while (r->used + n + 1 > r->cap)
			r->cap = r->cap ? 2 * r->cap : 4096;
		r->buf = xrealloc(r->buf, r->cap);
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
		r->ptr = xrealloc(r->ptr, (size_t)r->capptr * sizeof(char *));
	}
	for (int i = 0; i < r->nfield; i++)
		r->ptr[i] = r->buf + r->off[i];
	row.line = r->row_line ? r->row_line : r->line;
	row.nfield = r->nfield;
	row.field = r->ptr;
	row.len = r->len;
	row.has_nul = r->has_nul;
	row.unterminated = unterminated;
	row.malformed = r->malformed;
	r->stop = r->fn(&row, r->ctx);
reset:
	r->malformed = 0;
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

/*
 * Feed len bytes, one line, to libcsv.  Strict mode stops at two faults,
 * told apart by p->quoted:
 *   - a quote inside an unquoted field (5'10" tall): taken as text, as
 *     libcsv's lenient mode takes it, by feeding that byte leniently;
 *   - text after the closing quote of a quoted field ("abc"def).  Read
 *     leniently, it reopens the field, which then swallows every row up
 *     to the next quote in the file, uncounted.  Instead the row is
 *     delivered marked malformed, the rest of the line is dropped and
 *     reading starts afresh on the next line: one row quarantined, the
 *     rest read.
 * Returns 0, or -1 on any other libcsv error (out of memory).
 */
static int feed(struct csv_parser *p, struct reader *r, const char *s, size_t len)
{
	size_t off = 0;

	while (off < len && !r->stop) {
		size_t want = len - off < FEED_MAX ? len - off : FEED_MAX, got;

		/* libcsv grows a field's buffer by a fixed block (128 bytes):
		 * with the block as large as the buffer it doubles instead, so
		 * a 10 MB field is not copied thousands of times over where
		 * realloc() cannot grow in place (valgrind). */
		csv_set_blk_size(p, p->entry_size > FEED_MAX ? p->entry_size : FEED_MAX);
		got = csv_parse(p, s + off, want, on_field, on_row, r);
		off += got;
		if (got == want || r->stop)
			continue;
		if (csv_error(p) != CSV_EPARSE)
			return -1;
		p->status = 0;
		if (!p->quoted) {
			csv_set_opts(p, OPTS & ~CSV_STRICT);
			off += csv_parse(p, s + off, 1, on_field, on_row, r);
			csv_set_opts(p, OPTS);
			continue;
		}
		on_field(p->entry_buf, p->entry_pos, r); /* the field as far as read */
		r->malformed = r->nfield;
		deliver(r, 0);
		csv_free(p);
		if (csv_init(p, OPTS) != 0)
			die(EXIT_INTERNAL, "out of memory");
		csv_set_delim(p, r->delim);
		break;
	}
	return 0;
}

/* Where the line starting at s[off] ends (one past it): at LF, or at a CR
 * not followed by LF (classic Mac exports, which libcsv also reads as
 * line ends), so that such files count their lines too. */
static size_t line_end(const char *s, size_t off, size_t n)
{
	for (size_t i = off; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
			return i + 1;
	return n;
}

/* Excel's first line "sep=;" (any one byte but a quote or a line end):
 * the delimiter for the rest of the file. */
static int sep_line(const char *s, size_t n)
{
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return n == 5 && memcmp(s, "sep=", 4) == 0 && s[4] != '"';
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
	r.delim = delim;
	if (csv_init(&p, OPTS) != 0)
		die(EXIT_INTERNAL, "out of memory");
	csv_set_delim(&p, delim);
	while (!r.stop && (n = getline(&line, &linecap, fp)) > 0) {
		for (size_t off = 0, end; off < (size_t)n && !r.stop; off = end) {
			end = line_end(line, off, (size_t)n);
			if (r.line++ == 0 && sep_line(line, end)) {
				r.delim = (unsigned char)line[4];
				csv_set_delim(&p, r.delim);
				continue;
			}
			/* A row begins on the first line after the last row that
			 * holds more than blanks (libcsv skips blank lines): its
			 * first field may be a quoted one whose end is lines
			 * further on. */
			if (!r.started) {
				size_t k = off;

				while (k < end && strchr(" \t\r\n", line[k]) && line[k])
					k++;
				if (k < end) {
					r.started = 1;
					r.start_line = r.line;
				}
			}
			if (feed(&p, &r, line + off, end - off)) {
				ret = error("%s:%ld: %s", name, r.line, csv_strerror(csv_error(&p)));
				goto out;
			}
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
	/* libcsv honours CSV_STRICT_FINI only together with CSV_STRICT. */
	csv_set_opts(&p, OPTS | CSV_STRICT_FINI);
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
