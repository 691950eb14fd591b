// Where the browser tests find Chromium, and whether they must: used by
// run.mjs (the `npm test` entry point) and lib.mjs.
//
// - `CHROMIUM=/path/to/chromium` names it; a path that is not an
//   executable file is an error, not a fallback.
// - Otherwise the first of chromium, chromium-browser, google-chrome,
//   google-chrome-stable on PATH; then the macOS application bundles.
// - `ALLCLEAR_BROWSER_TESTS=required` (set by .ci/run) makes a missing
//   Chromium an error; without it the suite is skipped with one line.

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** How to get Chromium, for the messages. */
export const HOW =
  'install Chromium (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) ' +
  'or set CHROMIUM=/path/to/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium executable as an absolute path, or null when there is none.
 * Throws when CHROMIUM names something that is not an executable file.
 * `env` defaults to process.env (a parameter for the tests).
 */
export function findChromium(env = process.env) {
  if (env.CHROMIUM) {
    if (!executable(env.CHROMIUM)) {
      throw new Error(`CHROMIUM=${env.CHROMIUM} is not an executable file: ${HOW}`);
    }
    return env.CHROMIUM;
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      if (executable(join(dir, name))) return join(dir, name);
    }
  }
  return MAC_APPS.find(executable) ?? null;
}

/** True when ALLCLEAR_BROWSER_TESTS=required: no Chromium is a failure. */
export function required(env = process.env) {
  return env.ALLCLEAR_BROWSER_TESTS === 'required';
}
