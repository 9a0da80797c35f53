/*
 * sheetname.h - a worksheet name Excel accepts (report_xlsx.c): none of
 * [ ] : * ? / \ or a control character, no apostrophe or space at either
 * end, not empty and not "History" (Excel's own), at most 31 characters,
 * and unique, as Excel compares them (without case), among the names
 * given before; a name taken already gets " (2)", " (3)"... within the 31.
 */
#ifndef OVERSIGHT_SHEETNAME_H
#define OVERSIGHT_SHEETNAME_H

#define SHEETNAME_MAX 31                    /* characters */
#define SHEETNAME_CAP (SHEETNAME_MAX * 4 + 1) /* bytes, UTF-8 */

/* The name for want into out (SHEETNAME_CAP bytes), unlike the ntaken
 * names in taken. */
void sheetname_make(const char *want, const char (*taken)[SHEETNAME_CAP], int ntaken, char *out);

#endif
