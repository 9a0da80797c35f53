/*
 * text.h - the one place text from an input is shaped for a message or
 * compared as an identifier.
 *
 * text_quote(): every message that may quote a value from an input passes
 * the value through here; a case reference is never quoted, whatever the
 * message ("[case ref masked]", as the warehouse and the papers show it).
 * text_trim(): the one trimming of an id, a reference or a code: ASCII
 * spaces and tabs and the Unicode spaces (a non-breaking space pasted
 * from a web page or Word is still a space).
 * text_case_norm(): the one spelling rule of a case reference: white space
 * removed, ASCII letters upper-cased ('cs123456' and 'CS 123 456' are one
 * case), for the pseudonym and for comparing two rows of one escalation.
 */
#ifndef OVERSIGHT_TEXT_H
#define OVERSIGHT_TEXT_H

#include <stddef.h>

#define TEXT_MASKED "[case ref masked]"

/* s[0..n] for a message in buf (cap >= 48): control characters as '?',
 * cut at 40 characters with "..."; TEXT_MASKED when mask is set. */
const char *text_quote(const char *s, size_t n, int mask, char *buf, size_t cap);

/* Narrow s[0..*len] past white space at either end: space, tab and
 * carriage return, and U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F,
 * U+3000 and U+FEFF in UTF-8.  Returns 1 if anything was cut. */
int text_trim(const char **s, size_t *len);

/* A JSON text's \u0000 escapes (inside strings) replaced in place by the
 * one byte TEXT_JSON_NUL, which valid UTF-8 never holds, so that a parsed
 * string shows where it held a NUL instead of ending there.  body[0..len]
 * must be valid UTF-8; returns the new length (body stays NUL-terminated). */
#define TEXT_JSON_NUL '\xff'
size_t text_json_mark_nul(char *body, size_t len);

/* The normal form of case reference raw[0..len] in out[0..cap]; returns
 * its length (at most cap). */
size_t text_case_norm(const char *raw, size_t len, unsigned char *out, size_t cap);

/* 1 if case references a and b name the same case (same normal form). */
int text_case_same(const char *a, size_t alen, const char *b, size_t blen);

#endif
