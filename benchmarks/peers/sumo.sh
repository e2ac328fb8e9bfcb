#!/usr/bin/env bash
# Side-by-side speed: CityTwin against Eclipse SUMO 1.15 (Debian) on the same networks and demand, run alternately.
#   bash benchmarks/peers/sumo.sh [repetitions=3] [scenarios="acosta joined monaco grid30"]
# Needs ../shared/data beside the repository (Bologna and Monaco SUMO scenarios). Installs Debian's sumo and
# sumo-tools if missing (apt-get; root or sudo). SUMO is never a dependency of CityTwin itself, only of this script.
# Prints per scenario: median wall seconds of the whole process (load + simulate + write), median vehicle-updates per
# second of the simulation loop as each tool reports it, and CityTwin/SUMO ratios.
set -euo pipefail
reps=${1:-3}
scenarios=${2:-"acosta joined monaco grid30"}
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$(realpath -m "$root/../shared/data/sumo")
work=${CITYTWIN_PEER_DIR:-/tmp/citytwin-peer-sumo}
mkdir -p "$work"

if ! command -v sumo >/dev/null || [ ! -f /usr/share/sumo/tools/randomTrips.py ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "sumo.sh: installing Debian sumo and sumo-tools" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq sumo sumo-tools >/dev/null
fi
export SUMO_HOME=${SUMO_HOME:-/usr/share/sumo}
[ -d "$data" ] || { echo "sumo.sh: $data not found (shared data beside the repository)" >&2; exit 1; }

# CityTwin as a user would install it for batch runs: published as a native executable (tools/publish-native.sh; it
# installs clang if no C toolchain is found). SUMO is a compiled program too; a JIT build spends about a third of a
# one-second run compiling (benchmarks/README.md). CITYTWIN_BUILD=r2r measures the ReadyToRun build instead.
rid=$(dotnet --info | grep -oP '^\s*RID:\s*\K\S+' | head -1)
rm -rf "$work/citytwin-bin"
if [ "${CITYTWIN_BUILD:-native}" = "r2r" ]; then
  echo "sumo.sh: publishing CityTwin (Release, ReadyToRun)" >&2
  dotnet publish "$root/tools/CityTwin.Cli" -c Release -r "${rid:-linux-x64}" --self-contained false -p:PublishReadyToRun=true \
    -o "$work/citytwin-bin" --verbosity quiet >/dev/null
else
  echo "sumo.sh: publishing CityTwin (Release, native)" >&2
  CITYTWIN_NATIVE_ARTIFACTS="$work/native-build" bash "$root/tools/publish-native.sh" "$work/citytwin-bin" >/dev/null
fi
citytwin=("$work/citytwin-bin/citytwin") # the native executable, or the ReadyToRun launcher

# The 30x30 signalised grid of CityFlow's headline benchmark (see ../shared/reference/cityflow.md): 200 m blocks,
# 2 lanes, 11.11 m/s, guessed signals, one random trip every 0.1 s for an hour, routed by duarouter.
if [[ " $scenarios " == *" grid30 "* ]] && [ ! -f "$work/grid30.rou.xml" ]; then
  echo "sumo.sh: generating the 30x30 grid and its demand" >&2
  netgenerate --grid --grid.number 30 --grid.length 200 --default.lanenumber 2 --default.speed 11.11 --tls.guess \
    --grid.attach-length 200 --no-turnarounds -o "$work/grid30.net.xml" >/dev/null
  python3 "$SUMO_HOME/tools/randomTrips.py" -n "$work/grid30.net.xml" -o "$work/grid30.trips.xml" -r "$work/grid30.rou.xml" \
    -b 0 -e 3600 -p 0.1 --seed 42 --trip-attributes 'departLane="best"' >/dev/null 2>&1
fi

# name | net | route files (comma-separated) | end (s)
declare -A net routes additional endtime
net[acosta]="$data/bologna-acosta/acosta_buslanes.net.xml"
routes[acosta]="$data/bologna-acosta/acosta_vtypes.add.xml,$data/bologna-acosta/acosta.rou.xml,$data/bologna-acosta/acosta_busses.rou.xml"
additional[acosta]="$data/bologna-acosta/acosta_tls.add.xml,$data/bologna-acosta/acosta_bus_stops.add.xml"
endtime[acosta]=3600
net[joined]="$data/bologna-joined/joined_buslanes.net.xml"
routes[joined]="$data/bologna-joined/joined_vtypes.add.xml,$data/bologna-joined/joined.rou.xml,$data/bologna-joined/joined_busses.rou.xml"
additional[joined]="$data/bologna-joined/joined_tls.add.xml,$data/bologna-joined/joined_bus_stops.add.xml"
endtime[joined]=3600
net[monaco]="$data/monaco-generated/monaco.net.xml.gz"
routes[monaco]="$data/monaco-generated/monaco.rou.xml.gz"
endtime[monaco]=3600
net[grid30]="$work/grid30.net.xml"
routes[grid30]="$work/grid30.rou.xml"
endtime[grid30]=4800

results="$work/results.csv"
echo "scenario,tool,rep,wall_s,updates,updates_per_s" > "$results"
for s in $scenarios; do
  yaml="$work/$s.yaml"
  {
    echo "name: peer-$s"
    echo "city:"
    echo "  sumo:"
    echo "    net: ${net[$s]}"
    echo "    routes: [${routes[$s]}]"
    [ -n "${additional[$s]:-}" ] && echo "    additional: [${additional[$s]}]"
    echo "time: { durationS: ${endtime[$s]} }"
    echo "traffic: { model: krauss }"
    echo "lighting: { enabled: false }"
    echo "energy: { enabled: false }"
    echo "emissions: { enabled: false }"   # SUMO computes none unless asked (--emission-output)
    echo "outputs: { tables: [summary], formats: [csv], geojson: false, report: false }"
  } > "$yaml"
  for r in $(seq 1 "$reps"); do
    # SUMO: defaults (Krauss, sigma 0.5, internal lanes), seed 42 as in the reference runs; the Debian build needs
    # emergencyDecel >= decel on some nets, and aborts on an assertion in Monaco with some seeds (42 runs through).
    start=$(date +%s.%N)
    add_args=(); [ -n "${additional[$s]:-}" ] && add_args=(-a "${additional[$s]}")
    sumo -n "${net[$s]}" -r "${routes[$s]}" "${add_args[@]}" -e "${endtime[$s]}" --no-step-log --duration-log.statistics \
      --default.emergencydecel decel --seed 42 --no-warnings > "$work/$s.sumo.log" 2>&1
    end=$(date +%s.%N)
    ups=$(grep -oP 'UPS: \K[0-9.]+' "$work/$s.sumo.log" | tail -1)
    dur=$(grep -oP 'Duration: \K[0-9.]+' "$work/$s.sumo.log" | head -1)
    # SUMO prints UPS (vehicle updates per second of its loop) and its loop duration; updates = UPS x duration.
    upd=$(python3 -c "print(round(${ups:-0} * ${dur:-0}))")
    echo "$s,sumo,$r,$(python3 -c "print(round($end - $start, 3))"),$upd,${ups:-}" >> "$results"

    start=$(date +%s.%N)
    "${citytwin[@]}" run "$yaml" --out "$work/$s.citytwin" > "$work/$s.citytwin.log" 2>&1
    end=$(date +%s.%N)
    python3 - "$work/$s.citytwin/kpis.json" "$s" "$r" "$(python3 -c "print(round($end - $start, 3))")" >> "$results" <<'PY'
import json, sys
k = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]},citytwin,{sys.argv[3]},{sys.argv[4]},{int(k['vehicleUpdates'])},{k['vehicleUpdates'] / k['wallSeconds']:.0f}")
PY
  done
done

python3 - "$results" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def med(s, t, col):
    v = [float(r[col]) for r in rows if r["scenario"] == s and r["tool"] == t and r[col]]
    return statistics.median(v) if v else float("nan")
print(f"{'scenario':10} {'SUMO wall s':>12} {'CityTwin wall s':>16} {'wall ratio':>11} {'SUMO updates':>13} {'CityTwin updates':>17} {'SUMO upd/s':>12} {'CityTwin upd/s':>15} {'loop ratio':>11}")
for s in dict.fromkeys(r["scenario"] for r in rows):
    sw, cw = med(s, "sumo", "wall_s"), med(s, "citytwin", "wall_s")
    su, cu = med(s, "sumo", "updates_per_s"), med(s, "citytwin", "updates_per_s")
    n_s, n_c = med(s, "sumo", "updates"), med(s, "citytwin", "updates")
    print(f"{s:10} {sw:12.2f} {cw:16.2f} {sw / cw:10.1f}x {n_s:13.0f} {n_c:17.0f} {su:12.0f} {cu:15.0f} {cu / su:10.1f}x")
PY
echo "raw results: $results" >&2
