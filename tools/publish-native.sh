#!/usr/bin/env bash
# Publishes the citytwin command as one native executable (ahead-of-time compiled, self-contained): nothing is
# compiled at start, so a short run (one hour of Bologna, ~1 s) takes about half the wall time of the ReadyToRun build.
#   bash tools/publish-native.sh [output-dir=out/native] [extra dotnet publish arguments...]
# Needs, besides the .NET SDK, a C toolchain for the final link: clang or gcc (with binutils). When neither is on PATH
# it installs Debian's clang (apt-get; root or sudo). Intermediate files go to a private artifacts folder, so a
# native publish never disturbs the ordinary build of the same tree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$root/out/native}")
shift || true

find_cc() {
  for c in clang gcc $(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -n 1); do
    if command -v "$c" >/dev/null 2>&1; then echo "$c"; return 0; fi
  done
  return 1
}

cc=$(find_cc || true)
if [ -z "$cc" ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "publish-native: no clang or gcc found; installing Debian's clang" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq clang zlib1g-dev >/dev/null
  cc=$(find_cc)
fi

rid=$(dotnet --info | grep -oP '^\s*RID:\s*\K\S+' | head -n 1)
artifacts=${CITYTWIN_NATIVE_ARTIFACTS:-$root/out/.native-build}
echo "publish-native: $rid with $cc into $out" >&2
# (NU1603: OsmSharp's pinned protobuf-net versions resolve to the next ones the registry has; known and harmless.)
set +e
dotnet publish "$root/tools/CityTwin.Cli" -c Release -r "${rid:-linux-x64}" -p:PublishAot=true -p:CppCompilerAndLinker="$cc" \
  --artifacts-path "$artifacts" -o "$out" --verbosity quiet "$@" 2>&1 | grep -v "warning NU1603"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "publish-native: dotnet publish failed (exit $status)" >&2
  exit "$status"
fi
echo "publish-native: $out/citytwin" >&2
