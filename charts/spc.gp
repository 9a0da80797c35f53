# spc.gp - the monthly SPC (XmR) chart of escalations raised (DESIGN.md
# "SPC (monthly)"): the counts, their mean, the process limits dashed, and
# the points a rule flags ringed.
#
# datafile: a header row (the titles of the series; the limits' title
# says when they are provisional), then one row per month, oldest first:
# "YYYY-MM", the count, the mean, the upper and lower process limits, and
# the count again where a rule flags the point (NaN where none does).
set title "Escalations raised per month (XmR chart)"
set xlabel "Month"
set ylabel "Escalations raised (count)"
stats datafile using 2 nooutput
nm = STATS_records
top = STATS_max
stats datafile using 4 nooutput
top = (STATS_max > top) ? STATS_max : top
top = (top > 0) ? top : 1
set yrange [0:top * 1.15]
set ytics 0, ticstep(top)
set xrange [-0.5:nm - 0.5]
step = (nm > 12) ? 3 : 1
set xtics rotate by 45 right scale 0
set grid xtics ytics
set key outside below center horizontal Left reverse width -2
# room below for the rotated months, the label and the key, apart
set bmargin 9
plot datafile using 0:2:xtic((int($0) % step == 0) ? stringcolumn(1) : "") with linespoints lt 1 pt 7 ps 1 title columnheader(2), \
     '' using 0:3 with lines lc rgb '#777777' lw 1.5 dt 1 title columnheader(3), \
     '' using 0:4 with lines lc rgb ink lw 1.5 dt 2 title columnheader(4), \
     '' using 0:5 with lines lc rgb ink lw 1.5 dt 2 notitle, \
     '' using 0:($6) with points lc rgb '#D55E00' pt 6 ps 2.6 lw 2 title columnheader(6)
