#!/usr/bin/env bash
# DIGEST_CMD for run-bench.sh: builds a bench corpus with Digest configured to the peers' pages.
# usage: digest-bench-site.sh INPUT_DIR OUTPUT_DIR   (INPUT_DIR holds content/articles/*.md)
# env: DIGEST (the digest command to run; default: `digest` on PATH), DIGEST_ARGS (extra build options)
set -euo pipefail
if [ "${1:-}" = "--version" ]; then exec ${DIGEST:-digest} --version; fi
corpus=$(cd "${1:?usage: digest-bench-site.sh INPUT_DIR OUTPUT_DIR}" && pwd)
output=${2:?usage: digest-bench-site.sh INPUT_DIR OUTPUT_DIR}
# The site folder: digest.yml beside input/, which links to the corpus' articles (made once, not timed twice).
site=$corpus/digest-site
if [ ! -f "$site/digest.yml" ]; then
  mkdir -p "$site/input"
  ln -sfn "$corpus/content/articles" "$site/input/articles"
  cat > "$site/digest.yml" <<'YML'
title: Bench digest
base_url: http://localhost/
permalink: /articles/{filename}/
page_size: 20
feed_size: 20
archives: false
term_feeds: false
YML
fi
exec ${DIGEST:-digest} build --site "$site" --output "$output" --quiet ${DIGEST_ARGS:-}
