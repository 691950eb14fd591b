// `npm test`: runs every *.test.mjs (or those named: `npm test -- time.test.mjs`) with node's test runner and the
// Chromium that chromium.mjs finds. Without one, the suite is skipped with
// one line that says how to run it (exit 0), unless
// ALLCLEAR_BROWSER_TESTS=required (CI), which makes it fail (exit 1).

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { HOW, findChromium, required } from './chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
let chromium;
try {
  chromium = findChromium();
} catch (e) {
  console.error(`browser tests: ${e.message}`);
  process.exit(1);
}
if (!chromium) {
  if (required()) {
    console.error(`browser tests: no Chromium found, and ALLCLEAR_BROWSER_TESTS=required: ${HOW}`);
    process.exit(1);
  }
  console.log(`browser tests skipped: no Chromium found (looked at $CHROMIUM and PATH); to run them, ${HOW}`);
  process.exit(0);
}
// `npm test -- time.test.mjs` runs the files named; `npm test`, all of them.
const named = process.argv.slice(2);
const files = named.length
  ? named
  : readdirSync(here)
      .filter((f) => f.endsWith('.test.mjs'))
      .sort();
const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], {
  cwd: here,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM: chromium },
});
process.exit(run.status ?? 1);
