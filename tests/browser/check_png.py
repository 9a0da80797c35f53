#!/usr/bin/env python3
"""check_png.py - is a screenshot of a board paper more than a blank page?

    check_png.py SCREENSHOT.png

Decodes the PNG (8-bit RGB or RGBA, as Chromium writes it) with the
standard library only and prints three figures: the share of pixels that
are not near-white (text, tables, charts), the number of pixels in the
charts' first colour (Okabe-Ito blue #0072B2, stage 1 / the first agency:
present only when a chart image was loaded and drawn), and the height.
Exit 0 when the page has content and chart colour, 1 otherwise.
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("%s: not a PNG" % path)
    pos, idat = 8, b""
    width = height = depth = ctype = None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    if depth != 8 or ctype not in (2, 6):
        raise SystemExit("%s: unexpected PNG type (depth %s, colour type %s)" % (path, depth, ctype))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pr) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def main():
    width, height, bpp, rows = read_png(sys.argv[1])
    ink = blue = 0
    for line in rows:
        for x in range(0, width * bpp, bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r < 235 or g < 235 or b < 235:
                ink += 1
            if abs(r - 0x00) < 12 and abs(g - 0x72) < 12 and abs(b - 0xB2) < 12:
                blue += 1
    share = ink / float(width * height)
    print("ink %.4f blue %d height %d" % (share, blue, height))
    return 0 if share > 0.01 and blue > 200 else 1


if __name__ == "__main__":
    sys.exit(main())
