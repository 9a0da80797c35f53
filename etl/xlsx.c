/*
 * xlsx.c - open a workbook and read the parts a sheet needs: the package's
 * relationships, workbook.xml (sheet names, the date system), its
 * relationships (each sheet's part), styles.xml (which cell styles are
 * dates) and sharedStrings.xml.  The sheet itself is streamed by
 * xlsx_sheet.c.  See xlsx.h.
 *
 * Every part goes through xlsx_part(): libzip reads it in chunks, expat
 * parses each chunk, with namespaces on so that handlers match local names
 * whatever prefixes the writer chose (Excel, LibreOffice and the strict
 * OOXML namespaces alike).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "xlsx_int.h"

/* The first bytes of an OLE2 compound file: an .xls, or an encrypted .xlsx. */
static const unsigned char ole2_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};



/* A relationship's target as a part name: relative to the directory of
 * the part whose relationships name it (dir ends with '/'), or absolute
 * from the package's root; "../" steps up. */
static char *resolve(const char *dir, const char *target)
{
	size_t dn = strlen(dir);
	char *out;

	if (target[0] == '/')
		return xstrdup(target + 1);
	while (!strncmp(target, "../", 3)) {
		target += 3;
		if (dn)
			dn--; /* the trailing '/' */
		while (dn && dir[dn - 1] != '/')
			dn--;
	}
	out = xmalloc(dn + strlen(target) + 1);
	memcpy(out, dir, dn);
	strcpy(out + dn, target);
	return out;
}

/* Whether a relationship type is the one named by its last segment
 * ("officeDocument", "sharedStrings", "styles", "worksheet"). */
static int rel_type(const char *type, const char *last)
{
	const char *slash = type ? strrchr(type, '/') : NULL;

	return slash && !strcmp(slash + 1, last);
}

/* --- _rels/.rels and the workbook's relationships ---------------------- */

struct rels {
	struct xlsx_parse ps;
	struct xlsx_book *b;
	const char *dir;   /* the directory targets are relative to */
	int package;       /* reading _rels/.rels */
};

static void XMLCALL rels_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct rels *r = data;
	struct xlsx_book *b = r->b;
	const char *id = xlsx_attr(atts, "Id"), *type = xlsx_attr(atts, "Type");
	const char *target = xlsx_attr(atts, "Target"), *mode = xlsx_attr(atts, "TargetMode");

	if (strcmp(xlsx_local(name), "Relationship") || !target ||
	    (mode && !strcmp(mode, "External")))
		return;
	if (r->package) {
		if (rel_type(type, "officeDocument") && !b->workbook)
			b->workbook = resolve("", target);
		return;
	}
	if (rel_type(type, "sharedStrings") && !b->shared_part)
		b->shared_part = resolve(r->dir, target);
	else if (rel_type(type, "styles") && !b->styles_part)
		b->styles_part = resolve(r->dir, target);
	for (int i = 0; id && i < b->nsheet; i++)
		if (b->sheet[i].rid && !b->sheet[i].part && !strcmp(b->sheet[i].rid, id))
			b->sheet[i].part = resolve(r->dir, target);
}

static int read_rels(struct xlsx_book *b, const char *part, const char *dir, int package)
{
	struct rels r = {.b = b, .dir = dir, .package = package};

	r.ps.start = rels_start;
	return xlsx_part(b, part, &r.ps, 0);
}

/* --- workbook.xml ------------------------------------------------------ */

static void XMLCALL workbook_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct rels *r = data;
	struct xlsx_book *b = r->b;
	const char *local = xlsx_local(name);

	if (!strcmp(local, "workbookPr")) {
		const char *v = xlsx_attr(atts, "date1904");

		b->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
	} else if (!strcmp(local, "sheet")) {
		const char *sname = xlsx_attr(atts, "name"), *rid = xlsx_attr(atts, "id");

		if (!sname)
			return;
		if (b->nsheet == b->capsheet) {
			b->capsheet = b->capsheet ? 2 * b->capsheet : 8;
			b->sheet = xrealloc(b->sheet, b->capsheet * sizeof(*b->sheet));
		}
		b->sheet[b->nsheet].name = xstrdup(sname);
		b->sheet[b->nsheet].rid = rid ? xstrdup(rid) : NULL;
		b->sheet[b->nsheet].part = NULL;
		b->nsheet++;
	}
}

/* --- styles.xml: which cell styles (cellXfs) show a date --------------- */

struct styles {
	struct xlsx_parse ps;
	struct xlsx_book *b;
	int in_xfs;        /* inside cellXfs (not cellStyleXfs) */
	int *fmt_id;       /* custom formats: their ids ... */
	char **fmt_code;   /* ... and codes */
	int nfmt, capfmt;
	int *xf_fmt;       /* each cellXfs entry's numFmtId */
	size_t nxf, capxf;
};

static void XMLCALL styles_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct styles *s = data;
	const char *local = xlsx_local(name);

	if (!strcmp(local, "cellXfs")) {
		s->in_xfs = 1;
	} else if (!strcmp(local, "numFmt")) {
		const char *id = xlsx_attr(atts, "numFmtId"), *code = xlsx_attr(atts, "formatCode");

		if (!id || !code)
			return;
		if (s->nfmt == s->capfmt) {
			s->capfmt = s->capfmt ? 2 * s->capfmt : 16;
			s->fmt_id = xrealloc(s->fmt_id, s->capfmt * sizeof(*s->fmt_id));
			s->fmt_code = xrealloc(s->fmt_code, s->capfmt * sizeof(*s->fmt_code));
		}
		s->fmt_id[s->nfmt] = atoi(id);
		s->fmt_code[s->nfmt++] = xstrdup(code);
	} else if (!strcmp(local, "xf") && s->in_xfs) {
		const char *id = xlsx_attr(atts, "numFmtId");

		if (s->nxf == s->capxf) {
			s->capxf = s->capxf ? 2 * s->capxf : 16;
			s->xf_fmt = xrealloc(s->xf_fmt, s->capxf * sizeof(*s->xf_fmt));
		}
		s->xf_fmt[s->nxf++] = id ? atoi(id) : 0;
	}
}

static void XMLCALL styles_end(void *data, const XML_Char *name)
{
	struct styles *s = data;

	if (!strcmp(xlsx_local(name), "cellXfs"))
		s->in_xfs = 0;
}

static int read_styles(struct xlsx_book *b)
{
	struct styles s = {.b = b};
	int rc = 0;

	s.ps.start = styles_start;
	s.ps.end = styles_end;
	if (b->styles_part)
		rc = xlsx_part(b, b->styles_part, &s.ps, 0);
	if (rc >= 0) {
		b->xf_date = xcalloc(s.nxf ? s.nxf : 1, 1);
		b->nxf = s.nxf;
		for (size_t i = 0; i < s.nxf; i++) {
			const char *code = NULL;

			/* a custom format may also redefine a built-in id */
			for (int f = 0; f < s.nfmt; f++)
				if (s.fmt_id[f] == s.xf_fmt[i])
					code = s.fmt_code[f];
			b->xf_date[i] = (unsigned char)xlsx_format_is_date(s.xf_fmt[i], code);
		}
	}
	for (int f = 0; f < s.nfmt; f++)
		free(s.fmt_code[f]);
	free(s.fmt_id);
	free(s.fmt_code);
	free(s.xf_fmt);
	return rc < 0 ? -1 : 0;
}

/* --- sharedStrings.xml -------------------------------------------------- */

struct shared {
	struct xlsx_parse ps;
	struct xlsx_book *b;
	int in_si, in_t, in_rph;
	char *buf;         /* the string being read */
	size_t len, cap;
};

static void XMLCALL shared_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct shared *s = data;
	const char *local = xlsx_local(name);

	(void)atts;
	if (!strcmp(local, "si")) {
		s->in_si = 1;
		s->len = 0;
	} else if (!strcmp(local, "rPh")) {
		s->in_rph = 1; /* a phonetic reading, not part of the text */
	} else if (!strcmp(local, "t") && s->in_si && !s->in_rph) {
		s->in_t = 1;
	}
}

static void XMLCALL shared_end(void *data, const XML_Char *name)
{
	struct shared *s = data;
	struct xlsx_book *b = s->b;
	const char *local = xlsx_local(name);

	if (!strcmp(local, "t")) {
		s->in_t = 0;
	} else if (!strcmp(local, "rPh")) {
		s->in_rph = 0;
	} else if (!strcmp(local, "si") && s->in_si) {
		s->in_si = 0;
		b->shared_bytes += s->len;
		if (b->shared_bytes > XLSX_SHARED_MAX) {
			xlsx_fail(&s->ps, "shared strings longer than 512 MB");
			return;
		}
		if (b->nshared == b->capshared) {
			b->capshared = b->capshared ? 2 * b->capshared : 256;
			b->shared = xrealloc(b->shared, b->capshared * sizeof(*b->shared));
			b->shared_len = xrealloc(b->shared_len, b->capshared * sizeof(*b->shared_len));
		}
		b->shared[b->nshared] = xstrndup(s->buf ? s->buf : "", s->len);
		b->shared_len[b->nshared] = xlsx_unescape(b->shared[b->nshared], s->len);
		b->nshared++;
	}
}

static void XMLCALL shared_text(void *data, const XML_Char *text, int n)
{
	struct shared *s = data;

	if (!s->in_t || n <= 0)
		return;
	if (s->len + (size_t)n > XLSX_CELL_MAX) {
		xlsx_fail(&s->ps, "a string longer than 1 MB");
		return;
	}
	if (s->len + (size_t)n + 1 > s->cap) {
		s->cap = 2 * (s->len + (size_t)n + 1);
		s->buf = xrealloc(s->buf, s->cap);
	}
	memcpy(s->buf + s->len, text, (size_t)n);
	s->len += (size_t)n;
}

static int read_shared(struct xlsx_book *b)
{
	struct shared s = {.b = b};
	int rc = 0;

	s.ps.start = shared_start;
	s.ps.end = shared_end;
	s.ps.text = shared_text;
	if (b->shared_part)
		rc = xlsx_part(b, b->shared_part, &s.ps, 0);
	free(s.buf);
	return rc < 0 ? -1 : 0;
}

/* --- the workbook ------------------------------------------------------- */

/* Open the package; ERR_NONE, or the class of the error printed. */
static enum err open_zip(struct xlsx_book *b)
{
	unsigned char magic[8];
	FILE *fp = fopen(b->path, "rb");
	size_t n;
	int zerr = 0;

	if (!fp)
		return error("%s: cannot open: %s", b->path, strerror(errno)), ERR_ENV;
	n = fread(magic, 1, sizeof(magic), fp);
	fclose(fp);
	if (n == sizeof(magic) && !memcmp(magic, ole2_magic, sizeof(magic)))
		return error("%s: an old Excel workbook (.xls) or an encrypted one: "
			     "save it from Excel as an Excel Workbook (.xlsx), without a password", b->path),
		       ERR_DATA;
	b->zip = zip_open(b->path, ZIP_RDONLY, &zerr);
	if (b->zip)
		return ERR_NONE;
	if (zerr == ZIP_ER_OPEN || zerr == ZIP_ER_READ || zerr == ZIP_ER_MEMORY)
		return error("%s: cannot open: %s", b->path, zip_error_strerror(&(zip_error_t){.zip_err = zerr})),
		       ERR_ENV;
	return error("%s: not an Excel workbook (.xlsx): not a zip archive", b->path), ERR_DATA;
}

/* Read the workbook's parts up to the sheet's: ERR_NONE or the class of
 * the error printed. */
static enum err open_book(struct xlsx_book *b, const char *want)
{
	struct rels r = {.b = b, .dir = ""};
	char *dir = NULL, *rels = NULL;
	const char *slash;
	enum err e = open_zip(b);

	if (e)
		return e;
	if (read_rels(b, "_rels/.rels", "", 1) < 0)
		return b->err;
	if (!b->workbook)
		b->workbook = xstrdup("xl/workbook.xml");
	r.ps.start = workbook_start;
	if (xlsx_part(b, b->workbook, &r.ps, 1) < 0)
		return b->err;
	slash = strrchr(b->workbook, '/');
	dir = xstrndup(b->workbook, slash ? (size_t)(slash - b->workbook) + 1 : 0);
	rels = xmalloc(strlen(b->workbook) + 16);
	sprintf(rels, "%s_rels/%s.rels", dir, slash ? slash + 1 : b->workbook);
	if (read_rels(b, rels, dir, 0) < 0 || read_styles(b) < 0 || read_shared(b) < 0)
		e = b->err;
	free(dir);
	free(rels);
	if (e)
		return e;
	return xlsx_pick_sheet(b, want);
}

enum err xlsx_pick_sheet(struct xlsx_book *b, const char *want)
{
	int i;

	if (!b->nsheet)
		return error("%s: not an Excel workbook: it has no sheets", b->path), ERR_DATA;
	for (i = 0; want && *want && i < b->nsheet; i++)
		if (!strcmp(b->sheet[i].name, want))
			break;
	if (i == b->nsheet) {
		size_t n = 0, cap = 256;
		char *names = xmalloc(cap);

		names[0] = '\0';
		for (int j = 0; j < b->nsheet; j++) {
			size_t len = strlen(b->sheet[j].name);

			if (n + len + 3 > cap) {
				cap = 2 * (n + len + 3);
				names = xrealloc(names, cap);
			}
			n += (size_t)sprintf(names + n, "%s%s", j ? ", " : "", b->sheet[j].name);
		}
		error("%s: no sheet '%s' (the workbook's sheets: %s)", b->path, want, names);
		free(names);
		return ERR_DATA;
	}
	if (!b->sheet[i].part)
		return error("%s: sheet '%s' has no part in the workbook", b->path, b->sheet[i].name),
		       ERR_DATA;
	b->pick = i;
	return ERR_NONE;
}

static void close_book(struct xlsx_book *b)
{
	for (int i = 0; i < b->nsheet; i++) {
		free(b->sheet[i].name);
		free(b->sheet[i].rid);
		free(b->sheet[i].part);
	}
	free(b->sheet);
	for (size_t i = 0; i < b->nshared; i++)
		free(b->shared[i]);
	free(b->shared);
	free(b->shared_len);
	free(b->xf_date);
	free(b->workbook);
	free(b->shared_part);
	free(b->styles_part);
	if (b->zip)
		zip_discard(b->zip);
}

enum err xlsx_read(const char *path, const char *sheet, int header_row,
		   csvin_row_fn fn, void *ctx, struct xlsx_info *info)
{
	struct xlsx_book b = {.path = path, .pick = -1};
	enum err e;

	memset(info, 0, sizeof(*info));
	e = open_book(&b, sheet);
	info->nsheet = b.nsheet;
	info->date1904 = b.date1904;
	if (!e) {
		snprintf(info->sheet, sizeof(info->sheet), "%s", b.sheet[b.pick].name);
		e = xlsx_sheet(&b, header_row, fn, ctx, info);
	}
	close_book(&b);
	return e;
}
