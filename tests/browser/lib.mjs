// Shared harness of the browser tests: builds the example site once per run,
// serves it over HTTP on 127.0.0.1, and drives Chromium through
// playwright-core (Chromium from $CHROMIUM or PATH, see chromium.mjs). Every test file calls `setup()` in a `before()` hook and
// `env.close()` in an `after()` hook.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { HOW, findChromium } from './chromium.mjs';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '..', '..');

/** The instant the example site is built at. */
export const BUILD_NOW = '2026-11-20T15:00:00Z';

/** The browser clock of tests that do not set their own: just after the build. */
export const DEFAULT_CLOCK = '2026-11-20T15:05:00Z';

/** Chromium from $CHROMIUM or PATH (chromium.mjs); null when there is none. */
export const CHROMIUM = findChromium();
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The page types, by the path the tests load them at. */
export const PAGES = {
  index: '/',
  incident: '/incidents/2026-11-20-api-errors/',
  postmortem: '/incidents/2026-10-06-database-outage/',
  maintenance: '/maintenance/2026-11-20-search-index-migration/',
  component: '/components/api/',
  month: '/history/2026/11/',
  notFound: '/no-such-page',
};

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

export function contentType(path) {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

// ---------------------------------------------------------------------------
// The site

/** The line of example-site/site.yaml that pins the page script's clock. */
export const PIN_LINE = 'pin_browser_clock: true\n';

/**
 * Copy example-site to `dest` (without its public/) with the page script's
 * clock unpinned, for the tests that move the browser's clock: the example
 * sets `pin_browser_clock: true` so that it shows its pinned state to
 * readers on any day (pinned.test.mjs). Returns `dest`.
 */
export function unpinnedExample(dest) {
  const src = join(REPO, 'example-site');
  cpSync(src, dest, { recursive: true, filter: (p) => p !== join(src, 'public') });
  const yaml = readFileSync(join(dest, 'site.yaml'), 'utf8');
  if (!yaml.includes(PIN_LINE)) throw new Error(`example-site/site.yaml no longer has ${PIN_LINE}`);
  writeFileSync(join(dest, 'site.yaml'), yaml.replace(PIN_LINE, ''));
  return dest;
}

/**
 * Build the unpinned example with `language: LANGUAGE` (site.yaml's line
 * changed, nothing else) into a new folder of `env.tempDir`, with the
 * debug build of allclear (`cargo run`), at BUILD_NOW. Returns the output
 * folder.
 */
export function buildInLanguage(env, language) {
  const src = unpinnedExample(join(env.tempDir(`allclear-${language}-site-`), 'site'));
  const yaml = readFileSync(join(src, 'site.yaml'), 'utf8');
  if (!/^language: en$/m.test(yaml)) throw new Error('example-site/site.yaml no longer says `language: en`');
  // One language only: the example's further languages and their
  // translations go (German could not be both the default and a further
  // language).
  const at = yaml.indexOf('\ntranslations:\n');
  if (at < 0 || !/^languages: \[de\]$/m.test(yaml)) throw new Error('example-site/site.yaml no longer says `languages: [de]` with `translations:` last');
  for (const file of readdirSync(src, { recursive: true })) {
    if (/\.de\.(md|ya?ml)$/.test(file)) rmSync(join(src, file));
  }
  const single = yaml.slice(0, at + 1).replace(/^languages: \[de\]\n/m, '');
  writeFileSync(join(src, 'site.yaml'), single.replace(/^language: en$/m, `language: ${language}`));
  const out = join(env.tempDir(`allclear-${language}-out-`), 'public');
  const r = spawnSync('cargo', ['run', '--quiet', '--', 'build', src, '--now', BUILD_NOW, '--out', out], { cwd: HERE, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`building the site in ${language} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

const SITE_OUT = join(HERE, '.site');
const STAMP = join(HERE, '.site.stamp');
let siteDirCache = null;

/**
 * The folder of the built example site. With ALLCLEAR_SITE_DIR set, that
 * folder, as it is. Otherwise `tests/browser/.site/`, built once per test
 * run from an unpinned copy of the example (unpinnedExample, in
 * `tests/browser/.example/`): `node --test` runs each file in its own process, so the first file
 * builds and leaves a stamp naming the runner's process, and the files after
 * it in the same run reuse the build.
 */
export function siteDir() {
  if (siteDirCache) return siteDirCache;
  if (process.env.ALLCLEAR_SITE_DIR) {
    const dir = resolve(process.env.ALLCLEAR_SITE_DIR);
    if (!existsSync(join(dir, 'index.html'))) {
      throw new Error(`ALLCLEAR_SITE_DIR=${dir} has no index.html`);
    }
    return (siteDirCache = dir);
  }
  const run = `${process.ppid}`;
  let fresh = false;
  try {
    const age = Date.now() - statSync(STAMP).mtimeMs;
    fresh =
      readFileSync(STAMP, 'utf8') === run &&
      age < 30 * 60 * 1000 &&
      existsSync(join(SITE_OUT, 'index.html'));
  } catch {
    fresh = false;
  }
  if (!fresh) {
    rmSync(join(HERE, '.example'), { recursive: true, force: true });
    unpinnedExample(join(HERE, '.example'));
    const args = ['run', '--quiet', '--', 'build', '.example', '--now', BUILD_NOW, '--out', '.site'];
    process.stderr.write(`# building the example site: cargo ${args.join(' ')}\n`);
    const r = spawnSync('cargo', args, { cwd: HERE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.error) throw r.error;
    if (r.status !== 0) {
      throw new Error(`building the example site failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
    writeFileSync(STAMP, run);
  }
  return (siteDirCache = SITE_OUT);
}

/** The origin of the site's base_url (from the index's canonical link). */
export function siteOrigin(dir = siteDir()) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const m = html.match(/<link rel="canonical" href="([^"]+)"/);
  return m ? new URL(m[1]).origin : null;
}

// ---------------------------------------------------------------------------
// The HTTP server

/**
 * Resolves a request path in `root` the way a static host does:
 * `/x/` -> `/x/index.html`, `/x` (a folder) -> redirect to `/x/`, anything
 * else unknown -> `404.html` with status 404. `routes` (a Map of path ->
 * {body, type}) are served from memory first.
 */
export function resolveRequest(root, routes, rawPath) {
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath;
  }
  if (routes?.has(path)) {
    const r = routes.get(path);
    return { status: 200, type: r.type ?? contentType(path), body: Buffer.from(r.body) };
  }
  if (root) {
    const rel = normalize(path).replace(/^([/\\])+/, '');
    const file = resolve(root, rel);
    if (file === root || file.startsWith(root + sep)) {
      let target = file;
      let st = null;
      try {
        st = statSync(target);
        if (st.isDirectory()) {
          if (!path.endsWith('/')) return { status: 301, location: `${path}/` };
          target = join(target, 'index.html');
          st = statSync(target);
        }
      } catch {
        st = null;
      }
      if (st?.isFile()) {
        return { status: 200, type: contentType(target), body: readFileSync(target) };
      }
    }
    const nf = join(root, '404.html');
    if (existsSync(nf)) return { status: 404, type: contentType(nf), body: readFileSync(nf) };
  }
  return { status: 404, type: 'text/plain; charset=utf-8', body: Buffer.from('not found\n') };
}

/**
 * Starts a static server on 127.0.0.1 and a free port. Answers carry
 * `Access-Control-Allow-Origin: *`, as GitHub Pages' do, so that a page on
 * another origin can read the JSON API (the embed).
 */
export async function startServer({ root = null, routes = new Map(), cors = true } = {}) {
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const r = resolveRequest(root, routes, url.pathname);
    log.push({ method: req.method, path: url.pathname, status: r.status });
    if (r.status === 301) {
      res.writeHead(301, { Location: r.location + url.search });
      res.end();
      return;
    }
    res.writeHead(r.status, {
      'Content-Type': r.type,
      'Content-Length': r.body.length,
      'Cache-Control': 'no-store',
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : r.body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    routes,
    log,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------
// The browser

/**
 * Builds (or reuses) the site, serves it and launches Chromium. Returns an
 * environment whose `newPage()` opens a page in a fresh context, and whose
 * `close()` undoes everything; call it from `after()`.
 *
 * Every request that does not go to 127.0.0.1 is aborted and recorded in the
 * page's `external` list: the pages must make no external requests. The one
 * exception is the site's own origin (base_url): the 404 page links its
 * assets absolutely, since it is served at any path, and those requests are
 * answered from the built folder, as the real host would. `root`: the built
 * folder to serve, the example site (siteDir) by default.
 */
export async function setup({ root = siteDir() } = {}) {
  const server = await startServer({ root });
  const ownOrigin = siteOrigin(root);
  const tempDirs = [];
  const contexts = new Set();
  let browser;
  if (!CHROMIUM) {
    await server.close();
    throw new Error(`no Chromium found (looked at $CHROMIUM and PATH): ${HOW}`);
  }
  try {
    // `launch` runs Chromium on a fresh temporary profile (userDataDir) that
    // playwright deletes on close; each test opens its own contexts (time
    // zone, colour scheme, no JavaScript) in it.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
  } catch (e) {
    await server.close();
    throw e;
  }

  const env = {
    root,
    server,
    origin: server.origin,
    ownOrigin,
    browser,

    /**
     * A new page in a new context. Options: clock (an ISO instant fixed
     * before navigation, or null for the real clock; default DEFAULT_CLOCK),
     * timezoneId (default the site's zone, Europe/Berlin), colorScheme,
     * javaScriptEnabled, viewport, locale. Returns {page, context, external,
     * errors, requests}.
     */
    async newPage({
      clock = DEFAULT_CLOCK,
      timezoneId = 'Europe/Berlin',
      colorScheme = 'light',
      javaScriptEnabled = true,
      viewport = { width: 1280, height: 900 },
      locale = 'en-US',
      deviceScaleFactor = 1,
    } = {}) {
      const ctx = await browser.newContext({
        timezoneId,
        colorScheme,
        javaScriptEnabled,
        viewport,
        locale,
        deviceScaleFactor,
        serviceWorkers: 'block',
      });
      contexts.add(ctx);
      const external = [];
      const errors = [];
      const consoleErrors = [];
      const requests = [];
      await ctx.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        requests.push(url.href);
        if (url.hostname === '127.0.0.1') return route.continue();
        if (ownOrigin && url.origin === ownOrigin) {
          const r = resolveRequest(root, null, url.pathname);
          if (r.status === 301) {
            return route.fulfill({ status: 301, headers: { Location: r.location } });
          }
          return route.fulfill({
            status: r.status,
            contentType: r.type,
            headers: { 'Access-Control-Allow-Origin': '*' },
            body: r.body,
          });
        }
        external.push(url.href);
        return route.abort('blockedbyclient');
      });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      if (clock && javaScriptEnabled) await page.clock.setFixedTime(new Date(clock));
      return { page, context: ctx, external, errors, consoleErrors, requests };
    },

    /** A temporary folder removed by close(). */
    tempDir(prefix = 'allclear-test-') {
      const d = mkdtempSync(join(tmpdir(), prefix));
      tempDirs.push(d);
      return d;
    },

    async closeContext(ctx) {
      contexts.delete(ctx);
      await ctx.close().catch(() => {});
    },

    async close() {
      for (const ctx of contexts) await ctx.close().catch(() => {});
      contexts.clear();
      await browser.close().catch(() => {});
      await server.close();
      for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
    },
  };
  return env;
}

/** Navigates and fails on an unexpected HTTP status. */
export async function open(p, env, path, { status = 200, waitUntil = 'load' } = {}) {
  const res = await p.page.goto(env.origin + path, { waitUntil });
  if (status !== null && res && res.status() !== status) {
    throw new Error(`GET ${path}: status ${res.status()}, expected ${status}`);
  }
  return res;
}

/** Retries `fn` (which asserts) until it passes or `timeout` ms elapse. */
export async function eventually(fn, { timeout = 3000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() >= end) throw e;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** The external requests a page made, for an assertion message. */
export function externalMessage(p) {
  return `the page made external requests (blocked):\n  ${p.external.join('\n  ')}`;
}

/** The uncaught script errors of a page, for an assertion message. */
export function errorsMessage(p) {
  return `uncaught errors in the page's scripts:\n  ${p.errors.join('\n  ')}`;
}

/** The axe-core source, to inject into pages. */
export function axeSource() {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}
