/*
 * msg.c - die(), error(), warning(): see msg.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "msg.h"

int msg_quiet;

int err_exit(enum err e)
{
	switch (e) {
	case ERR_NONE:
		return EXIT_OK;
	case ERR_DATA:
		return EXIT_DATA;
	case ERR_USAGE:
		return EXIT_USAGE;
	case ERR_ENV:
		return EXIT_ENV;
	case ERR_INTERNAL:
		break;
	}
	return EXIT_INTERNAL;
}

enum err err_worse(enum err a, enum err b)
{
	return a > b ? a : b;
}

enum err err_of_exit(int code)
{
	switch (code) {
	case EXIT_OK:
		return ERR_NONE;
	case EXIT_DATA:
		return ERR_DATA;
	case EXIT_USAGE:
		return ERR_USAGE;
	case EXIT_ENV:
		return ERR_ENV;
	}
	return ERR_INTERNAL;
}

static _Thread_local int (*gate_fn)(void *ctx);
static _Thread_local void *gate_ctx;

void msg_gate(int (*fn)(void *ctx), void *ctx)
{
	gate_fn = fn;
	gate_ctx = ctx;
}

static void vreport(const char *prefix, const char *fmt, va_list ap)
{
	if (gate_fn && gate_fn(gate_ctx))
		return;
	fputs("oversight: ", stderr);
	if (prefix)
		fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	exit(code);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	if (msg_quiet)
		return;
	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
}

void usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	fprintf(stderr, "try 'oversight %s --help'\n", cmd ? cmd : "");
	exit(err_exit(ERR_USAGE));
}
