/*
 * fuzz_draft.c - the profile draft (etl/draft.c, etl/draft_guess.c) as
 * `oversight profile draft` runs it: draft_read() over the input as a
 * file (CSV in any of its delimiters and encodings, JSON, or an Excel
 * workbook when it starts "PK"), then draft_guess() and draft_write().
 *
 * An even-sized input is drafted for devon's dc-police with the reference
 * data (agency codes guessed against the partnership), an odd-sized one
 * without.  Checked: the reader returns 0 or EXIT_DATA, and 0 only with
 * records; every kept value is non-blank, trimmed and within
 * DRAFT_MAX_VALUES; a column's header position points at a column; the
 * draft written is JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "common.h"
#include "core/msg.h"
#include "core/text.h"
#include "etl/draft.h"

static void check_cols(const struct draft *d)
{
	for (int i = 0; i < d->nhdr; i++)
		if (d->hdr[i] < 0 || d->hdr[i] >= d->ncol)
			abort();
	for (int i = 0; i < d->ncol; i++) {
		const struct draft_col *c = &d->col[i];

		if (!c->name || c->nv < 0 || c->nv > DRAFT_MAX_VALUES || c->nv > c->cap || c->blank < 0)
			abort();
		for (int j = 0; j < c->nv; j++) {
			const char *s = c->v[j];
			size_t len = strlen(s);

			if (!len || text_trim(&s, &len))
				abort(); /* kept values are non-blank and trimmed */
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int with_ref = !(size & 1);
	const struct ref *r = with_ref ? fuzz_ref() : NULL;
	struct draft d;
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	cJSON *j;
	int st;

	msg_quiet = 1;
	draft_init(&d, r, with_ref ? "devon" : NULL, with_ref ? "dc-police" : NULL);
	st = draft_read(&d, fuzz_file(data, size));
	if (st != EXIT_OK && st != EXIT_DATA)
		abort();
	check_cols(&d);
	if (st == EXIT_OK) {
		if (d.rows < 1)
			abort();
		draft_guess(&d);
		mem = open_memstream(&text, &len);
		if (!mem)
			abort();
		draft_write(&d, mem);
		if (fclose(mem))
			abort();
		j = cJSON_ParseWithLength(text, len);
		if (!j)
			abort(); /* the draft is not JSON */
		cJSON_Delete(j);
		free(text);
	}
	draft_free(&d);
	return 0;
}
