// The page script writes times in the page's language (<html lang>), never
// the browser's: a German browser on an English page reads "55 minutes ago"
// and "Nov 20, 2026", not "vor 55 Minuten" and "20.11.2026" inside English
// text (issue 15). A site whose `language` the interface has no strings in
// is an English page with English times (src/render/mod.rs,
// Catalogue::locale).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BUILD_NOW, HERE, PAGES, errorsMessage, externalMessage, open, setup, startServer, unpinnedExample } from './lib.mjs';

const NOW = '2026-11-20T15:20:00Z';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

// German words and forms the page must not show: relative times ("vor 55
// Minuten", "in 10 Minuten", "gerade eben"), month names and their CLDR
// abbreviations, numeric German dates (20.11.2026) and "Uhr".
const GERMAN = [
  /\bvor\b/,
  /\bMinuten?\b/,
  /\bStunden?\b/,
  /\bTagen?\b/,
  /\bgerade\b/,
  /\bUhr\b/,
  /\bMES?Z\b/,
  /\b(Januar|Februar|März|Mär|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/,
  /\b(Okt|Dez)\.?/,
  /\b\d{1,2}\.\d{1,2}\.\d{4}\b/,
  /\b\d{1,2}\. (Jan|Feb|Apr|Jun|Jul|Aug|Sept|Nov)\./,
];
const ENGLISH_MONTH = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/;

/** The texts the script writes: times of day, day headings, a cell's tooltip. */
async function scriptTexts(page) {
  const bar = page.locator('.uptime__bar').first();
  let tooltip = null;
  if ((await bar.count()) > 0) {
    const cell = bar.locator(':scope > :not(.nodata)').first();
    await cell.hover();
    tooltip = await cell.getAttribute('title');
  }
  const texts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    browser: new Intl.DateTimeFormat().resolvedOptions().locale,
    times: [...document.querySelectorAll('time[datetime]')]
      .filter((t) => t.getAttribute('datetime').includes('T'))
      .map((t) => t.textContent.trim().replace(/\s+/g, ' ')),
    days: [...document.querySelectorAll('.day[data-day]')].map((d) => d.querySelector('time').textContent.trim()),
  }));
  return { ...texts, tooltip };
}

function germanIn(texts) {
  const all = [...texts.times, ...texts.days, ...(texts.tooltip ? [texts.tooltip] : [])];
  return all.filter((t) => GERMAN.some((re) => re.test(t)));
}

for (const [name, path] of [
  ['index', PAGES.index],
  ['ongoing incident', PAGES.incident],
  ['maintenance', PAGES.maintenance],
]) {
  test(`a German browser (de-DE) on the English ${name} ${path} reads its times in English`, { timeout: 60_000 }, async () => {
    const p = await env.newPage({ locale: 'de-DE', clock: NOW });
    await open(p, env, path);
    let texts;
    try {
      // The script has run once the times no longer show the site's zone.
      await p.page.waitForFunction(() => ![...document.querySelectorAll('time[datetime*="T"]')].some((t) => /\bCES?T\b/.test(t.textContent)));
      texts = await scriptTexts(p.page);
    } finally {
      await env.closeContext(p.context);
    }
    // The premise: the browser's own language is German.
    assert.match(texts.browser, /^de\b/, 'the browser context should be German');
    assert.equal(texts.lang, 'en');
    assert.ok(texts.times.length > 0, 'the page has times of day');
    assert.deepEqual(germanIn(texts), [], `German in an English page: ${JSON.stringify(texts)}`);
    for (const t of texts.times) {
      assert.ok(/\bago\b|\bin \d+ minutes?\b|\bnow\b/.test(t) || ENGLISH_MONTH.test(t), `"${t}" is neither an English relative time nor an English date`);
    }
    for (const d of texts.days) assert.match(d, ENGLISH_MONTH);
    if (texts.tooltip !== null) assert.match(texts.tooltip, ENGLISH_MONTH);
    if (path === PAGES.index) {
      assert.ok(texts.times.some((t) => /\bminutes ago\b/.test(t)), `the index shows the ongoing incident's update (14:25Z) as "minutes ago": ${texts.times.join(' | ')}`);
      assert.ok(texts.days.length > 0, 'the index has "Past incidents" days');
    }
    assert.deepEqual(p.errors, [], errorsMessage(p));
    assert.deepEqual(p.external, [], externalMessage(p));
  });
}

/** Build the unpinned example with `language: LANGUAGE` into a new folder. */
function buildIn(language) {
  const src = unpinnedExample(join(env.tempDir(`allclear-${language}-site-`), 'site'));
  const yaml = readFileSync(join(src, 'site.yaml'), 'utf8');
  assert.match(yaml, /^language: en$/m, 'the example says `language: en`');
  // One language only: the example's German translations go (German would
  // be the default language here, which has no translations).
  const at = yaml.indexOf('\ntranslations:\n');
  assert.ok(at > 0, 'the example translates its texts');
  assert.match(yaml, /^languages: \[de\]$/m, 'the example is in German too');
  for (const file of readdirSync(src, { recursive: true })) {
    if (/\.de\.(md|ya?ml)$/.test(file)) rmSync(join(src, file));
  }
  const single = yaml.slice(0, at + 1).replace(/^languages: \[de\]\n/m, '');
  writeFileSync(join(src, 'site.yaml'), single.replace(/^language: en$/m, `language: ${language}`));
  const out = join(env.tempDir(`allclear-${language}-out-`), 'public');
  const r = spawnSync('cargo', ['run', '--quiet', '--', 'build', src, '--now', BUILD_NOW, '--out', out], { cwd: HERE, encoding: 'utf8' });
  assert.equal(r.status, 0, `building the site failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** The index of the site in `out` in a browser of `locale`: its script's texts. */
async function indexTexts(out, locale) {
  const server = await startServer({ root: out });
  const p = await env.newPage({ locale, clock: NOW });
  try {
    await p.page.goto(server.origin + PAGES.index);
    await p.page.waitForFunction(() => ![...document.querySelectorAll('time[datetime*="T"]')].some((t) => /\bCES?T\b/.test(t.textContent)));
    const texts = await scriptTexts(p.page);
    assert.deepEqual(p.errors, [], errorsMessage(p));
    return texts;
  } finally {
    await env.closeContext(p.context);
    await server.close();
  }
}

test('a site with `language: fi` (no Finnish interface messages) is an English page with English times, in a German browser', { timeout: 120_000 }, async () => {
  const out = buildIn('fi');
  // Nothing is Finnish, so the feeds say English too.
  assert.match(readFileSync(join(out, 'history.rss'), 'utf8'), /<language>en<\/language>/);
  const texts = await indexTexts(out, 'de-DE');
  assert.equal(texts.lang, 'en', 'the interface, and so <html lang>, is English');
  assert.deepEqual(germanIn(texts), [], `German in an English page: ${JSON.stringify(texts)}`);
  assert.ok(texts.times.some((t) => /\bminutes ago\b/.test(t)), texts.times.join(' | '));
});

test('a site with `language: de` is a German page with German times, in an English browser', { timeout: 120_000 }, async () => {
  const out = buildIn('de');
  assert.match(readFileSync(join(out, 'history.rss'), 'utf8'), /<language>de<\/language>/);
  const texts = await indexTexts(out, 'en-US');
  assert.equal(texts.lang, 'de');
  assert.ok(texts.times.some((t) => /^vor \d+ Minuten$/.test(t)), texts.times.join(' | '));
  assert.ok(!texts.times.some((t) => /\bago\b|\b(AM|PM)\b/.test(t)), `English in a German page: ${texts.times.join(' | ')}`);
});
