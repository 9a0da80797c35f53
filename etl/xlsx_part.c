/*
 * xlsx_part.c - read one part of a workbook package: libzip reads it in
 * chunks and expat parses each chunk, with namespaces on so that handlers
 * match local names whatever prefixes the writer chose.  Used by xlsx.c
 * (the workbook's own parts) and xlsx_sheet.c (the sheet); calls neither.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "xlsx_int.h"

#define CHUNK ((zip_uint64_t)1 << 16)

const char *xlsx_local(const char *name)
{
	const char *sp = strrchr(name, XLSX_NS_SEP);

	return sp ? sp + 1 : name;
}

const char *xlsx_attr(const char **atts, const char *name)
{
	for (; atts && atts[0]; atts += 2)
		if (!strcmp(xlsx_local(atts[0]), name))
			return atts[1];
	return NULL;
}

/* A document type declaration has no place in a part; refusing it keeps
 * entity expansion out entirely. */
static void XMLCALL on_doctype(void *data, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal)
{
	struct xlsx_parse *ps = data;

	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	xlsx_fail(ps, "a document type declaration");
}

void xlsx_fail(struct xlsx_parse *ps, const char *why)
{
	if (!ps->failed) {
		ps->failed = 1;
		ps->why = why;
	}
	XML_StopParser(ps->parser, XML_FALSE);
}

void xlsx_stop(struct xlsx_parse *ps)
{
	ps->stopped = 1;
	XML_StopParser(ps->parser, XML_FALSE);
}

int xlsx_part(struct xlsx_book *b, const char *part, struct xlsx_parse *ps, int required)
{
	zip_file_t *zf = NULL;
	XML_Parser p = NULL;
	char *buf = NULL;
	int rc = -1;

	zf = zip_fopen(b->zip, part, 0);
	if (!zf) {
		if (!required)
			return 1;
		b->err = ERR_DATA;
		error("%s: not an Excel workbook: it has no part %s", b->path, part);
		return -1;
	}
	p = XML_ParserCreateNS(NULL, XLSX_NS_SEP);
	buf = xmalloc(CHUNK);
	if (!p)
		die(EXIT_INTERNAL, "out of memory");
	ps->parser = p;
	ps->failed = ps->stopped = 0;
	ps->why = NULL;
	XML_SetUserData(p, ps);
	XML_SetElementHandler(p, ps->start, ps->end);
	XML_SetCharacterDataHandler(p, ps->text);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	for (;;) {
		zip_int64_t n = zip_fread(zf, buf, CHUNK);

		if (n < 0) {
			b->err = ERR_DATA;
			error("%s: %s: corrupt part: %s", b->path, part, zip_file_strerror(zf));
			goto cleanup;
		}
		if (XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
			if (ps->stopped && !ps->failed)
				break;
			b->err = ps->error_class ? ps->error_class : ERR_DATA;
			if (ps->error_class)
				goto cleanup; /* the handler said what was wrong */
			error("%s: %s: corrupt part (line %lu: %s)", b->path, part,
			      (unsigned long)XML_GetCurrentLineNumber(p),
			      ps->why ? ps->why : XML_ErrorString(XML_GetErrorCode(p)));
			goto cleanup;
		}
		if (n == 0)
			break;
	}
	rc = 0;
cleanup:
	free(buf);
	XML_ParserFree(p);
	zip_fclose(zf);
	ps->parser = NULL;
	return rc;
}
