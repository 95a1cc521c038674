#!/usr/bin/env bash
# The emulator part of the demo: start it, create a link, play 2,000 visitors, print the stats.
# The integrator's demo/run.sh can call this (or reuse its steps) once the surfaces join in.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dll="${KLINKY_EMULATOR_DLL:-$root/artifacts/emulator/Klinky.Emulator.dll}"
log="$(mktemp)"
dotnet "$dll" --urls http://127.0.0.1:0 --in-memory > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do grep -q "^Plan:" "$log" && break; sleep 0.1; done
base="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$log" | head -n1)"
key="$(sed -n 's/^API key: //p' "$log" | head -n1)"
echo "emulator at $base"
curl -fsS -X POST "$base/api/v1/public/links" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d '{"name":"Demo headline test","slug":"demo-headline","variants":[{"label":"control","destination_url":"https://example.com/a","weight":50},{"label":"variant_b","destination_url":"https://example.com/b","weight":50}]}' >/dev/null
echo "created $base/demo-headline"
KLINKY_API_KEY="$key" dotnet "$dll" simulate --base-url "$base" --slug demo-headline --visitors 2000 --conversion control=0.05,variant_b=0.08 --seed 42
id="$(curl -fsS "$base/api/v1/public/links?slug=demo-headline" -H "X-API-Key: $key" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
curl -fsS "$base/api/v1/public/links/$id/stats" -H "X-API-Key: $key" | python3 -c "
import json, sys
s = json.load(sys.stdin)
print('stats: %d clicks, %d conversions, status %s, recommended winner %s, visitors still needed per variant %s' % (s['total_clicks'], s['total_conversions'], s['status'], s['recommended_winner'], s.get('visitors_needed')))
for v in s['variants']:
    interval = v.get('uplift_interval')
    shown = 'always-valid 95%% uplift %+.0f%%..%+.0f%% (%s)' % (interval[0] * 100, interval[1] * 100, v.get('verdict')) if interval else 'control'
    print('  %-10s %5d clicks  rate %.4f  %s' % (v['label'], v['clicks'], v['conversion_rate'], shown))
"
