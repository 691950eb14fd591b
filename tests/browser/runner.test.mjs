// The runner (run.mjs) and the Chromium lookup (chromium.mjs): on a machine
// without Chromium `npm test` passes with one line saying the suite was
// skipped and how to run it; with ALLCLEAR_BROWSER_TESTS=required it fails.
// Fake executables in temporary folders stand in for Chromium; nothing here
// launches a browser.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { HERE } from './lib.mjs';
import { findChromium } from './chromium.mjs';

const dirs = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'allclear-runner-'));
  dirs.push(dir);
  return dir;
}
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function fakeExecutable(dir, name) {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
  return path;
}

/** run.mjs with an empty folder as PATH, so no Chromium (it runs node by its path). */
function runWithout(extraEnv) {
  const env = { PATH: tempDir(), ...extraEnv };
  return spawnSync(process.execPath, [join(HERE, 'run.mjs')], { env, encoding: 'utf8' });
}

test('CHROMIUM names the browser; otherwise PATH is searched', () => {
  const dir = tempDir();
  const browser = fakeExecutable(dir, 'chromium-browser');
  assert.equal(findChromium({ PATH: `/nonexistent:${dir}` }), browser);
  const named = fakeExecutable(tempDir(), 'my-chrome');
  assert.equal(findChromium({ CHROMIUM: named, PATH: dir }), named);
  assert.throws(() => findChromium({ CHROMIUM: join(dir, 'missing') }), /is not an executable file/);
});

test('without Chromium the suite is skipped with one line, or fails when required', () => {
  const skipped = runWithout({});
  assert.equal(skipped.status, 0, skipped.stderr);
  const lines = skipped.stdout.trim().split('\n');
  assert.equal(lines.length, 1, skipped.stdout);
  assert.match(lines[0], /^browser tests skipped: no Chromium found .*set CHROMIUM=/);

  const failed = runWithout({ ALLCLEAR_BROWSER_TESTS: 'required' });
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /no Chromium found, and ALLCLEAR_BROWSER_TESTS=required/);
});
