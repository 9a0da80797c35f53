/*
 * text.c - an export's bytes as UTF-8 text: see text.h.  Windows-1252
 * (Excel's "CSV" on a Windows PC in the UK) and UTF-16 (Excel's "Unicode
 * text") are converted by iconv(3) while they are read, so a file of any
 * size streams through the readers.
 *
 * The project's rule (DESIGN.md, "Dependencies"): the conversion tables
 * are glibc's, not written here.  The five bytes Windows-1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) and a lone UTF-16 surrogate
 * make iconv fail with EILSEQ, reported with the line they are on; a
 * UTF-16 character cut by the end of a buffer is kept for the next one.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/util.h"
#include "profile.h"
#include "text.h"

#define NO_ICONV ((iconv_t)-1)

struct decoder {
	FILE *in;            /* the raw file (not ours to close) */
	const char *name;    /* for messages */
	const char *enc;     /* what is converted, NULL: the bytes as they are */
	iconv_t cd;
	char ibuf[16384];    /* raw bytes not yet converted: ibuf[ipos..ilen) */
	size_t ipos, ilen;
	char obuf[3 * 16384 + 16]; /* converted, not yet handed out: obuf[opos..olen) */
	size_t opos, olen;
	long line;           /* line of the next converted byte */
	int eof, failed;
	int partial;         /* ibuf ends inside a character: read more first */
};

/* Read more raw bytes after those not yet converted. */
static int refill(struct decoder *d)
{
	size_t keep = d->ilen - d->ipos, got;

	memmove(d->ibuf, d->ibuf + d->ipos, keep);
	d->ipos = 0;
	got = fread(d->ibuf + keep, 1, sizeof(d->ibuf) - keep, d->in);
	d->ilen = keep + got;
	d->partial = 0;
	if (got == 0) {
		if (ferror(d->in))
			return -1;
		d->eof = 1;
	}
	return 0;
}

static int bad_byte(struct decoder *d, const char *ip, int cut)
{
	if (cut)
		error("%s:%ld: the file ends inside a %s character", d->name, d->line, d->enc);
	else if (strcmp(d->enc, "WINDOWS-1252") == 0)
		error("%s:%ld: byte 0x%02X is not a windows-1252 character (is the profile's "
		      "encoding right?)", d->name, d->line, (unsigned char)*ip);
	else
		error("%s:%ld: not %s text (a lone surrogate), though the file starts with its "
		      "byte order mark", d->name, d->line, d->enc);
	d->failed = 1;
	errno = EILSEQ;
	return -1;
}

/* Convert what is buffered; refill from the file when it is used up. */
static int fill(struct decoder *d)
{
	char *ip, *op;
	size_t il, ol;
	int fail = 0, err = 0;

	if (!d->eof && (d->ipos == d->ilen || d->partial) && refill(d))
		return -1;
	if (d->ipos == d->ilen)
		return 0;
	ip = d->ibuf + d->ipos;
	il = d->ilen - d->ipos;
	op = d->obuf;
	ol = sizeof(d->obuf);
	if (d->cd == NO_ICONV) {
		size_t n = il < ol ? il : ol;

		memcpy(op, ip, n);
		ip += n, op += n;
	} else if (iconv(d->cd, &ip, &il, &op, &ol) == (size_t)-1 && errno != E2BIG) {
		err = errno;
		fail = 1;
	}
	d->ipos = (size_t)(ip - d->ibuf);
	d->opos = 0;
	d->olen = (size_t)(op - d->obuf);
	/* lines counted in the text: UTF-16's line ends are one character too */
	for (size_t i = 0; i < d->olen; i++)
		d->line += d->obuf[i] == '\n';
	if (fail && err == EINVAL && !d->eof) {
		d->partial = 1;
		return 0;
	}
	if (fail) {
		d->olen = 0; /* nothing of a chunk with a bad byte is handed on */
		return bad_byte(d, ip, err == EINVAL);
	}
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

	if (d->cd != NO_ICONV)
		iconv_close(d->cd);
	free(d);
	return 0;
}

/* A stream converting fp from enc (NULL: as it is), the n bytes at pre
 * (already read from fp) first. */
static FILE *decoder_open(FILE *fp, const char *name, const char *enc, const unsigned char *pre,
			  size_t n)
{
	cookie_io_functions_t io = {dec_read, NULL, NULL, dec_close};
	struct decoder *d = xcalloc(1, sizeof(*d));
	FILE *out;

	d->in = fp;
	d->name = name;
	d->enc = enc;
	d->line = 1;
	d->cd = NO_ICONV;
	if (n)
		memcpy(d->ibuf, pre, n);
	d->ilen = n;
	if (enc && (d->cd = iconv_open("UTF-8", enc)) == NO_ICONV) {
		error("%s: cannot convert from %s: %s", name, enc, strerror(errno));
		free(d);
		return NULL;
	}
	out = fopencookie(d, "r", io);
	if (!out)
		die(EXIT_INTERNAL, "out of memory");
	return out;
}

FILE *text_open(FILE *fp, const char *name, const char *cp1252_profile)
{
	const char *enc = cp1252_profile ? "WINDOWS-1252" : NULL;
	unsigned char pre[3];
	size_t n = 0;
	int c = getc(fp);

	/* Only these bytes begin a byte order mark; no UTF-8 text begins
	 * with 0xFE or 0xFF. */
	if (c != 0xEF && c != 0xFE && c != 0xFF) {
		if (c != EOF)
			ungetc(c, fp);
		return enc ? decoder_open(fp, name, enc, NULL, 0) : fp;
	}
	pre[n++] = (unsigned char)c;
	n += fread(pre + 1, 1, c == 0xEF ? 2 : 1, fp);
	if (n == 3 && memcmp(pre, "\xef\xbb\xbf", 3) == 0) {
		if (!enc)
			return fp; /* the mark is read and dropped */
		error("%s:1: the file is UTF-8 with a byte order mark, but profile %s says "
		      "windows-1252: change the profile's \"encoding\" to \"utf-8\"", name,
		      cp1252_profile);
		return NULL;
	}
	if (n >= 2 && pre[0] == 0xFF && pre[1] == 0xFE)
		return decoder_open(fp, name, "UTF-16LE", pre + 2, n - 2);
	if (n >= 2 && pre[0] == 0xFE && pre[1] == 0xFF)
		return decoder_open(fp, name, "UTF-16BE", pre + 2, n - 2);
	return decoder_open(fp, name, enc, pre, n);
}

void text_close(FILE *text, FILE *fp)
{
	if (text && text != fp)
		fclose(text);
}

FILE *profile_text_open(const struct profile *pf, FILE *fp, const char *name)
{
	return text_open(fp, name, pf->encoding == PROFILE_CP1252 ? pf->name : NULL);
}
