/*
 * xlsx_value.c - what a workbook's cell holds, as text: cell names, date
 * number formats, numbers and date serials.  See xlsx.h.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

char *xlsx_column(char *buf, size_t size, int col)
{
	char tmp[8];
	int n = 0;

	if (col < 1)
		col = 1;
	while (col > 0 && n < (int)sizeof(tmp)) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (int i = 0; i < n && (size_t)i + 1 < size; i++)
		buf[i] = tmp[n - 1 - i];
	if (size)
		buf[(size_t)n < size ? (size_t)n : size - 1] = '\0';
	return buf;
}

/* Whether Excel would write the sheet's name bare in a reference. */
static int plain_sheet_name(const char *s)
{
	if (!*s || isdigit((unsigned char)*s))
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.' &&
		    !((unsigned char)*s & 0x80))
			return 0;
	return 1;
}

char *xlsx_cell(char *buf, size_t size, const char *sheet, long row, int col)
{
	char letters[8];
	size_t n = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	xlsx_column(letters, sizeof(letters), col);
	if (sheet && plain_sheet_name(sheet)) {
		snprintf(buf, size, "%s!%s%ld", sheet, letters, row);
		return buf;
	}
	if (sheet) {
		/* 'Q3 log'!C14, a quote in the name doubled */
		buf[n++] = '\'';
		for (const char *s = sheet; *s && n + 3 < size; s++) {
			if (*s == '\'')
				buf[n++] = '\'';
			buf[n++] = *s;
		}
		if (n + 2 < size) {
			buf[n++] = '\'';
			buf[n++] = '!';
		}
		buf[n < size ? n : size - 1] = '\0';
	}
	if (n < size)
		snprintf(buf + n, size - n, "%s%ld", letters, row);
	return buf;
}

/* Whether a [bracketed] part of a format code is an elapsed time ([h],
 * [mm], [ss]) rather than a colour, a condition or a locale. */
static int elapsed_time(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int c = tolower((unsigned char)s[i]);

		if (c != 'h' && c != 'm' && c != 's')
			return 0;
	}
	return 1;
}

int xlsx_format_is_date(int id, const char *code)
{
	if (!code) {
		/* ECMA-376 18.8.30: 14-22 and 45-47 are dates and times;
		 * 27-36 and 50-58 are the East Asian locales' dates. */
		return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) ||
		       (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
	}
	for (const char *s = code; *s; s++) {
		const char *end;

		switch (*s) {
		case '"':
			end = strchr(s + 1, '"');
			if (!end)
				return 0;
			s = end;
			continue;
		case '[':
			end = strchr(s + 1, ']');
			if (!end)
				return 0;
			if (elapsed_time(s + 1, (size_t)(end - s - 1)))
				return 1;
			s = end;
			continue;
		case '\\': /* an escaped character, a fill, a space as wide as one */
		case '*':
		case '_':
			if (!s[1])
				return 0;
			s++;
			continue;
		}
		switch (tolower((unsigned char)*s)) {
		case 'd':
		case 'm':
		case 'y':
		case 'h':
			return 1;
		}
	}
	return 0;
}

/* The civil date of a day count from 1970-01-01 (H. Hinnant's
 * civil_from_days, proleptic Gregorian). */
static void civil(long long z, int *y, int *m, int *d)
{
	long long era, yoe, doy, mp;
	unsigned doe;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 9999-12-31 is serial 2958465 in the 1900 system, the last Excel shows. */
#define SERIAL_MAX 2958466.0

static int date_text(char *buf, size_t size, double v, int date1904)
{
	long long days, minutes;
	int y, m, d;

	if (!(v >= 0) || v >= SERIAL_MAX)
		return 0;
	days = (long long)floor(v);
	minutes = llround((v - (double)days) * 1440.0);
	if (minutes >= 1440) {
		days++;
		minutes -= 1440;
	}
	if (days == 0 && minutes > 0) {
		/* a bare time of day */
		snprintf(buf, size, "%02lld:%02lld", minutes / 60, minutes % 60);
		return 1;
	}
	if (date1904) {
		civil(days - 24107, &y, &m, &d);
	} else if (days == 60) {
		/* Lotus 1-2-3's leap day, which Excel keeps */
		y = 1900, m = 2, d = 29;
	} else if (days == 0) {
		y = 1900, m = 1, d = 0; /* as Excel shows it */
	} else {
		civil(days - (days < 60 ? 25568 : 25569), &y, &m, &d);
	}
	if (minutes)
		snprintf(buf, size, "%04d-%02d-%02d %02lld:%02lld", y, m, d,
			 minutes / 60, minutes % 60);
	else
		snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
	return 1;
}

char *xlsx_number_text(char *buf, size_t size, double v, int date, int date1904)
{
	if (!size)
		return buf;
	if (date && date_text(buf, size, v, date1904))
		return buf;
	if (v == 0) {
		snprintf(buf, size, "0"); /* and not "-0" */
		return buf;
	}
	if (v == trunc(v) && fabs(v) < 1e17) {
		snprintf(buf, size, "%.0f", v);
		return buf;
	}
	/* The fewest digits that read back as v: 15 always do when fewer
	 * would, as %g drops trailing zeros. */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The UTF-8 bytes of code point c (below 0x10000) at out; their count. */
static size_t utf8(char *out, unsigned c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | c >> 12);
	out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[2] = (char)(0x80 | (c & 0x3F));
	return 3;
}

size_t xlsx_unescape(char *s, size_t n)
{
	size_t r = 0, w = 0;

	if (!memchr(s, '_', n))
		return n;
	while (r < n) {
		unsigned c = 0;
		int ok = r + 7 <= n && s[r] == '_' && s[r + 1] == 'x' && s[r + 6] == '_';

		for (int i = 2; ok && i < 6; i++) {
			int h = hexval((unsigned char)s[r + i]);

			ok = h >= 0;
			c = c * 16 + (unsigned)h;
		}
		/* 7 bytes become at most 3: writing never overtakes reading.
		 * A NUL or a surrogate is left as written. */
		if (ok && c && (c < 0xD800 || c > 0xDFFF)) {
			w += utf8(s + w, c);
			r += 7;
		} else {
			s[w++] = s[r++];
		}
	}
	s[w] = '\0';
	return w;
}
