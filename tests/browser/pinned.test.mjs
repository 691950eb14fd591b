// The example site as the README's "Try it" builds it: `pin_browser_clock:
// true` in its site.yaml makes the page script take the build's time
// (2026-11-20 15:00 UTC) as the time, so a reader on any day sees the live
// API incident, the maintenance in progress and the past days, not a page
// hundreds of hours stale. The other browser tests use an unpinned copy
// (lib.mjs, unpinnedExample) since they move the clock.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BUILD_NOW, HERE, REPO, errorsMessage, externalMessage, setup, startServer } from './lib.mjs';

let env;
let pinned;
before(async () => {
  env = await setup();
  const out = join(env.tempDir('allclear-pinned-'), 'site');
  const site = join(REPO, 'example-site');
  const r = spawnSync('cargo', ['run', '--quiet', '--', 'build', site, '--now', BUILD_NOW, '--out', out], { cwd: HERE, encoding: 'utf8' });
  assert.equal(r.status, 0, `building the example failed:\n${r.stderr}`);
  pinned = await startServer({ root: out });
});
after(async () => {
  await pinned?.close();
  await env?.close();
});

/** The status page's visible text with the browser's clock at `clock` (null: the real clock). */
async function textAt(origin, clock) {
  const p = await env.newPage({ clock });
  try {
    const res = await p.page.goto(origin + '/', { waitUntil: 'load' });
    assert.equal(res.status(), 200);
    await p.page.waitForFunction(() => document.querySelector('#main time')?.title);
    return await p.page.evaluate(() => document.body.innerText);
  } finally {
    await env.closeContext(p.context);
    assert.deepEqual(p.errors, [], errorsMessage(p));
    assert.deepEqual(p.external, [], externalMessage(p));
  }
}

test('the pinned example reads the same months after its build as at its build time', { timeout: 120_000 }, async () => {
  const atBuild = await textAt(pinned.origin, BUILD_NOW);
  assert.match(atBuild, /Maintenance in progress/);
  assert.match(atBuild, /Past incidents/);
  for (const clock of ['2027-03-01T09:00:00Z', null]) {
    const later = await textAt(pinned.origin, clock);
    assert.equal(later, atBuild, `at ${clock ?? 'the real clock'} the pinned page changed`);
  }
  // The unpinned copy the other tests use does move on: the pin is what
  // keeps the example still.
  const unpinned = await textAt(env.origin, '2027-03-01T09:00:00Z');
  assert.notEqual(unpinned, atBuild);
});
