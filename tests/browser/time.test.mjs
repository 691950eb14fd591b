// With JavaScript, times read in the viewer's zone: each <time> with a time
// of day shows local time (recent ones relatively, "55 minutes ago") and
// keeps the site-zone text in its title; the "Past incidents" days are
// regrouped over the viewer's local dates.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PAGES, errorsMessage, eventually, externalMessage, open, setup } from './lib.mjs';

const NOW = '2026-11-20T15:20:00Z';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

function clockParts(iso, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const h = Number(parts.hour);
  const mm = parts.minute;
  return { h24: `${String(h).padStart(2, '0')}:${mm}`, h12: `${h % 12 || 12}:${mm}` };
}

async function readTimes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('time[datetime]')]
      .filter((t) => t.getAttribute('datetime').includes('T'))
      .map((t) => ({
        datetime: t.getAttribute('datetime'),
        text: t.textContent.trim().replace(/\s+/g, ' '),
        title: t.getAttribute('title'),
      })),
  );
}

/** Every problem with the times on the page, for a viewer in `zone` at NOW. */
function timeProblems(times, zone) {
  const now = Date.parse(NOW);
  const problems = [];
  for (const t of times) {
    const at = Date.parse(t.datetime);
    const ago = now - at;
    const local = clockParts(t.datetime, zone);
    const site = clockParts(t.datetime, 'Europe/Berlin');
    const wrong = [];
    if (/\bCES?T\b/.test(t.text)) wrong.push('still shows the site-zone text');
    if (!t.title || !/\bCES?T\b/.test(t.title) || !t.title.includes(site.h24)) {
      wrong.push(`the title should hold the site-zone time (${site.h24} CET)`);
    }
    const relativePast = /\bago\b|\bjust now\b/i;
    const relativeFuture = /\bin (\d+|a|an|one) (minute|min)s?\b/i;
    if (ago >= 0 && ago <= 60 * 60 * 1000) {
      if (!relativePast.test(t.text)) wrong.push(`within the last hour, it should read relatively ("${Math.round(ago / 60000)} minutes ago")`);
    } else if (ago < 0 && -ago <= 60 * 60 * 1000 && relativeFuture.test(t.text)) {
      // "in 10 minutes" is fine for the next hour.
    } else if (!t.text.includes(local.h24) && !t.text.includes(local.h12)) {
      wrong.push(`it should show the viewer's local time ${local.h24} (${zone})`);
    }
    if (wrong.length) {
      problems.push(`<time datetime="${t.datetime}"> "${t.text}" (title ${JSON.stringify(t.title)}): ${wrong.join('; ')}`);
    }
  }
  return problems;
}

for (const [name, path] of [
  ['index', PAGES.index],
  ['ongoing incident', PAGES.incident],
  ['maintenance', PAGES.maintenance],
]) {
  test(`times on the ${name} ${path} read in the viewer's zone (America/Los_Angeles) with the site-zone text in the title`, { timeout: 60_000 }, async () => {
    const p = await env.newPage({ timezoneId: 'America/Los_Angeles', clock: NOW });
    await open(p, env, path);
    let times = [];
    try {
      await eventually(async () => {
        times = await readTimes(p.page);
        assert.ok(times.length > 0, 'the page has times of day');
        const problems = timeProblems(times, 'America/Los_Angeles');
        if (problems.length) assert.fail(`${problems.length} of ${times.length} times are wrong:\n  ${problems.join('\n  ')}`);
      });
    } finally {
      await env.closeContext(p.context);
    }
    assert.deepEqual(p.errors, [], errorsMessage(p));
    assert.deepEqual(p.external, [], externalMessage(p));
  });
}

test('the ongoing incident\'s latest update (14:25Z) reads "minutes ago" at 15:20Z on the index', { timeout: 60_000 }, async () => {
  const p = await env.newPage({ timezoneId: 'America/Los_Angeles', clock: NOW });
  await open(p, env, PAGES.index);
  try {
    await eventually(async () => {
      const texts = await p.page.locator('time[datetime="2026-11-20T14:25:00Z"]').allInnerTexts();
      assert.ok(texts.length > 0, 'the index has <time datetime="2026-11-20T14:25:00Z">');
      for (const t of texts) assert.match(t, /minutes ago/, `<time datetime="2026-11-20T14:25:00Z"> reads "${t}"`);
    });
  } finally {
    await env.closeContext(p.context);
  }
  assert.deepEqual(p.external, [], externalMessage(p));
});

test('in Pacific/Kiritimati (UTC+14) "Past incidents" is regrouped over the viewer\'s local dates', { timeout: 60_000 }, async () => {
  const p = await env.newPage({ timezoneId: 'Pacific/Kiritimati', clock: NOW });
  await open(p, env, PAGES.index);
  try {
    await eventually(async () => {
      const days = await p.page.evaluate(() =>
        [...document.querySelectorAll('.day[data-day]')].map((d) => ({
          day: d.getAttribute('data-day'),
          text: d.textContent.replace(/\s+/g, ' ').trim(),
        })),
      );
      const list = days.map((d) => d.day);
      assert.ok(days.length > 0, 'no day blocks `.day[data-day]` in "Past incidents"');
      assert.equal(list[0], '2026-11-21', `the newest day block should be the viewer's today, 2026-11-21; days: ${list.join(', ')}`);
      for (let i = 1; i < list.length; i++) {
        const want = new Date(Date.parse(`${list[i - 1]}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        assert.equal(list[i], want, `the day blocks should run one day apart, newest first; days: ${list.join(', ')}`);
      }
      const api = days.filter((d) => d.text.includes('Elevated error rates on the API')).map((d) => d.day);
      assert.ok(api.includes('2026-11-21'), `"Elevated error rates on the API" should be under 2026-11-21; it is under: ${api.join(', ') || 'none'}`);
      const graphs = days.filter((d) => d.text.includes('Usage graphs delayed in the dashboard')).map((d) => d.day);
      assert.deepEqual(graphs, ['2026-11-19'], `"Usage graphs delayed in the dashboard" (2026-11-18 14:10Z) should be under 2026-11-19 only; it is under: ${graphs.join(', ') || 'none'}`);
    });
  } finally {
    await env.closeContext(p.context);
  }
  assert.deepEqual(p.errors, [], errorsMessage(p));
  assert.deepEqual(p.external, [], externalMessage(p));
});
