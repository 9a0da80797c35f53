/*
 * shape_profile_csv.c - an agency's CSV export read through its profile:
 * the "wide" shape (one row per escalation) and the "long" shape (one row
 * per stage event).  See profile.h and docs/profiles.md.
 *
 * Long shape: the rows of one escalation are adjacent and share its
 * reference (the column mapped to ref); the group is one record, whose
 * line in messages is the group's first line.  Adjacency keeps the reader
 * streaming (one group in memory, whatever the size of the file).  Rows of
 * a reference that come back later form a second record with the same
 * ref, which the loader quarantines as "ref repeats" (DESIGN.md: a ref
 * repeating within the file is rejected), naming the first group's line.
 */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "csvin.h"
#include "profile.h"
#include "shape.h"

#define RAW_MAX 2048 /* what a quarantined record keeps of itself */

struct pcsv {
	const struct profile *pf;
	const struct profile_sink *sink;
	const char *name;
	int header_done;
	int ncol;
	char **colname;          /* the file's column names, trimmed */
	int *field;              /* column -> canonical field, -1 none */
	unsigned char *drop;     /* column never handed on (dropped, ignored) */
	int case_col;            /* 0-based column of case_ref, -1 none */
	int key_col;             /* long: the column grouping rows (ref) */
	int stage_col, date_col; /* long: the stage event's code and date */
	int status;              /* exit code when the file cannot be taken */
	struct profile_rec rec;
	/* long: the group being read */
	int open;
	char *key;
	size_t keylen, keycap;
	char raw[RAW_MAX];
	size_t rawlen;
};

static void trim(const char **s, size_t *len)
{
	while (*len && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\r'))
		(*len)--;
}

static int bad_file(struct pcsv *s)
{
	s->status = EXIT_DATA;
	return 1;
}

/* The sink failed (a warehouse error, reported): abandon the file. */
static int sink_failed(struct pcsv *s)
{
	s->status = EXIT_INTERNAL;
	return 1;
}

static int header(struct pcsv *s, const struct csvin_row *row)
{
	const struct profile *pf = s->pf;
	int *found = NULL, rc = 0;

	if (row->has_nul)
		goto binary;
	for (int i = 0; i < row->nfield; i++)
		if (!shape_utf8_valid(row->field[i], row->len[i]))
			goto binary;
	if (row->malformed) {
		error("%s:%ld:%d: %s", s->name, row->line, row->malformed, CSVIN_MALFORMED);
		return bad_file(s);
	}
	s->ncol = row->nfield;
	s->colname = calloc((size_t)s->ncol, sizeof(char *));
	s->field = calloc((size_t)s->ncol, sizeof(int));
	s->drop = calloc((size_t)s->ncol, 1);
	found = calloc((size_t)pf->ncol + 1, sizeof(int));
	if (!s->colname || !s->field || !s->drop || !found)
		die(EXIT_INTERNAL, "out of memory");
	s->case_col = s->key_col = s->stage_col = s->date_col = -1;
	for (int i = 0; i < s->ncol; i++) {
		const char *n = row->field[i];
		size_t len = row->len[i];
		int known = 0;

		if (i == 0 && len >= 3 && memcmp(n, "\xef\xbb\xbf", 3) == 0) {
			n += 3; /* a UTF-8 byte order mark */
			len -= 3;
		}
		trim(&n, &len);
		s->colname[i] = strndup(n, len);
		if (!s->colname[i])
			die(EXIT_INTERNAL, "out of memory");
		s->field[i] = -1;
		for (int j = 0; j < i; j++)
			if (strcmp(s->colname[j], s->colname[i]) == 0) {
				error("%s:%ld:%d: column '%s' appears twice (also column %d)", s->name,
				      row->line, i + 1, s->colname[i], j + 1);
				rc = bad_file(s);
				goto out;
			}
		for (int k = 0; k < pf->ncol; k++)
			if (strcmp(pf->col[k].name, s->colname[i]) == 0) {
				s->field[i] = pf->col[k].field;
				found[k] = 1;
				known = 1;
				if (s->field[i] == CF_CASE_REF)
					s->case_col = i;
				if (s->field[i] == CF_REF)
					s->key_col = i;
			}
		for (int k = 0; k < pf->ndrop; k++)
			if (strcmp(pf->drop[k], s->colname[i]) == 0) {
				s->drop[i] = 1; /* narrative or names: never kept */
				known = 1;
			}
		if (pf->shape == PROFILE_LONG && strcmp(pf->ev_stage, s->colname[i]) == 0) {
			s->stage_col = i;
			known = 1;
		}
		if (pf->shape == PROFILE_LONG && strcmp(pf->ev_date, s->colname[i]) == 0) {
			s->date_col = i;
			known = 1;
		}
		if (!known) {
			if (!pf->ignore_unmapped) {
				error("%s:%ld:%d: column '%.60s' is not in profile %s (map it in \"columns\", "
				      "list it in \"drop\", or set \"ignore_unmapped\": true)", s->name,
				      row->line, i + 1, s->colname[i], pf->name);
				rc = bad_file(s);
				goto out;
			}
			s->drop[i] = 1; /* it may be narrative: never kept */
		}
	}
	/* An export whose columns changed needs a new profile version: a
	 * mapped column that is missing is not taken to be blank. */
	for (int k = 0; k < pf->ncol; k++)
		if (!found[k]) {
			error("%s:%ld: column '%s' of profile %s (%s) is not in the file", s->name,
			      row->line, pf->col[k].name, pf->name, canon_field_name(pf->col[k].field));
			rc = bad_file(s);
			goto out;
		}
	if (pf->shape == PROFILE_LONG && (s->stage_col < 0 || s->date_col < 0)) {
		error("%s:%ld: column '%s' of profile %s (stages) is not in the file", s->name, row->line,
		      s->stage_col < 0 ? pf->ev_stage : pf->ev_date, pf->name);
		rc = bad_file(s);
		goto out;
	}
	s->header_done = 1;
out:
	free(found);
	return rc;
binary:
	error("%s:%ld: not UTF-8 text (binary, or another encoding: is the profile's encoding "
	      "right?)", s->name, row->line);
	return bad_file(s);
}

/* Hand the record built in s->rec to the sink. */
static int emit(struct pcsv *s, const char *raw)
{
	struct profile_rec *r = &s->rec;

	if (profile_rec_finish(r) == 0)
		return s->sink->row(s->sink->ctx, &r->in, raw);
	return s->sink->reject(s->sink->ctx, r->in.line, r->fail_col, canon_field_name(r->fail_field),
			       r->why, raw);
}

static int flush(struct pcsv *s)
{
	if (!s->open)
		return 0;
	s->open = 0;
	return emit(s, s->raw);
}

static void add_raw(struct pcsv *s, const char *raw)
{
	size_t n = strlen(raw);

	if (s->rawlen && s->rawlen + 3 < sizeof(s->raw)) {
		memcpy(s->raw + s->rawlen, " | ", 3);
		s->rawlen += 3;
	}
	if (s->rawlen + n >= sizeof(s->raw)) {
		n = sizeof(s->raw) - s->rawlen - 1;
		if (n > 3)
			memcpy(s->raw + s->rawlen + n - 3, "...", 3);
		else
			n = 0;
		if (n > 3)
			memcpy(s->raw + s->rawlen, raw, n - 3);
	} else {
		memcpy(s->raw + s->rawlen, raw, n);
	}
	s->rawlen += n;
	s->raw[s->rawlen] = '\0';
}

/* The mapped fields of one row into the record. */
static void set_fields(struct pcsv *s, const struct csvin_row *row)
{
	for (int i = 0; i < row->nfield; i++)
		if (s->field[i] >= 0)
			profile_rec_set(&s->rec, s->field[i], row->field[i], row->len[i], i + 1,
					s->colname[i], row->line);
}

static int on_row(const struct csvin_row *row, void *ctx)
{
	struct pcsv *s = ctx;
	char raw[RAW_MAX], msg[256];
	const char *key;
	size_t keylen;

	if (!s->header_done)
		return header(s, row);
	shape_raw_row(raw, sizeof(raw), row->field, row->len, row->nfield,
		      row->nfield == s->ncol ? s->case_col : -1, row->nfield == s->ncol ? s->drop : NULL);
	if (row->unterminated || row->malformed || row->nfield != s->ncol) {
		/* The columns cannot be trusted: keep nothing of the row but
		 * where it was, since any field may be the case reference or
		 * narrative.  (A long group loses this row only.) */
		if (flush(s))
			return sink_failed(s);
		if (row->unterminated)
			snprintf(msg, sizeof(msg), "the file ends inside a quoted field");
		else if (row->malformed)
			snprintf(msg, sizeof(msg), "%s", CSVIN_MALFORMED);
		else
			snprintf(msg, sizeof(msg), "row has %d fields, the header has %d", row->nfield,
				 s->ncol);
		return s->sink->reject(s->sink->ctx, row->line, row->malformed, NULL, msg, NULL) ? sink_failed(s) : 0;
	}
	for (int i = 0; i < row->nfield; i++) {
		if (!shape_utf8_valid(row->field[i], row->len[i])) {
			error("%s:%ld:%d: %s: not UTF-8 text (is the profile's encoding right?)", s->name,
			      row->line, i + 1, s->colname[i]);
			return bad_file(s);
		}
		if (row->len[i] && memchr(row->field[i], '\0', row->len[i]) && !s->drop[i]) {
			if (flush(s))
				return sink_failed(s);
			snprintf(msg, sizeof(msg), "%s: holds a NUL byte", s->colname[i]);
			return s->sink->reject(s->sink->ctx, row->line, i + 1, NULL, msg, raw) ?
				       sink_failed(s) : 0;
		}
	}
	if (s->pf->shape == PROFILE_WIDE) {
		profile_rec_start(&s->rec, row->line);
		set_fields(s, row);
		return emit(s, raw) ? sink_failed(s) : 0;
	}
	key = row->field[s->key_col];
	keylen = row->len[s->key_col];
	trim(&key, &keylen);
	if (!s->open || !keylen || keylen != s->keylen || memcmp(key, s->key, keylen) != 0) {
		if (flush(s))
			return sink_failed(s);
		profile_rec_start(&s->rec, row->line);
		if (keylen + 1 > s->keycap) {
			s->keycap = keylen + 64;
			s->key = realloc(s->key, s->keycap);
			if (!s->key)
				die(EXIT_INTERNAL, "out of memory");
		}
		memcpy(s->key, key, keylen);
		s->keylen = keylen;
		s->rawlen = 0;
		s->raw[0] = '\0';
		s->open = 1;
	}
	set_fields(s, row);
	profile_rec_event(&s->rec, row->field[s->stage_col], row->len[s->stage_col], s->stage_col + 1,
			  s->colname[s->stage_col], row->field[s->date_col], row->len[s->date_col],
			  s->date_col + 1, s->colname[s->date_col], row->line);
	add_raw(s, raw);
	return 0;
}

int profile_read_csv(const struct profile *pf, FILE *fp, const char *name,
		     const struct profile_sink *sink)
{
	struct pcsv s;
	FILE *text;
	int rc;

	memset(&s, 0, sizeof(s));
	s.pf = pf;
	s.sink = sink;
	s.name = name;
	profile_rec_init(&s.rec, pf);
	text = profile_text_open(pf, fp, name);
	if (!text)
		return EXIT_DATA;
	rc = csvin_read(text, name, pf->delim, on_row, &s);
	if (rc == 0 && s.header_done && flush(&s))
		rc = sink_failed(&s);
	if (rc == 0 && !s.header_done) {
		error("%s: empty file: no header row", name);
		s.status = EXIT_DATA;
	} else if (rc != 0 && !s.status) {
		/* a read error, or a byte the decoder refused: reported */
		s.status = EXIT_DATA;
	}
	profile_text_close(pf, text);
	for (int i = 0; i < s.ncol; i++)
		free(s.colname[i]);
	free(s.colname);
	free(s.field);
	free(s.drop);
	free(s.key);
	profile_rec_free(&s.rec);
	return s.status;
}
