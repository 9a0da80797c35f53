# breach.gp - stage deadlines per quarter in two panels, one axis each (a
# count and a rate never share a picture's two sides): above, the number
# of stage deadlines due; below, the breach rate.
#
# datafile: a header row, then one row per quarter, oldest first: its
# name, due, met, breached, pending, the breach rate in per cent (NaN when
# nothing was met or breached, or when fewer than 5 were: no rate, and the
# line breaks there), and 1 when the rate is left out for so few (0
# otherwise): such a quarter is marked "too few" on the rate panel, in
# words, with no point (a point would stand for a rate).
#
# The two panels are a multiplot, which replot cannot repeat: the script
# draws itself once per picture (PNG, then SVG) and sets both_drawn.
stats datafile using 2 nooutput
top = (STATS_max > 0) ? STATS_max : 1
nq = STATS_records
do for [pass = 1:2] {
	if (pass == 2) {
		eval svgterm
		set output svgfile
	}
	set multiplot layout 2,1 title "Timescales: stage deadlines due and breach rate per quarter" font ",22"
	set lmargin 12
	set rmargin 4
	set xrange [-0.6:nq - 0.4]
	set xtics scale 0
	# above: the deadlines due, a bar per quarter with its count
	set tmargin 3
	set bmargin 2
	unset xlabel
	set ylabel "Deadlines due (count)"
	set yrange [0:top * 1.2]
	set ytics 0, 2 * ticstep(top) # half a picture high: half as many tics
	plot datafile using 0:($2 / 2.0):($0 - 0.35):($0 + 0.35):(0):($2):xtic(strcol(1)) \
		with boxxyerror fs solid 0.45 border lc rgb ink lt 2 notitle, \
	     datafile using 0:2:(sprintf("%d", $2)) with labels offset 0,0.8 font ",16" tc rgb ink notitle
	# below: the breach rate, a point per quarter with its percentage
	set tmargin 1
	set bmargin 4
	set xlabel "Quarter"
	set ylabel "Breach rate (%)"
	set yrange [0:115]
	set ytics 0, 20, 100
	plot datafile using 0:6:xtic(strcol(1)) with linespoints lt 5 pt 7 ps 1.4 notitle, \
	     datafile using 0:6:(sprintf("%.0f%%", $6)) with labels offset 0,1.2 font ",16" tc rgb "#D55E00" notitle, \
	     datafile using 0:(($7 > 0) ? 12 : NaN):("too few") with labels font ",15" tc rgb ink notitle
	unset multiplot
}
both_drawn = 1
