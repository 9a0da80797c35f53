/*
 * proto.c - the protocol model read from the warehouse: see proto.h.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/msg.h"
#include "core/util.h"
#include "proto.h"

/* A text column, "" when NULL, in storage the caller owns. */
static char *dup_col(sqlite3_stmt *st, int idx)
{
	const unsigned char *s = sqlite3_column_text(st, idx);

	return xstrdup(s ? (const char *)s : "");
}

/* A string member of a JSON object, "" when it has none, owned by the caller. */
static char *dup_json(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return xstrdup(cJSON_IsString(v) ? v->valuestring : "");
}

/* The protocol's title and principle, the timescales note and the notes of
 * the definition as loaded; a definition that does not parse has none. */
static void read_definition(struct ref_partnership *p, const char *text)
{
	cJSON *def = text ? cJSON_Parse(text) : NULL;
	const cJSON *proto = cJSON_GetObjectItemCaseSensitive(def, "protocol");
	const cJSON *n;

	p->protocol_title = dup_json(proto, "title");
	p->protocol_principle = dup_json(proto, "principle");
	p->timescales_note = dup_json(def, "timescales_note");
	cJSON_ArrayForEach(n, cJSON_GetObjectItemCaseSensitive(def, "notes")) {
		if (!cJSON_IsString(n))
			continue;
		p->note = xrealloc(p->note, (size_t)(p->nnote + 1) * sizeof(char *));
		p->note[p->nnote++] = xstrdup(n->valuestring);
	}
	cJSON_Delete(def);
}

static int read_partnerships(struct wh *w, struct ref *r)
{
	sqlite3_stmt *st = wh_prepare(w, "ref_partnerships");
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ref_partnership *p;

		r->partnership = xrealloc(r->partnership, (size_t)(r->npartnership + 1) * sizeof(*p));
		p = &r->partnership[r->npartnership++];
		memset(p, 0, sizeof(*p));
		p->id = dup_col(st, 0);
		p->name = dup_col(st, 1);
		p->jurisdiction = dup_col(st, 2);
		p->last_stage = sqlite3_column_int(st, 3);
		p->adults_apart = sqlite3_column_int(st, 4);
		p->subjects = dup_col(st, 5);
		p->short_name = dup_col(st, 6);
		for (int s = 0; s <= MODEL_STAGES; s++) {
			struct ref_stage *rs = &p->stage[s];

			rs->name = xstrdup("");
			rs->reading = xstrdup("");
			rs->alt_reading = xstrdup("");
			rs->alt_kind = xstrdup("");
			rs->alt_cite = xstrdup("");
		}
		p->definition = dup_col(st, 7);
		read_definition(p, (const char *)sqlite3_column_text(st, 7));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "reading partnerships");
}

/* Run query for each partnership (bound to :partnership), handing each
 * row to add. */
static void per_partnership(struct wh *w, struct ref *r, const char *query,
			    void (*add)(struct ref_partnership *p, sqlite3_stmt *st))
{
	sqlite3_stmt *st = wh_prepare(w, query);

	for (int i = 0; i < r->npartnership; i++) {
		struct ref_partnership *p = &r->partnership[i];

		sqlite3_bind_text(st, wh_param(st, ":partnership"), p->id, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			add(p, st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

static void add_agency(struct ref_partnership *p, sqlite3_stmt *st)
{
	p->agency = xrealloc(p->agency, (size_t)(p->nagency + 1) * sizeof(char *));
	p->agency_name = xrealloc(p->agency_name, (size_t)(p->nagency + 1) * sizeof(char *));
	p->agency[p->nagency] = dup_col(st, 0);
	p->agency_name[p->nagency++] = dup_col(st, 1);
}

static void add_stage(struct ref_partnership *p, sqlite3_stmt *st)
{
	int s = sqlite3_column_int(st, 0);

	if (s < 0 || s > MODEL_STAGES)
		return;
	/* stage 0: the step before stage 1 (the definition's pre_stage) */
	if (s == 0)
		p->has_pre_stage = 1;
	free(p->stage[s].name);
	p->stage[s].name = dup_col(st, 1);
	p->stage[s].tier = sqlite3_column_int(st, 2);
}

static void add_forum(struct ref_partnership *p, sqlite3_stmt *st)
{
	struct ref_forum *f;

	p->forum = xrealloc(p->forum, (size_t)(p->nforum + 1) * sizeof(*f));
	f = &p->forum[p->nforum++];
	f->id = dup_col(st, 0);
	f->name = dup_col(st, 1);
	f->stage = sqlite3_column_int(st, 2);
	f->report = dup_col(st, 3);
	f->reports_to = dup_col(st, 4);
	f->description = dup_col(st, 5);
	f->onward = xstrdup("");
	f->subject = CLI_SUBJECT_ALL;
}

/* The two readings of a stage timescale (stages[].timescale "reading" and
 * "alternative"), as refdata.c checked them at init. */
static void read_readings(struct ref_partnership *p, const cJSON *def)
{
	const cJSON *a;

	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(def, "stages")) {
		const cJSON *n = cJSON_GetObjectItemCaseSensitive(a, "stage");
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(a, "timescale");
		const cJSON *alt = cJSON_GetObjectItemCaseSensitive(t, "alternative");
		const cJSON *days = cJSON_GetObjectItemCaseSensitive(alt, "days");
		struct ref_stage *rs;

		if (!cJSON_IsNumber(n) || n->valueint < 1 || n->valueint > MODEL_STAGES)
			continue;
		rs = &p->stage[n->valueint];
		free(rs->reading);
		rs->reading = dup_json(t, "reading");
		if (!cJSON_IsObject(alt) || !cJSON_IsNumber(days))
			continue;
		free(rs->alt_reading);
		free(rs->alt_kind);
		free(rs->alt_cite);
		rs->alt_reading = dup_json(alt, "reading");
		rs->alt_kind = dup_json(alt, "kind");
		rs->alt_cite = dup_json(alt, "cite");
		rs->alt_days = days->valueint;
	}
}

/* Each forum's text that only the definition holds (forums[].onward:
 * what may follow, quoted) and its subjects (forums[].subject:
 * "children" or "adults"). */
static void read_forum_subjects(struct ref_partnership *p, const cJSON *def)
{
	const cJSON *a;

	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(def, "forums")) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(a, "id");
		const cJSON *subj = cJSON_GetObjectItemCaseSensitive(a, "subject");

		for (int i = 0; cJSON_IsString(id) && i < p->nforum; i++)
			if (strcmp(p->forum[i].id, id->valuestring) == 0) {
				free(p->forum[i].onward);
				p->forum[i].onward = dup_json(a, "onward");
			}
		if (!cJSON_IsString(id) || !cJSON_IsString(subj))
			continue;
		for (int i = 0; i < p->nforum; i++)
			if (!strcmp(p->forum[i].id, id->valuestring) && cli_subject_parse(subj->valuestring) > 0)
				p->forum[i].subject = cli_subject_parse(subj->valuestring);
	}
}

/* What the definition's JSON adds to the tables: the readings of its
 * timescales and the subjects of its forums. */
static void read_extras(struct ref_partnership *p)
{
	cJSON *def = cJSON_Parse(p->definition);

	read_readings(p, def);
	read_forum_subjects(p, def);
	cJSON_Delete(def);
}

int ref_read(struct wh *w, struct ref *r)
{
	sqlite3_stmt *st;
	int rc;

	memset(r, 0, sizeof(*r));
	if (read_partnerships(w, r))
		return -1;
	per_partnership(w, r, "ref_agencies", add_agency);
	per_partnership(w, r, "ref_stages", add_stage);
	per_partnership(w, r, "ref_forums", add_forum);
	for (int i = 0; i < r->npartnership; i++)
		read_extras(&r->partnership[i]);

	st = wh_prepare(w, "ref_themes");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->theme = xrealloc(r->theme, (size_t)(r->ntheme + 1) * sizeof(char *));
		r->theme_name = xrealloc(r->theme_name, (size_t)(r->ntheme + 1) * sizeof(char *));
		r->theme[r->ntheme] = dup_col(st, 0);
		r->theme_name[r->ntheme++] = dup_col(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "reading themes");
}

static void free_strings(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void free_partnership(struct ref_partnership *p)
{
	free_strings(p->agency, p->nagency);
	free_strings(p->agency_name, p->nagency);
	for (int s = 0; s <= MODEL_STAGES; s++) {
		struct ref_stage *rs = &p->stage[s];

		free(rs->name);
		free(rs->reading);
		free(rs->alt_reading);
		free(rs->alt_kind);
		free(rs->alt_cite);
	}
	for (int i = 0; i < p->nforum; i++) {
		struct ref_forum *f = &p->forum[i];

		free(f->id);
		free(f->name);
		free(f->report);
		free(f->reports_to);
		free(f->description);
		free(f->onward);
	}
	free(p->forum);
	free_strings(p->note, p->nnote);
	free(p->id);
	free(p->name);
	free(p->short_name);
	free(p->jurisdiction);
	free(p->subjects);
	free(p->protocol_title);
	free(p->protocol_principle);
	free(p->timescales_note);
	free(p->definition);
}

void ref_free(struct ref *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->npartnership; i++)
		free_partnership(&r->partnership[i]);
	free(r->partnership);
	free_strings(r->theme, r->ntheme);
	free_strings(r->theme_name, r->ntheme);
	memset(r, 0, sizeof(*r));
}

const char *ref_stage_label(const struct ref_partnership *p, int stage, char *buf, size_t cap)
{
	if (stage == 0 && p->has_pre_stage)
		snprintf(buf, cap, "%s", p->stage[0].name);
	else if (stage >= 1 && stage <= MODEL_STAGES && p->stage[stage].name[0])
		snprintf(buf, cap, "Stage %d: %s", stage, p->stage[stage].name);
	else
		snprintf(buf, cap, "Stage %d", stage);
	return buf;
}

const struct ref_partnership *ref_find_partnership(const struct ref *r, const char *id)
{
	for (int i = 0; i < r->npartnership; i++)
		if (strcmp(r->partnership[i].id, id) == 0)
			return &r->partnership[i];
	return NULL;
}

int ref_agency_index(const struct ref_partnership *p, const char *id)
{
	for (int i = 0; i < p->nagency; i++)
		if (strcmp(p->agency[i], id) == 0)
			return i;
	return -1;
}

int ref_covers_subject(const struct ref_partnership *p, const char *subject)
{
	size_t n = strlen(subject);
	const char *s = p->subjects;

	if (strcmp(subject, "none") == 0)
		return 1;
	while (s && *s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (len == n && strncmp(s, subject, n) == 0)
			return 1;
		s = end ? end + 1 : NULL;
	}
	return 0;
}

int ref_covers_group(const struct ref_partnership *p, int group)
{
	static const char *const subjects[] = {"child", "unborn", "adult"};

	for (size_t i = 0; i < sizeof(subjects) / sizeof(subjects[0]); i++)
		if (cli_subject_in(group, subjects[i]) && ref_covers_subject(p, subjects[i]))
			return 1;
	return 0;
}

int ref_is_theme(const struct ref *r, const char *id)
{
	for (int i = 0; i < r->ntheme; i++)
		if (strcmp(r->theme[i], id) == 0)
			return 1;
	return 0;
}

const char *ref_theme_name(const struct ref *r, const char *id)
{
	for (int i = 0; i < r->ntheme; i++)
		if (strcmp(r->theme[i], id) == 0)
			return r->theme_name[i];
	return id;
}

/* Levenshtein distance, capped: strings here are short ids. */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[65];

	if (la > 64 || lb > 64)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int prev = row[0];

		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int cur = row[j];
			int best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

const char *ref_suggest(const char *s, char *const *ids, int n)
{
	const char *best = NULL;
	int bestd = 3;

	for (int i = 0; i < n; i++) {
		int d = distance(s, ids[i]);

		if (d < bestd) {
			bestd = d;
			best = ids[i];
		}
	}
	return best;
}

const char *ref_nearest(const char *s, char *const *ids, int n)
{
	const char *hit = ref_suggest(s, ids, n);
	int found = 0;

	if (hit || !*s)
		return hit;
	for (int i = 0; i < n; i++)
		if (strcasestr(ids[i], s) || strcasestr(s, ids[i])) {
			hit = ids[i];
			found++;
		}
	return found == 1 ? hit : NULL;
}

const char *ref_hint(char *buf, size_t cap, const char *what, const char *s, char *const *ids,
		     int n)
{
	const char *near = ref_nearest(s, ids, n);
	size_t used = (size_t)snprintf(buf, cap, " (%s: ", what);

	for (int i = 0; i < n && used < cap; i++)
		used += (size_t)snprintf(buf + used, cap - used, "%s%s", i ? ", " : "", ids[i]);
	if (near && used < cap)
		used += (size_t)snprintf(buf + used, cap - used, "; did you mean '%s'?", near);
	if (used < cap)
		snprintf(buf + used, cap - used, ")");
	return buf;
}
