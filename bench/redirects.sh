#!/usr/bin/env bash
# Redirect throughput of the emulator (with click recording) against nginx's `return 302`, measured in the same run with
# the same wrk settings, and the stats latency of a link with 1,000,000 clicks.
#   bench/redirects.sh            (after ./build.sh, which publishes artifacts/emulator)
# Env: DURATION (10s), CONNECTIONS (32), SEED_CLICKS (1000000), STATS_CALLS (21), DASHBOARD (1: measure the redirects once
# more with the bench link's dashboard page open: its event stream read and its results fetched every second, as the page does).
# Besides requests/s, the emulator's own CPU time per redirect (from /proc): on a shared machine throughput follows whatever
# else runs, while the CPU a redirect costs, and what an open page adds to it, hardly does.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dll="${KLINKY_EMULATOR_DLL:-$root/artifacts/emulator/Klinky.Emulator.dll}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-32}"
seed_clicks="${SEED_CLICKS:-1000000}"
stats_calls="${STATS_CALLS:-21}"

need() {
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$1" ]; then
    echo "installing $2 (Debian package)"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null
  fi
}
need wrk wrk
need nginx nginx-light
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -f "$dll" ] || { echo "emulator not built: $dll (run ./build.sh)"; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wrk --latency prints "99%  1.23ms"; answers in ms.
p99_ms() {
  awk '/^ +99%/ { v=$2; if (v ~ /us$/) { sub(/us$/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v=v*1000 } print v }' "$1"
}
rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }

run_wrk() { wrk -t1 -c"$connections" -d"$duration" --latency "$1" > "$2"; }

# CPU time (user + system) a process has used, in ms.
clk_tck="$(getconf CLK_TCK)"
cpu_ms() { awk -v tck="$clk_tck" '{ printf "%d\n", ($14 + $15) * 1000 / tck }' "/proc/$1/stat"; }

# --- nginx: one worker answering `return 302` ---
nginx_port="$(free_port)"
mkdir -p "$work/nginx"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$nginx_port;
    location / { add_header Cache-Control "private, no-store"; return 302 https://example.com/a; }
  }
}
CONF
"$nginx_bin" -c "$work/nginx.conf" -p "$work"

# --- emulator on a database file (the durable configuration) ---
key="klinky_live_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
KLINKY_API_KEY="$key" dotnet "$dll" --urls http://127.0.0.1:0 --db "$work/bench.db" > "$work/emulator.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q "listening on" "$work/emulator.log" && break; sleep 0.1; done
base="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/emulator.log" | head -n1)"
[ -n "$base" ] || { cat "$work/emulator.log"; exit 1; }
curl -fsS -o /dev/null -X POST "$base/api/v1/public/links" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d '{"name":"bench","slug":"bench","variants":[{"label":"control","destination_url":"https://example.com/a","weight":50},{"label":"variant_b","destination_url":"https://example.com/b","weight":50}]}'

echo "warm-up (3s each)"
wrk -t1 -c"$connections" -d3s "$base/bench" > "$work/warm-up.txt"
wrk -t1 -c"$connections" -d3s "http://127.0.0.1:$nginx_port/x" >/dev/null

echo "measuring nginx return 302 ($duration, $connections connections)"
run_wrk "http://127.0.0.1:$nginx_port/x" "$work/nginx.txt"
echo "measuring emulator GET /{slug} with click recording ($duration, $connections connections)"
cpu_before="$(cpu_ms "${pids[0]}")"
run_wrk "$base/bench" "$work/emulator.txt"
e_cpu=$(( $(cpu_ms "${pids[0]}") - cpu_before ))
sleep 1
link_id="$(curl -fsS "$base/api/v1/public/links?slug=bench" -H "X-API-Key: $key" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
recorded="$(curl -fsS "$base/api/v1/public/links/$link_id/clicks?per_page=1" -H "X-API-Key: $key" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"

n_rps="$(rps "$work/nginx.txt")"; n_p99="$(p99_ms "$work/nginx.txt")"
e_rps="$(rps "$work/emulator.txt")"; e_p99="$(p99_ms "$work/emulator.txt")"
e_total="$(awk '/requests in/ { print $1 }' "$work/emulator.txt")"
refused="$(cat "$work/warm-up.txt" "$work/emulator.txt" | awk '/Non-2xx or 3xx responses:/ { n += $5 } END { print n + 0 }')"
answered=$(( e_total + $(awk '/requests in/ { print $1 }' "$work/warm-up.txt") - refused ))
echo
printf 'nginx return 302      %10.0f requests/s   p99 %6.2f ms\n' "$n_rps" "$n_p99"
printf 'emulator redirect     %10.0f requests/s   p99 %6.2f ms   (%s redirects measured)\n' "$e_rps" "$e_p99" "$e_total"
printf 'emulator CPU          %10.1f us per redirect (%s ms of CPU)\n' "$(python3 -c "print($e_cpu * 1000 / $e_total)")" "$e_cpu"
# wrk counts the answers it read; a request cut off when its run ended may still have been counted by the emulator.
printf 'clicks recorded       %10s of %s redirects answered with warm-up: %s\n' "$recorded" "$answered" "$([ "$recorded" -ge "$answered" ] && echo 'none lost' || echo 'CLICKS LOST')"
[ "$refused" -eq 0 ] || echo "answers other than 302: $refused (see the emulator's log)"
python3 - "$e_rps" "$n_rps" "$e_p99" <<'PY'
import sys
e, n, p99 = (float(x) for x in sys.argv[1:4])
ratio = e / n
print(f"ratio emulator/nginx  {ratio:10.2f}   (target >= 0.40)")
print(f"targets: >= 10000 redirects/s {'met' if e >= 10000 else 'NOT met'}; p99 < 10 ms {'met' if p99 < 10 else 'NOT met'}; ratio >= 0.40 {'met' if ratio >= 0.4 else 'NOT met'}")
PY

if [ "${DASHBOARD:-0}" = 1 ]; then
  echo
  echo "measuring emulator GET /{slug} again with the link's dashboard page open and streaming ($duration, $connections connections)"
  curl -sN "$base/_klinky/links/bench/events" > "$work/events.txt" &
  pids+=($!)
  ( while sleep 1; do curl -fsS -o /dev/null "$base/_klinky/links/bench/live"; done ) &
  pids+=($!)
  cpu_before="$(cpu_ms "${pids[0]}")"
  run_wrk "$base/bench" "$work/emulator-dashboard.txt"
  d_cpu=$(( $(cpu_ms "${pids[0]}") - cpu_before ))
  kill "${pids[1]}" "${pids[2]}" 2>/dev/null || true
  d_rps="$(rps "$work/emulator-dashboard.txt")"; d_p99="$(p99_ms "$work/emulator-dashboard.txt")"
  d_total="$(awk '/requests in/ { print $1 }' "$work/emulator-dashboard.txt")"
  printf 'with dashboard open   %10.0f requests/s   p99 %6.2f ms   ratio %.2f; %s click events streamed\n' "$d_rps" "$d_p99" \
    "$(python3 -c "print($d_rps / $n_rps)")" "$(grep -c '^event: clicks' "$work/events.txt" || true)"
  printf 'emulator CPU, open    %10.1f us per redirect (%s ms of CPU; %+.0f%% against the run without the page)\n' \
    "$(python3 -c "print($d_cpu * 1000 / $d_total)")" "$d_cpu" "$(python3 -c "print(100 * ($d_cpu / $d_total) / ($e_cpu / $e_total) - 100)")"
fi

kill "${pids[0]}" 2>/dev/null || true
wait "${pids[0]}" 2>/dev/null || true
pids=()

# --- stats of a link with 1,000,000 clicks ---
echo
echo "seeding a link with $seed_clicks clicks"
KLINKY_API_KEY="$key" dotnet "$dll" seed --db "$work/stats.db" --slug big --clicks "$seed_clicks"
KLINKY_API_KEY="$key" dotnet "$dll" --urls http://127.0.0.1:0 --db "$work/stats.db" > "$work/emulator2.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q "listening on" "$work/emulator2.log" && break; sleep 0.1; done
base="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/emulator2.log" | head -n1)"
big_id="$(curl -fsS "$base/api/v1/public/links?slug=big" -H "X-API-Key: $key" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
python3 - "$base" "$key" "$big_id" "$stats_calls" <<'PY'
import json, statistics, sys, time, urllib.request
base, key, link, calls = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def timed(path):
    request = urllib.request.Request(base + path, headers={"X-API-Key": key})
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        body = json.load(response)
    return (time.perf_counter() - start) * 1000, body
timed(f"/api/v1/public/links/{link}/stats")
all_time = [timed(f"/api/v1/public/links/{link}/stats") for _ in range(calls)]
ranged = [timed(f"/api/v1/public/links/{link}/stats?start_date=2000-01-01") for _ in range(max(3, calls // 4))]
body = all_time[-1][1]
print(f"stats, {body['total_clicks']} clicks (maintained counters): median {statistics.median(t for t, _ in all_time):.1f} ms over {calls} calls (target < 100 ms)")
print(f"stats with a date range (index scan):        median {statistics.median(t for t, _ in ranged):.1f} ms over {len(ranged)} calls")
PY
