/*
 * text.h - the bytes of an export as UTF-8 text, before any reader sees
 * them (text.c):
 *
 *   - a UTF-8 byte order mark is dropped;
 *   - UTF-16 with a byte order mark (Excel's "Unicode text") is converted
 *     to UTF-8 with iconv(3), whatever the encoding asked for;
 *   - Windows-1252, when asked for, is converted with iconv(3); a UTF-8
 *     byte order mark then refuses the file, saying the profile's
 *     encoding is wrong.
 *
 * Line ends are kept, so line numbers counted in the text are the file's.
 * The conversion streams: a file of any size is never held whole.  A byte
 * the encoding does not define ends reading with an error naming its line
 * (errno EILSEQ).
 */
#ifndef OVERSIGHT_ETL_TEXT_H
#define OVERSIGHT_ETL_TEXT_H

#include <stdio.h>

/*
 * The text of fp (the file called name) as UTF-8: fp itself when nothing
 * is to be converted, or a stream that converts it.  cp1252_profile: NULL
 * for UTF-8, or the name of the profile that says the file is
 * Windows-1252.  NULL after printing an error.
 */
FILE *text_open(FILE *fp, const char *name, const char *cp1252_profile);

/* Close what text_open() returned; fp itself stays open. */
void text_close(FILE *text, FILE *fp);

#endif
