// The example site built in German (`language: de`) and in Arabic
// (`language: ar`, right to left), each page type checked as the English
// one is in a11y.test.mjs and locale.test.mjs (issue 15): axe clean
// (WCAG 2.0/2.1 A and AA, light scheme), no horizontal scroll on a 320 px
// wide screen, and the times the page script writes in the page's language
// although the browser's is another (Japanese): German or Arabic, never
// Japanese.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PAGES, axeSource, buildInLanguage, errorsMessage, externalMessage, setup, startServer } from './lib.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The browser clock: 20 minutes after the build, as in locale.test.mjs. */
const NOW = '2026-11-20T15:20:00Z';
/** Japanese kana and CJK ideographs: what a ja-JP browser's own formats would bring. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
/** Arabic script, letters and Arabic-Indic digits. */
const ARABIC = /[\u0600-\u06ff]/;

const LANGUAGES = {
  de: {
    dir: 'ltr',
    // A time the script writes: a German relative time ("vor 55 Minuten",
    // "in 10 Minuten", "gerade eben") or a German date in CLDR's medium
    // form, as the build writes it, alone or with the time and zone
    // (`20.11.2026 16:03 MEZ`).
    time: /^(vor \d+ (Minuten?|Stunden?|Tagen?)|in \d+ (Minuten?|Stunden?|Tagen?)|jetzt|gerade eben|\d{2}\.\d{2}\.\d{4}( \d{2}:\d{2} \S+)?)$/,
    // English words, the English month abbreviations German does not share
    // (`Nov.` is German too), and the English date form `Nov 20, 2026`.
    english: /\b(ago|minutes?|hours?|days?|AM|PM|Mar|May|Jun|Jul|Sep|Oct|Dec)\b|\b[A-Z][a-z]{2} \d{1,2}, \d{4}\b/,
  },
  ar: {
    dir: 'rtl',
    // Arabic words or digits in every time the script writes.
    time: ARABIC,
    english: /\b(ago|minutes?|hours?|days?|AM|PM|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/,
  },
};

const pages = [
  ['index', PAGES.index],
  ['ongoing incident', PAGES.incident],
  ['maintenance', PAGES.maintenance],
  ['component', PAGES.component],
  ['history month', PAGES.month],
];

let env;
let axe;
/** language -> the server of its build */
const servers = {};
before(async () => {
  env = await setup();
  axe = axeSource();
  for (const language of Object.keys(LANGUAGES)) {
    servers[language] = await startServer({ root: buildInLanguage(env, language) });
  }
});
after(async () => {
  for (const s of Object.values(servers)) await s.close();
  await env?.close();
});

/** `path` of the `language` build in a fresh page; `options` as env.newPage's. */
async function openIn(language, path, options = {}) {
  const p = await env.newPage({ clock: NOW, ...options });
  const res = await p.page.goto(servers[language].origin + path);
  assert.equal(res.status(), 200, `GET ${path}`);
  return p;
}

function formatViolations(violations) {
  return violations
    .map((v) => `  - ${v.id} [${v.impact}] ${v.nodes.length} node(s): ${v.help}\n${v.nodes.map((n) => `      ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
}

for (const [language, expect] of Object.entries(LANGUAGES)) {
  for (const [name, path] of pages) {
    test(`${language}: the ${name} ${path} is axe clean and does not scroll sideways at 320 px`, { timeout: 90_000 }, async () => {
      const p = await openIn(language, path, { viewport: { width: 320, height: 800 } });
      try {
        const html = await p.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir || 'ltr' }));
        assert.deepEqual(html, { lang: language, dir: expect.dir });
        const width = await p.page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth }));
        assert.ok(width.scroll <= width.inner, `${language} ${path} scrolls sideways at 320 px: scrollWidth ${width.scroll} > ${width.inner}`);
        await p.page.evaluate(axe);
        const result = await p.page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          AXE_TAGS,
        );
        if (result.violations.length) {
          assert.fail(`${result.violations.length} axe rule(s) violated on ${language} ${path}:\n${formatViolations(result.violations)}`);
        }
        assert.deepEqual(p.errors, [], errorsMessage(p));
        assert.deepEqual(p.external, [], externalMessage(p));
      } finally {
        await env.closeContext(p.context);
      }
    });

    test(`${language}: a Japanese browser (ja-JP) on the ${name} ${path} reads the script's times in ${language}`, { timeout: 60_000 }, async () => {
      const p = await openIn(language, path, { locale: 'ja-JP' });
      let texts;
      try {
        // The script has run once the times no longer show the site's zone
        // as the build writes it (`CET`).
        await p.page.waitForFunction(() => ![...document.querySelectorAll('time[datetime*="T"]')].some((t) => /\bCES?T\b/.test(t.textContent)));
        texts = await p.page.evaluate(() => ({
          browser: new Intl.DateTimeFormat().resolvedOptions().locale,
          times: [...document.querySelectorAll('time[datetime*="T"]')].map((t) => t.textContent.trim().replace(/\s+/g, ' ')),
          tooltips: [...document.querySelectorAll('.uptime__bar [title]')].slice(0, 20).map((e) => e.getAttribute('title')),
        }));
        assert.deepEqual(p.errors, [], errorsMessage(p));
      } finally {
        await env.closeContext(p.context);
      }
      assert.match(texts.browser, /^ja\b/, 'the browser context should be Japanese');
      assert.ok(texts.times.length > 0, `${path} has times`);
      const japanese = [...texts.times, ...texts.tooltips].filter((t) => JAPANESE.test(t));
      assert.deepEqual(japanese, [], `Japanese on the ${language} page`);
      for (const t of texts.times) {
        assert.match(t, expect.time, `a time on the ${language} page`);
        assert.doesNotMatch(t, expect.english, `English in a time on the ${language} page`);
      }
    });
  }
}
