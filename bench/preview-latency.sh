#!/usr/bin/env bash
# Preview latency benchmark (issue 3): on an N-article corpus, from the moment an edited article is saved to the
# moment every page it affects is served updated by `digest preview`, for edits of different kinds; the time to the
# first page against a cold `digest build`; and, in the same run, Hugo's `hugo server` on the same corpus.
#
# usage: bench/preview-latency.sh [N] [HUGO_EDITS]      (defaults: 10000 articles, 5 Hugo edits per mode)
# Needs python3; Hugo's part needs `hugo` (apt-get install -y hugo) and ../shared/bench (skipped without them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-10000}
K=${2:-5}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
[ -d "$SHARED" ] || SHARED=/work/shared/bench
WORK=$ROOT/bench/work
mkdir -p "$WORK"
CORPUS=$WORK/corpus-$N
if [ ! -f "$CORPUS/expected.json" ]; then
  if [ -f "$SHARED/work/corpus-$N/expected.json" ]; then CORPUS=$SHARED/work/corpus-$N
  else python3 "$SHARED/gen-corpus.py" "$N" "$CORPUS"; fi
fi

# Digest as users install it (bench/run.sh installs it under bench/work/tool), else a Release build of this clone.
DIGEST=${DIGEST:-$WORK/tool/digest}
if [ ! -x "$DIGEST" ]; then
  dotnet build "$ROOT/src/Digest.Cli" -c Release -o "$WORK/digest-release" --nologo -v quiet >/dev/null
  DIGEST=$WORK/digest-release/Digest.Cli
fi
# Everything printed is also kept for report.py, which puts it into docs/performance.md.
mkdir -p "$WORK/results"
exec > >(tee "$WORK/results/preview-latency-$N.txt")
echo "== digest preview, N=$N ($DIGEST)"
python3 "$ROOT/bench/preview_latency.py" --digest "$DIGEST" --corpus "$CORPUS"

if command -v hugo >/dev/null && [ -x "$SHARED/hugo-incremental.sh" ]; then
  echo "== hugo server, N=$N (same run)"
  "$SHARED/hugo-incremental.sh" "$N" "$K"
else
  echo "== hugo server skipped: needs hugo and $SHARED/hugo-incremental.sh"
fi
