// Issue 12, items 1 and 3, in the browser: between builds, the page's script
// marks a promised update overdue at its minute, says the page is out of date
// once it is older than the site allows (with or without an incident), marks
// the days after the build as having no data, moves the uptime bars on to
// the real day, and keeps "so far" durations ticking while the page is open.
//
// The clock is installed before navigation (page.clock.install) and moved
// with page.clock.runFor, which also fires the page's timers.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BUILD_NOW, HERE, PAGES, unpinnedExample, axeSource, errorsMessage, eventually, externalMessage, setup, startServer } from './lib.mjs';

let env;
// The example site with its one ongoing incident resolved at 14:50Z: a
// page with no incident open, built at BUILD_NOW.
let quiet;
before(async () => {
  env = await setup();
  const dir = env.tempDir('allclear-quiet-');
  const site = join(dir, 'site');
  unpinnedExample(site);
  const file = join(site, 'incidents/2026/11/2026-11-20-api-errors.md');
  const md = readFileSync(file, 'utf8').replace(
    '    next_update: 2026-11-20T15:30:00Z\n---',
    '    next_update: 2026-11-20T15:30:00Z\n  - at: 2026-11-20T14:50:00Z\n    status: resolved\n    message: Fixed.\n---',
  );
  assert.notEqual(md, readFileSync(file, 'utf8'), 'the fixture edit applies');
  writeFileSync(file, md);
  const r = spawnSync('cargo', ['run', '--quiet', '--', 'build', site, '--now', BUILD_NOW, '--out', join(dir, 'out')], {
    cwd: HERE,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, `building the quiet site failed:\n${r.stderr}`);
  quiet = await startServer({ root: join(dir, 'out') });
});
after(async () => {
  await quiet?.close();
  await env?.close();
});

/** Opens `path` of `origin` with the browser clock installed at `clock`. */
async function openAt(clock, path, origin = env.origin) {
  const p = await env.newPage({ clock: null });
  await p.page.clock.install({ time: new Date(clock) });
  const res = await p.page.goto(origin + path);
  assert.equal(res.status(), 200, `GET ${path}`);
  return p;
}

async function done(p) {
  await env.closeContext(p.context);
  assert.deepEqual(p.errors, [], errorsMessage(p));
  assert.deepEqual(p.external, [], externalMessage(p));
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** [{overdue, text, time}] of every promise of a next update on the page. */
async function promises(page) {
  const found = await page.evaluate(() =>
    [...document.querySelectorAll('[data-promise]')].map((e) => ({
      overdue: e.classList.contains('overdue'),
      text: e.textContent,
      time: e.querySelector('time')?.textContent ?? null,
    })),
  );
  assert.ok(found.length > 0, 'the page shows no promise of a next update');
  return found.map((f) => ({ ...f, text: squash(f.text) }));
}

async function staleText(page) {
  const stale = page.locator('#allclear-stale');
  const n = await stale.count();
  if (n === 0) return null;
  assert.equal(n, 1, 'one #allclear-stale');
  assert.ok(await stale.isVisible(), '#allclear-stale is not visible');
  return squash(await stale.innerText());
}

test('an open page marks the promise overdue when 15:30Z passes, and says by how long', { timeout: 60_000 }, async () => {
  const p = await openAt('2026-11-20T15:29:00Z', PAGES.index);
  for (const f of await promises(p.page)) {
    assert.equal(f.overdue, false, `at 15:29Z: ${f.text}`);
    assert.match(f.text, /^Next update expected by /, f.text);
  }
  await p.page.clock.runFor(2 * 60_000);
  await eventually(async () => {
    for (const f of await promises(p.page)) {
      assert.equal(f.overdue, true, `at 15:31Z: ${f.text}`);
      assert.match(f.text, /^Next update was expected by .+ \(1 minute ago\)$/, f.text);
      // The promised time stays a clock time, in the viewer's zone, on
      // the 24-hour clock the build writes English times in.
      assert.match(f.time, /\b16:30\b/, `the promised time reads "${f.time}"`);
    }
  });
  await done(p);
});

test('loaded at 15:45Z, the incident page says its promise is 15 minutes overdue, as a visible warning', { timeout: 60_000 }, async () => {
  const p = await openAt('2026-11-20T15:45:00Z', PAGES.incident);
  const [f] = await promises(p.page);
  assert.equal(f.overdue, true, f.text);
  assert.match(f.text, /^Next update was expected by .*\b16:30\b.* \(15 minutes ago\)$/, f.text);
  const style = await p.page.locator('[data-promise]').first().evaluate((e) => {
    const s = getComputedStyle(e);
    return { border: s.borderLeftStyle, width: s.borderLeftWidth };
  });
  assert.deepEqual(style, { border: 'solid', width: '4px' }, 'the overdue promise is set off as a warning');
  await done(p);
});

test('"so far" ticks while the page is open', { timeout: 60_000 }, async () => {
  // The build, at 15:00Z, wrote "57 min so far" (the incident began 14:03Z).
  const p = await openAt('2026-11-20T15:05:00Z', PAGES.incident);
  const soFar = () => p.page.locator('[data-since]').first().innerText();
  await eventually(async () => assert.equal(await soFar(), '1 h 02 min'));
  await p.page.clock.runFor(3 * 60_000);
  await eventually(async () => assert.equal(await soFar(), '1 h 05 min'));
  await p.page.clock.runFor(2 * 24 * 3600_000);
  await eventually(async () => assert.equal(await soFar(), '2 d 1 h'));
  await done(p);
});

test('during an incident, ten days on, the notice reads "10 days ago", not hours', { timeout: 60_000 }, async () => {
  const p = await openAt('2026-11-30T15:00:00Z', PAGES.index);
  const text = await staleText(p.page);
  assert.ok(text, 'there is no #allclear-stale notice');
  assert.match(text, /last updated 10 days ago, during an incident/, text);
  await done(p);
});

test('with no incident, the page says nothing within its 36 hours, then says it is out of date', { timeout: 60_000 }, async () => {
  const p = await openAt('2026-11-22T02:00:00Z', PAGES.index, quiet.origin);
  assert.equal(await staleText(p.page), null, 'a notice 35 hours after the build');
  // An hour later, still open: the timer puts the notice up.
  await p.page.clock.runFor(3600_000);
  await eventually(async () => {
    const text = await staleText(p.page);
    assert.ok(text, 'no #allclear-stale 36 hours after the build');
    assert.match(text, /^This page was last updated 36 hours ago\. It may be out of date/, text);
    assert.doesNotMatch(text, /incident/, text);
  });
  await done(p);
});

test('three days on, the days after the build have no data and the uptime bars end on the real today', { timeout: 60_000 }, async () => {
  const p = await openAt('2026-11-23T10:00:00Z', PAGES.index, quiet.origin);
  const text = await staleText(p.page);
  assert.match(text ?? '', /last updated 3 days ago\./, `#allclear-stale reads "${text}"`);

  // Past incidents: today and the two days before it began after the build.
  const days = await p.page.evaluate(() =>
    [...document.querySelectorAll('.day[data-day]')].map((d) => [d.dataset.day, d.querySelector('.day__quiet')?.textContent ?? '']),
  );
  assert.deepEqual(days.slice(0, 4).map((d) => d[0]), ['2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20']);
  for (const [day, quiet] of days.slice(0, 3)) {
    assert.equal(quiet, 'No data: this page was built before this day.', day);
  }
  for (const [day, quiet] of days.slice(3)) {
    assert.notEqual(quiet, 'No data: this page was built before this day.', day);
  }

  // Uptime bars: as many cells as before, the last three "no data", the
  // last one today (the legend's "Today"), as its tooltip says.
  const bar = p.page.locator('[data-component="api"] .uptime__bar');
  const cells = await bar.evaluate((b) => [...b.children].map((c) => c.className));
  assert.equal(cells.length, 90);
  assert.deepEqual(cells.slice(-3), ['nodata', 'nodata', 'nodata']);
  assert.notEqual(cells.at(-4), 'nodata', 'the build day keeps its data');
  await bar.locator(':scope > *').last().hover();
  const title = await bar.locator(':scope > *').last().getAttribute('title');
  assert.equal(title, 'Nov 23, 2026: no data');
  await p.page.clock.runFor(30_000);
  assert.equal((await bar.evaluate((b) => b.children.length)), 90, 'a tick does not move the bar again');
  await done(p);
});

for (const scheme of ['light', 'dark']) {
  test(`axe (WCAG 2.1 A, AA) on pages three days after their build (overdue promise, stale notice, flipped cards), ${scheme} mode`, { timeout: 90_000 }, async () => {
    for (const path of [PAGES.index, PAGES.incident]) {
      const p = await env.newPage({ clock: '2026-11-23T15:45:00Z', colorScheme: scheme });
      const res = await p.page.goto(env.origin + path);
      assert.equal(res.status(), 200);
      assert.ok(await p.page.locator('#allclear-stale').isVisible(), `${path}: no stale notice`);
      assert.ok(await p.page.locator('.overdue').first().isVisible(), `${path}: no overdue promise`);
      await p.page.evaluate(axeSource());
      const { violations } = await p.page.evaluate(() =>
        // The whole page, as the script left it three days on: the stale
        // notice, the overdue promise, the no-data days and the cards the
        // clock completed.
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }),
      );
      const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(summary, [], `${path} (${scheme})`);
      await done(p);
    }
  });
}
