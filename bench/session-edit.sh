#!/usr/bin/env bash
# The preview's case: one BuildSession kept in memory, one article edited, every affected page on disk: median ms.
# usage: bench/session-edit.sh N [EDITS]    (a corpus of N articles, made like bench/run.sh's)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
N=${1:?usage: session-edit.sh N [EDITS]}
corpus=$HERE/work/corpus-$N
[ -f "$corpus/expected.json" ] || python3 "$HERE/gen-corpus.py" "$N" "$corpus" >&2
KEEP_CACHE=1 DIGEST=true "$HERE/digest-bench-site.sh" "$corpus" /dev/null   # writes the site folder only
dotnet run -c Release --project "$HERE/SessionEdit" -- "$corpus/digest-site" "${OUT_ROOT:-/dev/shm}/digest-session-$N" "${2:-10}"
