// Screenshots of the status page on a phone and on a desktop. With
// ALLCLEAR_SCREENSHOTS=1 they are written to docs/ (for the README);
// otherwise to a temporary folder, so a test run leaves the tree clean.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PAGES, REPO, externalMessage, open, setup } from './lib.mjs';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let env;
let outDir;
before(async () => {
  env = await setup();
  outDir = process.env.ALLCLEAR_SCREENSHOTS === '1' ? join(REPO, 'docs') : env.tempDir('allclear-screenshots-');
});
after(async () => {
  await env?.close();
});

for (const [width, height] of [
  [375, 800],
  [1280, 900],
]) {
  test(`a full-page screenshot of the index at ${width}x${height}`, { timeout: 60_000 }, async (t) => {
    const p = await env.newPage({ viewport: { width, height } });
    const file = join(outDir, `screenshot-${width}.png`);
    try {
      await open(p, env, PAGES.index, { waitUntil: 'networkidle' });
      await p.page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    } finally {
      await env.closeContext(p.context);
    }
    const png = readFileSync(file);
    t.diagnostic(`${file}: ${png.length} bytes`);
    assert.ok(png.length > 1000, `${file} is only ${png.length} bytes`);
    assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE), `${file} is not a PNG`);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    assert.equal(png.readUInt32BE(16), width, 'the screenshot is as wide as the viewport');
    assert.ok(png.readUInt32BE(20) >= height, 'a full-page screenshot is at least as tall as the viewport');
    assert.deepEqual(p.external, [], externalMessage(p));
  });
}
