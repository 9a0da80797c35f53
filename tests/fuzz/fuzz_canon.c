/*
 * fuzz_canon.c - canon_validate() on random fields, against the shipped
 * reference data.
 *
 * The input is the canonical fields in enum canon_field order (ref,
 * partnership, raised_by, ...; see etl/canon.h), one per line; missing
 * lines are empty fields.  A field never holds a NUL (the shapes reject
 * such rows before validation), so a NUL ends it.  Checked beyond "no
 * crash": a rejection names a field and a message; an accepted record
 * keeps DESIGN.md's invariants (stage dates never decrease, raised_on on
 * or before the first stage, closed_on on or after the last, none after
 * today, the top stage within the protocol).
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "core/date.h"
#include "etl/canon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int today;
	struct canon_in in;
	struct canon out;
	struct canon_err err;
	char *buf = malloc(size + 1), *p;
	int f = 0, last = DATE_NONE;

	if (!buf)
		abort();
	if (!today) {
		date_parse_iso(FUZZ_TODAY, 10, &today);
		fuzz_ref();
	}
	memcpy(buf, data, size);
	buf[size] = '\0';
	memset(&in, 0, sizeof(in));
	in.line = 2;
	p = buf;
	while (f < CF_COUNT) {
		char *nl = strchr(p, '\n');

		if (nl)
			*nl = '\0';
		in.v[f] = p;
		in.len[f] = strlen(p);
		in.col[f] = f + 1;
		/* Now and then a profile's own column name, as messages show it. */
		if (f == CF_RAISED_ON && size % 3 == 0)
			in.src[f] = "Date Raised";
		f++;
		if (!nl)
			break;
		p = nl + 1;
	}
	if (canon_validate(&in, fuzz_ref(), today, &out, &err) != 0) {
		if (err.field < 0 || err.field >= CF_COUNT || !err.msg[0] ||
		    strnlen(err.msg, sizeof(err.msg)) == sizeof(err.msg))
			abort();
	} else {
		if (!out.p || out.raised_on == DATE_NONE || out.raised_on > today ||
		    out.top_stage < 1 || out.top_stage > out.p->last_stage)
			abort();
		for (int n = 1; n <= MODEL_STAGES; n++) {
			if (out.stage[n] == DATE_NONE)
				continue;
			if (out.stage[n] > today || (last != DATE_NONE && out.stage[n] < last) ||
			    out.stage[n] < out.raised_on)
				abort();
			last = out.stage[n];
		}
		if (out.closed_on != DATE_NONE && (out.closed_on < last || out.closed_on > today))
			abort();
	}
	free(buf);
	return 0;
}
