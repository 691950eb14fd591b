// Accessibility: axe-core (WCAG 2.0/2.1 A and AA) on every page type in the
// light and the dark colour scheme, landmarks, the skip link, the heading
// outline, and no horizontal scrolling on narrow and wide screens.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PAGES, axeSource, externalMessage, open, setup } from './lib.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [320, 375, 768, 1280, 1440];

let env;
let axe;
before(async () => {
  env = await setup();
  axe = axeSource();
});
after(async () => {
  await env?.close();
});

const pages = [
  ['index', PAGES.index, 200],
  ['ongoing incident', PAGES.incident, 200],
  ['resolved incident with postmortem', PAGES.postmortem, 200],
  ['maintenance', PAGES.maintenance, 200],
  ['component', PAGES.component, 200],
  ['history month', PAGES.month, 200],
  ['404', PAGES.notFound, 404],
];

function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary ?? '').split('\n').map((l) => l.trim()).filter(Boolean).slice(1, 2).join(' ');
          return `      ${n.target.join(' ')}${summary ? `  -- ${summary}` : ''}`;
        })
        .join('\n');
      return `  - ${v.id} [${v.impact}] ${v.nodes.length} node(s): ${v.help}\n${nodes}`;
    })
    .join('\n');
}

for (const [name, path, status] of pages) {
  for (const scheme of ['light', 'dark']) {
    test(`axe (${AXE_TAGS.join(', ')}): ${name} ${path} in ${scheme} mode`, { timeout: 90_000 }, async () => {
      const p = await env.newPage({ colorScheme: scheme });
      await p.page.emulateMedia({ colorScheme: scheme });
      await open(p, env, path, { status });
      const dark = await p.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      assert.equal(dark, scheme === 'dark', 'the colour scheme is emulated');
      await p.page.evaluate(axe);
      const result = await p.page.evaluate(
        (tags) =>
          window.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          }),
        AXE_TAGS,
      );
      await env.closeContext(p.context);
      const v = result.violations;
      const total = v.reduce((n, x) => n + x.nodes.length, 0);
      if (v.length) {
        assert.fail(`${v.length} axe rule(s) violated on ${path} (${scheme}), ${total} node(s) in all:\n${formatViolations(v)}`);
      }
      assert.deepEqual(p.external, [], externalMessage(p));
    });
  }

  test(`structure: ${name} ${path}: one main, banner, contentinfo, skip link first, one h1, no skipped heading level`, { timeout: 60_000 }, async () => {
    const p = await env.newPage();
    await open(p, env, path, { status });
    const page = p.page;
    const problems = [];

    const mains = await page.evaluate(() => document.querySelectorAll('main, [role="main"]').length);
    if (mains !== 1) problems.push(`${mains} <main>/role=main elements, expected 1`);
    const roleCounts = {};
    for (const role of ['main', 'banner', 'contentinfo']) {
      roleCounts[role] = await page.getByRole(role).count();
    }
    if (roleCounts.main !== 1) problems.push(`${roleCounts.main} main landmarks, expected 1`);
    if (roleCounts.banner < 1) problems.push('no banner landmark (a <header> outside sectioning content, or role=banner)');
    if (roleCounts.banner > 1) problems.push(`${roleCounts.banner} banner landmarks, expected 1`);
    if (roleCounts.contentinfo < 1) problems.push('no contentinfo landmark (a <footer> outside sectioning content, or role=contentinfo)');
    if (roleCounts.contentinfo > 1) problems.push(`${roleCounts.contentinfo} contentinfo landmarks, expected 1`);

    // The skip link: the first element Tab reaches, an in-page link whose target exists.
    await page.locator('body').focus().catch(() => {});
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return { tag: null };
      const href = a.getAttribute('href');
      const id = href && href.startsWith('#') ? decodeURIComponent(href.slice(1)) : null;
      return {
        tag: a.tagName.toLowerCase(),
        href,
        text: a.textContent.trim(),
        targetExists: id !== null && id !== '' && document.getElementById(id) !== null,
      };
    });
    if (skip.tag !== 'a' || !skip.href?.startsWith('#')) {
      problems.push(`the first focusable element is not an in-page (skip) link: ${JSON.stringify(skip)}`);
    } else {
      if (!skip.targetExists) problems.push(`the skip link's target ${skip.href} does not exist`);
      if (!/skip|jump/i.test(skip.text)) problems.push(`the first link does not read as a skip link: "${skip.text}"`);
    }

    const headings = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
        .filter((h) => h.checkVisibility() && !h.closest('[aria-hidden="true"]'))
        .map((h) => ({
          level: h.getAttribute('role') === 'heading' ? Number(h.getAttribute('aria-level') ?? 2) : Number(h.tagName[1]),
          text: h.textContent.trim().replace(/\s+/g, ' ').slice(0, 60),
        })),
    );
    const h1s = headings.filter((h) => h.level === 1);
    if (h1s.length !== 1) problems.push(`${h1s.length} h1 headings, expected 1: ${JSON.stringify(h1s.map((h) => h.text))}`);
    if (headings.length && headings[0].level !== 1) {
      problems.push(`the first heading is h${headings[0].level} "${headings[0].text}", not the h1`);
    }
    for (let i = 1; i < headings.length; i++) {
      if (headings[i].level > headings[i - 1].level + 1) {
        problems.push(
          `heading level skipped: h${headings[i - 1].level} "${headings[i - 1].text}" is followed by h${headings[i].level} "${headings[i].text}"`,
        );
      }
    }
    await env.closeContext(p.context);
    if (problems.length) assert.fail(`${path}:\n  ${problems.join('\n  ')}`);
    assert.deepEqual(p.external, [], externalMessage(p));
  });
}

for (const [name, path] of [
  ['index', PAGES.index],
  ['ongoing incident', PAGES.incident],
]) {
  test(`no horizontal scroll on the ${name} ${path} at widths ${WIDTHS.join(', ')}`, { timeout: 60_000 }, async () => {
    const p = await env.newPage({ viewport: { width: WIDTHS[0], height: 800 } });
    await open(p, env, path);
    const failures = [];
    for (const width of WIDTHS) {
      await p.page.setViewportSize({ width, height: 800 });
      const m = await p.page.evaluate(() => {
        const vw = window.innerWidth;
        const wide = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right > vw + 0.5 && r.width > 0) {
            // Report the outermost overflowing elements only.
            if (!wide.some((w) => w.el.contains(el))) wide.push({ el, right: Math.round(r.right) });
          }
        }
        const describe = (el) =>
          el.tagName.toLowerCase() +
          (el.id ? `#${el.id}` : '') +
          (typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
        return {
          scrollWidth: document.scrollingElement.scrollWidth,
          innerWidth: vw,
          culprits: wide.slice(0, 5).map((w) => `${describe(w.el)} (right edge ${w.right}px)`),
        };
      });
      if (m.scrollWidth > m.innerWidth) {
        failures.push(`width ${width}: scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}; too wide: ${m.culprits.join(', ')}`);
      }
    }
    await env.closeContext(p.context);
    if (failures.length) assert.fail(`${path} scrolls sideways:\n  ${failures.join('\n  ')}`);
    assert.deepEqual(p.external, [], externalMessage(p));
  });
}
