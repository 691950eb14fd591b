#!/usr/bin/env bash
# The build step of action.yml: `allclear build SITE --out OUT --base-url
# BASE_URL`, then the outputs base-url and out for the next steps.
#
# Environment: SITE (the site folder), OUT (empty: SITE/public), BASE_URL
# (the absolute URL; required: the action takes it from GitHub Pages when
# its base-url input is empty), GITHUB_OUTPUT (when set, receives
# base-url=… and out=…).
set -euo pipefail

site="${SITE:-.}"
out="${OUT:-}"
[ -n "$out" ] || out="${site%/}/public"
if [ -z "${BASE_URL:-}" ]; then
  echo "::error title=allclear build::no base URL: GitHub Pages reported none. Enable Pages (Settings → Pages → Source: GitHub Actions) or set the action's base-url input" >&2
  exit 1
fi
allclear build "$site" --out "$out" --base-url "$BASE_URL"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "base-url=$BASE_URL"
    echo "out=$out"
  } >>"$GITHUB_OUTPUT"
fi
