/*
 * embed.h - files compiled into the binary (the .sql files of queries/ and
 * the .gp files of charts/).
 *
 * The build runs tools/embed over them; embed_get("queries/raised.sql")
 * returns the text, or NULL when no such file was embedded.  The storage
 * is static and read-only.
 */
#ifndef OVERSIGHT_EMBED_H
#define OVERSIGHT_EMBED_H

struct embed_file {
	const char *name; /* path relative to the source tree */
	const char *text;
};

extern const struct embed_file embed_files[];

const char *embed_get(const char *name);

/* The text of queries/<name>.sql; dies (internal error) if missing. */
const char *embed_query(const char *name);

#endif
