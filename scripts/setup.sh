#!/usr/bin/env bash
# Set up catalog on Debian with Python 3.11: a virtualenv in .venv with the package, and
# Tesseract with its Vietnamese model (OCR of scanned pages; English and orientation
# detection come with tesseract-ocr). With --test, also what the test suite needs:
# Debian's Chromium (Playwright drives it; Playwright cannot download browsers here),
# fonts, nginx and Apache (apache2-bin: the server alone, without a Debian service).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

system_packages=(fonts-dejavu-core tesseract-ocr tesseract-ocr-vie)
if [ "$with_tests" = 1 ]; then
  system_packages+=(chromium fonts-liberation nginx-light apache2-bin)
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
echo "setup: ready ($(.venv/bin/python --version))"
