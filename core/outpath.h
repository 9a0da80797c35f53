/*
 * outpath.h - the one check of a path a command is told to write to.
 *
 * Every output folder or file named on the command line (report -o,
 * --csv, ...) passes outpath_check() before anything is written: an empty
 * path would turn "<dir>/<name>" into "/<name>", and "../" in a script is
 * almost always a mistake.
 */
#ifndef OVERSIGHT_OUTPATH_H
#define OVERSIGHT_OUTPATH_H

/* Usage error (exit 2) naming cmd and opt when path is empty or has a
 * ".." component; returns only when path may be written to. */
void outpath_check(const char *cmd, const char *opt, const char *path);

#endif
