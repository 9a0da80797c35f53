/*
 * report_format.c - board papers in the partnership's formats: HTML (one
 * self-contained file), Word and PDF, made from the markdown by pandoc.
 *
 * pandoc runs without a shell, in the report's folder (so the chart
 * images' relative paths resolve and are embedded), writing to a
 * temporary name that is renamed into place when it succeeds.  The title
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

int report_convert(struct report *r, const char *format)
{
	char prog[4096], md[4096], out[4100], tmp[4200], css[64], pathout[8400], pathtmp[8400];
	const char *pandoc = find_program("OVERSIGHT_PANDOC", "pandoc", prog, sizeof(prog));
	const char *base = strrchr(r->path, '/') ? strrchr(r->path, '/') + 1 : r->path;
	const char *style = embed_get("report/report.css");
	char *argv[24];
	int argc = 0, rc;

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
	snprintf(md, sizeof(md), "%s", base);
	snprintf(out, sizeof(out), "%.*s.%s", (int)(strlen(base) - 3), base, format);
	snprintf(tmp, sizeof(tmp), ".%ld-%s", (long)getpid(), out);
	snprintf(css, sizeof(css), ".%ld-report.css", (long)getpid());
	snprintf(pathout, sizeof(pathout), "%s/%s", r->dir, out);
	snprintf(pathtmp, sizeof(pathtmp), "%s/%s", r->dir, tmp);

	if (strcmp(format, "docx") != 0 && style) {
		char pathcss[4200];
		FILE *fp;

		snprintf(pathcss, sizeof(pathcss), "%s/%s", r->dir, css);
		fp = fopen(pathcss, "w");
		if (!fp || fputs(style, fp) < 0 || fclose(fp) != 0)
			return error("%s: cannot write: %s", pathcss, strerror(errno)), EXIT_ENV;
	}
	argv[argc++] = (char *)pandoc;
	argv[argc++] = "--from=markdown";
	argv[argc++] = "--resource-path=.";
	if (strcmp(format, "html") == 0) {
		argv[argc++] = "--to=html5";
		argv[argc++] = "--standalone";
		argv[argc++] = "--self-contained";
	} else if (strcmp(format, "pdf") == 0) {
		argv[argc++] = "--to=html5";
		argv[argc++] = "--pdf-engine=weasyprint";
	} else {
		argv[argc++] = "--to=docx";
	}
	if (strcmp(format, "docx") != 0 && style) {
		static char cssarg[128];

		snprintf(cssarg, sizeof(cssarg), "--css=%s", css);
		argv[argc++] = cssarg;
	}
	argv[argc++] = "--output";
	argv[argc++] = tmp;
	argv[argc++] = md;
	argv[argc] = NULL;
	rc = run(r->dir, argv);
	if (strcmp(format, "docx") != 0 && style) {
		char pathcss[4200];

		snprintf(pathcss, sizeof(pathcss), "%s/%s", r->dir, css);
		unlink(pathcss);
	}
	if (rc != 0) {
		unlink(pathtmp);
		if (rc == 127)
			return error("--format %s: cannot run %s", format, pandoc), EXIT_ENV;
		return error("--format %s: pandoc failed (exit %d)%s", format, rc,
			     strcmp(format, "pdf") == 0 ? "; PDF needs weasyprint (sh tools/deps.sh --pandoc)" : ""),
		       EXIT_ENV;
	}
	chmod(pathtmp, 0644);
	if (rename(pathtmp, pathout) != 0) {
		unlink(pathtmp);
		return error("%s: cannot write: %s", pathout, strerror(errno)), EXIT_ENV;
	}
	printf("%s\n", pathout);
	return 0;
}
