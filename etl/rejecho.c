/*
 * rejecho.c - a rejected row on stderr: see rejecho.h.
 */
#include <stdio.h>
#include <string.h>

#include "rejecho.h"
#include "xlsx.h"

void rejecho(const char *file, const char *sheet, long line, int col, const char *reason)
{
	char cell[300];

	if (sheet && col > 0)
		fprintf(stderr, "%s:%s: %s\n", file, xlsx_cell(cell, sizeof(cell), sheet, line, col),
			reason);
	else if (sheet) /* the whole row, as Excel names it: Escalations!14:14 */
		fprintf(stderr, "%s:%.*s!%ld:%ld: %s\n", file,
			(int)(strrchr(xlsx_cell(cell, sizeof(cell), sheet, line, 1), '!') - cell), cell,
			line, line, reason);
	else if (col > 0)
		fprintf(stderr, "%s:%ld:%d: %s\n", file, line, col, reason);
	else
		fprintf(stderr, "%s:%ld: %s\n", file, line, reason);
}
