#!/usr/bin/env bash
# Fuzzes one part of Digest with afl-fuzz for a set time (issue 15 point 9).
#
#   fuzz/run.sh [front-matter|markdown|settings] [seconds]     default: front-matter 300
#
# Installs what it needs on a fresh Debian machine (afl++ through apt-get, SharpFuzz.CommandLine as a local .NET tool),
# publishes fuzz/Digest.Fuzz, instruments Digest.dll, YamlDotNet.dll and Markdig.dll with sharpfuzz, and runs afl-fuzz
# from the seeds in fuzz/corpus/<target>/. Findings go to fuzz/findings/<target>/ (not committed); each crash there
# is an input to replay and turn into a test (CONTRIBUTING.md, "Fuzzing").
set -euo pipefail

target="${1:-front-matter}"
seconds="${2:-300}"
case "$target" in
  front-matter|markdown|settings) ;;
  *) echo "usage: $0 [front-matter|markdown|settings] [seconds]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/fuzz"
out="$fuzz/out"
tools="$fuzz/.tools"
findings="$fuzz/findings/$target"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v afl-fuzz >/dev/null; then
  sudo_if_needed apt-get update
  sudo_if_needed apt-get install -y afl++
fi

if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

# A fresh publish each run: sharpfuzz instruments in place and refuses an assembly it has already instrumented.
rm -rf "$out"
dotnet publish "$fuzz/Digest.Fuzz/Digest.Fuzz.csproj" -c Release -o "$out" --nologo -v quiet
for assembly in Digest.dll YamlDotNet.dll Markdig.dll; do
  "$tools/sharpfuzz" "$out/$assembly"
done

mkdir -p "$findings"
# Resume when findings of an earlier run exist ("-i -"), else start from the seeds.
input="$fuzz/corpus/$target"
if [ -d "$findings/default/queue" ]; then input="-"; fi

# SharpFuzz's fork server is a .NET program, not a binary afl built: skip afl's checks of the binary, and of the
# machine's CPU governor and core pattern, which a shared or containerised machine may not let us change.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
export AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000
status=0
timeout --signal=INT "$((seconds + 30))" \
  afl-fuzz -V "$seconds" -i "$input" -o "$findings" -t 10000 -m none -- dotnet "$out/Digest.Fuzz.dll" "$target" \
  > "$findings/afl.log" 2>&1 || status=$?

stats="$findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "afl-fuzz did not start (exit $status); the end of $findings/afl.log:" >&2
  tail -n 30 "$findings/afl.log" >&2
  exit 1
fi

value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "target:     $target"
echo "seconds:    $(value run_time)"
echo "executions: $(value execs_done) ($(value execs_per_sec)/s)"
echo "paths:      $(value corpus_count)"
echo "crashes:    $(value saved_crashes)"
echo "hangs:      $(value saved_hangs)"
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | sort)
if [ -n "$crashes" ]; then
  echo "crash inputs (replay: dotnet $out/Digest.Fuzz.dll $target < FILE):"
  echo "$crashes"
  exit 3
fi
