#!/usr/bin/env bash
# Renders a CityTwin report.html in headless Chromium and saves a PNG, to look at what a user sees.
#   bash tools/report-screenshot.sh out/monaco-baseline/report.html docs/images/report-monaco.png [width] [height]
# Installs Debian's chromium if it is missing (needs apt and root or sudo). Not used by the tests.
set -euo pipefail
report=${1:?usage: report-screenshot.sh REPORT.html OUT.png [width] [height]}
out=${2:?usage: report-screenshot.sh REPORT.html OUT.png [width] [height]}
width=${3:-1100}
height=${4:-2600}

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "report-screenshot: installing chromium (Debian package)" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi

mkdir -p "$(dirname "$out")"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,$height" \
  --screenshot="$(realpath -m "$out")" "file://$(realpath "$report")" 2>/dev/null
echo "report-screenshot: wrote $out"
