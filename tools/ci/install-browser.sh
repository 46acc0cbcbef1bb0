#!/usr/bin/env bash
# The console's browser tests drive Debian's chromium (headless), with CJK fonts so Chinese
# renders in the screenshots. Idempotent: nothing to do when chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
