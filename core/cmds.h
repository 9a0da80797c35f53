/*
 * cmds.h - the subcommands, one file each: int cmd_<name>(argc, argv).
 * argv[0] is the subcommand's name; the return value is the exit code
 * (core/msg.h).  The report commands hold only their options and return
 * err_exit() of the class of the gravest error met; what they do is in
 * report/'s modules.
 */
#ifndef OVERSIGHT_CMDS_H
#define OVERSIGHT_CMDS_H

int cmd_init(int argc, char **argv);     /* etl/cmd_init.c */
int cmd_load(int argc, char **argv);     /* etl/cmd_load.c */
int cmd_loads(int argc, char **argv);    /* etl/cmd_loads.c */
int cmd_profile(int argc, char **argv);  /* etl/cmd_profile.c */
int cmd_rejects(int argc, char **argv);  /* etl/cmd_loads.c */
int cmd_pseudonym(int argc, char **argv); /* etl/cmd_pseudonym.c */
int cmd_calendar(int argc, char **argv); /* report/cmd_calendar.c */
int cmd_metrics(int argc, char **argv);  /* report/cmd_metrics.c */
int cmd_report(int argc, char **argv);   /* report/cmd_report.c */
int cmd_signals(int argc, char **argv);  /* report/cmd_signals.c */
int cmd_check(int argc, char **argv);    /* report/cmd_check.c */
int cmd_partnerships(int argc, char **argv); /* report/cmd_partnerships.c */
int cmd_agencies(int argc, char **argv); /* report/cmd_agencies.c */

#endif
