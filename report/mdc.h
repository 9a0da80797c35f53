/*
 * mdc.h - a monthly series read as NHS England's "Making Data Count" reads
 * it, for the front page: common cause variation, special cause (higher
 * or lower), or too few months to say; in words, and as the variation
 * icon (a small SVG carried inside the paper as a data URI, so that the
 * HTML made from it holds the icon and needs no other file).
 *
 *   enum mdc_reading v = mdc_reading(m, &r->period);
 *   mdc_icon(out, v); fputs(mdc_words(v), out);     // in a table cell
 *   mdc_icon_refs(out, used);                        // after the table
 */
#ifndef OVERSIGHT_MDC_H
#define OVERSIGHT_MDC_H

#include <stdio.h>

#include "metrics.h"

/* The fewest months of a series the front page reads: below this the
 * limits are provisional (DESIGN.md "SPC (monthly)"). */
#define MDC_MIN_MONTHS 12

enum mdc_reading {
	MDC_FEW,    /* too few months to say */
	MDC_COMMON, /* common cause variation */
	MDC_HIGH,   /* special cause, higher */
	MDC_LOW,    /* special cause, lower */
	MDC_BOTH,   /* special cause, higher and lower */
	MDC_NREADING
};

/* The reading of m's monthly series (escalations raised per month) over
 * the months of period p: special cause when a rule of the chart flags
 * one of those months (its direction: higher or lower), else common
 * cause; MDC_FEW when the series has fewer than MDC_MIN_MONTHS months. */
enum mdc_reading mdc_reading(const struct metrics *m, const struct period *p);

/* "common cause variation", "special cause, higher", ... */
const char *mdc_words(enum mdc_reading v);

/* The icon as a reference image, "![][mdc-high] " (nothing for MDC_FEW);
 * returns the bit (1 << v) to pass, or-ed, to mdc_icon_refs(). */
unsigned mdc_icon(FILE *out, enum mdc_reading v);

/* The reference definitions of the icons used: one line each,
 * "[mdc-high]: data:image/svg+xml;base64,...". */
void mdc_icon_refs(FILE *out, unsigned used);

#endif
