# themes.gp - escalations raised in the period by theme, horizontal bars,
# most frequent at the top.
#
# datafile: a header row, then one row per theme with a non-zero count,
# most frequent first (the order of the table beside the chart): the
# theme id and the count.
set title "Escalations raised by theme"
set xlabel "Escalations raised in the period (count)"
set ylabel "Theme"
stats datafile using 2 nooutput
nt = STATS_records
top = (STATS_max > 0) ? STATS_max : 1
set xrange [0:top * 1.12]
set xtics 0, ticstep(top)
set yrange [-0.6:nt - 0.4]
set ytics scale 0
set grid xtics noytics
y(i) = nt - 1 - i
plot datafile using ($2 / 2.0):(y($0)):(0):($2):(y($0) - 0.35):(y($0) + 0.35):ytic(1) \
	with boxxyerror fs solid 1 border lc rgb ink lt 1 notitle, \
     datafile using 2:(y($0)):(sprintf("%d", $2)) with labels left offset 0.6,0 font ",16" tc rgb ink notitle
