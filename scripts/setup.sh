#!/usr/bin/env bash
# Set up catalog on Debian with Python 3.11: a virtualenv in .venv with the package, and
# Tesseract with its Vietnamese model (OCR of scanned pages; English and orientation
# detection come with tesseract-ocr). With --test, also what the test suite needs:
# Debian's Chromium (Playwright drives it; Playwright cannot download browsers here),
# fonts, nginx and Apache (apache2-bin: the server alone, without a Debian service).
# With --test also axe-core (the accessibility checker tests/test_axe.py runs in Chromium),
# pinned in tests/package-lock.json and installed with npm ci into tests/node_modules.
# PyICU (Vietnamese collation) comes from PyPI as source only: it is compiled against
# Debian's ICU, so libicu-dev, pkg-config, a C++ compiler and Python's headers come first.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

system_packages=(fonts-dejavu-core tesseract-ocr tesseract-ocr-vie)
system_packages+=(libicu-dev pkg-config g++)  # to build PyICU
if [ "$with_tests" = 1 ]; then
  system_packages+=(chromium fonts-liberation nginx-light apache2-bin)
  system_packages+=(poppler-utils)  # pdftotext: the floor bench/scale_bench.py measures the build against
  command -v npm >/dev/null 2>&1 || system_packages+=(npm)  # Debian's npm (and nodejs)
fi

py=${PYTHON:-}
if [ -z "$py" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then py=$candidate; break; fi
  done
fi
if [ -z "$py" ] || ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  system_packages+=(python3 python3-venv)
  py=python3
elif ! "$py" -c 'import ensurepip' >/dev/null 2>&1; then
  system_packages+=(python3-venv)
fi
# Python.h, to compile PyICU (Debian's python3 keeps it in python3-dev).
"$py" -c 'import os, sys, sysconfig; sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
  >/dev/null 2>&1 || system_packages+=(python3-dev)

missing=()
for package in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || "$py" -m venv .venv
extras=""
[ "$with_tests" = 1 ] && extras="[test]"
stamp=".venv/.catalog-installed$extras"
fingerprint=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$fingerprint" ]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
  echo "$fingerprint" > "$stamp"
fi
if [ "$with_tests" = 1 ]; then
  # axe-core for tests/test_axe.py: npm ci again only when the lock file changed; from npm's
  # cache when it can (offline, once it has been downloaded).
  npm_stamp=tests/node_modules/.catalog-installed
  npm_fingerprint=$(sha256sum tests/package-lock.json | cut -d' ' -f1)
  if [ ! -f tests/node_modules/axe-core/axe.min.js ] || [ ! -f "$npm_stamp" ] || [ "$(cat "$npm_stamp")" != "$npm_fingerprint" ]; then
    echo "setup: installing axe-core into tests/node_modules (npm ci)"
    (cd tests && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
    echo "$npm_fingerprint" > "$npm_stamp"
  fi
fi
echo "setup: ready ($(.venv/bin/python --version))"
