/*
 * fuzz_csvin.c - the CSV reader alone (etl/csvin.c over libcsv): any
 * bytes, every delimiter the tool uses.  Checked: every field is
 * NUL-terminated at its length, lines never go backwards, a malformed
 * row names one of its own fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "etl/csvin.h"

struct seen {
	long last_line;
	long rows;
};

static int on_row(const struct csvin_row *row, void *ctx)
{
	struct seen *s = ctx;

	if (row->nfield < 1 || row->line < 1 || row->line < s->last_line ||
	    row->malformed < 0 || row->malformed > row->nfield)
		abort();
	for (int i = 0; i < row->nfield; i++) {
		if (row->field[i][row->len[i]] != '\0')
			abort();
		if (!row->has_nul && strlen(row->field[i]) != row->len[i])
			abort();
	}
	s->last_line = row->line;
	s->rows++;
	/* Stop early now and then: the reader must free what it holds. */
	return s->rows == 1000 ? 7 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen s = {0, 0};
	unsigned char delim = size && (data[0] & 1) ? ';' : ',';
	FILE *fp = fmemopen(size ? (void *)data : (void *)"", size, "rb");
	int rc;

	if (!fp)
		abort();
	rc = csvin_read(fp, "fuzz.csv", delim, on_row, &s);
	if (rc != 0 && rc != 7 && rc != -1)
		abort();
	fclose(fp);
	return 0;
}
