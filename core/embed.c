/*
 * embed.c - look up files compiled into the binary: see embed.h.
 */
#include <stdio.h>
#include <string.h>

#include "embed.h"
#include "msg.h"

const char *embed_get(const char *name)
{
	for (const struct embed_file *f = embed_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f->text;
	return NULL;
}

const char *embed_query(const char *name)
{
	char path[256];
	const char *text;

	snprintf(path, sizeof(path), "queries/%s.sql", name);
	text = embed_get(path);
	if (!text)
		die(EXIT_INTERNAL, "%s: no such embedded query", path);
	return text;
}
