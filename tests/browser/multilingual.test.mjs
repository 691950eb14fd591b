// A site in every shipped language (`languages:`, issue 15): the example
// with fifteen further languages. The language switcher in the footer
// fits from 320 px on, in a left-to-right and a right-to-left page,
// works without JavaScript, and the pages pass axe with it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BUILD_NOW, HERE, axeSource, externalMessage, open, setup, unpinnedExample } from './lib.mjs';

const LANGUAGES = ['de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'pl', 'sv', 'tr', 'uk', 'ja', 'zh-Hans', 'ko', 'ar', 'he'];
const WIDTHS = [320, 375, 768, 1280];
const PAGES = ['/', '/incidents/2026-11-20-api-errors/', '/history/2026/11/'];

let env;
let tmp;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'allclear-languages-'));
  const site = unpinnedExample(join(tmp, 'site'));
  const yaml = readFileSync(join(site, 'site.yaml'), 'utf8');
  if (!yaml.includes('\nlanguages: [de]\n')) throw new Error('example-site/site.yaml no longer says `languages: [de]`');
  // Every further language the theme ships (German keeps the example's
  // translations; the others show its English texts, marked).
  writeFileSync(join(site, 'site.yaml'), yaml.replace('\nlanguages: [de]\n', `\nlanguages: [${LANGUAGES.join(', ')}]\n`));
  const out = join(tmp, 'out');
  const r = spawnSync('cargo', ['run', '--quiet', '--', 'build', site, '--now', BUILD_NOW, '--out', out], {
    cwd: HERE,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the site failed:\n${r.stdout}\n${r.stderr}`);
  env = await setup({ root: out });
});
after(async () => {
  await env?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

for (const lang of ['', 'de/', 'ar/']) {
  for (const path of PAGES) {
    const url = `/${lang}${path.slice(1)}`;
    test(`no horizontal scroll on ${url} at widths ${WIDTHS.join(', ')}, switcher and all`, { timeout: 60_000 }, async () => {
      const p = await env.newPage({ viewport: { width: WIDTHS[0], height: 800 } });
      await open(p, env, url);
      const failures = [];
      for (const width of WIDTHS) {
        await p.page.setViewportSize({ width, height: 800 });
        const m = await p.page.evaluate(() => {
          const nav = document.querySelector('footer nav');
          const r = nav.getBoundingClientRect();
          return {
            scrollWidth: document.scrollingElement.scrollWidth,
            innerWidth: window.innerWidth,
            nav: [Math.round(r.left), Math.round(r.right)],
            links: nav.querySelectorAll('a[hreflang]').length,
          };
        });
        assert.equal(m.links, LANGUAGES.length + 1);
        if (m.scrollWidth > m.innerWidth || m.nav[0] < 0 || m.nav[1] > m.innerWidth) {
          failures.push(`width ${width}: scrollWidth ${m.scrollWidth}, innerWidth ${m.innerWidth}, switcher ${m.nav}`);
        }
      }
      await env.closeContext(p.context);
      if (failures.length) assert.fail(`${url} scrolls sideways:\n  ${failures.join('\n  ')}`);
      assert.deepEqual(p.external, [], externalMessage(p));
    });
  }
}

test('the switcher works without JavaScript: English -> Deutsch -> العربية, the same page each time', { timeout: 60_000 }, async () => {
  const p = await env.newPage({ javaScriptEnabled: false });
  await open(p, env, PAGES[1]);
  await p.page.click('footer nav a[hreflang="de"]');
  assert.ok(p.page.url().endsWith('/de/incidents/2026-11-20-api-errors/index.html'), p.page.url());
  assert.equal(await p.page.getAttribute('html', 'lang'), 'de');
  assert.equal(await p.page.getAttribute('footer nav a[aria-current="page"]', 'hreflang'), 'de');
  await p.page.click('footer nav a[hreflang="ar"]');
  assert.ok(p.page.url().endsWith('/ar/incidents/2026-11-20-api-errors/index.html'), p.page.url());
  assert.equal(await p.page.getAttribute('html', 'dir'), 'rtl');
  await p.page.click('footer nav a[hreflang="en"]');
  assert.ok(p.page.url().endsWith('/incidents/2026-11-20-api-errors/index.html'), p.page.url());
  assert.equal(await p.page.getAttribute('html', 'lang'), 'en');
  await env.closeContext(p.context);
});

for (const url of ['/de/incidents/2026-11-20-api-errors/', '/ar/', '/ja/history/2026/11/']) {
  test(`axe (WCAG 2.1 A and AA) on ${url}, with its switcher and English text marked`, { timeout: 90_000 }, async () => {
    const p = await env.newPage();
    await open(p, env, url);
    await p.page.evaluate(axeSource());
    const result = await p.page.evaluate(() =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }),
    );
    await env.closeContext(p.context);
    const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    assert.deepEqual(found, [], `${url}:\n  ${found.join('\n  ')}`);
  });
}
