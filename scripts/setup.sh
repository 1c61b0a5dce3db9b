#!/usr/bin/env bash
# Installs what the project needs and is missing, then returns: Debian packages through apt
# (when running as root) and npm packages through `npm ci`. Safe to run again: it only acts on
# what is missing. Usage: scripts/setup.sh [--browser] [--lm]   (--browser adds Chromium for the
# tests; --lm adds wordnet-base, the English corpus `npm run train:lm` trains the model on)
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
have() { command -v "$1" >/dev/null 2>&1; }
have cmake || need_pkgs+=(cmake)
have g++ || need_pkgs+=(g++)
have em++ || need_pkgs+=(emscripten)
[ -f /usr/include/eigen3/Eigen/Core ] || need_pkgs+=(libeigen3-dev)
[ -f /usr/include/xsimd/xsimd.hpp ] || need_pkgs+=(libxsimd-dev)
[ -f /usr/include/doctest/doctest.h ] || need_pkgs+=(doctest-dev)
have wasm-dis || need_pkgs+=(binaryen)
have xmllint || need_pkgs+=(libxml2-utils) # checks the SCORM manifests against their schemas
# Debian's python3 runs the downloaded notebooks in the tests (tests/js/code-notebook.test.js).
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || need_pkgs+=(python3-numpy)
/usr/bin/python3 -c 'import nbformat' >/dev/null 2>&1 || need_pkgs+=(python3-nbformat)
for arg in "$@"; do
  case "$arg" in
    --browser) have chromium || need_pkgs+=(chromium) ;;
    --lm) [ -f /usr/share/wordnet/data.noun ] || need_pkgs+=(wordnet-base) ;;
  esac
done

if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing Debian packages: ${need_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${need_pkgs[*]}" >&2
    echo "setup: run as root, or: sudo apt-get install -y ${need_pkgs[*]}" >&2
    exit 1
  fi
fi

# npm packages: reinstall when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
