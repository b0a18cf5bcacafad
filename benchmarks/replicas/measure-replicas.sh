#!/usr/bin/env bash
# Measures postgres mode (docs/scaling.md): not a test, numbers for the docs. It starts a throwaway PostgreSQL 15
# cluster on a free loopback port, two `honcho serve` replicas (lexical only, each with its own data directory),
# then:
#   1. adds sources with the CLI and times, for each, from the CLI's exit ("added") to the other replica
#      listing it from its own index (/sources/{id});
#   2. writes SOURCES sources of 10 passages each straight into the store (with their change-log entries) and
#      times a new, empty replica catching up to them.
# Usage: benchmarks/replicas/measure-replicas.sh [SOURCES]   (default 1000, i.e. 10,000 passages)
# Needs: the .NET 10 SDK, curl, python3, /usr/lib/postgresql/15/bin. Everything it makes is deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

SOURCES=${1:-1000}
BIN=/usr/lib/postgresql/15/bin
HONCHO=src/HonchoBot.Host/bin/Release/net10.0/honcho.dll
[ -f "$HONCHO" ] || dotnet build src/HonchoBot.Host -c Release >/dev/null

WORK=$(mktemp -d /tmp/honcho-replicas-XXXXXX)
chmod 755 "$WORK"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_pg "$BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust --no-sync --no-instructions >/dev/null
PG_PORT=$(free_port)
as_pg "$BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k '' -c listen_addresses=127.0.0.1" -l "$WORK/pg/server.log" -w start >/dev/null
PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1)

export Store__Provider=postgres
export Store__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export Retrieval__Semantic=false DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

start_replica() { # name port
  dotnet "$HONCHO" --data "$WORK/$1" serve --urls "http://127.0.0.1:$2" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
wait_ready() { until curl -sf "http://127.0.0.1:$1/readyz" >/dev/null; do sleep 0.05; done; }

A=$(free_port); B=$(free_port)
start_replica a "$A"; start_replica b "$B"
wait_ready "$A"; wait_ready "$B"
echo "two replicas ready on :$A and :$B"

echo "1. added with the CLI -> listed by the other replica from its own index"
for i in 1 2 3 4 5; do
  t0=$(now_ms)
  dotnet "$HONCHO" --data "$WORK/cli" sources add --id "probe-$i" --title "Probe note $i" \
    --text "Probe note $i for timing: the evening boat to the lighthouse carried oil, rope and a crate of tinned peaches for the keepers." >/dev/null
  t1=$(now_ms)
  until curl -sf "http://127.0.0.1:$B/sources/probe-$i" >/dev/null; do sleep 0.005; done
  t2=$(now_ms)
  echo "   probe-$i: CLI run $((t1 - t0)) ms; added -> on the other replica $((t2 - t1)) ms"
done

echo "2. a new replica catching up with $SOURCES sources x 10 passages"
"${PSQL[@]}" <<SQL
INSERT INTO sources (source_id, community_id, title, content, content_hash, state, created_at, updated_at)
SELECT 'bulk-' || g, NULL, 'Bulk note ' || g,
       E'---\nid: bulk-' || g || E'\ntitle: "Bulk note ' || g || E'"\nlanguage: en\n---\n' ||
       (SELECT string_agg('Entry ' || g || '.' || p || ' of the harbour ledger records that the pilot cutter number ' || (g * 10 + p) ||
                          ' left the north quay at first light, met a collier off the outer buoy, brought her through the channel on the flood, ' ||
                          'and returned before the ebb with a note for the harbour master about the depth at the bar and the state of the leading lights.',
                          E'\n\n') FROM generate_series(1, 10) p),
       md5(g::text), 'published', now(), now()
FROM generate_series(1, $SOURCES) g;
INSERT INTO change_log (at, kind, source_id) SELECT now(), 'added', 'bulk-' || g FROM generate_series(1, $SOURCES) g ORDER BY g;
SQL

C=$(free_port)
t0=$(now_ms)
start_replica c "$C"
until grep -q "Catching up with the store" "$WORK/c.log" 2>/dev/null; do sleep 0.02; done
t1=$(now_ms)
until grep -q "Caught up with the store" "$WORK/c.log" 2>/dev/null; do sleep 0.02; done
t2=$(now_ms)
wait_ready "$C"
passages=$(grep -o "Index ready: [0-9]* passages" "$WORK/c.log" | grep -o "[0-9]*" | head -1)
echo "   start -> catching up $((t1 - t0)) ms; catch-up $((t2 - t1)) ms; $passages passages in the index"
python3 -c "print('   rate: %.0f passages/s' % ($SOURCES * 10 / (($t2 - $t1) / 1000.0)))"
