// Weight: the status page is read during outages, on bad connections. The
// index and everything it loads stay small, and the inline script smaller.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PAGES, externalMessage, open, setup } from './lib.mjs';

const PAGE_BUDGET = 64 * 1024; // bytes, uncompressed: HTML (inline JS included), CSS, images, fetched data
const INLINE_SCRIPT_BUDGET = 6 * 1024; // bytes of inline JavaScript, all scripts together

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The inline scripts of an HTML text: [{type, bytes, executable}]. */
function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = (attrs.match(/\btype\s*=\s*["']?([^"'\s>]+)/i)?.[1] ?? '').toLowerCase();
    const executable = ['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript'].includes(type);
    out.push({ type: type || '(none)', bytes: Buffer.byteLength(m[2], 'utf8'), executable });
  }
  return out;
}

let loaded = null;

async function loadIndex() {
  if (loaded) return loaded;
  const p = await env.newPage();
  const resources = [];
  p.page.on('response', async (res) => {
    const url = new URL(res.url());
    if (url.origin !== env.origin && url.origin !== env.ownOrigin) return;
    resources.push(
      res
        .body()
        .then((b) => ({ path: url.pathname, type: res.request().resourceType(), status: res.status(), bytes: b.length, body: b }))
        .catch(() => ({ path: url.pathname, type: res.request().resourceType(), status: res.status(), bytes: 0, body: Buffer.alloc(0) })),
    );
  });
  await open(p, env, PAGES.index, { waitUntil: 'networkidle' });
  await p.page.waitForTimeout(200);
  const list = await Promise.all(resources);
  await env.closeContext(p.context);
  loaded = { p, list };
  return loaded;
}

test(`the index and every same-origin resource it loads weigh at most ${kb(PAGE_BUDGET)}`, { timeout: 60_000 }, async (t) => {
  const { p, list } = await loadIndex();
  const total = list.reduce((n, r) => n + r.bytes, 0);
  const breakdown = list.map((r) => `${r.path} (${r.type}, ${r.status}): ${r.bytes} bytes (${kb(r.bytes)})`);
  t.diagnostic(`total ${total} bytes (${kb(total)}) of ${kb(PAGE_BUDGET)}:`);
  for (const line of breakdown) t.diagnostic(`  ${line}`);
  assert.ok(list.some((r) => r.type === 'document'), 'the index was loaded');
  assert.ok(
    total <= PAGE_BUDGET,
    `the index loads ${total} bytes (${kb(total)}), over the budget of ${PAGE_BUDGET} (${kb(PAGE_BUDGET)}):\n  ${breakdown.join('\n  ')}`,
  );
  assert.deepEqual(p.external, [], externalMessage(p));
});

test(`the index's inline scripts total at most ${kb(INLINE_SCRIPT_BUDGET)}`, { timeout: 60_000 }, async (t) => {
  const { list } = await loadIndex();
  const doc = list.find((r) => r.type === 'document');
  assert.ok(doc, 'the index was loaded');
  const scripts = inlineScripts(doc.body.toString('utf8'));
  const js = scripts.filter((s) => s.executable);
  const bytes = js.reduce((n, s) => n + s.bytes, 0);
  t.diagnostic(`${js.length} inline script(s), ${bytes} bytes (${kb(bytes)}) of ${kb(INLINE_SCRIPT_BUDGET)}`);
  for (const s of scripts) t.diagnostic(`  <script type=${s.type}>: ${s.bytes} bytes${s.executable ? '' : ' (data, not counted)'}`);
  assert.ok(bytes <= INLINE_SCRIPT_BUDGET, `the inline scripts total ${bytes} bytes (${kb(bytes)}), over ${INLINE_SCRIPT_BUDGET}`);
});

test('the index makes no external requests', { timeout: 60_000 }, async () => {
  const { p } = await loadIndex();
  assert.deepEqual(p.external, [], externalMessage(p));
});
