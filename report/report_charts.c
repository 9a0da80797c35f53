/*
 * report_charts.c - the charts of the board papers: what each one draws,
 * written as its data files for charts/chart.h (DESIGN.md "Reports":
 * "charts as images beside the table they draw").
 *
 * Every chart draws exactly the numbers of the table it follows, read from
 * that table (the funnel from the figures its table shows, the SPC chart
 * from the monthly series the trend paragraph describes), so its CSV can
 * be checked against the table.  Labels (stage names, agency
 * names, theme ids) go only into the data files, through chart_dat_str(),
 * cut to a length the picture has room for.
 * Colours are fixed by charts/common.gp: stage k in colour k, an agency in
 * the colour of its place in the partnership's list.
 *
 * Disclosure control (--suppress, --public): a chart would show the exact
 * counts the table hides, so when its table hid any, the chart is left
 * out with a note saying why.
 */
#include <math.h>
#include <string.h>

#include "report.h"
#include "share.h"
#include "stats.h"

/* The longest labels drawn (characters; longer ones end in "…" in the
 * picture, whole in the CSV): a tic label beside a bar, a legend entry
 * on a line of its own, a legend entry in one of three columns. */
#define LABEL_TIC 45
#define LABEL_KEY 95
#define LABEL_KEY3 34

#define SUPPRESSED_NOTE "disclosure control hides some of its counts, which the chart would show"

/* A chart's data, for the paper's workbook. */
static void keep_chart(void *owner, const struct tab *data)
{
	report_book_keep(owner, data, 1);
}

void report_charts_init(struct report *r)
{
	char prefix[256];

	snprintf(prefix, sizeof(prefix), "%s-%s-%s", r->kind, r->id, r->period_name);
	chart_init(&r->cc, r->charts, r->dir, prefix);
	r->cc.keep = keep_chart;
	r->cc.owner = r;
}

/* A header row of the data file: each title quoted. */
static void dat_header(FILE *dat, const char *const *titles, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			fputc(' ', dat);
		chart_dat_str(dat, titles[i], 0);
	}
	fputc('\n', dat);
}

/* The chart's data as a table of its own (columns titles, kinds kinds),
 * built whether or not the chart can be drawn (c as chart_begin() left
 * it): written as the chart's CSV by data_end() when it is drawn, and kept
 * for the paper's workbook (r->cc.keep) unless charts are off. */
static struct tab *data_begin(const struct chart *c, const char *const *titles,
			      const enum tab_kind *kinds, int n)
{
	char name[96], def[400];
	struct tab *d;

	snprintf(name, sizeof(name), "chart-%s", c->name);
	snprintf(def, sizeof(def), "The figures the chart \"%s\" draws.", c->title);
	d = tab_new(name, c->title, def);
	for (int i = 0; i < n; i++)
		tab_col(d, titles[i], kinds ? kinds[i] : i ? TAB_COUNT : TAB_TEXT);
	return d;
}

static void data_end(struct chart_ctx *cc, struct chart *c, struct tab *d)
{
	if (c->csv)
		tab_csv(d, c->csv);
	if (cc->enabled && cc->keep)
		cc->keep(cc->owner, d);
	tab_free(d);
}

/* The rows of t a chart draws: all but the total row. */
static int data_rows(const struct tab *t)
{
	return t->total_row >= 0 ? t->total_row : t->nrow;
}

static long count_at(const struct tab *t, int row, int col)
{
	return t->rows[row][col].count;
}

/* Write the note in place of a chart whose table disclosure control hid a
 * count of; 1 when it did. */
static int hidden(struct chart_ctx *cc, FILE *md, const struct tab *t)
{
	if (!tab_hidden(t))
		return 0;
	chart_note(cc, md, SUPPRESSED_NOTE);
	return 1;
}

void report_chart_stages(struct chart_ctx *cc, FILE *md, const struct tab *t)
{
	int row[MODEL_STAGES + 1], nstage = 0, nq = t->ncol - 2; /* Stage, the quarters, Total */
	struct chart c;
	struct tab *d;

	if (hidden(cc, md, t))
		return;
	/* The stages, not a row set apart from them (the step before stage 1) */
	for (int s = 0; s < data_rows(t) && nstage <= MODEL_STAGES; s++)
		if (!t->rows[s][0].aside)
			row[nstage++] = s;
	if (chart_begin(cc, &c, "stages", "stages", "Escalations entering each stage per quarter")) {
		/* .dat: a row per quarter (the bars), a column per stage. */
		fputs("\"Quarter\" \"Total\"", c.dat);
		for (int s = 0; s < nstage; s++) {
			fputc(' ', c.dat);
			chart_dat_str(c.dat, t->rows[row[s]][0].text, LABEL_KEY);
		}
		fputc('\n', c.dat);
		for (int k = 1; k <= nq; k++) {
			long total = 0;

			for (int s = 0; s < nstage; s++)
				total += count_at(t, row[s], k);
			chart_dat_str(c.dat, t->header[k], 0);
			fprintf(c.dat, " %ld", total);
			for (int s = 0; s < nstage; s++)
				fprintf(c.dat, " %ld", count_at(t, row[s], k));
			fputc('\n', c.dat);
		}
	}
	/* .csv: the table's layout, a row per stage. */
	d = data_begin(&c, (const char *const[]){"Stage"}, NULL, 1);
	for (int k = 1; k <= nq; k++)
		tab_col(d, t->header[k], TAB_COUNT);
	for (int s = 0; s < nstage; s++) {
		tab_row(d);
		tab_text(d, t->rows[row[s]][0].text);
		for (int k = 1; k <= nq; k++)
			tab_count(d, count_at(t, row[s], k));
	}
	data_end(cc, &c, d);
	chart_end(&c, md);
}

void report_chart_agencies(struct chart_ctx *cc, FILE *md, const struct tab *t)
{
	static const char *const titles[] = {"Agency", "Raised", "Received", "Colour"};
	struct chart c;
	struct tab *d;
	int drawing;

	if (hidden(cc, md, t) || data_rows(t) == 0)
		return;
	drawing = chart_begin(cc, &c, "agencies", "agencies", "Escalations raised and received by agency");
	d = data_begin(&c, titles, NULL, 3);
	if (drawing)
		dat_header(c.dat, titles, 4);
	for (int i = 0; i < data_rows(t); i++) {
		if (drawing) {
			chart_dat_str(c.dat, t->rows[i][0].text, LABEL_TIC);
			fprintf(c.dat, " %ld %ld %d\n", count_at(t, i, 1), count_at(t, i, 2), i + 1);
		}
		tab_row(d);
		/* the data keeps the ids (a theme's), the chart the names */
		tab_text_id(d, t->rows[i][0].text, t->rows[i][0].key);
		tab_count(d, count_at(t, i, 1));
		tab_count(d, count_at(t, i, 2));
	}
	data_end(cc, &c, d);
	chart_end(&c, md);
}

/* A bar per row of a two-column table (label, count). */
static void bars(struct chart_ctx *cc, FILE *md, const struct tab *t, const char *name,
		 const char *script, const char *title, const char *const *titles)
{
	struct chart c;
	int drawing = chart_begin(cc, &c, name, script, title);
	struct tab *d = data_begin(&c, titles, NULL, 2);

	if (drawing)
		dat_header(c.dat, titles, 2);
	for (int i = 0; i < data_rows(t); i++) {
		if (drawing) {
			chart_dat_str(c.dat, t->rows[i][0].text, LABEL_TIC);
			fprintf(c.dat, " %ld\n", count_at(t, i, 1));
		}
		tab_row(d);
		/* the data keeps the ids (a theme's), the chart the names */
		tab_text_id(d, t->rows[i][0].text, t->rows[i][0].key);
		tab_count(d, count_at(t, i, 1));
	}
	data_end(cc, &c, d);
	chart_end(&c, md);
}

void report_chart_themes(struct chart_ctx *cc, FILE *md, const struct tab *t)
{
	static const char *const titles[] = {"Theme", "Raised"};

	if (data_rows(t) == 0 || hidden(cc, md, t))
		return;
	bars(cc, md, t, "themes", "themes", "Escalations raised by theme", titles);
}

void report_chart_open_age(struct chart_ctx *cc, FILE *md, const struct tab *t)
{
	static const char *const titles[] = {"Age (working days since raised)", "Open"};

	if (hidden(cc, md, t))
		return;
	bars(cc, md, t, "open-age", "open_age", "Open escalations at the end of the period, by age",
	     titles);
}

void report_chart_breach(struct chart_ctx *cc, FILE *md, const struct tab *t)
{
	static const char *const titles[] = {"Quarter", "Due", "Met", "Breached", "Pending",
					     "Breach rate (%)", "Too few for a rate"};
	static const enum tab_kind kinds[] = {TAB_TEXT, TAB_COUNT, TAB_COUNT, TAB_COUNT, TAB_COUNT,
					      TAB_NUMBER};
	struct chart c;
	struct tab *d;
	int few = 0, drawing;

	if (hidden(cc, md, t))
		return;
	drawing = chart_begin(cc, &c, "breach", "breach", "Stage deadlines due and breach rate per quarter");
	d = data_begin(&c, titles, kinds, 6);
	if (drawing)
		dat_header(c.dat, titles, 7);
	for (int k = 0; k < data_rows(t); k++) {
		const struct tab_cell *q = t->rows[k];
		/* Small numbers: a rate over fewer than 5 deadlines met or
		 * breached is left off the line (share.h), marked "too few". */
		int small = share_small(q[2].count + q[3].count);
		double rate = small ? NAN : 100 * q[5].value;

		few |= small;
		if (drawing) {
			chart_dat_str(c.dat, q[0].text, 0);
			fprintf(c.dat, " %ld %ld %ld %ld ", q[1].count, q[2].count, q[3].count, q[4].count);
			chart_dat_num(c.dat, rate);
			fprintf(c.dat, " %d\n", small);
		}
		tab_row(d);
		tab_text(d, q[0].text);
		for (int i = 1; i <= 4; i++)
			tab_count(d, q[i].count);
		tab_number(d, rate);
	}
	data_end(cc, &c, d);
	if (chart_end(&c, md) == 0 && few)
		fprintf(md, "The line leaves out quarters with fewer than %d stage deadlines met or "
			"breached (marked \"too few\"): a rate of so few would mislead; the table gives "
			"their counts.\n\n", SHARE_MIN);
}

/* Points along the activity axis for the funnel's limit lines: enough
 * that each step of a limit (a whole count) shows. */
#define FUNNEL_GRID 400

/* The funnel's data: the table's rows (its names and signal words), with
 * each agency's limits as counts. */
static void funnel_data(struct chart_ctx *cc, struct chart *c, const struct metrics *m,
			const struct tab *t)
{
	static const enum tab_kind kinds[] = {TAB_TEXT, TAB_COUNT, TAB_NUMBER, TAB_NUMBER, TAB_NUMBER,
					      TAB_NUMBER, TAB_TEXT, TAB_NUMBER, TAB_NUMBER, TAB_NUMBER,
					      TAB_NUMBER};
	struct stats_funnel_limits lim;
	char head[160];
	const char *titles[] = {t->header[0], "Raised", head, "Rate per 1000", "Expected", "p low",
				"Signal", "95% lower limit", "95% upper limit", "99.8% lower limit",
				"99.8% upper limit"};
	struct tab *d;

	/* the measure is text from the command line: a field of its own */
	snprintf(head, sizeof(head), "Activity (%s)", m->measure);
	d = data_begin(c, titles, kinds, 11);
	for (int i = 0; i < m->n_funnel; i++) {
		const struct m_funnel *f = &m->funnel[i];
		int ok = stats_funnel_limits(m->funnel_p, f->activity, &lim) == 0;

		tab_row(d);
		tab_text(d, t->rows[i][0].text); /* the table's name for it */
		tab_count(d, f->raised);
		tab_number(d, f->activity);
		tab_number(d, 1000.0 * (double)f->raised / f->activity);
		tab_number(d, f->expected);
		tab_number(d, f->p_low);
		tab_text(d, t->rows[i][5].text); /* the table's words for its signal */
		tab_number(d, ok ? (double)lim.lo95 : NAN);
		tab_number(d, ok ? (double)lim.hi95 : NAN);
		tab_number(d, ok ? (double)lim.lo998 : NAN);
		tab_number(d, ok ? (double)lim.hi998 : NAN);
	}
	data_end(cc, c, d);
}

int report_chart_funnel(struct chart_ctx *cc, FILE *md, const struct metrics *m,
			const struct tab *t, int nagency, const char (*agency)[M_ID],
			const char (*agency_name)[256])
{
	struct chart c;
	struct stats_funnel_limits lim;
	double xmax = 0;

	if (m->n_funnel == 0 || isnan(m->funnel_p))
		return -1;
	if (hidden(cc, md, t))
		return -1;
	for (int i = 0; i < m->n_funnel; i++)
		if (m->funnel[i].activity > xmax)
			xmax = m->funnel[i].activity;
	if (!(xmax > 0))
		return -1;
	if (!chart_begin(cc, &c, "funnel", "funnel", "Escalations against activity (funnel plot)")) {
		funnel_data(cc, &c, m, t);
		return chart_end(&c, md);
	}
	/* Block 0: the limits along the activity axis, per 1,000. */
	/* The centre line: the partnership's rate over its agencies, or the
	 * overall rate when the points are partnerships (report compare). */
	fprintf(c.dat, "\"Activity\" \"%s\" \"95%% lower\" \"95%% upper\" \"99.8%% lower\" "
		"\"99.8%% upper\"\n", strcmp(t->header[0], "Partnership") == 0 ?
		"Rate of the partnerships compared" : "Partnership rate");
	for (int i = 1; i <= FUNNEL_GRID; i++) {
		double n = xmax * 1.1 * i / FUNNEL_GRID;

		if (stats_funnel_limits(m->funnel_p, n, &lim) != 0)
			continue;
		fprintf(c.dat, "%.10g %.10g %.10g %.10g %.10g %.10g\n", n, 1000 * lim.rate,
			1000 * lim.rate_lo95, 1000 * lim.rate_hi95, 1000 * lim.rate_lo998,
			1000 * lim.rate_hi998);
	}
	/* Blocks 1..n: one per agency of the partnership, in its order, so
	 * block k is drawn in agency colour k. */
	for (int a = 0; a < nagency; a++) {
		const struct m_funnel *f = NULL;

		for (int i = 0; i < m->n_funnel; i++)
			if (strcmp(m->funnel[i].agency, agency[a]) == 0)
				f = &m->funnel[i];
		fputs("\n\n", c.dat);
		chart_dat_str(c.dat, f ? agency_name[a] : "", LABEL_KEY3);
		fputs(" \"Activity\" \"Raised\" \"Rate per 1,000\"\n", c.dat);
		if (!f) {
			fputs("\"\" NaN NaN NaN\n", c.dat);
			continue;
		}
		chart_dat_str(c.dat, agency_name[a], LABEL_KEY3);
		fprintf(c.dat, " %.10g %ld ", f->activity, f->raised);
		chart_dat_num(c.dat, 1000.0 * (double)f->raised / f->activity);
		fputc('\n', c.dat);
	}
	funnel_data(cc, &c, m, t);
	return chart_end(&c, md);
}

/* The rules that flagged month i, by name, into buf. */
static void spc_rules(const struct metrics *m, int i, char *buf, size_t cap)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int k = 0; k < STATS_SPC_NRULES; k++)
		if (m->month_flags[i] & STATS_SPC_BIT(k)) {
			int w = snprintf(buf + used, cap - used, "%s%s", used ? " " : "", stats_spc_rule_name(k));

			if (w > 0 && (size_t)w < cap - used)
				used += (size_t)w;
		}
}

static void spc_dat(FILE *dat, const struct metrics *m, int i)
{
	chart_dat_str(dat, m->month[i], 0);
	fprintf(dat, " %ld ", m->month_n[i]);
	chart_dat_num(dat, m->spc_mean);
	fputc(' ', dat);
	chart_dat_num(dat, m->spc_ucl);
	fputc(' ', dat);
	chart_dat_num(dat, m->spc_lcl);
	fputc(' ', dat);
	chart_dat_num(dat, m->month_flags[i] ? (double)m->month_n[i] : NAN);
	fputc('\n', dat);
}

void report_chart_spc(struct chart_ctx *cc, FILE *md, const struct metrics *m, int suppress)
{
	static const char *const titles[] = {"Month", "Escalations raised", "Mean",
					     "Upper process limit", "Lower process limit",
					     "Limits provisional", "Rules flagging the month"};
	static const enum tab_kind kinds[] = {TAB_TEXT, TAB_COUNT, TAB_NUMBER, TAB_NUMBER,
					      TAB_NUMBER, TAB_TEXT, TAB_TEXT};
	struct chart c;
	struct tab *d;
	int drawing;

	if (m->n_month == 0)
		return;
	/* No table shows the monthly counts, so look at them here. */
	for (int i = 0; i < m->n_month; i++)
		if (tab_small(suppress, m->month_n[i])) {
			chart_note(cc, md, SUPPRESSED_NOTE);
			return;
		}
	drawing = chart_begin(cc, &c, "spc", "spc", "Escalations raised per month (XmR chart)");
	if (drawing)
		fprintf(c.dat, "\"Month\" \"Escalations raised\" \"Mean\" \"%s\" \"Lower process limit\" "
			"\"%s\"\n",
			m->spc_provisional ? "Process limits (provisional: under 12 months)" : "Process limits",
			m->spc_rules ? "Flagged by a rule" : "Flagged by a rule (none)");
	d = data_begin(&c, titles, kinds, 7);
	for (int i = 0; i < m->n_month; i++) {
		char rules[256];

		spc_rules(m, i, rules, sizeof(rules));
		if (drawing)
			spc_dat(c.dat, m, i);
		tab_row(d);
		tab_text(d, m->month[i]);
		tab_count(d, m->month_n[i]);
		tab_number(d, m->spc_mean);
		tab_number(d, m->spc_ucl);
		tab_number(d, m->spc_lcl);
		tab_text(d, m->spc_provisional ? "yes" : "no");
		tab_text(d, rules);
	}
	data_end(cc, &c, d);
	chart_end(&c, md);
}
