// Without JavaScript the pages say everything: the status, the ongoing
// incident, every component, and times in the site's zone. Scripts only
// improve on that.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PAGES, externalMessage, open, setup } from './lib.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

function componentNames() {
  const json = JSON.parse(readFileSync(join(env.root, 'api/v2/components.json'), 'utf8'));
  return json.components.filter((c) => !c.group).map((c) => c.name);
}

/** Elements hidden by CSS or `hidden`, outermost only, outside closed <details>. */
function hiddenElements(page) {
  return page.evaluate(() => {
    const out = [];
    const skip = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'LINK', 'META']);
    for (const el of document.body.querySelectorAll('*')) {
      if (skip.has(el.tagName)) continue;
      if (el.closest('#allclear-stale')) continue; // a notice only scripts can fill in
      const closed = el.parentElement?.closest('details:not([open])');
      if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) continue;
      if (out.some((o) => o.el.contains(el))) continue;
      const cs = getComputedStyle(el);
      if (el.hidden || cs.display === 'none' || cs.visibility === 'hidden') {
        out.push({ el });
      }
    }
    return out.map(({ el }) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = el.textContent.trim().replace(/\s+/g, ' ').slice(0, 80);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} "${text}"`;
    });
  });
}

test('without JavaScript the index shows the status, the ongoing incident and every component', { timeout: 60_000 }, async () => {
  const p = await env.newPage({ javaScriptEnabled: false });
  await open(p, env, PAGES.index);
  const page = p.page;

  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1);
  assert.match(await h1.innerText(), /Partial System Outage/);
  assert.ok(await h1.isVisible(), 'the status banner is visible');

  const incident = page.locator('main').getByText('Elevated error rates on the API').first();
  assert.ok(await incident.isVisible(), 'the ongoing incident "Elevated error rates on the API" is visible');

  const missing = [];
  for (const name of componentNames()) {
    const link = page.locator('main').getByRole('link', { name, exact: true });
    let visible = false;
    for (let i = 0; i < (await link.count()); i++) {
      if (await link.nth(i).isVisible()) visible = true;
    }
    if (!visible) missing.push(name);
  }
  assert.deepEqual(missing, [], `components not shown without JavaScript: ${missing.join(', ')}`);

  const hidden = await hiddenElements(page);
  assert.deepEqual(hidden, [], `elements hidden without JavaScript:\n  ${hidden.join('\n  ')}`);
  await env.closeContext(p.context);
  assert.deepEqual(p.external, [], externalMessage(p));
});

for (const [name, path] of [
  ['index', PAGES.index],
  ['ongoing incident', PAGES.incident],
]) {
  test(`without JavaScript the ${name} ${path} shows times in the site's zone (CET)`, { timeout: 60_000 }, async () => {
    const p = await env.newPage({ javaScriptEnabled: false, timezoneId: 'America/Los_Angeles' });
    await open(p, env, path);
    const times = await p.page.evaluate(() =>
      [...document.querySelectorAll('time[datetime]')].map((t) => ({
        datetime: t.getAttribute('datetime'),
        text: t.textContent.trim(),
      })),
    );
    await env.closeContext(p.context);
    const withTime = times.filter((t) => t.datetime.includes('T'));
    assert.ok(withTime.length > 0, 'the page has times of day');
    const bad = withTime.filter((t) => !/\bCET\b/.test(t.text));
    assert.deepEqual(bad, [], `times of day not in the site's zone text: ${JSON.stringify(bad)}`);
    assert.deepEqual(p.external, [], externalMessage(p));
  });
}
