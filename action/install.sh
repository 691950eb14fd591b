#!/usr/bin/env bash
# Install a released allclear binary: the shell half of action.yml, kept in
# a file so that tests/it/action.rs can run it on a local archive.
#
#   install.sh --print-target   print `target=TRIPLE` for this runner
#   install.sh                  download, verify and install
#
# Environment:
#   ALLCLEAR_VERSION        the release, e.g. 0.1.0 (tag v0.1.0); required
#   ALLCLEAR_TARGET         the target triple [default: from RUNNER_OS and
#                           RUNNER_ARCH, else uname]
#   ALLCLEAR_INSTALL_DIR    where the binary goes; required. If it already
#                           holds this version's binary (the action's cache
#                           restored it), nothing is downloaded.
#   ALLCLEAR_DOWNLOAD_BASE  the URL the release assets are under, up to the
#                           tag [default: the releases of the repository the
#                           action is used from, $GITHUB_ACTION_REPOSITORY,
#                           else allclear-dev/allclear]; any URL curl reads,
#                           file:// included.
#   GITHUB_PATH             when set, the install folder is appended to it.
#
# The archives are those of the release workflow (cargo-dist):
# allclear-TARGET.tar.xz (allclear-TARGET.zip on Windows), each with
# allclear-TARGET.tar.xz.sha256 beside it. The download is refused, and
# nothing installed, when its SHA-256 differs from that file's.
set -euo pipefail

fail() {
  echo "::error title=allclear install::$*" >&2
  exit 1
}

detect_target() {
  local os="${RUNNER_OS:-$(uname -s)}" arch="${RUNNER_ARCH:-$(uname -m)}"
  case "$arch" in
    X64 | x86_64 | amd64) arch=x86_64 ;;
    ARM64 | aarch64 | arm64) arch=aarch64 ;;
    *) fail "no allclear release for the CPU architecture '$arch': build it with cargo install allclear --locked" ;;
  esac
  case "$os" in
    # The musl builds are static: they run on any Linux distribution.
    Linux) echo "$arch-unknown-linux-musl" ;;
    macOS | Darwin) echo "$arch-apple-darwin" ;;
    Windows | MINGW* | MSYS* | CYGWIN*)
      [ "$arch" = x86_64 ] || fail "no allclear release for Windows on '$arch': only x86_64 is built"
      echo "x86_64-pc-windows-msvc"
      ;;
    *) fail "no allclear release for the operating system '$os': build it with cargo install allclear --locked" ;;
  esac
}

target="${ALLCLEAR_TARGET:-}"
[ -n "$target" ] || target="$(detect_target)"
if [ "${1:-}" = "--print-target" ]; then
  echo "target=$target"
  exit 0
fi

version="${ALLCLEAR_VERSION:-}"
version="${version#v}"
[ -n "$version" ] || fail "ALLCLEAR_VERSION is empty: set the action's version input, e.g. 0.1.0"
install_dir="${ALLCLEAR_INSTALL_DIR:-}"
[ -n "$install_dir" ] || fail "ALLCLEAR_INSTALL_DIR is empty"

case "$target" in
  *windows*) archive="allclear-$target.zip" exe="allclear.exe" ;;
  *) archive="allclear-$target.tar.xz" exe="allclear" ;;
esac

if [ -x "$install_dir/$exe" ] && "$install_dir/$exe" --version 2>/dev/null | grep -qx "allclear $version"; then
  echo "allclear $version ($target) is already in $install_dir"
else
  base="${ALLCLEAR_DOWNLOAD_BASE:-}"
  if [ -z "$base" ]; then
    repository="${GITHUB_ACTION_REPOSITORY:-}"
    [ -n "$repository" ] || repository="allclear-dev/allclear"
    base="https://github.com/$repository/releases/download"
  fi
  url="${base%/}/v$version/$archive"

  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  echo "Downloading $url"
  curl --fail --location --silent --show-error --retry 3 --output "$work/$archive" "$url" \
    || fail "could not download $url: is there a release v$version with an archive for $target?"
  curl --fail --location --silent --show-error --retry 3 --output "$work/$archive.sha256" "$url.sha256" \
    || fail "could not download $url.sha256, the archive's checksum"

  expected="$(awk 'NR == 1 { print tolower($1) }' "$work/$archive.sha256")"
  if command -v sha256sum >/dev/null 2>&1; then
    actual="$(sha256sum "$work/$archive" | awk '{ print $1 }')"
  elif command -v shasum >/dev/null 2>&1; then
    actual="$(shasum -a 256 "$work/$archive" | awk '{ print $1 }')"
  else
    fail "neither sha256sum nor shasum is installed: the download cannot be verified"
  fi
  [ "$expected" = "$actual" ] \
    || fail "$archive has SHA-256 $actual, but $url.sha256 says ${expected:-nothing}: not installed"

  mkdir "$work/unpacked"
  case "$archive" in
    *.zip) unzip -q "$work/$archive" -d "$work/unpacked" || fail "could not unpack $archive" ;;
    *) tar -xJf "$work/$archive" -C "$work/unpacked" || fail "could not unpack $archive" ;;
  esac
  binary="$(find "$work/unpacked" -type f -name "$exe" | head -n 1)"
  [ -n "$binary" ] || fail "$archive holds no $exe"
  mkdir -p "$install_dir"
  install -m 755 "$binary" "$install_dir/$exe"
  echo "Installed allclear $version ($target) into $install_dir"
fi

if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$install_dir" >>"$GITHUB_PATH"
fi
