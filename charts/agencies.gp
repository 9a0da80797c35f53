# agencies.gp - escalations raised and received by each agency, paired
# horizontal bars (long agency names stay legible).
#
# datafile: a header row, then one row per agency in the partnership's
# order: its name, raised, received, and its colour (its place in the
# partnership's list).  Raised is drawn solid, received pale and hatched,
# both in the agency's colour; the first agency is at the top.
# The title and the key are centred on the picture, not over the plot,
# which a long agency name pushes to the right.
set label 100 "Escalations raised and received by agency" at screen 0.5, 0.955 center font ",22"
set tmargin 4
set xlabel "Escalations (count): raised and received"
set ylabel "Agency"
stats datafile using 2 nooutput
na = STATS_records
m1 = STATS_max
stats datafile using 3 nooutput
top = (STATS_max > m1) ? STATS_max : m1
top = (top > 0) ? top : 1
set xrange [0:top * 1.12]
set xtics 0, ticstep(top)
set yrange [-0.6:na - 0.4]
set ytics scale 0
set grid xtics noytics
set key at screen 0.5, 0.015 center bottom horizontal Left reverse width -3
set bmargin 6
set ytics font ",16"
set rmargin 5 # room for the count beside the longest bar, and the key
y(i) = na - 1 - i
plot datafile using (0):(y($0)):ytic(1) with points ps 0 notitle, \
     datafile using ($2 / 2.0):(y($0) + 0.19):(0):($2):(y($0) + 0.02):(y($0) + 0.36):4 \
	with boxxyerror fs solid 1 border lc rgb ink lc variable notitle, \
     datafile using ($3 / 2.0):(y($0) - 0.19):(0):($3):(y($0) - 0.36):(y($0) - 0.02):4 \
	with boxxyerror fs transparent solid 0.35 noborder lc variable notitle, \
     datafile using ($3 / 2.0):(y($0) - 0.19):(0):($3):(y($0) - 0.36):(y($0) - 0.02):4 \
	with boxxyerror fs transparent pattern 4 border lw 1.5 lc variable notitle, \
     datafile using 2:(y($0) + 0.19):(sprintf("%d", $2)) with labels left offset 0.6,0 font ",16" tc rgb ink notitle, \
     datafile using 3:(y($0) - 0.19):(sprintf("%d", $3)) with labels left offset 0.6,0 font ",16" tc rgb ink notitle, \
     keyentry with boxxyerror fs solid 1 border lc rgb ink lc rgb '#777777' title "Raised (solid)", \
     keyentry with boxxyerror fs transparent pattern 4 border lw 1.5 lc rgb '#777777' title "Received (hatched)"
