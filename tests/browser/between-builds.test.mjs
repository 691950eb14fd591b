// The state between builds: a static page cannot be rebuilt every minute, so
// its script moves maintenance on with the viewer's clock, and says when the
// page was last updated once that is long ago during an incident.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PAGES, errorsMessage, eventually, externalMessage, open, setup } from './lib.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** The texts of every element `selector` matches (at least one). */
async function badgeTexts(page, selector) {
  const texts = (await page.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.ok(texts.length > 0, `nothing on the page matches ${selector}`);
  return texts;
}

async function expectBadge(page, selector, want) {
  const texts = await badgeTexts(page, selector);
  assert.ok(
    texts.every((t) => t.includes(want)),
    `${selector} should read "${want}"; it reads: ${texts.map((t) => `"${t}"`).join(', ')}`,
  );
}

/** Each element `selector` matches (at least one) has a first `.badge` reading `want`. */
async function expectEntryBadge(page, selector, want) {
  const texts = await page.evaluate(
    (sel) => [...document.querySelectorAll(sel)].map((el) => el.querySelector('.badge')?.textContent.replace(/\s+/g, ' ').trim() ?? null),
    selector,
  );
  assert.ok(texts.length > 0, `nothing on the page matches ${selector}`);
  assert.ok(
    texts.every((t) => t !== null && t.includes(want)),
    `${selector} should show a status badge "${want}"; its badges read: ${texts.map((t) => (t === null ? '(no .badge)' : `"${t}"`)).join(', ')}`,
  );
}

async function atClock(clock, fn, path = PAGES.index) {
  const p = await env.newPage({ clock });
  await open(p, env, path);
  try {
    await eventually(() => fn(p.page), { timeout: 3000 });
  } finally {
    await env.closeContext(p.context);
  }
  assert.deepEqual(p.errors, [], errorsMessage(p));
  assert.deepEqual(p.external, [], externalMessage(p));
}

test('at 17:30Z, after its window, the search index migration reads "Completed" and Search "Operational"', { timeout: 60_000 }, async () => {
  await atClock('2026-11-20T17:30:00Z', async (page) => {
    await expectEntryBadge(page, '[data-maintenance="2026-11-20-search-index-migration"]', 'Completed');
    await expectBadge(page, '[data-component="search"] .badge', 'Operational');
  });
});

test('at 17:30Z, the pages of Search and of the migration follow too, from their own state', { timeout: 60_000 }, async () => {
  // Each page embeds the state of what it shows: a component's page only
  // its own status and the maintenance touching it.
  await atClock('2026-11-20T17:30:00Z', async (page) => {
    await expectBadge(page, '[data-component="search"] .badge', 'Operational');
    await expectEntryBadge(page, '[data-maintenance="2026-11-20-search-index-migration"]', 'Completed');
  }, '/components/search/');
  await atClock('2026-11-20T17:30:00Z', async (page) => {
    await expectEntryBadge(page, '[data-maintenance="2026-11-20-search-index-migration"]', 'Completed');
  }, PAGES.maintenance);
});

test('at 2026-12-01 02:30Z the database upgrade reads "In progress", the database "Under maintenance", the API still "Degraded performance"', { timeout: 60_000 }, async () => {
  await atClock('2026-12-01T02:30:00Z', async (page) => {
    await expectEntryBadge(page, '[data-maintenance="2026-12-01-database-upgrade"]', 'In progress');
    await expectBadge(page, '[data-component="database"] .badge', 'Under maintenance');
    // The ongoing incident's degraded performance outranks the maintenance.
    await expectBadge(page, '[data-component="api"] .badge', 'Degraded performance');
  });
});

test('at 16:30Z, 90 minutes after the build with an incident ongoing, #allclear-stale says when the page was last updated', { timeout: 60_000 }, async () => {
  await atClock('2026-11-20T16:30:00Z', async (page) => {
    const stale = page.locator('#allclear-stale');
    const count = await stale.count();
    assert.ok(count === 1, count ? `${count} #allclear-stale elements` : 'there is no #allclear-stale element');
    assert.ok(await stale.isVisible(), '#allclear-stale is not visible');
    const text = (await stale.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /last updated/i, `#allclear-stale reads "${text}"`);
    // An hour and a half, in hours (minutes under an hour, days from 48 h).
    assert.match(text, /2 hours ago/, `#allclear-stale reads "${text}"`);
  });
});

test('at 15:05Z, just after the build, #allclear-stale is absent or hidden', { timeout: 60_000 }, async () => {
  const p = await env.newPage({ clock: '2026-11-20T15:05:00Z' });
  await open(p, env, PAGES.index);
  // Give the page's script the time it would take to show the notice.
  await p.page.waitForLoadState('networkidle');
  await p.page.waitForTimeout(300);
  const stale = p.page.locator('#allclear-stale');
  const count = await stale.count();
  const visible = count > 0 && (await stale.first().isVisible());
  const text = visible ? await stale.first().innerText() : '';
  await env.closeContext(p.context);
  assert.ok(!visible, `#allclear-stale is visible 5 minutes after the build: "${text}"`);
  assert.deepEqual(p.errors, [], errorsMessage(p));
  assert.deepEqual(p.external, [], externalMessage(p));
});
