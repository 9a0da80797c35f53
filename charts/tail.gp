# tail.gp - the same chart again as SVG (oversight runs it last), unless
# the chart drew its SVG itself (both_drawn: a chart of several panels).
if (!exists("both_drawn")) {
	eval svgterm
	set output svgfile
	replot
}
unset output
