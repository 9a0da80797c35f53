/*
 * share.c - a rate or share as a paper shows it: see share.h.
 */
#include <stdio.h>

#include "share.h"

int share_small(long den)
{
	return den > 0 && den < SHARE_MIN;
}

const char *share_text(long num, long den, int decimals, char *buf, size_t cap)
{
	if (den <= 0)
		snprintf(buf, cap, "-");
	else if (share_small(den))
		snprintf(buf, cap, "%ld of %ld", num, den);
	else
		snprintf(buf, cap, "%.*f%%", decimals, 100.0 * (double)num / (double)den);
	return buf;
}
