/*
 * chart.c - draw a report's charts with gnuplot: see chart.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"
#include "core/embed.h"
#include "core/csvcell.h"
#include "core/msg.h"

/* A chart that takes gnuplot longer than this is abandoned: a report must
 * never hang on a picture. */
#define CHART_TIMEOUT_MS 60000

/* The temporary files of one chart, after its stem. */
static const char *const tmp_ext[] = {".dat", ".csv", ".png", ".svg", ".gp", ".err"};

void chart_init(struct chart_ctx *ctx, int enabled, const char *dir, const char *prefix)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->enabled = enabled;
	snprintf(ctx->dir, sizeof(ctx->dir), "%s/charts", dir);
	snprintf(ctx->prefix, sizeof(ctx->prefix), "%s", prefix);
}

/* File names that reach the script: letters, digits, '.', '-', '_' only,
 * so no quote, backslash or newline can end the string they sit in. */
static int safe_name(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static int executable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* The absolute path of program name (searched on $PATH when it has no
 * '/') into out; 0, or -1 when there is no such executable.  Absolute,
 * because the child runs in the chart folder. */
static int find_program(const char *name, char *out, size_t cap)
{
	char cand[PATH_MAX], real[PATH_MAX];
	const char *path, *p;

	if (strchr(name, '/')) {
		if (!executable(name) || !realpath(name, real))
			return -1;
		snprintf(out, cap, "%s", real);
		return 0;
	}
	path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p++) {
		const char *end = strchr(p, ':');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		/* An empty entry is the current folder, as for execvp(). */
		if (len + strlen(name) + 2 < sizeof(cand)) {
			if (len)
				snprintf(cand, sizeof(cand), "%.*s/%s", (int)len, p, name);
			else
				snprintf(cand, sizeof(cand), "./%s", name);
			if (executable(cand) && realpath(cand, real)) {
				snprintf(out, cap, "%s", real);
				return 0;
			}
		}
		if (!end)
			break;
		p = end;
	}
	return -1;
}

/* Look for gnuplot once per report; warn once when it is not there. */
static void probe(struct chart_ctx *ctx)
{
	const char *env = getenv("OVERSIGHT_GNUPLOT");

	if (env && *env) {
		if (find_program(env, ctx->program, sizeof(ctx->program)) == 0) {
			ctx->state = CHART_READY;
			return;
		}
		warning("charts not drawn: %s (OVERSIGHT_GNUPLOT names '%s', which is not a program)",
			CHART_MISSING_NOTE, env);
	} else {
		if (find_program("gnuplot", ctx->program, sizeof(ctx->program)) == 0) {
			ctx->state = CHART_READY;
			return;
		}
		warning("charts not drawn: %s", CHART_MISSING_NOTE);
	}
	ctx->state = CHART_MISSING;
}

static void tmp_path(const struct chart *c, int ext, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s%s", c->stem, tmp_ext[ext]);
}

static void remove_temporaries(struct chart *c)
{
	char path[4200];

	if (!c->stem[0])
		return;
	for (size_t i = 0; i < sizeof(tmp_ext) / sizeof(tmp_ext[0]); i++) {
		tmp_path(c, (int)i, path, sizeof(path));
		unlink(path);
	}
	unlink(c->stem);
	c->stem[0] = '\0';
}

int chart_begin(struct chart_ctx *ctx, struct chart *c, const char *name, const char *script,
		const char *title)
{
	char path[4200];
	int fd, n;

	memset(c, 0, sizeof(*c));
	c->ctx = ctx;
	snprintf(c->name, sizeof(c->name), "%s", name);
	snprintf(c->script, sizeof(c->script), "%s", script);
	snprintf(c->title, sizeof(c->title), "%s", title);
	if (!ctx->enabled)
		return 0;
	c->active = 1;
	if (ctx->state == CHART_UNKNOWN)
		probe(ctx);
	if (ctx->state == CHART_MISSING) {
		c->why = CHART_MISSING_NOTE;
		ctx->failed++;
		return 0;
	}
	snprintf(c->base, sizeof(c->base), "%s-%s", ctx->prefix, name);
	if (!safe_name(c->base)) {
		warning("chart %s: its file name would hold characters other than letters, digits, "
			"'.', '-' and '_'", c->base);
		c->why = "its file name would hold unsafe characters";
		ctx->failed++;
		return 0;
	}
	if (mkdir(ctx->dir, 0755) != 0 && errno != EEXIST) {
		warning("%s: cannot create: %s", ctx->dir, strerror(errno));
		c->why = "the chart folder could not be created";
		ctx->failed++;
		return 0;
	}
	/* The stem file reserves the name; the temporaries hang off it (and
	 * their extensions need room too). */
	n = snprintf(c->stem, sizeof(c->stem), "%s/.%s.XXXXXX", ctx->dir, c->base);
	if (n < 0 || (size_t)n + 8 >= sizeof(c->stem)) {
		warning("%s: path too long", ctx->dir);
		c->stem[0] = '\0';
		c->why = "the chart folder's path is too long";
		ctx->failed++;
		return 0;
	}
	fd = mkstemp(c->stem);
	if (fd < 0) {
		warning("%s: cannot write: %s", ctx->dir, strerror(errno));
		c->stem[0] = '\0';
		c->why = "the chart folder is not writable";
		ctx->failed++;
		return 0;
	}
	close(fd);
	tmp_path(c, 0, path, sizeof(path));
	c->dat = fopen(path, "w");
	tmp_path(c, 1, path, sizeof(path));
	c->csv = fopen(path, "w");
	if (!c->dat || !c->csv) {
		warning("%s: cannot write: %s", path, strerror(errno));
		if (c->dat)
			fclose(c->dat);
		if (c->csv)
			fclose(c->csv);
		c->dat = c->csv = NULL;
		remove_temporaries(c);
		c->why = "the chart folder is not writable";
		ctx->failed++;
		return 0;
	}
	/* A byte-order mark: Excel then reads the file as UTF-8. */
	fputs("\xEF\xBB\xBF", c->csv);
	return 1;
}

/* The last non-blank line of gnuplot's messages, tidied for ours. */
static void last_message(const char *path, char *buf, size_t cap)
{
	FILE *f = fopen(path, "r");
	char line[512];

	snprintf(buf, cap, "no message");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);
		int blank = 1;

		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		for (size_t i = 0; i < n; i++) {
			if ((unsigned char)line[i] < 0x20)
				line[i] = ' ';
			if (line[i] != ' ' && line[i] != '^')
				blank = 0;
		}
		if (!blank) {
			/* cut to fit: the message only names the problem */
			size_t k = n < cap - 1 ? n : cap - 1;

			memcpy(buf, line, k);
			buf[k] = '\0';
		}
	}
	fclose(f);
}

/* Write the driver: the three file names, then the embedded scripts. */
static int write_driver(const struct chart *c, const char *rel)
{
	static const char *const parts[] = {"charts/common.gp", NULL, "charts/tail.gp"};
	char path[4200], script[128];
	FILE *f;
	int bad;

	snprintf(script, sizeof(script), "charts/%s.gp", c->script);
	tmp_path(c, 4, path, sizeof(path));
	f = fopen(path, "w");
	if (!f)
		return error("%s: cannot write: %s", path, strerror(errno));
	/* rel passed safe_name(): nothing in it can end a quoted string. */
	fprintf(f, "# oversight chart %s: file names only; every label is in datafile\n", c->name);
	fprintf(f, "datafile = '%s.dat'\npngfile = '%s.png'\nsvgfile = '%s.svg'\n", rel, rel, rel);
	for (int i = 0; i < 3; i++) {
		const char *text = embed_get(parts[i] ? parts[i] : script);

		if (!text) {
			fclose(f);
			return error("%s: no such embedded script", parts[i] ? parts[i] : script);
		}
		fputs(text, f);
		fputc('\n', f);
	}
	bad = ferror(f);
	if (fclose(f) != 0 || bad)
		return error("%s: write failed", path);
	return 0;
}

/* Run gnuplot on the driver in the chart folder; its messages go to the
 * .err file.  Returns the exit status, or -1 when it could not be run or
 * took too long. */
static int run_gnuplot(const struct chart *c, const char *rel)
{
	char gp[600], err[4200];
	char *argv[3];
	int fd, status, waited = 0;
	pid_t pid, got;

	snprintf(gp, sizeof(gp), "%s.gp", rel);
	tmp_path(c, 5, err, sizeof(err));
	fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	argv[0] = (char *)c->ctx->program;
	argv[1] = gp;
	argv[2] = NULL;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(fd);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		if (null < 0 || dup2(null, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0 ||
		    chdir(c->ctx->dir) != 0)
			_exit(126);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fd);
	for (;;) {
		got = waitpid(pid, &status, WNOHANG);
		if (got == pid)
			break;
		if (got < 0 && errno != EINTR)
			return -1;
		if (waited >= CHART_TIMEOUT_MS) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		{
			struct timespec ts = {0, 5 * 1000 * 1000};

			nanosleep(&ts, NULL);
			waited += 5;
		}
	}
	if (!WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* 1 when the file starts with magic (PNG) or holds "<svg" near its top. */
static int looks_like(const char *path, const char *magic, size_t n, int svg)
{
	char buf[1024];
	size_t got;
	FILE *f = fopen(path, "rb");

	if (!f)
		return 0;
	got = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[got] = '\0';
	if (svg)
		return strstr(buf, "<svg") != NULL;
	return got >= n && memcmp(buf, magic, n) == 0;
}

int chart_end(struct chart *c, FILE *md)
{
	struct chart_ctx *ctx = c->ctx;
	char from[4200], to[4200], msg[256];
	const char *rel;
	int bad = 0, rc;

	if (!c->active)
		return -1;
	if (c->why)
		goto note;
	if (ferror(c->dat) || ferror(c->csv))
		bad = 1;
	if (fclose(c->dat) != 0)
		bad = 1;
	if (fclose(c->csv) != 0)
		bad = 1;
	c->dat = c->csv = NULL;
	if (bad) {
		warning("chart %s: cannot write its data: %s", c->base, strerror(errno));
		c->why = "its data could not be written";
		goto fail;
	}
	rel = strrchr(c->stem, '/') + 1;
	if (!safe_name(rel)) {
		c->why = "its file name would hold unsafe characters";
		goto fail;
	}
	if (write_driver(c, rel)) {
		c->why = "its script could not be written";
		goto fail;
	}
	rc = run_gnuplot(c, rel);
	if (rc != 0) {
		tmp_path(c, 5, from, sizeof(from));
		last_message(from, msg, sizeof(msg));
		if (rc < 0)
			warning("chart %s: gnuplot (%s) could not be run or took too long", c->base,
				ctx->program);
		else
			warning("chart %s: gnuplot failed (exit %d): %s", c->base, rc, msg);
		c->why = "gnuplot failed (see the warning printed when the report was written)";
		goto fail;
	}
	tmp_path(c, 2, from, sizeof(from));
	tmp_path(c, 3, to, sizeof(to));
	if (!looks_like(from, "\x89PNG\r\n\x1a\n", 8, 0) || !looks_like(to, NULL, 0, 1)) {
		warning("chart %s: gnuplot wrote no valid PNG and SVG", c->base);
		c->why = "gnuplot wrote no valid picture";
		goto fail;
	}
	/* Data first, the PNG last: the picture the report links to appears
	 * only once everything beside it is in place. */
	{
		static const int order[] = {0, 1, 3, 2};

		for (int i = 0; i < 4; i++) {
			tmp_path(c, order[i], from, sizeof(from));
			int n = snprintf(to, sizeof(to), "%s/%s%s", ctx->dir, c->base, tmp_ext[order[i]]);

			if (n < 0 || (size_t)n >= sizeof(to) || rename(from, to) != 0) {
				warning("%s: cannot write: %s", to, strerror(errno));
				c->why = "its files could not be renamed into place";
				goto fail;
			}
		}
	}
	remove_temporaries(c);
	ctx->drawn++;
	fprintf(md, "![%s](charts/%s.png)\n\n", c->title, c->base);
	fprintf(md, CHART_LINKS_LINE "%s.svg); its data as [CSV](charts/%s.csv).\n\n", c->base, c->base);
	return 0;
fail:
	ctx->failed++;
	remove_temporaries(c);
note:
	fprintf(md, "*Chart not drawn: %s.*\n\n", c->why);
	return -1;
}

void chart_note(struct chart_ctx *ctx, FILE *md, const char *why)
{
	if (!ctx->enabled)
		return;
	fprintf(md, "*Chart not drawn: %s.*\n\n", why);
}

/* The number of UTF-8 code points in s (continuation bytes not counted). */
static int utf8_len(const char *s)
{
	int n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

void chart_dat_str(FILE *dat, const char *s, int max)
{
	int cut = -1, seen = 0;

	if (s && max > 0 && utf8_len(s) > max)
		cut = max - 1;
	fputc('"', dat);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch & 0xC0) != 0x80 && seen++ == cut) {
			fputs("\xE2\x80\xA6", dat); /* U+2026 */
			break;
		}

		if (ch == '"')
			fputs("\xE2\x80\x9D", dat); /* U+201D */
		else if (ch == '\\')
			fputs("\\\\", dat);
		else if (ch < 0x20 || ch == 0x7f)
			fputc(' ', dat);
		else
			fputc(ch, dat);
	}
	fputc('"', dat);
}

void chart_csv_str(FILE *csv, const char *s)
{
	csvcell_write(csv, s, CSVCELL_FLAT);
}

void chart_dat_num(FILE *dat, double v)
{
	if (v != v)
		fputs("NaN", dat);
	else
		fprintf(dat, "%.10g", v);
}

void chart_csv_num(FILE *csv, double v)
{
	if (v == v)
		fprintf(csv, "%.10g", v);
}
