#!/usr/bin/env bash
# Digest's build benchmark: cold, nothing-changed and one-edit builds of synthetic digests, as whole processes,
# beside Hugo on the same corpus when the shared side-by-side bench is present; writes docs/performance.md.
#
# usage: bench/run.sh [N ...]          (default: 1000 4000 10000; add 100000 for the scale check)
# env:   RUNS=5          timed runs per case (hyperfine; one warm-up each)
#        PEERS="hugo"    peers for the shared run-bench.sh (needs SHARED_BENCH and the peer installed)
#        SHARED_BENCH    the shared side-by-side bench (default ../shared/bench beside the clone, if present)
#        NO_PUBLISH=1    reuse the Digest tool installed by an earlier run
# needs: .NET SDK, python3, hyperfine and GNU time (Debian: apt-get install -y hyperfine time; hugo for the peer)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
WORK=$HERE/work
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 4000 10000)
RUNS=${RUNS:-5}
SHARED_BENCH=${SHARED_BENCH:-$(cd "$REPO/../shared/bench" 2>/dev/null && pwd || true)}
[ -d "$SHARED_BENCH" ] || SHARED_BENCH=/work/shared/bench
[ -f "$SHARED_BENCH/run-bench.sh" ] || SHARED_BENCH=
export LC_ALL=C.UTF-8 LANG=C.UTF-8 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 QUIET_WAIT_S=${QUIET_WAIT_S:-30}
for tool in python3 hyperfine /usr/bin/time dotnet; do command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }; done
mkdir -p "$WORK/results"

# 1) Digest as users install it: the packed tool, with the runtime settings of src/Digest.Cli/Runtime.props.
if [ "${NO_PUBLISH:-0}" != 1 ] || [ ! -x "$WORK/tool/digest" ]; then
  rm -rf "$WORK/nupkg" "$WORK/tool"
  dotnet pack "$REPO/src/Digest.Cli" -c Release -o "$WORK/nupkg" >"$WORK/pack.log"
  # A commit between release tags packs a pre-release version (0.0.0-alpha.0.N), which the SDK installs only when asked.
  dotnet tool install --tool-path "$WORK/tool" --prerelease --add-source "$WORK/nupkg" Digest.Tool >>"$WORK/pack.log"
fi
export DIGEST=$WORK/tool/digest
echo "digest: $DIGEST ($($DIGEST --version))" >&2

# 2) The sample digest of this repository, cold (no output, no cache): start-up dominates.
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/results/sample.json" \
  --prepare "rm -rf '$WORK/sample-out'" -n sample "$DIGEST build --site '$REPO' --output '$WORK/sample-out' --quiet --no-cache" >&2

for N in "${SIZES[@]}"; do
  # 3) Hugo (and any other peer) beside Digest on the same corpus, by the shared bench, each output verified.
  if [ -n "$SHARED_BENCH" ] && [ "$N" -le 10000 ]; then
    rm -rf "$WORK/shared-bench/work/stage"
    mkdir -p "$WORK/shared-bench"
    cp -a "$SHARED_BENCH/." "$WORK/shared-bench/"   # the shared folder may be read-only; its work/ must not be
    chmod -R u+w "$WORK/shared-bench"
    DIGEST_CMD="$HERE/digest-bench-site.sh" DIGEST_VERSION="$($DIGEST --version)" \
      "$WORK/shared-bench/run-bench.sh" "$N" ${PEERS:-hugo} digest >&2 || echo "run-bench.sh $N failed" >&2
    cp "$WORK/shared-bench/work/results-$N.jsonl" "$WORK/results/peers-$N.jsonl" 2>/dev/null || true
    corpus=$WORK/shared-bench/work/corpus-$N
  else
    corpus=$WORK/corpus-$N
    if [ ! -f "$corpus/expected.json" ]; then
      python3 "${SHARED_BENCH:-$HERE}/gen-corpus.py" "$N" "$corpus" >&2
    fi
  fi

  # 4) Digest alone: cold (no output, no cache), nothing changed, and one article edited, each a whole process.
  site=$corpus/digest-site
  out=${OUT_ROOT:-/dev/shm}/digest-bench-own-$N
  KEEP_CACHE=1 DIGEST=true "$HERE/digest-bench-site.sh" "$corpus" "$out"   # writes the site folder only
  articles=("$corpus"/content/articles/*.md)
  edited=${articles[0]}
  cp "$edited" "$WORK/edited.md.orig"
  build="$DIGEST build --site '$site' --output '$out' --quiet"
  timed() { echo "/usr/bin/time -v -o '$WORK/results/digest-$N-$1.time' $build"; }   # peak RSS of the last run
  if [ "$N" -le 10000 ]; then
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/results/digest-$N.json" \
      --prepare "rm -rf '$out' '$site/.digest-cache'" -n cold "$(timed cold)" \
      --prepare "true" -n unchanged "$(timed unchanged)" \
      --prepare "echo 'One more line.' >> '$edited'" -n edit "$(timed edit)" >&2
  else  # the scale check: one run each, after the corpus is read once (as the smaller sizes' warm-up runs do), so that
        # it is compared with them on warm files, not on a disk read of the whole corpus
    find "$corpus/content/articles" -name '*.md' -exec cat {} + >/dev/null
    hyperfine --style basic --warmup 0 --runs 1 --export-json "$WORK/results/digest-$N.json" \
      --prepare "rm -rf '$out' '$site/.digest-cache'" -n cold "$(timed cold)" \
      --prepare "true" -n unchanged "$(timed unchanged)" >&2
  fi
  cp "$WORK/edited.md.orig" "$edited"
  rm -rf "$out"
done

python3 "$HERE/report.py" "$WORK/results" "$REPO/docs"
