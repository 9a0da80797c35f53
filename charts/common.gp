# common.gp - what every chart shares; oversight runs it first, after
# setting datafile, pngfile and svgfile (file names only: every label and
# number comes from datafile, never from this text - DESIGN.md "Reports").
#
# Fixed size and font so the pictures are stable from run to run, and
# large enough to read on a printed page: 1200x675 with 19-point text, so
# at A4 width the text is about 8 points high (the old 800x450 with 10-point
# text printed at about 6);
# noenhanced so no label is read as markup (^ _ @ & { }).  Colours are
# the Okabe-Ito palette (colour-blind safe), one per stage and one per
# agency by its place in the partnership's list, the same in every chart
# of a report; pat[] and pts[] add a fill pattern and a point shape per
# colour so a greyscale print still tells them apart.
reset
set terminal pngcairo noenhanced size 1200,675 font "DejaVu Sans,19" linewidth 1.5 background rgb 'white'
set output pngfile
set encoding utf8
set datafile separator whitespace
set datafile columnheaders
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.4 dt solid
set linetype 2 lc rgb '#56B4E9' lw 2 pt 5 ps 1.4 dt solid
set linetype 3 lc rgb '#009E73' lw 2 pt 9 ps 1.6 dt solid
set linetype 4 lc rgb '#E69F00' lw 2 pt 13 ps 1.6 dt solid
set linetype 5 lc rgb '#D55E00' lw 2 pt 11 ps 1.6 dt solid
set linetype 6 lc rgb '#CC79A7' lw 2 pt 15 ps 1.4 dt solid
set linetype 7 lc rgb '#F0E442' lw 2 pt 3 ps 1.6 dt solid
set linetype 8 lc rgb '#000000' lw 2 pt 2 ps 1.6 dt solid
set linetype cycle 8
# fill pattern by colour: none, ///, \\\, crosshatch, dense crosshatch, ...
array pat[8] = [0, 4, 5, 1, 2, 6, 7, 0]
array pts[8] = [7, 5, 9, 13, 11, 15, 3, 2]
ink = '#333333'
set border 3 back lc rgb ink
set tics nomirror out
set grid noxtics ytics lc rgb '#d9d9d9' lw 1 dt solid
set key noautotitle
set style textbox opaque noborder
set title font ",22"
# The SVG terminal, for tail.gp (and a chart of several panels, which draws
# itself twice and sets both_drawn: replot would repeat its last panel only).
svgterm = "set terminal svg noenhanced size 1200,675 fixed font 'DejaVu Sans,19' linewidth 1.5 background rgb 'white'"
# A whole-number tic step for a count axis running up to t: 1, 2, 5, 10,
# 20, 50, ... so that there are about 5 to 10 tics, never a tic at 0.5.
ticstep(t) = (_s = 10 ** floor(log10(t > 1 ? t : 1)), _v = (t / _s <= 2) ? _s / 5 : (t / _s <= 5) ? _s / 2 : _s, _v < 1 ? 1 : _v)
