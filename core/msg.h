/*
 * msg.h - the one message API of oversight.
 *
 * Every diagnostic goes to stderr as "oversight: <context>: <problem>",
 * lower case, problem first, no full stop (as git's usage.c does).  stdout
 * carries only results.
 *
 * Exit codes are fixed and documented in README.md:
 *   0 ok, 1 data problem (rejects, failed check), 2 usage,
 *   3 environment (missing file, gnuplot, key), 4 internal.
 */
#ifndef OVERSIGHT_MSG_H
#define OVERSIGHT_MSG_H

#define EXIT_OK 0
#define EXIT_DATA 1
#define EXIT_USAGE 2
#define EXIT_ENV 3
#define EXIT_INTERNAL 4

#if defined(__GNUC__)
#define MSG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define MSG_NORETURN __attribute__((noreturn))
#else
#define MSG_PRINTF(a, b)
#define MSG_NORETURN
#endif

/* Print "oversight: <fmt>" and exit with code. */
void die(int code, const char *fmt, ...) MSG_PRINTF(2, 3) MSG_NORETURN;

/* Print "oversight: <fmt>"; returns -1 so callers can "return error(...)". */
int error(const char *fmt, ...) MSG_PRINTF(1, 2);

/* Print "oversight: warning: <fmt>". */
void warning(const char *fmt, ...) MSG_PRINTF(1, 2);

/* Print "oversight: <fmt>" then "try 'oversight <cmd> --help'" and exit 2. */
void usage_error(const char *cmd, const char *fmt, ...) MSG_PRINTF(2, 3) MSG_NORETURN;

/* Set by --quiet: warnings are not printed (errors always are). */
extern int msg_quiet;

#endif
