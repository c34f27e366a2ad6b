#!/usr/bin/env python3
"""Draws docs/scaling.csv as an SVG (log-log): seconds to the first valid agenda (solid) and to
the end of the run (dashed: a proven optimum, "opt", or the time limit, with the gap to the bound
then) for each solver."""
import csv, math, sys

rows = list(csv.DictReader(open(sys.argv[1])))
out = sys.argv[2]
W, H, L, R, T, B = 760, 460, 70, 170, 40, 60
colours = {"search": "#1f77b4", "milp": "#d62728", "auto": "#2ca02c"}
sizes = sorted({int(r["sessions"]) for r in rows})
times = [float(v) for r in rows for v in (r["first_seconds"], r["total_seconds"]) if v]
lo, hi = min(times + [0.01]), max(times + [1])
lo, hi = 10 ** math.floor(math.log10(max(lo, 0.001))), 10 ** math.ceil(math.log10(hi))
x = lambda n: L + (math.log(n) - math.log(sizes[0])) / (math.log(sizes[-1]) - math.log(sizes[0]) or 1) * (W - L - R)
y = lambda s: T + (math.log(hi) - math.log(max(s, lo))) / (math.log(hi) - math.log(lo)) * (H - T - B)
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{L}" y="22" font-size="15" font-weight="bold">Convene: time to a first valid agenda and to the end of the run</text>']
e = lo
while e <= hi * 1.0001:
    svg.append(f'<line x1="{L}" x2="{W-R}" y1="{y(e):.1f}" y2="{y(e):.1f}" stroke="#ddd"/><text x="{L-8}" y="{y(e)+4:.1f}" text-anchor="end">{e:g} s</text>')
    e *= 10
for n in sizes:
    svg.append(f'<line x1="{x(n):.1f}" x2="{x(n):.1f}" y1="{T}" y2="{H-B}" stroke="#eee"/><text x="{x(n):.1f}" y="{H-B+18}" text-anchor="middle">{n}</text>')
svg.append(f'<text x="{(L+W-R)/2}" y="{H-15}" text-anchor="middle">sessions (generated, seed 1)</text>')
for i, (solver, colour) in enumerate(colours.items()):
    pts = [r for r in rows if r["solver"] == solver]
    for key, dash in (("first_seconds", ""), ("total_seconds", ' stroke-dasharray="5,4"')):
        line = [(x(int(r["sessions"])), y(float(r[key]))) for r in pts if r[key]]
        if line:
            svg.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash} points="' + " ".join(f"{a:.1f},{b:.1f}" for a, b in line) + '"/>')
            for a, b in line:
                svg.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{colour}"/>')
    for r in pts:
        if r["total_seconds"] and (r["status"] == "optimal" or r.get("gap")):
            label = "opt" if r["status"] == "optimal" else f'gap {float(r["gap"]) * 100:.0f} %'
            svg.append(f'<text x="{x(int(r["sessions"]))+5:.1f}" y="{y(float(r["total_seconds"]))-5-8*i:.1f}" fill="{colour}" font-size="10">{label}</text>')
    ly = T + 20 + i * 40
    svg.append(f'<line x1="{W-R+15}" x2="{W-R+45}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2"/><text x="{W-R+50}" y="{ly+4}">{solver}: first agenda</text>')
    svg.append(f'<line x1="{W-R+15}" x2="{W-R+45}" y1="{ly+16}" y2="{ly+16}" stroke="{colour}" stroke-width="2" stroke-dasharray="5,4"/><text x="{W-R+50}" y="{ly+20}">{solver}: end of run</text>')
svg.append("</svg>")
open(out, "w").write("\n".join(svg) + "\n")
