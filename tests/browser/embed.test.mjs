// The embed: another site shows the current status with the one-line snippet
// that embed.html documents. The widget reads api/v2/status.json.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { errorsMessage, eventually, externalMessage, startServer, setup } from './lib.mjs';

const HOST_PATH = '/__embed-test__/host.html';

let env;
let other; // a second server: a page on another origin that embeds the status
let bare; // the built site again, without CORS headers (as Netlify, S3 or nginx serve it)
before(async () => {
  env = await setup();
  other = await startServer();
  bare = await startServer({ root: env.root, cors: false });
});
after(async () => {
  await bare?.close();
  await other?.close();
  await env?.close();
});

function decodeEntities(s) {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The snippet embed.html documents (shown as escaped code), its form
 * ('iframe' or 'script'), and where it came from. Until embed.html documents
 * one, the script form with a `data-allclear-embed` container.
 */
function documentedSnippet() {
  const file = join(env.root, 'embed.html');
  if (existsSync(file)) {
    const text = decodeEntities(readFileSync(file, 'utf8').match(/&lt;[\s\S]*?&gt;/g)?.join('\n') ?? '');
    const iframe = text.match(/<iframe\b[^>]*\bsrc=["'][^"']*embed\.html[^"']*["'][^>]*>(\s*<\/iframe>)?/i);
    if (iframe) {
      return { form: 'iframe', snippet: iframe[0].includes('</iframe>') ? iframe[0] : `${iframe[0]}</iframe>`, from: 'embed.html' };
    }
    const script = text.match(/<script\b[^>]*\bsrc=["'][^"']*embed\.js[^"']*["'][^>]*>\s*<\/script>/i);
    if (script) {
      const container = text.match(/<(div|span|p)\b[^>]*\bdata-allclear-embed\b[^>]*>[\s\S]*?<\/\1>/i);
      return { form: 'script', snippet: `${container ? `${container[0]}\n` : ''}${script[0]}`, from: 'embed.html' };
    }
  }
  return {
    form: 'script',
    snippet: '<div data-allclear-embed></div>\n<script src="/embed.js" async></script>',
    from: 'the default (embed.html documents no snippet yet)',
  };
}

/**
 * The snippet pointed at the test server `origin`: the site's base_url
 * becomes `origin`, and with `rootRelative` also `src="/..."`.
 */
function pointAt(snippet, origin, rootRelative) {
  let s = snippet;
  if (env.ownOrigin) s = s.split(env.ownOrigin).join(origin);
  return rootRelative ? s.replace(/(\bsrc=["'])\/(?!\/)/g, `$1${origin}/`) : s;
}

function hostPage(snippet) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A page that embeds the status</title></head>
<body>
<h1>Our product</h1>
<p>Current status:</p>
${snippet}
</body>
</html>
`;
}

test('embed.html and embed.js are built and served', { timeout: 30_000 }, async () => {
  const missing = ['embed.html', 'embed.js'].filter((f) => !existsSync(join(env.root, f)));
  assert.ok(missing.length === 0, `not in the built site: ${missing.join(', ')}`);
  for (const [path, type] of [
    ['/embed.html', /text\/html/],
    ['/embed.js', /javascript/],
  ]) {
    const res = await fetch(env.origin + path);
    assert.equal(res.status, 200, `GET ${path}`);
    assert.match(res.headers.get('content-type'), type);
  }
});

for (const [where, crossOrigin, noCors] of [
  ['on the same origin', false, false],
  ['on another origin', true, false],
  // Issue 12, item 9: most hosts send no Access-Control-Allow-Origin.
  ['on another origin, from a status site that sends no CORS headers', true, true],
]) {
  test(`the documented snippet, ${where}, shows "Partial System Outage" from embed-status.js`, { timeout: 60_000 }, async (t) => {
    const { form, snippet, from } = documentedSnippet();
    const site = noCors ? bare : env.server;
    const html = hostPage(pointAt(snippet, site.origin, crossOrigin));
    const server = crossOrigin ? other : env.server;
    server.routes.set(HOST_PATH, { body: html, type: 'text/html; charset=utf-8' });
    t.diagnostic(`${form} form, from ${from}: ${snippet.replace(/\s*\n\s*/g, ' ')}`);

    const p = await env.newPage();
    try {
      const res = await p.page.goto(server.origin + HOST_PATH, { waitUntil: 'load' });
      assert.equal(res.status(), 200);
      await eventually(
        async () => {
          let text;
          if (form === 'iframe') {
            const frame = p.page.frames().find((f) => f !== p.page.mainFrame() && f.url().includes('embed.html'));
            assert.ok(frame, 'the embed iframe did not load');
            text = await frame.locator('body').innerText();
          } else {
            text = await p.page.locator('body').innerText();
          }
          assert.match(text, /Partial System Outage/, `the host page reads:\n${text}`);
        },
        { timeout: 5000 },
      );
      const fetched = p.requests.filter((u) => new URL(u).pathname.endsWith('/embed-status.js'));
      assert.ok(fetched.length > 0, `the embed did not load embed-status.js; requests: ${p.requests.join(', ')}`);
    } finally {
      await env.closeContext(p.context);
    }
    assert.deepEqual(p.errors, [], errorsMessage(p));
    assert.deepEqual(p.external, [], externalMessage(p));
  });
}

// Without the status (embed-status.js not found), the embed is a plain link
// to the status page in the words of the snippet's data-label, which
// embed.html writes in the site's language (message embed-fallback);
// English for a snippet without one (issue 15).
for (const [label, expected] of [
  ['documented', 'Status page'],
  ['Statusseite', 'Statusseite'],
  [null, 'Status page'],
]) {
  test(`without embed-status.js, the snippet ${label === null ? 'without a data-label' : `with data-label ${label}`} draws a link "${expected}"`, { timeout: 60_000 }, async () => {
    const { form, snippet } = documentedSnippet();
    assert.equal(form, 'script');
    assert.match(snippet, /\bdata-label="Status page"/, 'embed.html documents the English label');
    // A status site that serves embed.js and nothing else.
    const broken = await startServer({ routes: new Map([['/embed.js', { body: readFileSync(join(env.root, 'embed.js')) }]]) });
    let text = snippet.replace(/(\bsrc=["'])\/(?!\/)/g, `$1${broken.origin}/`);
    if (env.ownOrigin) text = text.split(env.ownOrigin).join(broken.origin);
    if (label === null) text = text.replace(/ data-label="[^"]*"/, '');
    else if (label !== 'documented') text = text.replace(/\bdata-label="[^"]*"/, `data-label="${label}"`);
    other.routes.set(HOST_PATH, { body: hostPage(text), type: 'text/html; charset=utf-8' });
    const p = await env.newPage();
    try {
      await p.page.goto(other.origin + HOST_PATH, { waitUntil: 'load' });
      const link = p.page.locator(`a[href="${broken.origin}/"]`);
      await link.waitFor({ timeout: 5000 });
      assert.equal(await link.innerText(), expected);
      assert.equal(await link.getAttribute('title'), expected);
    } finally {
      await env.closeContext(p.context);
      await broken.close();
    }
    assert.deepEqual(p.errors, [], errorsMessage(p));
    assert.deepEqual(p.external, [], externalMessage(p));
  });
}
