/*
 * cli.h - what every subcommand shares: global options, the data folder,
 * and the PERIOD options of metrics, report and signals.
 *
 * A subcommand is "int cmd_<name>(int argc, char **argv)": argv[0] is the
 * subcommand's name, options are parsed with getopt_long, and the return
 * value is the exit code (see msg.h).
 */
#ifndef OVERSIGHT_CLI_H
#define OVERSIGHT_CLI_H

#include <stddef.h>

struct ov_global {
	const char *warehouse; /* -w/--warehouse, $OVERSIGHT_WAREHOUSE, ./oversight.db */
	const char *key_file;  /* --key-file; NULL means "<warehouse>.key" */
	const char *argv0;     /* how the binary was called, to find its data */
};

extern struct ov_global ov;

/* The key file path: --key-file, else "<warehouse>.key".  Static storage. */
const char *cli_key_path(void);

/*
 * The folder holding protocols/, charts/ and the other data files:
 * $OVERSIGHT_DATA, else the binary's own folder when it holds protocols/
 * (a build tree), else <bindir>/../share/oversight.  Static storage.
 */
const char *cli_data_dir(void);

/* A reporting period: [from, to] inclusive day numbers, and the as-of day. */
struct period {
	int from;
	int to;
	int as_of;
	int is_quarter; /* 1 when given as --quarter */
	int year, q;    /* the calendar quarter when is_quarter */
	int subject;    /* --subject (enum cli_subject): the command restricts
	                 * its warehouse connection to it (report/scope.h);
	                 * nothing else reads it */
};

/*
 * --subject children|adults on metrics, report and signals: every figure
 * restricted to escalations about children (subject child or unborn) or
 * about adults (adult); subject none is in neither.  CLI_SUBJECT_ALL (0)
 * when the option is not given.
 */
enum cli_subject { CLI_SUBJECT_ALL = 0, CLI_SUBJECT_CHILDREN, CLI_SUBJECT_ADULTS };

/* "children" or "adults" to its enum cli_subject; -1 for anything else. */
int cli_subject_parse(const char *s);

/* "children", "adults", or NULL for CLI_SUBJECT_ALL. */
const char *cli_subject_name(int group);

/* 1 when a log's subject value (child, unborn, adult, none) is in group;
 * every subject is in CLI_SUBJECT_ALL. */
int cli_subject_in(int group, const char *subject);

/*
 * Period options, for getopt_long tables: --quarter, --from, --to, --as-of
 * (and --subject, SUBJECT_LONG_OPTION, where a command takes it).
 * cli_period_opt() takes one (by its long name) and returns 0, or dies with
 * a usage error naming cmd; cli_period_done() checks the set is complete
 * and fills the defaults (as_of = to).
 */
#define PERIOD_OPT_QUARTER 1001
#define PERIOD_OPT_FROM 1002
#define PERIOD_OPT_TO 1003
#define PERIOD_OPT_ASOF 1004
#define PERIOD_OPT_SUBJECT 1005
/* The --subject option, for the commands that take it. */
#define SUBJECT_LONG_OPTION {"subject", required_argument, 0, PERIOD_OPT_SUBJECT}
#define PERIOD_LONG_OPTIONS                                         \
	{"quarter", required_argument, 0, PERIOD_OPT_QUARTER},      \
	{"from", required_argument, 0, PERIOD_OPT_FROM},            \
	{"to", required_argument, 0, PERIOD_OPT_TO},                \
	{"as-of", required_argument, 0, PERIOD_OPT_ASOF}
void cli_period_init(struct period *p);
void cli_period_opt(const char *cmd, struct period *p, int opt, const char *arg);
void cli_period_done(const char *cmd, struct period *p);

/* Parse "YYYY-Qn" (or "YYYY-qn") into year and q; 0 on success.  The one
 * reader of a quarter's name on the command line. */
int cli_parse_quarter(const char *s, int *year, int *q);

/* The UK financial year quarter of a calendar quarter: "2025/26 Q2". */
void cli_fin_quarter(int year, int q, char *buf, int len);

/* The next item of a comma-separated list, from list + *pos, into buf
 * (cut at cap); *pos moves past it.  Returns 0 at the end of the list. */
int cli_list_next(const char *list, int *pos, char *buf, size_t cap);

/*
 * A figure as every output shows it: "-" for a number that is not (NAN),
 * else v in printf's style 'f' (digits decimal places) or 'g' (digits
 * significant digits), unit after it ("%").  Returns buf.
 * cli_show_number() is the text output's: "%.4g", the precision of the
 * JSON.
 */
const char *cli_show_figure(double v, char style, int digits, const char *unit, char *buf,
			    size_t len);
const char *cli_show_number(double v, char *buf, size_t len);

#endif
