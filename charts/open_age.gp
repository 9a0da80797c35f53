# open_age.gp - escalations open at the end of the period, by age.
#
# datafile: a header row, then one row per age band, youngest first: the
# band's label (working days since raised) and the count open.
set title "Open escalations at the end of the period, by age"
set xlabel "Age (working days since raised)"
set ylabel "Open escalations (count)"
stats datafile using 2 nooutput
top = (STATS_max > 0) ? STATS_max : 1
set yrange [0:top * 1.12]
set ytics 0, ticstep(top)
set xrange [-0.6:STATS_records - 0.4]
set xtics scale 0 rotate by 20 right # the bands' names clear of one another
set lmargin 16 # and the first band's name inside the picture
plot datafile using 0:($2 / 2.0):($0 - 0.35):($0 + 0.35):(0):($2):xtic(1) \
	with boxxyerror fs solid 1 border lc rgb ink lt 1 notitle, \
     datafile using 0:2:(sprintf("%d", $2)) with labels offset 0,0.7 font ",16" tc rgb ink notitle
