// Issue 12, item 2: when the script flips a maintenance (its window opens or
// closes after the build), the card moves to the heading its state belongs
// to, as a build at that time would place it; sections left empty go, the
// latest update reads as the clock's step, and window times stay clock times.
//
// The reference is the build itself: the example site is rebuilt at each
// clock below (`allclear build --now T`) and the old page, read at T, must
// show the same sections and cards as the rebuilt one.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { HERE, errorsMessage, eventually, externalMessage, open, setup, startServer, unpinnedExample } from './lib.mjs';

const DB = '2026-12-01-database-upgrade';
const SEARCH = '2026-11-20-search-index-migration';

let env;
const rebuilt = new Map(); // clock -> server of the site built at that clock
before(async () => {
  env = await setup();
});
after(async () => {
  for (const s of rebuilt.values()) await s.close();
  await env?.close();
});

/** A server of the example site built at `now`. */
async function builtAt(now) {
  if (!rebuilt.has(now)) {
    const dir = env.tempDir('allclear-flip-');
    const out = join(dir, 'site');
    const example = unpinnedExample(join(dir, 'example'));
    const r = spawnSync('cargo', ['run', '--quiet', '--', 'build', example, '--now', now, '--out', out], { cwd: HERE, encoding: 'utf8' });
    assert.equal(r.status, 0, `building at ${now} failed:\n${r.stderr}`);
    rebuilt.set(now, await startServer({ root: out }));
  }
  return rebuilt.get(now);
}

/**
 * What the index shows, after its script ran: each section (by its heading)

 * and past day (`day YYYY-MM-DD`, as the script keys it), with its cards: id, badge, latest update label and window
 * texts; and problems with the headings' accessibility.
 */
function readIndex(page) {
  return page.evaluate(() => {
    const text = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : null);
    const boxes = [...document.querySelectorAll('#main section.section, #main .day')].filter((b) => !b.querySelector('.day') && !b.classList.contains('subscribe'));
    const problems = [];
    for (const s of document.querySelectorAll('#main section[aria-labelledby]')) {
      const h = document.getElementById(s.getAttribute('aria-labelledby'));
      if (!h || !s.contains(h)) problems.push(`section labelled by #${s.getAttribute('aria-labelledby')} has no such heading inside`);
    }
    return {
      problems,
      sections: boxes.map((b) => ({
        heading: b.dataset.day ? `day ${b.dataset.day}` : text(b.querySelector('h2')),
        level: b.querySelector('h2, h3').tagName,
        cards: [...b.querySelectorAll(':scope > article')].map((a) => ({
          id: a.dataset.maintenance || a.dataset.incident,
          title: a.querySelector('.entry__title').tagName,
          badge: text(a.querySelector('.entry__meta .badge')),
          latest: text(a.querySelector('.entry__latest-head strong')),
          message: text(a.querySelector('.entry__latest .prose')),
          window: [...a.querySelectorAll('.entry__window time')].map((t) => text(t)),
          ongoing: a.classList.contains('entry--ongoing'),
        })),
      })),
    };
  });
}

/** Reads the index of `origin` at `clock` (Europe/Berlin, the site's zone). */
async function indexAt(origin, clock) {
  const p = await env.newPage({ clock });
  try {
    const res = await p.page.goto(origin + '/', { waitUntil: 'load' });
    assert.equal(res.status(), 200);
    await p.page.waitForFunction(() => document.querySelector('#main time')?.title);
    return await readIndex(p.page);
  } finally {
    await env.closeContext(p.context);
    assert.deepEqual(p.errors, [], errorsMessage(p));
    assert.deepEqual(p.external, [], externalMessage(p));
  }
}

/**
 * The sections and their cards' ids, badges and latest update labels.
 * Cancelled cards are left out: one cancelled before the build for a later
 * window is on no page built before that window (it is neither upcoming nor
 * in a past day yet), so the script has no card to show on its day.
 */
const shape = (r) =>
  r.sections.map(
    (s) =>
      `${s.heading}: ${
        s.cards
          .filter((c) => c.badge !== 'Cancelled')
          .map((c) => `${c.id} [${c.badge}; latest ${c.latest}]`)
          .join(', ') || '(none)'
      }`,
  );

const where = (r, id) => r.sections.filter((s) => s.cards.some((c) => c.id === id)).map((s) => s.heading);
const card = (r, heading, id) => r.sections.find((s) => s.heading === heading)?.cards.find((c) => c.id === id);

for (const [clock, why] of [
  ['2026-11-20T16:59:00Z', 'a minute before the search migration ends'],
  ['2026-11-20T17:00:00Z', 'as the search migration ends'],
  ['2026-12-01T01:59:00Z', 'a minute before the database upgrade starts'],
  ['2026-12-01T02:00:00Z', 'as the database upgrade starts'],
  ['2026-12-01T02:01:00Z', 'a minute into the database upgrade'],
  ['2026-12-01T04:00:00Z', 'as the database upgrade ends'],
  ['2026-12-01T04:30:00Z', 'half an hour after the database upgrade ended'],
]) {
  test(`at ${clock} (${why}), the page built at 15:00 shows the sections and cards of a page built then`, { timeout: 120_000 }, async () => {
    const server = await builtAt(clock);
    const want = await indexAt(server.origin, clock);
    const got = await indexAt(env.origin, clock);
    assert.deepEqual(got.problems, []);
    assert.deepEqual(shape(got), shape(want));
  });
}

test('at 17:00Z the search migration leaves "Maintenance in progress" (gone, being empty) for Nov 20, and reads "Completed"', { timeout: 60_000 }, async () => {
  const r = await indexAt(env.origin, '2026-11-20T17:00:00Z');
  assert.deepEqual(where(r, SEARCH), ['day 2026-11-20'], shape(r).join('\n'));
  assert.ok(!r.sections.some((s) => s.heading === 'Maintenance in progress'), shape(r).join('\n'));
  const c = card(r, 'day 2026-11-20', SEARCH);
  assert.equal(c.badge, 'Completed');
  assert.equal(c.latest, 'Completed');
  assert.equal(c.message, 'The scheduled maintenance has been completed.');
  assert.ok(!c.ongoing, 'the completed card is still marked entry--ongoing');
});

test('at 02:01Z on Dec 1 the database upgrade sits under a new "Maintenance in progress" (h2#h-active) and its day, reading "In progress" with clock times', { timeout: 60_000 }, async () => {
  const r = await indexAt(env.origin, '2026-12-01T02:01:00Z');
  assert.deepEqual(where(r, DB), ['Maintenance in progress', 'day 2026-12-01'], shape(r).join('\n'));
  const active = r.sections.find((s) => s.heading === 'Maintenance in progress');
  assert.equal(active.level, 'H2');
  const scheduled = r.sections.find((s) => s.heading === 'Scheduled maintenance');
  assert.deepEqual(scheduled.cards.map((c) => c.id), ['2026-11-24-jobs-scheduler-migration']);
  for (const [heading, level] of [
    ['Maintenance in progress', 'H3'],
    ['day 2026-12-01', 'H4'],
  ]) {
    const c = card(r, heading, DB);
    assert.equal(c.title, level, `the card's title under "${heading}"`);
    assert.equal(c.badge, 'In progress');
    assert.equal(c.latest, 'In progress');
    assert.equal(c.message, 'Scheduled maintenance is currently in progress. We will provide updates as necessary.');
    assert.ok(c.ongoing, `the card under "${heading}" is not marked entry--ongoing`);
    assert.equal(c.window.length, 2);
    for (const w of c.window) {
      assert.doesNotMatch(w, /ago|now/i, `a window time reads "${w}"`);
      assert.match(w, /\d{1,2}:\d\d/, `a window time reads "${w}"`);
    }
  }
  // The section is the template's: index.html's markup, in its place.
  const p = await env.newPage({ clock: '2026-12-01T02:01:00Z' });
  await open(p, env, '/');
  const order = await eventually(() =>
    p.page.evaluate(() => {
      const s = document.getElementById('h-active')?.closest('section');
      if (!s) throw new Error('no #h-active');
      return [s.className, s.getAttribute('aria-labelledby'), s.nextElementSibling.querySelector('h2').id, s.previousElementSibling.querySelector('h2')?.id];
    }),
  );
  await env.closeContext(p.context);
  assert.deepEqual(order, ['section', 'h-active', 'h-upcoming', 'h-ongoing']);
});

test('at 04:00Z on Dec 1 the database upgrade is only under Dec 1, "Completed"; "Maintenance in progress" is gone', { timeout: 60_000 }, async () => {
  const r = await indexAt(env.origin, '2026-12-01T04:00:00Z');
  assert.deepEqual(where(r, DB), ['day 2026-12-01'], shape(r).join('\n'));
  assert.ok(!r.sections.some((s) => s.heading === 'Maintenance in progress'), shape(r).join('\n'));
  const c = card(r, 'day 2026-12-01', DB);
  assert.equal(c.badge, 'Completed');
  assert.equal(c.latest, 'Completed');
});

test('at 02:01Z on Dec 1 the maintenance page of the upgrade reads "In progress" with clock times, its breadcrumb "History"', { timeout: 60_000 }, async () => {
  const p = await env.newPage({ clock: '2026-12-01T02:01:00Z' });
  await open(p, env, `/maintenance/${DB}/`);
  const r = await eventually(() =>
    p.page.evaluate(() => {
      const times = [...document.querySelectorAll('.facts time')].map((t) => t.textContent);
      if (!document.querySelector('.facts time').title) throw new Error('times not yet local');
      return {
        badge: document.querySelector('.detail__badges .badge').textContent,
        crumb: document.querySelector('.breadcrumb a:last-of-type').textContent,
        times,
      };
    }),
  );
  await env.closeContext(p.context);
  assert.equal(r.badge, 'In progress');
  assert.equal(r.crumb, 'History');
  for (const t of r.times) assert.doesNotMatch(t, /ago|now/i, `a window time reads "${t}"`);
});

test('the page loads allclear-flip.js only once a window opened or closed since the build', { timeout: 60_000 }, async () => {
  for (const [clock, wanted] of [
    ['2026-11-20T15:05:00Z', false],
    ['2026-11-20T17:00:00Z', true],
  ]) {
    const p = await env.newPage({ clock });
    await open(p, env, '/', { waitUntil: 'networkidle' });
    await env.closeContext(p.context);
    const loaded = p.requests.some((u) => new URL(u).pathname === '/allclear-flip.js');
    assert.equal(loaded, wanted, `at ${clock}, requests: ${p.requests.join(', ')}`);
    assert.deepEqual(p.errors, [], errorsMessage(p));
  }
});

test('a page opened straight from disk (file://) loads allclear-flip.js too and moves the card', { timeout: 60_000 }, async () => {
  // A module would not load from file:// (its origin is opaque); the flip
  // script is a classic script named by the state's data-flip.
  // A plain context: env.newPage only lets requests reach the test server.
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.clock.install({ time: new Date('2026-12-01T02:01:00Z') });
  await page.goto(pathToFileURL(join(env.root, 'index.html')).href);
  const ids = await eventually(() =>
    page.evaluate(() => {
      const s = document.getElementById('h-active')?.closest('section');
      const ids = [...(s?.querySelectorAll(':scope > article') ?? [])].map((a) => a.dataset.maintenance);
      if (!ids.includes('2026-12-01-database-upgrade')) throw new Error(`"Maintenance in progress" holds ${ids.join(', ') || 'nothing'}`);
      return ids;
    }),
  );
  await context.close();
  assert.deepEqual(ids, ['2026-12-01-database-upgrade']);
  assert.deepEqual(errors, []);
});

// The embed moves on as the page does. The example site's ongoing incident
// outranks maintenance (the embed rightly stays "Partial System Outage"), so
// this site is the example without it: built at 15:00, during the search
// migration, it reads "Service Under Maintenance".
let quiet;
async function quietSite() {
  if (!quiet) {
    const dir = env.tempDir('allclear-quiet-');
    const site = join(dir, 'site');
    unpinnedExample(site);
    rmSync(join(site, 'incidents', '2026', '11', '2026-11-20-api-errors.md'));
    // Its German translation goes with it: a translation needs its entry.
    rmSync(join(site, 'incidents', '2026', '11', '2026-11-20-api-errors.de.md'));
    const r = spawnSync('cargo', ['run', '--quiet', '--', 'build', site, '--now', '2026-11-20T15:00:00Z', '--out', join(dir, 'out')], { cwd: HERE, encoding: 'utf8' });
    assert.equal(r.status, 0, `building the quiet site failed:\n${r.stderr}`);
    quiet = await startServer({ root: join(dir, 'out') });
    rebuilt.set('quiet', quiet);
  }
  return quiet;
}

for (const [clock, want] of [
  ['2026-11-20T16:59:00Z', 'Service Under Maintenance'],
  ['2026-11-20T17:00:00Z', 'All Systems Operational'],
  ['2026-12-01T01:59:00Z', 'All Systems Operational'],
  ['2026-12-01T02:00:00Z', 'Service Under Maintenance'],
  ['2026-12-01T04:00:00Z', 'All Systems Operational'],
]) {
  test(`at ${clock} the embed of a site built at 15:00 with no incident reads "${want}", as its status page does`, { timeout: 120_000 }, async () => {
    const server = await quietSite();
    const read = async (path, selector) => {
      const p = await env.newPage({ clock });
      try {
        await p.page.goto(server.origin + path, { waitUntil: 'load' });
        return await eventually(async () => {
          const t = (await p.page.locator(selector).innerText({ timeout: 1000 })).trim();
          assert.equal(t, want, `${path} ${selector} at ${clock}`);
          return t;
        });
      } finally {
        await env.closeContext(p.context);
        assert.deepEqual(p.errors, [], errorsMessage(p));
      }
    };
    await read('/embed.html', '[data-allclear-embed] a');
    await read('/', '#allclear-banner h1');
  });
}
