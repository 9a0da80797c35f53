/*
 * loadfile.h - open a file to load, read once: its digest and its bytes.
 *
 * A load needs the file's SHA-256 (the same bytes load once) before it
 * parses the rows.  A regular file is hashed and rewound; anything else
 * (a pipe, /dev/stdin, a FIFO) cannot be rewound, so its bytes are copied
 * into an unnamed temporary file while they are hashed, and the rows are
 * read from that copy.
 */
#ifndef OVERSIGHT_LOADFILE_H
#define OVERSIGHT_LOADFILE_H

#include <stdio.h>

/* The file at path, positioned at its start, with its SHA-256 in hex in
 * sha.  NULL after printing "<path>: cannot open|read error: ..." (an
 * environment problem). */
FILE *loadfile_open(const char *path, char sha[65]);

#endif
