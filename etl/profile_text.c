/*
 * profile_text.c - a profile's text as UTF-8: Windows-1252 exports (Excel's
 * "CSV" on a Windows PC in the UK) are converted by iconv(3) while they
 * are read, so a file of any size streams through the CSV reader.
 *
 * The project's rule (DESIGN.md, "Dependencies"): the conversion table is
 * glibc's, not one written here.  Windows-1252 is one byte per character,
 * so the input may be cut anywhere; the five bytes it leaves undefined
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) make iconv fail with EILSEQ, reported
 * with the line they are on.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/util.h"
#include "profile.h"

struct decoder {
	FILE *in;            /* the raw file (not ours to close) */
	const char *name;    /* for messages */
	iconv_t cd;
	char ibuf[16384];    /* raw bytes not yet converted: ibuf[ipos..ilen) */
	size_t ipos, ilen;
	char obuf[3 * 16384 + 16]; /* converted, not yet handed out: obuf[opos..olen) */
	size_t opos, olen;
	long line;           /* line of the next raw byte */
	int eof, failed;
};

/* Convert what is buffered; refill from the file when it is used up. */
static int fill(struct decoder *d)
{
	char *ip, *op;
	size_t il, ol, done;

	if (d->ipos == d->ilen && !d->eof) {
		d->ilen = fread(d->ibuf, 1, sizeof(d->ibuf), d->in);
		d->ipos = 0;
		if (d->ilen == 0) {
			if (ferror(d->in))
				return -1;
			d->eof = 1;
		}
	}
	if (d->ipos == d->ilen)
		return 0;
	ip = d->ibuf + d->ipos;
	il = d->ilen - d->ipos;
	op = d->obuf;
	ol = sizeof(d->obuf);
	if (iconv(d->cd, &ip, &il, &op, &ol) == (size_t)-1 && errno != E2BIG) {
		/* count the lines up to the bad byte */
		for (char *p = d->ibuf + d->ipos; p < ip; p++)
			d->line += *p == '\n';
		error("%s:%ld: byte 0x%02X is not a windows-1252 character (is the profile's "
		      "encoding right?)", d->name, d->line, (unsigned char)*ip);
		d->failed = 1;
		errno = EILSEQ;
		return -1;
	}
	done = (size_t)(ip - (d->ibuf + d->ipos));
	for (size_t i = 0; i < done; i++)
		d->line += d->ibuf[d->ipos + i] == '\n';
	d->ipos += done;
	d->opos = 0;
	d->olen = (size_t)(op - d->obuf);
	return 0;
}

static ssize_t dec_read(void *cookie, char *buf, size_t size)
{
	struct decoder *d = cookie;
	size_t n;

	if (d->failed)
		return -1;
	while (d->opos == d->olen) {
		if (d->eof && d->ipos == d->ilen)
			return 0;
		if (fill(d))
			return -1;
	}
	n = d->olen - d->opos;
	if (n > size)
		n = size;
	memcpy(buf, d->obuf + d->opos, n);
	d->opos += n;
	return (ssize_t)n;
}

static int dec_close(void *cookie)
{
	struct decoder *d = cookie;

	iconv_close(d->cd);
	free(d);
	return 0;
}

FILE *profile_text_open(const struct profile *pf, FILE *fp, const char *name)
{
	cookie_io_functions_t io = {dec_read, NULL, NULL, dec_close};
	struct decoder *d;
	FILE *out;

	if (pf->encoding == PROFILE_UTF8)
		return fp;
	d = xcalloc(1, sizeof(*d));
	d->in = fp;
	d->name = name;
	d->line = 1;
	d->cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (d->cd == (iconv_t)-1) {
		error("%s: cannot convert from windows-1252: %s", name, strerror(errno));
		free(d);
		return NULL;
	}
	out = fopencookie(d, "r", io);
	if (!out) {
		iconv_close(d->cd);
		free(d);
		die(EXIT_INTERNAL, "out of memory");
	}
	return out;
}

void profile_text_close(const struct profile *pf, FILE *text)
{
	if (text && pf->encoding != PROFILE_UTF8)
		fclose(text);
}
