/*
 * draft.c - reading an export for a profile draft, and writing the draft:
 * see draft.h.  The guesses themselves are draft_guess.c.
 */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/util.h"
#include "csvin.h"
#include "draft.h"
#include "profile.h"
#include "xlsx.h"

#define DRAFT_MAX_FILE (256L << 20)

void draft_init(struct draft *d, const struct ref *r, const char *partnership,
		const char *agency)
{
	memset(d, 0, sizeof(*d));
	d->r = r;
	d->partnership = partnership;
	d->agency = agency;
	d->delim = ',';
	if (r && partnership)
		d->p = ref_find_partnership(r, partnership);
}

static int col_find(struct draft *d, const char *name, int event)
{
	for (int i = 0; i < d->ncol; i++)
		if (d->col[i].event == event && strcmp(d->col[i].name, name) == 0)
			return i;
	d->col = xrealloc(d->col, (d->ncol + 1) * sizeof(*d->col));
	memset(&d->col[d->ncol], 0, sizeof(*d->col));
	d->col[d->ncol].name = xstrdup(name);
	d->col[d->ncol].event = event;
	d->col[d->ncol].field = DRAFT_NONE;
	d->col[d->ncol].datefmt = -1;
	return d->ncol++;
}

static void col_add(struct draft_col *c, const char *v)
{
	const char *s = v;
	size_t len = strlen(v);

	text_trim(&s, &len);
	if (!len) {
		c->blank++;
		return;
	}
	if (c->nv == DRAFT_MAX_VALUES)
		return;
	if (c->nv == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->v = xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->nv++] = xstrndup(s, len);
}

void draft_header(struct draft *d, char **name, int n)
{
	d->hdr = xrealloc(d->hdr, (n ? n : 1) * sizeof(int));
	d->nhdr = n;
	for (int i = 0; i < n; i++) {
		const char *s = name[i];
		size_t len = strlen(s);
		char *t;

		text_trim(&s, &len);
		t = xstrndup(s, len);
		d->hdr[i] = col_find(d, t, 0);
		free(t);
	}
}

void draft_row(struct draft *d, char **v, int n)
{
	d->rows++;
	for (int i = 0; i < n && i < d->nhdr; i++)
		col_add(&d->col[d->hdr[i]], v[i]);
}

void draft_value(struct draft *d, const char *name, int event, const char *v)
{
	int i = col_find(d, name, event); /* it may move d->col */

	col_add(&d->col[i], v);
}

/* ------------------------------------------------------------------ */
/* CSV: the encoding and delimiter are guessed before the rows are read */

static int is_utf8(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		int n = s[i] < 0x80 ? 0 : (s[i] & 0xe0) == 0xc0 ? 1 : (s[i] & 0xf0) == 0xe0 ? 2
				   : (s[i] & 0xf8) == 0xf0 ? 3 : -1;

		if (n < 0 || i + n >= len + (n == 0))
			return 0;
		for (int k = 1; k <= n; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += n + 1;
	}
	return 1;
}

/* Windows-1252 to UTF-8 (a byte it leaves undefined becomes '?'). */
static char *from_cp1252(const char *s, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	size_t cap = 4 * len + 1, left = cap - 1;
	char *out = xmalloc(cap), *o = out, *in = (char *)s;
	size_t inleft = len;

	if (cd == (iconv_t)-1)
		die(EXIT_ENV, "iconv: cannot convert from Windows-1252");
	while (inleft && iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		*o++ = '?';
		left--;
		in++;
		inleft--;
	}
	iconv_close(cd);
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

/* The delimiter: the one of ',', ';' and tab the header line holds most. */
static unsigned char guess_delim(const char *s, size_t len)
{
	int n[3] = {0, 0, 0}, quoted = 0;

	for (size_t i = 0; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			n[0] += s[i] == ',', n[1] += s[i] == ';', n[2] += s[i] == '\t';
	}
	return n[2] > n[0] && n[2] >= n[1] ? '\t' : n[1] > n[0] ? ';' : ',';
}

static int csv_row(const struct csvin_row *row, void *ctx)
{
	struct draft *d = ctx;

	if (!d->hdr)
		draft_header(d, row->field, row->nfield);
	else
		draft_row(d, row->field, row->nfield);
	return 0;
}

static int read_csv(struct draft *d, const char *path, char *text, size_t len)
{
	char *conv = NULL;
	FILE *fp;
	int st;

	if (!is_utf8((unsigned char *)text, len)) {
		d->cp1252 = 1;
		text = conv = from_cp1252(text, len, &len);
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;
	d->delim = guess_delim(text, len);
	fp = fmemopen(text, len ? len : 1, "rb");
	if (!fp)
		die(EXIT_ENV, "%s: cannot read: %m", path);
	st = csvin_read(fp, path, d->delim, csv_row, d);
	fclose(fp);
	free(conv);
	return st ? EXIT_DATA : EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* JSON: the records are the longest array of objects; each is flattened
 * to dotted paths, and an array of objects within it is its stage events */

static void find_records(const cJSON *j, const char *path, const cJSON **best, char **best_path)
{
	if (cJSON_IsArray(j) && cJSON_IsObject(cJSON_GetArrayItem(j, 0)) &&
	    (!*best || cJSON_GetArraySize(j) > cJSON_GetArraySize(*best))) {
		*best = j;
		free(*best_path);
		*best_path = xstrdup(path);
	}
	if (!cJSON_IsObject(j))
		return;
	for (const cJSON *c = j->child; c; c = c->next) {
		char sub[512];

		snprintf(sub, sizeof(sub), "%s%s%s", path, *path ? "." : "", c->string);
		find_records(c, sub, best, best_path);
	}
}

static void scalar_text(const cJSON *j, char *buf, size_t cap)
{
	if (cJSON_IsString(j))
		snprintf(buf, cap, "%s", j->valuestring);
	else if (cJSON_IsBool(j))
		snprintf(buf, cap, "%s", cJSON_IsTrue(j) ? "true" : "false");
	else if (cJSON_IsNumber(j) && j->valuedouble == (double)(long long)j->valuedouble)
		snprintf(buf, cap, "%lld", (long long)j->valuedouble);
	else if (cJSON_IsNumber(j))
		snprintf(buf, cap, "%.15g", j->valuedouble);
	else
		buf[0] = '\0';
}

static void flatten(struct draft *d, const cJSON *o, const char *prefix, int event)
{
	for (const cJSON *c = o->child; c; c = c->next) {
		char path[512], text[4096];

		snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix ? "." : "", c->string);
		if (cJSON_IsObject(c)) {
			flatten(d, c, path, event);
		} else if (cJSON_IsArray(c)) {
			if (event || !cJSON_IsObject(cJSON_GetArrayItem(c, 0)))
				continue;
			if (!d->ev_path)
				d->ev_path = xstrdup(path);
			if (strcmp(d->ev_path, path) != 0)
				continue;
			for (const cJSON *e = c->child; e; e = e->next)
				if (cJSON_IsObject(e))
					flatten(d, e, "", 1);
		} else {
			scalar_text(c, text, sizeof(text));
			draft_value(d, path, event, text);
		}
	}
}

static int read_json(struct draft *d, const char *path, const char *text, size_t len)
{
	cJSON *doc = util_json_parse(path, text, len);
	const cJSON *recs = NULL;
	char *rpath = NULL;

	if (!doc)
		return EXIT_DATA;
	d->shape = PROFILE_JSON;
	find_records(doc, "", &recs, &rpath);
	if (!recs) {
		error("%s: no array of records found", path);
		cJSON_Delete(doc);
		return EXIT_DATA;
	}
	d->records = rpath;
	for (const cJSON *r = recs->child; r; r = r->next)
		if (cJSON_IsObject(r)) {
			d->rows++;
			flatten(d, r, "", 0);
		}
	cJSON_Delete(doc);
	return EXIT_OK;
}

int draft_read(struct draft *d, const char *path)
{
	size_t len;
	char *text = util_slurp(path, DRAFT_MAX_FILE, &len);
	size_t i = 0;
	int st;

	if (!text)
		return EXIT_ENV;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
		i++;
	/* An Excel workbook (a zip: "PK"): its first sheet, header on row 1,
	 * through the workbook reader, row by row as the CSV reader gives
	 * them; date-formatted cells arrive as YYYY-MM-DD. */
	if (len >= 2 && text[0] == 'P' && text[1] == 'K') {
		struct xlsx_info info;

		free(text);
		if (xlsx_read(path, NULL, 1, csv_row, d, &info) != ERR_NONE)
			return EXIT_DATA;
		fprintf(stderr, "oversight: %s: drafted from sheet '%s', its header on row 1 (a profile's "
			"\"workbook\" names another sheet or header row)\n", path, info.sheet);
		return d->rows ? EXIT_OK : (error("%s: no records to draft from", path), EXIT_DATA);
	}
	if (i < len && (text[i] == '{' || text[i] == '['))
		st = read_json(d, path, text, len);
	else
		st = read_csv(d, path, text, len);
	free(text);
	if (!st && !d->rows) {
		error("%s: no records to draft from", path);
		st = EXIT_DATA;
	}
	return st;
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

static void put_str(FILE *out, const char *s)
{
	cJSON *j = cJSON_CreateString(s);
	char *t = cJSON_PrintUnformatted(j);

	fputs(t, out);
	free(t);
	cJSON_Delete(j);
}

static const char *date_key(const struct draft_col *c)
{
	return c->field == DRAFT_EVDATE ? "*" : canon_field_name(c->field);
}

static void write_dates(const struct draft *d, FILE *out)
{
	int star = -1, n[PD_COUNT] = {0};

	for (int i = 0; i < d->ncol; i++)
		if (d->col[i].datefmt >= 0) {
			n[d->col[i].datefmt]++;
			if (d->col[i].field == DRAFT_EVDATE)
				star = d->col[i].datefmt;
		}
	if (star < 0)
		for (int f = 0; f < PD_COUNT; f++)
			if (n[f] && (star < 0 || n[f] > n[star]))
				star = f;
	if (star < 0)
		star = PD_ISO;
	fprintf(out, "  \"dates\": {\"*\": \"%s\"", profile_datefmt_name(star));
	for (int i = 0; i < d->ncol; i++) {
		const struct draft_col *c = &d->col[i];

		if (c->datefmt < 0 || c->datefmt == star || c->field == DRAFT_EVDATE)
			continue;
		fprintf(out, ", \"%s\": \"%s\"", date_key(c), profile_datefmt_name(c->datefmt));
	}
	fprintf(out, "},\n");
}

/* The map name in "values" a column's codes go to. */
static const char *values_key(int f)
{
	if (f == CF_RAISED_BY || f == CF_RAISED_WITH)
		return "agency";
	if (f == CF_THEME || f == CF_SUBJECT || f == CF_CATEGORY || f == CF_STATUS ||
	    f == CF_OUTCOME || f == CF_LEARNING_THEME)
		return f == CF_LEARNING_THEME ? NULL : canon_field_name(f);
	return f == DRAFT_STAGE ? "stage" : NULL;
}

static int seen(char **v, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/* One map of "values": every distinct code of the columns that feed it. */
static void write_map(const struct draft *d, FILE *out, const char *key, int *first)
{
	char **done = NULL;
	int ndone = 0, any = 0;

	for (int i = 0; i < d->ncol; i++) {
		const struct draft_col *c = &d->col[i];
		const char *k = values_key(c->field);

		/* a stage column holds closures too ("Resolved") */
		if (c->field == DRAFT_STAGE && strcmp(key, "status") == 0)
			k = key;
		if (!k || strcmp(k, key) != 0)
			continue;
		for (int j = 0; j < c->nv; j++) {
			const char *to = draft_guess_value(d, c->field, c->v[j]);

			if (seen(done, ndone, c->v[j]))
				continue;
			/* stage numbers, and closures in the stage column, need no map */
			if (c->field == DRAFT_STAGE) {
				if (strcmp(key, "stage") == 0 && (!to || strcmp(to, c->v[j]) == 0))
					continue;
			}
			if (strcmp(key, "status") == 0 && c->field == DRAFT_STAGE &&
			    draft_guess_value(d, DRAFT_STAGE, c->v[j]))
				continue;
			if (c->field == DRAFT_STAGE && strcmp(key, "status") == 0)
				to = draft_guess_value(d, CF_STATUS, c->v[j]);
			if (to && strcmp(to, c->v[j]) == 0)
				continue; /* already canonical */
			done = xrealloc(done, (ndone + 1) * sizeof(*done));
			done[ndone++] = c->v[j];
			fprintf(out, "%s", any ? ", " : *first ? "    " : ",\n    ");
			if (!any) {
				put_str(out, key);
				fprintf(out, ": {");
			}
			any = 1;
			put_str(out, c->v[j]);
			fprintf(out, ": ");
			put_str(out, to ? to : "?");
		}
	}
	if (any) {
		fprintf(out, "}");
		*first = 0;
	}
	free(done);
}

static void write_columns(const struct draft *d, FILE *out)
{
	int n = 0;

	fprintf(out, "  \"columns\": {");
	for (int i = 0; i < d->ncol; i++) {
		if (d->col[i].field < 0)
			continue;
		fprintf(out, "%s\n    ", n++ ? "," : "");
		put_str(out, d->col[i].name);
		fprintf(out, ": \"%s\"", canon_field_name(d->col[i].field));
	}
	fprintf(out, "\n  },\n  \"drop\": [");
	n = 0;
	for (int i = 0; i < d->ncol; i++) {
		if ((d->col[i].field != DRAFT_DROP && d->col[i].field != DRAFT_NONE) ||
		    d->col[i].event)
			continue;
		fprintf(out, "%s", n++ ? ", " : "");
		put_str(out, d->col[i].name);
	}
	fprintf(out, "],\n");
}

static void write_stages(const struct draft *d, FILE *out)
{
	const char *stage = NULL, *date = NULL;

	for (int i = 0; i < d->ncol; i++) {
		if (d->col[i].field == DRAFT_STAGE)
			stage = d->col[i].name;
		if (d->col[i].field == DRAFT_EVDATE)
			date = d->col[i].name;
	}
	if (!stage || !date)
		return;
	fprintf(out, "  \"stages\": {");
	if (d->shape == PROFILE_JSON) {
		fprintf(out, "\"path\": ");
		put_str(out, d->ev_path);
		fprintf(out, ", ");
	}
	fprintf(out, "\"stage\": ");
	put_str(out, stage);
	fprintf(out, ", \"date\": ");
	put_str(out, date);
	fprintf(out, "},\n");
}

void draft_write(const struct draft *d, FILE *out)
{
	static const char *const maps[] = {"agency", "theme", "subject", "category", "stage",
					   "status", "outcome", NULL};
	static const char *const shapes[] = {"wide", "long", "json"};
	int first = 1;

	fprintf(out, "{\n  \"format\": \"oversight-profile/1\",\n");
	fprintf(out, "  \"description\": \"Draft profile: check every guess, and each \\\"?\\\"\",\n");
	fprintf(out, "  \"source\": {\"partnership\": ");
	put_str(out, d->partnership ? d->partnership : "?");
	fprintf(out, ", \"agency\": ");
	put_str(out, d->agency ? d->agency : "?");
	fprintf(out, "},\n  \"shape\": \"%s\",\n", shapes[d->shape]);
	fprintf(out, "  \"encoding\": \"%s\",\n", d->cp1252 ? "windows-1252" : "utf-8");
	if (d->shape == PROFILE_JSON) {
		fprintf(out, "  \"records\": ");
		put_str(out, d->records);
		fprintf(out, ",\n");
	} else {
		fprintf(out, "  \"delimiter\": \"%s\",\n",
			d->delim == '\t' ? "\\t" : d->delim == ';' ? ";" : ",");
	}
	write_columns(d, out);
	write_stages(d, out);
	write_dates(d, out);
	fprintf(out, "  \"values\": {\n");
	for (int i = 0; maps[i]; i++)
		write_map(d, out, maps[i], &first);
	fprintf(out, "%s  },\n", first ? "" : "\n");
	fprintf(out, "  \"defaults\": {\"subject\": \"child\", \"category\": \"case\"}\n}\n");
}

void draft_free(struct draft *d)
{
	for (int i = 0; i < d->ncol; i++) {
		for (int j = 0; j < d->col[i].nv; j++)
			free(d->col[i].v[j]);
		free(d->col[i].v);
		free(d->col[i].name);
	}
	free(d->col);
	free(d->hdr);
	free(d->records);
	free(d->ev_path);
}
