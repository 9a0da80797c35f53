# stages.gp - escalations entering each stage per quarter, stacked.
#
# datafile: a header row ("Quarter" "Total" then each stage's label in the
# protocol's own words), then one row per quarter: its name, the total,
# and the count that entered each stage.  Stage k is column k + 2, drawn
# in colour k with pattern pat[k], from the sum of the stages below it.
set title "Escalations entering each stage per quarter"
set xlabel "Quarter"
set ylabel "Escalations entering the stage (count)"
stats datafile using 2 nooutput
top = (STATS_max > 0) ? STATS_max : 1
set yrange [0:top * 1.12]
set ytics 0, ticstep(top)
set xrange [-0.6:STATS_records - 0.4]
set xtics scale 0
set key outside below center vertical Left reverse width 1 height 1
w = 0.35
lo(k) = (k > 1) ? sum [j=3:k+1] column(j) : 0
n(k) = column(k + 2)
big(k) = n(k) >= top * 0.05
plot for [k=1:*] datafile using 0:(lo(k) + n(k) / 2.0):($0 - w):($0 + w):(lo(k)):(lo(k) + n(k)):xtic(1) \
	with boxxyerror fs solid 1 border lc rgb ink lt k title columnheader(k + 2), \
     for [k=1:*] datafile using 0:(lo(k) + n(k) / 2.0):($0 - w):($0 + w):(lo(k)):(lo(k) + n(k)) \
	with boxxyerror fs transparent pattern pat[(k - 1) % 8 + 1] noborder lc rgb ink notitle, \
     for [k=1:*] datafile using 0:(big(k) ? lo(k) + n(k) / 2.0 : NaN):(sprintf("%d", n(k))) \
	with labels boxed font ",15" tc rgb ink notitle, \
     datafile using 0:2:(sprintf("%d", $2)) with labels offset 0,0.7 font ",16" tc rgb ink notitle
