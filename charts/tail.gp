# tail.gp - the same chart again as SVG (oversight runs it last).
set terminal svg noenhanced size 800,450 fixed font "DejaVu Sans,10" background rgb 'white'
set output svgfile
replot
unset output
