/*
 * paper.c - a board paper as a file: the temporary file renamed into place
 * when complete, the title block, the front page, the sections run in
 * order (the tables they write go through report_tables.c) and the
 * analyst's appendix last.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cli.h"
#include "core/date.h"
#include "core/msg.h"
#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

int report_begin(struct report *r)
{
	int fd;

	/* <kind>-<partnership>[-<agency>][-<subject>]-<period>.md */
	snprintf(r->stem, sizeof(r->stem), "%s-%s%s%s%s%s-%s", r->kind, r->id, r->agency_id ? "-" : "",
		 r->agency_id ? r->agency_id : "", r->stem_subject ? "-" : "",
		 r->stem_subject ? r->stem_subject : "", r->period_name);
	snprintf(r->path, sizeof(r->path), "%s/%s.md", r->dir, r->stem);
	snprintf(r->tmp, sizeof(r->tmp), "%s/.%s.md.XXXXXX", r->dir, r->stem);
	fd = mkstemp(r->tmp);
	if (fd < 0)
		return error("%s: cannot write: %s", r->dir, strerror(errno));
	fchmod(fd, 0644);
	r->out = fdopen(fd, "w");
	if (!r->out) {
		close(fd);
		unlink(r->tmp);
		return error("%s: cannot write: %s", r->tmp, strerror(errno));
	}
	return 0;
}

int report_finish(struct report *r, int ok)
{
	int bad = ferror(r->out);

	if (fclose(r->out) != 0)
		bad = 1;
	r->out = NULL;
	if (!ok || bad) {
		unlink(r->tmp);
		return ok ? error("%s: write failed", r->path) : -1;
	}
	if (rename(r->tmp, r->path) != 0) {
		unlink(r->tmp);
		return error("%s: cannot write: %s", r->path, strerror(errno));
	}
	return 0;
}

/* The rows that describe the one partnership of the paper: its protocol,
 * the logs loaded and whose they are.  A paper across partnerships
 * (report compare) has none: each partnership's are in its sections. */
static void partnership_rows(struct report *r)
{
	if (r->protocol_title[0]) {
		P("| Protocol | ");
		md_escape(r->out, r->protocol_title);
		P(" |\n");
	}
	report_coverage_row(r);
}

/* The title block: pandoc's metadata, then the paper's particulars. */
static void title_block(struct report *r, const char *title, const char *subtitle)
{
	char pw[96], asof[48], fq[32];

	date_span_words(r->period.from, r->period.to, pw, sizeof(pw));
	date_words(r->period.as_of, asof, sizeof(asof));
	/* pandoc title block: the document's metadata in every format. */
	P("---\ntitle: \"");
	md_escape(r->out, title);
	P("\"\nsubtitle: \"");
	md_escape(r->out, subtitle);
	P("\"\ndate: \"As of %s\"\n---\n\n", asof);
	/* The title and subtitle are the YAML block's alone: pandoc makes
	 * them the document's title (an H1 as well would print it twice),
	 * GitHub shows them as a table, and they read as plain text. */
	P("| | |\n|:---|:---|\n");
	if (!r->region) {
		P("| Partnership | ");
		md_escape(r->out, r->name);
		if (r->short_name[0]) {
			P(" (");
			md_escape(r->out, r->short_name);
			P(")");
		}
		P(" |\n");
	}
	if (r->period.q) {
		cli_fin_quarter(r->period.year, r->period.q, fq, sizeof(fq));
		P("| Period | %d-Q%d, %s (UK financial year %s) |\n", r->period.year, r->period.q, pw, fq);
	} else {
		P("| Period | %s |\n", pw);
	}
	if (r->period.subject)
		P("| Escalations about | %s only |\n", report_subject_words(r->period.subject, 1));
	P("| As of | %s: events recorded after this date are not counted |\n", asof);
	if (!r->region)
		partnership_rows(r);
	if (r->suppress >= 2)
		P("| Disclosure control | counts from 1 to %d are shown as <%d, with other cells hidden "
		  "(shown as \\[c\\]) where a total would reveal them |\n", r->suppress - 1, r->suppress);
	P("\n");
}

void paper_write(struct report *r, const char *title, const struct paper *p)
{
	char sub[256];

	if (r->period.q)
		snprintf(sub, sizeof(sub), "%s, %d-Q%d", p->subtitle_quarter, r->period.year, r->period.q);
	else
		snprintf(sub, sizeof(sub), "%s", p->subtitle);
	snprintf(r->paper_title, sizeof(r->paper_title), "%s", title);
	snprintf(r->paper_subtitle, sizeof(r->paper_subtitle), "%s", sub);
	if (r->period.subject) /* "Board report, 2026-Q3: Adults" */
		snprintf(sub + strlen(sub), sizeof(sub) - strlen(sub), ": %s",
			 report_subject_words(r->period.subject, 1));
	title_block(r, title, sub);
	if (!r->region) {
		report_coverage_warning(r);
		if (r->agency_id)
			report_front_agency(r); /* report_front_agency.c */
		else
			sec_front(r); /* report_front.c */
	} else {
		report_front_region(r); /* report_front_region.c */
	}
	for (int i = 0; p->sections[i]; i++)
		p->sections[i](r);
	if (!r->region)
		sec_appendix(r); /* report_appendix.c: always last */
	else
		report_appendix_region(r);
}
