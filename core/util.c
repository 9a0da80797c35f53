/*
 * util.c - see util.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "msg.h"
#include "util.h"

static void *check(void *p)
{
	if (!p)
		die(EXIT_INTERNAL, "out of memory");
	return p;
}

void *xmalloc(size_t n)
{
	return check(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
	return check(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return check(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
	return check(strdup(s));
}

char *xstrndup(const char *s, size_t n)
{
	return check(strndup(s, n));
}

char *util_slurp_fp(FILE *fp, size_t max, size_t *len)
{
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	int err;

	do {
		if (n + 65536 + 1 > cap) {
			cap = cap ? 2 * cap : 1 << 16;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (max && n > max) {
			free(buf);
			errno = EFBIG;
			return NULL;
		}
	} while (got > 0);
	if (ferror(fp)) {
		err = errno;
		free(buf);
		errno = err;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *util_slurp(const char *path, size_t max, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *text;
	int err;

	if (!fp)
		return NULL;
	text = util_slurp_fp(fp, max, len);
	err = errno;
	fclose(fp); /* fclose() may change errno; keep the one that explains */
	errno = err;
	return text;
}

long util_line_at(const char *text, size_t len, const char *at)
{
	long line = 1;

	if (!at || at < text || at > text + len)
		return 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

struct cJSON *util_json_parse(const char *name, const char *text, size_t len)
{
	/* len + 1: the NUL ends the text, and anything after the value but
	 * white space is not JSON (JSONTestSuite n_ cases). */
	cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, NULL, 1);

	if (!root)
		error("%s:%ld: not valid JSON", name, util_line_at(text, len, cJSON_GetErrorPtr()));
	return root;
}

struct cJSON *util_json_file(const char *path, size_t max)
{
	size_t len;
	char *text = util_slurp(path, max, &len);
	cJSON *root;

	if (!text) {
		if (errno == EFBIG)
			error("%s: larger than %zu bytes", path, max);
		else
			error("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	root = util_json_parse(path, text, len);
	free(text);
	return root;
}

int util_write_atomic(const char *path, const void *data, size_t len)
{
	size_t n = strlen(path);
	char *tmp = xmalloc(n + 16);
	FILE *fp;
	int err;

	snprintf(tmp, n + 16, "%s.tmp%ld", path, (long)getpid());
	fp = fopen(tmp, "wb");
	if (!fp)
		goto fail;
	if (fwrite(data, 1, len, fp) != len || fflush(fp) != 0) {
		err = errno;
		fclose(fp);
		errno = err;
		goto fail;
	}
	if (fclose(fp) != 0 || rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return 0;
fail:
	err = errno;
	remove(tmp);
	free(tmp);
	errno = err;
	return -1;
}

int util_one_thread(void)
{
	const char *t = getenv("OVERSIGHT_THREADS");

	return t && strcmp(t, "1") == 0;
}
