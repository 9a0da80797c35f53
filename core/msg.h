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
 *
 * An error is not given its exit code where it happens: the function that
 * meets it prints the message and returns its class (enum err), callers
 * pass the class up unchanged, and the command (cmd_<name>()) hands the
 * class to err_exit(), the one place a class becomes an exit code (as
 * curl's tool_main maps its error values).  A command that met several
 * problems exits with the gravest, err_worse().  die() and usage_error()
 * are for what cannot be carried up: out of memory, a usage mistake found
 * while parsing options.
 */
#ifndef OVERSIGHT_MSG_H
#define OVERSIGHT_MSG_H

#define EXIT_OK 0
#define EXIT_DATA 1
#define EXIT_USAGE 2
#define EXIT_ENV 3
#define EXIT_INTERNAL 4

/* What kind of failure an error is; the higher, the graver. */
enum err {
	ERR_NONE = 0,     /* no error */
	ERR_DATA = 1,     /* the data: rejected rows, a failed check, a bad overrides file */
	ERR_USAGE = 2,    /* the command line: an unknown partnership, kind or option */
	ERR_ENV = 3,      /* the surroundings: a missing or unwritable file, a full disk,
			   * no gnuplot or pandoc, the key, a warehouse that cannot be opened */
	ERR_INTERNAL = 4, /* oversight itself: an SQL error, a broken invariant */
};

/* The exit code of a class: the only mapping from one to the other. */
int err_exit(enum err e);

/* The graver of two classes. */
enum err err_worse(enum err a, enum err b);

/* The class of an exit code, for modules that still return one
 * (report_convert(); in etl/, profile_load()'s *status and the shape
 * readers, whose commands do not use the classes yet). */
enum err err_of_exit(int code);

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

/*
 * On a thread that reads ahead of the one whose messages come first
 * (etl/handoff.c: a file read while the rows before are still being
 * stored), fn(ctx) is called before each message this thread prints, to
 * wait until the other has caught up; the message is left out when fn
 * returns non-zero (the other thread failed first, and said why).  Set
 * per thread; fn NULL: none.
 */
void msg_gate(int (*fn)(void *ctx), void *ctx);

/* When set, warnings are not printed (errors always are).  No command
 * sets it yet: load --quiet silences its progress and rejected rows, not
 * warnings (the unit tests set it to keep their output clean). */
extern int msg_quiet;

#endif
