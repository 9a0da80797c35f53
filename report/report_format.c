/*
 * report_format.c - board papers in the partnership's formats: HTML (one
 * self-contained file), Word and PDF, made from the markdown by pandoc.
 *
 * pandoc runs without a shell, in the report's folder (so the chart
 * images' relative paths resolve and are embedded), writing to a
 * temporary name that is renamed into place when it succeeds.  It reads a
 * copy of the markdown without the lines linking each chart's SVG and CSV
 * files: a paper that travels by email carries its pictures inside it
 * (HTML: data URIs; Word: media) and has no files beside it to link to.
 * An image is not made a figure (markdown-implicit_figures): the chart's
 * title is drawn in the picture, and a caption would say it twice.  The title
 * block of the markdown (YAML: title, subtitle, date) becomes the
 * document's metadata.  PDF goes through HTML and weasyprint, so no TeX
 * installation is needed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/embed.h"
#include "core/msg.h"
#include "report.h"

/* The pandoc to run: $OVERSIGHT_PANDOC, else pandoc on the PATH.  NULL
 * when there is none. */
static const char *find_program(const char *env, const char *name, char *buf, size_t cap)
{
	const char *p = getenv(env), *path = getenv("PATH");

	if (p && *p)
		return access(p, X_OK) == 0 ? p : NULL;
	for (const char *s = path ? path : "/usr/bin:/bin"; *s;) {
		const char *e = strchr(s, ':');
		size_t n = e ? (size_t)(e - s) : strlen(s);

		snprintf(buf, cap, "%.*s/%s", (int)n, s, name);
		if (n && access(buf, X_OK) == 0)
			return buf;
		s += n + (e != NULL);
	}
	return NULL;
}

/* The markdown pandoc reads: the paper's, less the lines linking a
 * chart's files (chart.c: "Chart as [SVG](charts/..."). */
static int travelling_copy(const char *from, const char *to)
{
	FILE *in = fopen(from, "r"), *out = in ? fopen(to, "w") : NULL;
	char line[8192];
	int bad;

	if (!out) {
		if (in)
			fclose(in);
		return -1;
	}
	while (fgets(line, sizeof(line), in))
		if (strncmp(line, CHART_LINKS_LINE, strlen(CHART_LINKS_LINE)) != 0)
			fputs(line, out);
	bad = ferror(in) || ferror(out);
	fclose(in);
	return fclose(out) != 0 || bad ? -1 : 0;
}

static int run(const char *dir, char *const argv[])
{
	pid_t pid;
	int status;

	fflush(NULL); /* or the child would write our buffered output again */
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (chdir(dir) != 0)
			_exit(126);
		/* pandoc's own messages go to our stderr; nothing to stdout. */
		if (!freopen("/dev/null", "w", stdout))
			_exit(126);
		execv(argv[0], argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* The files pandoc reads beside the paper, all named ".<pid>-...": the
 * markdown without its chart links, and the style sheet (not for Word). */
struct inputs {
	char md[4400], css[4400];        /* paths */
	const char *md_name, *css_name;  /* their names, in the report's folder */
};

static int write_inputs(const struct report *r, const char *format, struct inputs *in)
{
	const char *style = embed_get("report/report.css");
	const char *base = strrchr(r->path, '/') ? strrchr(r->path, '/') + 1 : r->path;
	size_t dir = strlen(r->dir) + 1;
	FILE *fp;

	snprintf(in->md, sizeof(in->md), "%s/.%ld-%s", r->dir, (long)getpid(), base);
	snprintf(in->css, sizeof(in->css), "%s/.%ld-report.css", r->dir, (long)getpid());
	in->md_name = in->md + dir;
	in->css_name = strcmp(format, "docx") != 0 && style ? in->css + dir : NULL;
	if (travelling_copy(r->path, in->md) != 0) {
		unlink(in->md);
		return error("%s: cannot write: %s", in->md, strerror(errno));
	}
	if (!in->css_name)
		return 0;
	fp = fopen(in->css, "w");
	if (!fp || fputs(style, fp) < 0 || fclose(fp) != 0) {
		unlink(in->md);
		return error("%s: cannot write: %s", in->css, strerror(errno));
	}
	return 0;
}

/* pandoc's arguments for format, reading in and writing tmp (names in the
 * report's folder, where it runs); engine: weasyprint, for a PDF. */
static void pandoc_args(char **argv, const char *pandoc, const char *format, const char *engine,
			const struct inputs *in, const char *tmp)
{
	static char cssarg[128], enginearg[4200];
	int argc = 0;

	argv[argc++] = (char *)pandoc;
	argv[argc++] = "--from=markdown-implicit_figures";
	argv[argc++] = "--resource-path=.";
	if (strcmp(format, "html") == 0) {
		argv[argc++] = "--to=html5";
		argv[argc++] = "--standalone";
		argv[argc++] = "--self-contained";
	} else if (strcmp(format, "pdf") == 0) {
		argv[argc++] = "--to=html5";
		snprintf(enginearg, sizeof(enginearg), "--pdf-engine=%s", engine);
		argv[argc++] = enginearg;
	} else {
		argv[argc++] = "--to=docx";
	}
	if (in->css_name) {
		snprintf(cssarg, sizeof(cssarg), "--css=%s", in->css_name);
		argv[argc++] = cssarg;
	}
	argv[argc++] = "--output";
	argv[argc++] = (char *)tmp;
	argv[argc++] = (char *)in->md_name;
	argv[argc] = NULL;
}

int report_convert(struct report *r, const char *format)
{
	char prog[4096], wprog[4096], out[4100], tmp[4200], pathout[8400], pathtmp[8400];
	const char *pandoc = find_program("OVERSIGHT_PANDOC", "pandoc", prog, sizeof(prog));
	const char *engine = NULL;
	const char *base = strrchr(r->path, '/') ? strrchr(r->path, '/') + 1 : r->path;
	struct inputs in;
	char *argv[24];
	int rc;

	if (strcmp(format, "md") == 0)
		return 0;
	if (strcmp(format, "xlsx") == 0)
		return report_xlsx(r);
	if (strcmp(format, "html") && strcmp(format, "docx") && strcmp(format, "pdf"))
		return error("--format: '%s' is not md, html, docx, pdf or xlsx", format), EXIT_USAGE;
	if (!pandoc)
		return error("--format %s: pandoc is not installed (Debian package pandoc; "
			     "'sh tools/deps.sh --pandoc' installs it); the markdown report is written",
			     format), EXIT_ENV;
	if (strcmp(format, "pdf") == 0 &&
	    !(engine = find_program("OVERSIGHT_WEASYPRINT", "weasyprint", wprog, sizeof(wprog))))
		return error("--format pdf: weasyprint is not installed; install it with "
			     "'sudo apt-get install -y --no-install-recommends weasyprint' "
			     "(or 'sh tools/deps.sh --pdf'); the markdown report is written"), EXIT_ENV;
	snprintf(out, sizeof(out), "%.*s.%s", (int)(strlen(base) - 3), base, format);
	snprintf(tmp, sizeof(tmp), ".%ld-%s", (long)getpid(), out);
	snprintf(pathout, sizeof(pathout), "%s/%s", r->dir, out);
	snprintf(pathtmp, sizeof(pathtmp), "%s/%s", r->dir, tmp);
	if (write_inputs(r, format, &in))
		return EXIT_ENV;
	pandoc_args(argv, pandoc, format, engine, &in, tmp);
	rc = run(r->dir, argv);
	unlink(in.md);
	if (in.css_name)
		unlink(in.css);
	if (rc != 0) {
		unlink(pathtmp);
		if (rc == 127)
			return error("--format %s: cannot run %s", format, pandoc), EXIT_ENV;
		return error("--format %s: pandoc failed (exit %d)", format, rc), EXIT_ENV;
	}
	chmod(pathtmp, 0644);
	if (rename(pathtmp, pathout) != 0) {
		unlink(pathtmp);
		return error("%s: cannot write: %s", pathout, strerror(errno)), EXIT_ENV;
	}
	printf("%s\n", pathout);
	return 0;
}
