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

int util_env_int(const char *name, int lo, int hi, int fallback)
{
	const char *v = getenv(name);
	int n = v ? atoi(v) : 0;

	return v && n >= lo && n <= hi ? n : fallback;
}

void util_hex(const unsigned char *b, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[b[i] >> 4];
		out[2 * i + 1] = digits[b[i] & 15];
	}
	out[2 * n] = '\0';
}

/* A hex digit's value plus one; 0 for any other byte (a table: a load
 * reads two keys a row). */
static const unsigned char hex_value1[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8,
	['8'] = 9, ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15,
	['f'] = 16, ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

int util_unhex(const char *s, size_t n, unsigned char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		int hi = hex_value1[u[2 * i]], lo = hex_value1[u[2 * i + 1]];

		bad |= !hi | !lo;
		out[i] = (unsigned char)((hi - 1) << 4 | (lo - 1));
	}
	return bad ? -1 : 0;
}
