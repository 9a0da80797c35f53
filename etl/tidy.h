/*
 * tidy.h - a source row's values made ready for the rules, whatever shape
 * they came from.
 *
 * Every value of every shape passes tidy_row() on its way into the
 * warehouse (ingest_row()): white space around an id, a code, a date or
 * a reference (not a learning theme, which is any text) is cut as
 * text_trim() says when it holds a Unicode space (ASCII spaces alone are
 * as the shape left them) (a non-breaking space after a ref or a case reference no longer
 * makes a second escalation or a second pseudonym), and a value holding a
 * NUL character is refused, never cut short.
 */
#ifndef OVERSIGHT_TIDY_H
#define OVERSIGHT_TIDY_H

#include "canon.h"

struct tidy {
	char *held[CF_COUNT]; /* trimmed copies, NUL-terminated */
};

/* out = in with its values trimmed (copies kept in t: tidy_free() them).
 * -1 with err filled when a value holds a NUL character. */
int tidy_row(const struct canon_in *in, struct canon_in *out, struct tidy *t,
	     struct canon_err *err);

void tidy_free(struct tidy *t);

#endif
