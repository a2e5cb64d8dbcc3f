#!/usr/bin/env python3
"""Turns bench/run.sh's results into docs/performance.md and docs/performance.svg.

usage: report.py RESULTS_DIR DOCS_DIR
RESULTS_DIR holds sample.json, digest-N.json (hyperfine: cold, unchanged, edit), digest-N-cold.time and
digest-N-unchanged.time (GNU time -v), and peers-N.jsonl (rows of the shared run-bench.sh, Hugo's and Digest's).
"""
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

results, docs = sys.argv[1], sys.argv[2]



def newest_result():
    """When the newest result was written: the time of the measurements, not of this report."""
    return max((os.path.getmtime(f) for f in glob.glob(os.path.join(results, "*"))), default=time.time())

def hyperfine(path):
    data = json.load(open(path))
    return {r["command"]: r for r in data["results"]}


def median(r):
    return statistics.median(r["times"])


def rss_mb(path):
    if not os.path.exists(path):
        return None
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
    return int(m.group(1)) / 1024 if m else None


def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


sizes = sorted(int(re.search(r"digest-(\d+)\.json$", f).group(1)) for f in glob.glob(os.path.join(results, "digest-*.json")))
peers = {}  # (peer, n) -> row of run-bench.sh
for f in glob.glob(os.path.join(results, "peers-*.jsonl")):
    for line in open(f):
        if line.strip():
            row = json.loads(line)
            peers[(row["peer"], row["n"])] = row
digest_version = next((r["version"] for (p, _), r in peers.items() if p == "digest"), None)

out = ["# Performance", "",
       "Measured by `bench/run.sh` (see its header for options): Digest installed as users install it (`dotnet pack` of",
       "`src/Digest.Cli`, then `dotnet tool install`), each build a whole process, medians of several runs by hyperfine,",
       "peak memory by GNU `time -v`. The workload is the shared news-digest corpus (`bench/gen-corpus.py`: front matter,",
       "400–900 words of Markdown, Zipf-distributed tags, 8 categories). Beside Hugo, Digest is set up to make the same",
       "pages as the peers (`bench/digest-bench-site.sh`: `/articles/<file>/`, 20 per page, no archives, no per-term feeds)",
       "and `verify.py` of the shared bench checks its output like theirs.", "",
       "Machine: %d cores, %s, %s. Measured %s. These machines are shared and noisy: ratios from one run count,"
       % (os.cpu_count(), cpu_model(), platform.platform(), time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(newest_result()))),
       "absolute times are context.", ""]

if any(p == "hugo" for p, _ in peers):
    out += ["## Cold builds beside Hugo (same corpus, same run)", "",
            "Wall time is what the targets are stated in; on a loaded machine the CPU time (user + system, mean per run)",
            "is the steadier measure of the work each tool does.", "",
            "| articles | Digest s | Hugo s | time ratio | Digest CPU s | Hugo CPU s | CPU ratio | Digest peak MB | Hugo peak MB | memory ratio | Digest output check |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for n in sorted({n for _, n in peers}):
        d, h = peers.get(("digest", n)), peers.get(("hugo", n))
        if not d or not h or d.get("failed") or h.get("failed"):
            out.append("| %d | %s | %s | | | | | | | | |" % (n, "failed" if d and d.get("failed") else "?", "failed" if h and h.get("failed") else "?"))
            continue
        dc, hc = d["user_s"] + d["system_s"], h["user_s"] + h["system_s"]
        out.append("| %d | %.2f | %.2f | **%.2f×** | %.2f | %.2f | %.2f× | %.0f | %.0f | **%.2f×** | %s |" % (
            n, d["median_s"], h["median_s"], d["median_s"] / h["median_s"], dc, hc, dc / hc, d["peak_rss_mb"], h["peak_rss_mb"],
            d["peak_rss_mb"] / h["peak_rss_mb"], "ok" if d["ok"] else "; ".join(d["problems"])))
    out += ["", "Versions: " + ", ".join(sorted({r["version"] for r in peers.values()})) + ".", ""]

if sizes:
    out += ["## Digest: cold, nothing changed, one article edited", "",
            "Digest's own runs on the same corpora (`.digest-cache/` removed before each cold run).", "",
            "| articles | cold s | nothing changed s | ratio to cold | one edit s | peak MB cold | peak MB nothing changed |",
            "|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        r = hyperfine(os.path.join(results, "digest-%d.json" % n))
        cold, same = median(r["cold"]), median(r["unchanged"])
        edit = "%.2f" % median(r["edit"]) if "edit" in r else "—"
        out.append("| %d | %.2f | %.2f | %.2f× | %s | %s | %s |" % (
            n, cold, same, same / cold, edit,
            "%.0f" % rss_mb(os.path.join(results, "digest-%d-cold.time" % n)) if rss_mb(os.path.join(results, "digest-%d-cold.time" % n)) else "?",
            "%.0f" % rss_mb(os.path.join(results, "digest-%d-unchanged.time" % n)) if rss_mb(os.path.join(results, "digest-%d-unchanged.time" % n)) else "?"))
    if 100000 in sizes and 10000 in sizes:
        big = median(hyperfine(os.path.join(results, "digest-100000.json"))["cold"])
        ten = median(hyperfine(os.path.join(results, "digest-10000.json"))["cold"])
        out += ["", "100,000 articles took %.1f× Digest's 10,000-article time." % (big / ten)]
    out.append("")

for f in sorted(glob.glob(os.path.join(results, "session-edit-*.txt")), key=lambda f: int(re.search(r"(\d+)\.txt$", f).group(1))):
    n = int(re.search(r"(\d+)\.txt$", f).group(1))
    last = open(f).read().strip().splitlines()[-1]
    out += ["The preview's case (`bench/session-edit.sh %d`: one `BuildSession` kept in memory, one article edited, every "
            "affected page on disk), %d articles: %s." % (n, n, last), ""]

for f in sorted(glob.glob(os.path.join(results, "preview-latency-*.txt")), key=lambda f: int(re.search(r"(\d+)\.txt$", f).group(1))):
    n = int(re.search(r"(\d+)\.txt$", f).group(1))
    lines = open(f).read().strip().splitlines()
    out += ["## The preview beside `hugo server` (`bench/preview-latency.sh %d`)" % n, "",
            "From the moment an edited article is saved to the moment every page it affects is served updated, for edits "
            "of thirteen kinds, with Hugo's server on the same corpus in the same run:", "", "```"]
    out += [l for l in lines if not l.startswith("wrote ")]
    out += ["```", ""]

sample = os.path.join(results, "sample.json")
if os.path.exists(sample):
    r = hyperfine(sample)["sample"]
    out += ["The sample digest of this repository (`digest build --no-cache`, output removed): median %.3f s per whole process." % median(r), ""]

# Chart: cold build time against article count, Digest and every peer measured.
series = {}
for (peer, n), row in peers.items():
    if not row.get("failed") and row.get("median_s"):
        series.setdefault(peer, {})[n] = row["median_s"]
for n in sizes:
    series.setdefault("digest", {}).setdefault(n, median(hyperfine(os.path.join(results, "digest-%d.json" % n))["cold"]))
if series:
    W, H, L, B, T, R = 640, 360, 60, 40, 20, 110
    xs = sorted({n for s in series.values() for n in s})
    ymax = max(v for s in series.values() for v in s.values()) * 1.1
    import math
    lx = lambda n: L + (math.log10(n) - math.log10(xs[0])) / max(1e-9, math.log10(xs[-1]) - math.log10(xs[0])) * (W - L - R) if len(xs) > 1 else L
    ly = lambda v: H - B - v / ymax * (H - B - T)
    colors = {"digest": "#c0392b", "hugo": "#2471a3", "eleventy": "#239b56", "jekyll": "#7d3c98"}
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">' % (W, H, W, H),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="14">Cold build time (s) against articles</text>' % L,
           '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (L, H - B, W - R, H - B),
           '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (L, T, L, H - B)]
    for n in xs:
        svg.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (lx(n), H - B + 16, "{:,}".format(n)))
    for k in range(6):
        v = ymax * k / 5
        svg.append('<text x="%d" y="%.1f" text-anchor="end">%.1f</text>' % (L - 6, ly(v) + 4, v))
        svg.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (L, ly(v), W - R, ly(v)))
    for i, (peer, points) in enumerate(sorted(series.items())):
        c = colors.get(peer, "#555")
        pts = " ".join("%.1f,%.1f" % (lx(n), ly(points[n])) for n in sorted(points))
        svg.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (c, pts))
        for n in sorted(points):
            svg.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s, %d articles: %.2f s</title></circle>' % (lx(n), ly(points[n]), c, peer, n, points[n]))
        svg.append('<text x="%d" y="%d" fill="%s">%s</text>' % (W - R + 10, T + 16 + 16 * i, c, peer))
    svg.append("</svg>")
    open(os.path.join(docs, "performance.svg"), "w").write("\n".join(svg) + "\n")
    out += ["![Cold build time against article count](performance.svg)", ""]

notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "runtime-settings.md")
if os.path.exists(notes):
    out += [open(notes).read().rstrip("\n"), ""]

out += ["## Reproduce", "", "```sh", "sudo apt-get install -y hyperfine time hugo   # hugo only for the side-by-side rows",
        "bench/run.sh 1000 4000 10000                  # add 100000 for the scale check (slow)", "```", "",
        "Where the time goes inside one build: `digest build --verbose` prints every stage (read, parse, model, render,",
        "write, …) with counts and milliseconds.", ""]
open(os.path.join(docs, "performance.md"), "w").write("\n".join(out))
print("\n".join(out))
