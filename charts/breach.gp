# breach.gp - the breach rate of the protocol's (or local) timescales per
# quarter, with the number of stage deadlines due: bars on the left axis,
# the rate as a line on the right axis.
#
# datafile: a header row, then one row per quarter, oldest first: its
# name, due, met, breached, pending, and the breach rate in per cent
# (NaN when nothing was met or breached: no rate, not zero, and the line
# breaks there).
set title "Timescales: stage deadlines due and breach rate per quarter"
set xlabel "Quarter" offset 0,-1
set ylabel "Stage deadlines due (count)"
set y2label "Breach rate (%)"
stats datafile using 2 nooutput
top = (STATS_max > 0) ? STATS_max : 1
set yrange [0:top * 1.15]
set ytics 0, ticstep(top) nomirror
set y2range [0:112]
set y2tics 0, 20, 100 nomirror out
set xrange [-0.6:STATS_records - 0.4]
set xtics scale 0
set key outside below center horizontal Left reverse width -3
set bmargin 7
# The number due goes under each quarter's name, clear of the line.
plot datafile using 0:($2 / 2.0):($0 - 0.35):($0 + 0.35):(0):($2):xtic(sprintf("%s\n%d due", strcol(1), $2)) \
	with boxxyerror fs solid 0.45 border lc rgb ink lt 2 title "Deadlines due (bars, left axis)", \
     datafile using 0:($6) axes x1y2 with linespoints lt 5 pt 7 ps 1.2 title "Breach rate (line, right axis)", \
     datafile using 0:6:(sprintf("%.0f%%", $6)) axes x1y2 with labels offset 0,1.1 font ",9" tc rgb "#D55E00" boxed notitle
