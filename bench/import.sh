#!/usr/bin/env bash
# The import benchmark (issue 18): the 2,225 BBC stories of ../shared/corpus/bbc written as wire texts in five shapes
# (with second copies of some), imported into an empty site, then built; prints how long the import and the build took
# and the per-field accuracy of what was imported (bench/import_batch.py).
#
# usage: bench/import.sh
# env:   DIGEST   the digest command (default: this repository's Release build, run with dotnet)
#        CORPUS   the BBC corpus (default: ../shared/corpus/bbc beside the clone, or /work/shared/corpus/bbc)
# needs: .NET SDK, python3 with python3-yaml (Debian: apt-get install -y python3-yaml)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
WORK=$HERE/work/import
CORPUS=${CORPUS:-$(cd "$REPO/../shared/corpus/bbc" 2>/dev/null && pwd || echo /work/shared/corpus/bbc)}
if [ ! -d "$CORPUS" ]; then
  echo "bench/import.sh: no BBC corpus at $CORPUS (it comes with ../shared); nothing to measure." >&2
  exit 0
fi
export LC_ALL=C.UTF-8 LANG=C.UTF-8 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -z "${DIGEST:-}" ]; then
  dotnet build "$REPO/src/Digest.Cli" -c Release -v q >/dev/null
  DIGEST="dotnet $REPO/src/Digest.Cli/bin/Release/net10.0/Digest.Cli.dll"
fi

rm -rf "$WORK" && mkdir -p "$WORK/site/input"
printf 'title: BBC import bench\nbase_url: https://bench.example/\ntime_zone: Europe/London\n' > "$WORK/site/digest.yml"
python3 "$HERE/import_batch.py" generate "$CORPUS" "$WORK"

seconds() { python3 -c 'import sys, time; print(f"{time.time() - float(sys.argv[1]):.2f}")' "$1"; }
start=$(python3 -c 'import time; print(time.time())')
status=0
$DIGEST import --site "$WORK/site" "$WORK/batch" >"$WORK/import.out" 2>"$WORK/import.err" || status=$?
echo "import: $(seconds "$start") s (exit $status): $(tail -n 1 "$WORK/import.out")"

start=$(python3 -c 'import time; print(time.time())')
$DIGEST build --site "$WORK/site" --quiet --no-cache
echo "build:  $(seconds "$start") s, $(find "$WORK/site/input/articles" -name '*.md' | wc -l) articles"

python3 "$HERE/import_batch.py" score "$WORK" "$WORK/site" "$WORK/import.out" "$WORK/import.err"
