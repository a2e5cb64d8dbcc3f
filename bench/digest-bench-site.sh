#!/usr/bin/env bash
# DIGEST_CMD for the shared run-bench.sh: builds a bench corpus with Digest set up to make the same pages as the
# peers (verify.py's URL scheme: /articles/<file-stem>/, 20 per page, no archives, no per-term feeds).
# usage: digest-bench-site.sh INPUT_DIR OUTPUT_DIR     (INPUT_DIR holds content/articles/*.md)
# env:   DIGEST       the digest command (default: `digest` on PATH)
#        DIGEST_ARGS  more `digest build` options
#        KEEP_CACHE=1 keep .digest-cache/ between runs (default: removed first, so every run is cold like the peers')
set -euo pipefail
if [ "${1:-}" = "--version" ]; then exec ${DIGEST:-digest} --version; fi
corpus=$(cd "${1:?usage: digest-bench-site.sh INPUT_DIR OUTPUT_DIR}" && pwd)
output=${2:?usage: digest-bench-site.sh INPUT_DIR OUTPUT_DIR}
# The site: digest.yml beside input/articles, a link to the corpus' articles (made once).
site=$corpus/digest-site
if [ ! -L "$site/input/articles" ]; then
  mkdir -p "$site/input"
  ln -sfn "$corpus/content/articles" "$site/input/articles"
fi
# Copied whenever it differs, so a site made by an older bench gets new settings (follow_links_outside) too.
cmp -s "$(dirname "$0")/bench-site.yml" "$site/digest.yml" || cp "$(dirname "$0")/bench-site.yml" "$site/digest.yml"
[ "${KEEP_CACHE:-0}" = 1 ] || rm -rf "$site/.digest-cache"
exec ${DIGEST:-digest} build --site "$site" --output "$output" --quiet ${DIGEST_ARGS:-}
