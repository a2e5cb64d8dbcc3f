#!/usr/bin/env bash
# What search costs (issue 20) on a bench corpus: builds with search off and on, cold (no output, no cache), with
# nothing changed, and with one article edited, each a whole process; the time of the build's "search index" stage
# (Pagefind, from --verbose) and the size of the index it made. Pagefind is the repository's (npm ci).
#
# usage: bench/search.sh CORPUS_DIR    (CORPUS_DIR holds content/articles/*.md: gen-corpus.py N CORPUS_DIR makes one)
# env:   DIGEST   the digest command (default: digest on PATH); RUNS=3 runs per case
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
corpus=$(cd "${1:?usage: bench/search.sh CORPUS_DIR}" && pwd)
DIGEST=${DIGEST:-digest}
RUNS=${RUNS:-3}
[ -x "$REPO/node_modules/.bin/pagefind" ] || { echo "Pagefind is missing: run npm ci in $REPO" >&2; exit 2; }
articles=("$corpus"/content/articles/*.md)
edited=${articles[${#articles[@]} / 2]}
cp "$edited" "$corpus/edited.md.orig"
trap 'cp "$corpus/edited.md.orig" "$edited"' EXIT

for search in false true; do
  site=$corpus/search-$search
  out=${OUT_ROOT:-/dev/shm}/digest-search-$search
  mkdir -p "$site/input"
  ln -sfn "$corpus/content/articles" "$site/input/articles"
  ln -sfn "$REPO/node_modules" "$site/node_modules"
  { cat "$HERE/bench-site.yml"; echo "search: $search"; } >"$site/digest.yml"
  build="$DIGEST build --site '$site' --output '$out' --quiet"
  hyperfine --style basic --runs "$RUNS" --prepare "rm -rf '$out' '$site/.digest-cache'" -n "cold, search: $search" "$build"
  hyperfine --style basic --runs "$RUNS" -n "nothing changed, search: $search" "$build"
  hyperfine --style basic --runs "$RUNS" --prepare "echo 'One more line with the word zarvandian.' >>'$edited'" -n "one article edited, search: $search" "$build"
  if [ "$search" = true ]; then
    echo 'One more line with the word zarvandian.' >>"$edited"
    $DIGEST build --site "$site" --output "$out" --verbose | grep -E '^(search index|render|total) '
    echo "index: $(find "$out/pagefind" -type f | wc -l) files, $(du -sh --apparent-size "$out/pagefind" | cut -f1) ($(du -sh --apparent-size "$out/pagefind/fragment" | cut -f1) fragments, $(du -sh --apparent-size "$out/pagefind/index" | cut -f1) index chunks); whole site $(du -sh --apparent-size "$out" | cut -f1)"
  fi
done
