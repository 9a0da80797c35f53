/*
 * rejecho.h - a rejected row, pointed at on stderr as the load echoes it:
 * "file:line:col: reason", or for a workbook "file:Sheet!C14: reason"
 * ("file:Sheet!14:14: reason" for the whole row).
 */
#ifndef OVERSIGHT_REJECHO_H
#define OVERSIGHT_REJECHO_H

/* sheet: NULL for a CSV file; col 0: the whole row. */
void rejecho(const char *file, const char *sheet, long line, int col, const char *reason);

#endif
