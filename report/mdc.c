/*
 * mdc.c - a monthly series in Making Data Count's words and icons: see
 * mdc.h.
 *
 * NHS England's "Making Data Count" gives each measure a variation icon:
 * grey for common cause variation, and for special cause an icon marked H
 * (higher) or L (lower), in blue or orange where higher is better or
 * worse and in purple where, as here, it is neither (more escalations are
 * not in themselves good or bad: DESIGN.md, "Lack-of-challenge").  The
 * rules are the SPC chart's (stats.c); a month is special cause when any
 * rule flags it, in the direction spc_groups() gives it.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "mdc.h"
#include "spc_words.h"
#include "stats.h"

enum mdc_reading mdc_reading(const struct metrics *m, const struct period *p)
{
	struct spc_group g[SPC_MAX_GROUPS];
	char from[11], to[11];
	int n, high = 0, low = 0;

	if (m->n_month < MDC_MIN_MONTHS)
		return MDC_FEW;
	/* "YYYY-MM" of the period's first and last months */
	date_format(p->from, from);
	date_format(p->to, to);
	from[7] = to[7] = '\0';
	n = spc_groups(m, g, SPC_MAX_GROUPS);
	for (int k = 0; k < n; k++)
		for (int i = g[k].first; i <= g[k].last; i++) {
			/* the group's flagged months (two-of-three may skip one) */
			if (!(m->month_flags[i] & STATS_SPC_BIT(g[k].rule)) || strcmp(m->month[i], from) < 0 || strcmp(m->month[i], to) > 0)
				continue;
			if (g[k].dir > 0)
				high = 1;
			else
				low = 1;
		}
	return high && low ? MDC_BOTH : high ? MDC_HIGH : low ? MDC_LOW : MDC_COMMON;
}

const char *mdc_words(enum mdc_reading v)
{
	static const char *const words[] = {"too few months to say", "common cause variation",
					    "special cause, higher", "special cause, lower",
					    "special cause, higher and lower"};

	return v < MDC_NREADING ? words[v] : "";
}

static const char *const label[] = {"", "mdc-common", "mdc-high", "mdc-low", "mdc-high-low"};

/* The icons: a circle with the series' shape (grey) or the letter of the
 * direction (purple: neither improvement nor concern).  Their base64 text
 * goes into every paper: it was checked to spell none of the words a
 * paper must not hold (a protocol's ids, "tier", "line", ...), which an
 * edit here can change. */
#define SVG_HEAD "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\" viewBox=\"0 0 40 40\">"
#define SVG_CIRCLE(c) "<circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#ffffff\" stroke=\"" c "\" stroke-width=\"3\"/>"
#define SVG_LETTER(t) "<text x=\"20\" y=\"27\" font-family=\"Arial, sans-serif\" font-size=\"20\" " \
	"font-weight=\"bold\" text-anchor=\"middle\" fill=\"#6a3d9a\">" t "</text>"
static const char *const svg[] = {
	"",
	SVG_HEAD "<title>Common cause variation</title>" SVG_CIRCLE("#7f7f7f")
	"<polyline points=\"8,22 13,15 18,24 23,14 28,23 33,18\" fill=\"none\" stroke=\"#7f7f7f\" "
	"stroke-width=\"3\"/></svg>",
	SVG_HEAD "<title>Special cause variation, higher</title>" SVG_CIRCLE("#6a3d9a") SVG_LETTER("H") "</svg>",
	SVG_HEAD "<title>Special cause variation, lower</title>" SVG_CIRCLE("#6a3d9a") SVG_LETTER("L") "</svg>",
	SVG_HEAD "<title>Special cause variation (higher and lower)</title>" SVG_CIRCLE("#6a3d9a")
	"<text x=\"20\" y=\"26\" font-family=\"Arial, sans-serif\" font-size=\"14\" font-weight=\"bold\" "
	"text-anchor=\"middle\" fill=\"#6a3d9a\">H/L</text></svg>",
};

unsigned mdc_icon(FILE *out, enum mdc_reading v)
{
	if (v <= MDC_FEW || v >= MDC_NREADING)
		return 0;
	fprintf(out, "![][%s] ", label[v]);
	return 1u << v;
}

void mdc_icon_refs(FILE *out, unsigned used)
{
	for (int v = MDC_COMMON; v < MDC_NREADING; v++) {
		size_t len = strlen(svg[v]), cap = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
		char *b64;

		if (!(used & (1u << v)))
			continue;
		b64 = xmalloc(cap);
		sodium_bin2base64(b64, cap, (const unsigned char *)svg[v], len, sodium_base64_VARIANT_ORIGINAL);
		fprintf(out, "[%s]: data:image/svg+xml;base64,%s\n", label[v], b64);
		free(b64);
	}
	fprintf(out, "\n");
}
