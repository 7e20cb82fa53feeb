#!/usr/bin/env bash
# The real-browser tests need Debian's Chromium and Firefox ESR, and the manifest test needs
# xmllint (Debian's libxml2-utils). Install them when missing (as root, or through sudo); the
# tests never download a browser of their own.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing ${missing[*]} from Debian's packages…"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "Need root to install ${missing[*]}" >&2; exit 1; fi; }
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
