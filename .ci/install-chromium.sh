#!/usr/bin/env bash
# Install Debian's chromium for the explain report's browser test, where it is missing.
# Idempotent, and never fails the CI: without a browser that test skips and says why.
set -u
if [ -x /usr/bin/chromium ]; then
    echo "install-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium present')"
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: not root or no apt-get; the browser test will skip"
    exit 0
fi
if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
        >/tmp/install-chromium.log 2>&1; then
    echo "install-chromium: installed $(/usr/bin/chromium --version 2>/dev/null)"
else
    echo "install-chromium: apt-get failed (see /tmp/install-chromium.log); the browser test will skip"
    tail -n 5 /tmp/install-chromium.log || true
fi
exit 0
