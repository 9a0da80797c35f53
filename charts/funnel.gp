# funnel.gp - the lack-of-challenge funnel plot (DESIGN.md "Lack-of-
# challenge (funnel)"): each agency's escalation rate against its
# activity, the partnership's rate, and the exact Poisson 95% and 99.8%
# limits around it, which narrow as activity grows.
#
# datafile, blocks separated by two blank lines:
#   index 0  a header row, then the limits along the activity axis:
#            activity, the centre line (its title in the header row: the
#            partnership's rate, or the rate of the partnerships compared),
#            and the lower and upper 95%
#            and 99.8% limits, all per 1,000 of activity (the limits are
#            whole counts divided by activity, so the lines step)
#   index k  the k-th agency of the partnership's list (so colour k): a
#            header row whose first title is the agency's name, then one
#            row: name, activity, escalations raised, rate per 1,000.  An
#            agency without activity has an empty name and NaNs (no point,
#            no key entry).
# Agencies are told apart in the key by colour and point shape, which
# stays legible where points crowd (names written beside the points
# overlap).
set title "Escalations against activity (funnel plot)"
set xlabel "Activity in the period (count; measure as in the table)"
set ylabel "Escalations raised per 1,000 of activity"
stats datafile using 2 nooutput
nblocks = STATS_blocks
stats datafile index 0 using 1 nooutput
xtop = STATS_max
stats datafile index 0 using 2 nooutput
centre = STATS_max
# Every agency block at once: an agency without activity (NaN) is skipped.
stats datafile index 1:nblocks - 1 using 4 nooutput
rmax = STATS_max
stats datafile index 1:nblocks - 1 using 2 nooutput
xmin = STATS_min
# Every point in view with room above it, and the limits drawn from half
# the smallest agency's activity on, cut off at the top of the plot: the
# funnel widens without end towards 0, and a limit running off the top
# would squeeze the points into the bottom of the picture.
stats datafile index 0 using (($1 >= xmin) ? $6 : NaN) nooutput
lmax = STATS_max
lend = STATS_min
ytop = rmax * 1.25
ytop = (ytop > 2 * centre) ? ytop : 2 * centre
ytop = (lmax * 1.05 < ytop) ? lmax * 1.05 : ytop
ytop = (ytop > rmax * 1.1) ? ytop : rmax * 1.1
# and both upper limits in view at the right-hand end at least
ytop = (ytop > lend * 1.15) ? ytop : lend * 1.15
ytop = (ytop > 0) ? ytop : 1
xfrom = xmin / 2
set xrange [0:xtop]
set yrange [0:ytop]
set clip two
set key outside below center horizontal Left reverse width -2 height 1
set grid xtics ytics
lim(x, v) = (x >= xfrom) ? v : NaN
plot datafile index 0 using 1:2 with lines lc rgb ink lw 2 dt 1 title columnheader(2), \
     '' index 0 using 1:(lim($1, $3)) with lines lc rgb ink lw 1.5 dt 2 title "95% limits", \
     '' index 0 using 1:(lim($1, $4)) with lines lc rgb ink lw 1.5 dt 2 notitle, \
     '' index 0 using 1:(lim($1, $5)) with lines lc rgb ink lw 1.5 dt 3 title "99.8% limits", \
     '' index 0 using 1:(lim($1, $6)) with lines lc rgb ink lw 1.5 dt 3 notitle, \
     for [k=1:nblocks - 1] '' index k using 2:4 with points lt k pt pts[(k - 1) % 8 + 1] ps 2 \
	title columnheader(1)
