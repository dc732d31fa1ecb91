#!/usr/bin/env bash
# Installs what Fraktdesk needs to build, run and test: system packages (Debian/Ubuntu) and npm deps.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium: e2e browser; libsecret-1-dev: keytar build; gnome-keyring + dbus: a Secret Service for the
# keychain; xvfb: a display for the Electron e2e launcher; python3/make/g++: native module builds;
# postgresql: the server binaries the shared-database (team mode) tests start a throwaway cluster with.
# cups-daemon, cups-client: the print service and its lp/lpstat/cancel commands the label printing tests
# print through (a throwaway cupsd per test run, own config folder and port; nothing system-wide is changed).
APT_PACKAGES=(chromium libsecret-1-dev gnome-keyring dbus dbus-x11 xvfb python3 make g++ postgresql cups-daemon cups-client)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "Not a Debian/Ubuntu system: install Chromium and (Linux) libsecret yourself; see README." >&2
fi

npm ci --no-audit --no-fund
