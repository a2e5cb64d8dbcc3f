#!/usr/bin/env bash
# Lighthouse scores of the sample digest (issue 19): builds it, serves it under its base path as GitHub Pages would
# (http://127.0.0.1:PORT/digest/), runs Lighthouse (npm lighthouse, pinned in package.json: run `npm ci` first) with
# Debian's Chromium on the home page, an article and a tag page, and prints the four category scores of each.
# Each page is measured LIGHTHOUSE_RUNS times (default 3) and each score is the median, as Lighthouse's docs advise:
# the performance score moves with the machine's load. Exits 1 when a median is below 95, listing the audits that cost
# points in the run with the median performance score.
#
#   bench/lighthouse.sh [PORT]        (default 5191; LIGHTHOUSE_KEEP=1 keeps the work folder and its JSON reports)
set -euo pipefail
cd "$(dirname "$0")/.."

port="${1:-5191}"
runs="${LIGHTHOUSE_RUNS:-3}"
minimum=95
chrome="${CHROME_PATH:-/usr/bin/chromium}"
lighthouse=node_modules/.bin/lighthouse
pages=(
  ""                                                             # home
  "2026/11/03/gyumri-rail-link-reopens-after-two-year-rebuild/"   # an article
  "tags/rail/"                                                   # a tag page
)

[ -x "$lighthouse" ] || { echo "lighthouse.sh: $lighthouse is missing: run 'npm ci' first." >&2; exit 2; }
[ -x "$chrome" ] || { echo "lighthouse.sh: $chrome is missing: apt-get install -y chromium (never a browser download)." >&2; exit 2; }

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ "${LIGHTHOUSE_KEEP:-0}" = 1 ]; then echo "reports kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

base="http://127.0.0.1:$port/digest/"
# --future: the whole sample whatever today's date; the base URL makes canonical links and feeds point at this server.
mkdir -p "$work/root"
dotnet run -c Release --project src/Digest.Cli -- build --quiet --future --base-url "$base" --output "$work/root/digest"

# A plain static server over a folder holding the site as digest/: the same paths as on GitHub Pages.
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/root" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  curl -fsS -o /dev/null "$base" 2>/dev/null && break
  sleep 0.2
done
curl -fsS -o /dev/null "$base" || { echo "lighthouse.sh: the server did not answer at $base" >&2; cat "$work/server.log" >&2; exit 2; }

status=0
printf '%-70s %11s %13s %14s %4s\n' page performance accessibility best-practices seo
for page in "${pages[@]}"; do
  reports=()
  for run in $(seq "$runs"); do
    report="$work/report-$(echo "${page:-home}" | tr '/' '_')-$run.json"
    CHROME_PATH="$chrome" "$lighthouse" "$base$page" --quiet --output=json --output-path="$report" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
    reports+=("$report")
  done
  node - "$minimum" "/digest/$page" "${reports[@]}" <<'JS' || status=1
const [minimum, name, ...reports] = process.argv.slice(2);
const ids = ["performance", "accessibility", "best-practices", "seo"];
const runs = reports.map(r => JSON.parse(require("fs").readFileSync(r, "utf8")));
const score = (lhr, id) => Math.round(lhr.categories[id].score * 100);
const median = values => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const scores = ids.map(id => median(runs.map(lhr => score(lhr, id))));
console.log(name.padEnd(70), ...scores.map((s, i) => String(s).padStart([11, 13, 14, 4][i])),
  runs.length > 1 ? `  (performance of each run: ${runs.map(lhr => score(lhr, "performance")).join(", ")})` : "");
const lhr = runs.find(r => score(r, "performance") === scores[0]);
let low = false;
for (const [i, id] of ids.entries()) {
  if (scores[i] >= Number(minimum)) continue;
  low = true;
  // The audits that cost this category points, with the elements they name.
  for (const ref of lhr.categories[id].auditRefs.filter(r => r.weight > 0)) {
    const audit = lhr.audits[ref.id];
    if (audit.score === null || audit.score >= 0.9) continue;
    const items = (audit.details?.items ?? []).map(item => item.node?.snippet ?? item.url ?? item.source?.url ?? "").filter(Boolean);
    console.log(`  ${id}: ${audit.id} (score ${audit.score}${audit.displayValue ? ", " + audit.displayValue : ""})${items.length ? ": " + items.slice(0, 5).join(" ") : ""}`);
  }
}
if (lhr.environment.benchmarkIndex < 1000) {
  console.log(`  (this machine's CPU benchmark index was ${Math.round(lhr.environment.benchmarkIndex)}: Lighthouse expects over 1000, so performance reads low on a loaded machine)`);
}
process.exit(low ? 1 : 0);
JS
done

[ "$status" = 0 ] && echo "every score is at least $minimum" || echo "a score is below $minimum (audits above)"
exit "$status"
