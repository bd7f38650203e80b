#!/usr/bin/env bash
# Starts the whole system on this machine: a Kafka broker, PostgreSQL and the three services, each as
# its own process. Needs only a JDK 17+. Ctrl-C stops everything it started.
#
#   ./run-local.sh                 start (keeps data under .local/ across restarts)
#   ./run-local.sh --fresh         start from empty data
#   ./run-local.sh --demo          also load a demo data set (Hai Phong's units, a procedure catalogue, this year's dossiers)
#   ./run-local.sh --database-url jdbc:postgresql://host:5432/postgres --database-user U --database-password P
#                                  use an existing PostgreSQL server instead of the embedded one
#   ./run-local.sh token ROLE [UNIT]   print one more token (ingest, reader, admin; unit-reporter needs its UNIT)
set -uo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
# Where data, keys, tokens and logs live; tests point it elsewhere so as not to touch a developer's own.
LOCAL="${DVC_LOCAL_DIR:-$ROOT/.local}"
LOGS="$LOCAL/logs"
KAFKA_PORT="${DVC_KAFKA_PORT:-9092}"
PG_PORT="${DVC_POSTGRES_PORT:-15432}"
# The quick start's own issuer, never production's: a token it mints is refused by a production configuration.
ISSUER="https://dvc.haiphong.edu.vn/local"
SERVICES=(dossier-service payment-service indicator-service)
declare -A PORTS=([dossier-service]=8081 [payment-service]=8082 [indicator-service]=8083)
DATABASE_URL="${DVC_DATABASE_URL:-}"
DATABASE_USER="${DVC_DATABASE_USER:-postgres}"
DATABASE_PASSWORD="${DVC_DATABASE_PASSWORD:-postgres}"
FRESH=false
DEMO=false

say() { printf '%s\n' "$*"; }
fail() { printf 'run-local: %s\n' "$*" >&2; exit 1; }

# r2: ./run-local.sh token ROLE [UNIT] prints one more token signed by the quick start's key (made now if there is
# none yet), alone on one line, without starting anything, whether or not the system runs.
if [ "${1:-}" = token ]; then
    ROLE="${2:-}"
    UNIT="${3:-}"
    [ -n "$ROLE" ] || fail "usage: ./run-local.sh token ROLE [UNIT] (ROLE: ingest, reader, admin, or unit-reporter with its UNIT)"
    command -v java >/dev/null 2>&1 || fail "no 'java' on the PATH: install a JDK 17 or newer and try again."
    mkdir -p "$LOGS"
    if [ ! -f "$ROOT/local-infra/target/local-infra.jar" ]; then
        (cd "$ROOT" && ./mvnw -q -B install -DskipTests -pl local-infra -am >"$LOGS/build.log" 2>&1) \
            || fail "the build failed; see $LOGS/build.log"
    fi
    exec java -cp "$ROOT/local-infra/target/local-infra.jar:$ROOT/local-infra/target/lib/*" vn.edu.haiphong.dvc.infra.TokenMintMain \
        --dir "$LOCAL" --issuer "$ISSUER" --role "$ROLE" ${UNIT:+--unit "$UNIT"}
fi

while [ $# -gt 0 ]; do
    case "$1" in
        --fresh) FRESH=true ;;
        --demo) DEMO=true ;;
        --database-url) DATABASE_URL="${2:?--database-url needs a JDBC URL}"; shift ;;
        --database-user) DATABASE_USER="${2:?}"; shift ;;
        --database-password) DATABASE_PASSWORD="${2:?}"; shift ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown option '$1' (try --help)." ;;
    esac
    shift
done

command -v java >/dev/null 2>&1 || fail "no 'java' on the PATH: install a JDK 17 or newer and try again."
JAVA_MAJOR=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${JAVA_MAJOR%%.*}" -ge 17 ] 2>/dev/null || fail "Java $JAVA_MAJOR found, but 17 or newer is needed: install a newer JDK."

mkdir -p "$LOGS"
PIDFILE="$LOCAL/run-local.pid"
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    fail "the system is already running (process $(cat "$PIDFILE")); stop it with Ctrl-C in its terminal or: kill $(cat "$PIDFILE")"
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$KAFKA_PORT" "${PORTS[@]}"; do
    port_free "$p" || fail "port $p is already taken by another program: stop it, or set DVC_KAFKA_PORT / DVC_POSTGRES_PORT for ours."
done
if [ -z "$DATABASE_URL" ]; then
    port_free "$PG_PORT" || fail "port $PG_PORT is already taken: stop that program or set DVC_POSTGRES_PORT."
fi

if $FRESH; then
    say "• Removing earlier data (--fresh)"
    rm -rf "$LOCAL/kafka" "$LOCAL/postgres"
fi

# ---- build ----
needs_build=false
for s in "${SERVICES[@]}"; do
    [ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || needs_build=true
done
[ -f "$ROOT/local-infra/target/local-infra.jar" ] || needs_build=true
if $needs_build; then
    say "• Building (first start only; a few minutes)"
    if ! (cd "$ROOT" && ./mvnw -q -B install -DskipTests >"$LOGS/build.log" 2>&1); then
        fail "the build failed; see $LOGS/build.log"
    fi
fi
INFRA_CP="$ROOT/local-infra/target/local-infra.jar:$ROOT/local-infra/target/lib/*"

# ---- process management ----
PIDS=()
NAMES=()
stop_all() {
    trap - INT TERM EXIT
    say ""
    say "• Stopping"
    local i
    for ((i=${#PIDS[@]}-1; i>=0; i--)); do
        kill -TERM "${PIDS[$i]}" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "${PIDS[$i]}" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "${PIDS[$i]}" 2>/dev/null
        wait "${PIDS[$i]}" 2>/dev/null
    done
    rm -f "$PIDFILE"
    say "  stopped ${NAMES[*]:-nothing}"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo $$ >"$PIDFILE"

start() { # name, log, command...
    local name=$1 log=$2; shift 2
    "$@" >"$log" 2>&1 &
    PIDS+=($!)
    NAMES+=("$name")
}

wait_for_line() { # pid, log, pattern, seconds, what
    local pid=$1 log=$2 pattern=$3 seconds=$4 what=$5
    for _ in $(seq 1 $((seconds * 5))); do
        grep -q "$pattern" "$log" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || fail "$what did not start: $(tail -n 3 "$log" | tr '\n' ' ')(full log: $log)"
        sleep 0.2
    done
    fail "$what did not start within $seconds s; see $log"
}

http_ready() { # port → 0 when /q/health/ready answers 200
    local reply
    reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && head -n 1 <&3) 2>/dev/null)
    [[ "$reply" == *" 200"* ]]
}

# ---- infrastructure ----
say "• Starting Kafka (KRaft) on localhost:$KAFKA_PORT"
start kafka "$LOGS/kafka.log" java -Xmx512m -cp "$INFRA_CP" vn.edu.haiphong.dvc.infra.LocalKafkaMain --port "$KAFKA_PORT" --data-dir "$LOCAL/kafka"
wait_for_line "${PIDS[-1]}" "$LOGS/kafka.log" '^READY' 60 "Kafka"

if [ -z "$DATABASE_URL" ]; then
    say "• Starting PostgreSQL on localhost:$PG_PORT"
    start postgres "$LOGS/postgres.log" java -Xmx128m -cp "$INFRA_CP" vn.edu.haiphong.dvc.infra.LocalPostgresMain --port "$PG_PORT" --data-dir "$LOCAL/postgres" --databases dossier,payment,indicator
    wait_for_line "${PIDS[-1]}" "$LOGS/postgres.log" '^READY' 60 "PostgreSQL"
    DB_BASE="jdbc:postgresql://localhost:$PG_PORT"
    DATABASE_USER=postgres
    DATABASE_PASSWORD=postgres
else
    say "• Using the PostgreSQL server at $DATABASE_URL"
    java -cp "$INFRA_CP" vn.edu.haiphong.dvc.infra.CreateDatabasesMain --url "$DATABASE_URL" --user "$DATABASE_USER" \
        --password "$DATABASE_PASSWORD" --databases dossier,payment,indicator >"$LOGS/databases.log" 2>&1 \
        || fail "$(tail -n 1 "$LOGS/databases.log") Check --database-url, --database-user and --database-password."
    DB_BASE="${DATABASE_URL%/*}"
fi

# ---- credentials ----
if [ ! -f "$LOCAL/secrets.env" ]; then
    key=$(head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf 'DVC_DOSSIER_APPLICANT_HASH_KEY=%s\n' "$key" >"$LOCAL/secrets.env"
    chmod 600 "$LOCAL/secrets.env"
fi
# shellcheck disable=SC1091
. "$LOCAL/secrets.env"
java -cp "$INFRA_CP" vn.edu.haiphong.dvc.infra.TokenMintMain --dir "$LOCAL" --issuer "$ISSUER" --out "$LOCAL/tokens.env" >"$LOGS/tokens.log" 2>&1 \
    || fail "could not create the signing keys and tokens; see $LOGS/tokens.log"
# shellcheck disable=SC1091
. "$LOCAL/tokens.env"

# ---- services ----
for s in "${SERVICES[@]}"; do
    db="${s%-service}"
    say "• Starting $s on http://localhost:${PORTS[$s]}"
    start "$s" "$LOGS/$s.log" env \
        QUARKUS_HTTP_PORT="${PORTS[$s]}" \
        QUARKUS_DATASOURCE_JDBC_URL="$DB_BASE/$db" \
        QUARKUS_DATASOURCE_USERNAME="$DATABASE_USER" \
        QUARKUS_DATASOURCE_PASSWORD="$DATABASE_PASSWORD" \
        KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$LOCAL/jwt-public.pem" \
        MP_JWT_VERIFY_ISSUER="$ISSUER" \
        MP_JWT_VERIFY_TOKEN_AGE=2592000 \
        DVC_DOSSIER_APPLICANT_HASH_KEY="$DVC_DOSSIER_APPLICANT_HASH_KEY" \
        DVC_PAYMENT_DOSSIER_SERVICE_TOKEN="$READER_TOKEN" \
        QUARKUS_REST_CLIENT_DOSSIER_SERVICE_URL="http://localhost:${PORTS[dossier-service]}" \
        java -Xmx512m -jar "$ROOT/$s/target/quarkus-app/quarkus-run.jar"
done
for i in "${!SERVICES[@]}"; do
    s=${SERVICES[$i]}
    pid_index=$(( ${#PIDS[@]} - ${#SERVICES[@]} + i ))
    ok=false
    for _ in $(seq 1 300); do
        if http_ready "${PORTS[$s]}"; then ok=true; break; fi
        kill -0 "${PIDS[$pid_index]}" 2>/dev/null || fail "$s stopped while starting: $(grep -m1 -E 'ERROR|Exception' "$LOGS/$s.log" | cut -c1-200) (full log: $LOGS/$s.log)"
        sleep 0.2
    done
    $ok || fail "$s was not ready within 60 s; see $LOGS/$s.log"
done

if $DEMO; then
    say "• Loading the demo data (Hai Phong's units, a procedure catalogue, this year's dossiers and payments)"
    java -cp "$INFRA_CP" vn.edu.haiphong.dvc.infra.DemoLoaderMain --tokens "$LOCAL/tokens.env" \
        --dossier-url "http://localhost:${PORTS[dossier-service]}" --payment-url "http://localhost:${PORTS[payment-service]}" \
        --indicator-url "http://localhost:${PORTS[indicator-service]}" >"$LOGS/demo.log" 2>&1 \
        || fail "the demo data could not be loaded: $(tail -n 1 "$LOGS/demo.log")"
    say "  $(tail -n 1 "$LOGS/demo.log")"
fi

cat <<INFO

  The system is running. Logs: $LOGS/   Tokens: $LOCAL/tokens.env   Stop: Ctrl-C

  dossier-service     http://localhost:8081   Swagger UI: http://localhost:8081/q/swagger-ui
  payment-service     http://localhost:8082   Swagger UI: http://localhost:8082/q/swagger-ui
  indicator-service   http://localhost:8083   Swagger UI: http://localhost:8083/q/swagger-ui
  Dashboard           http://localhost:8083/#token=$READER_TOKEN
  Kafka               localhost:$KAFKA_PORT
  PostgreSQL          ${DB_BASE#jdbc:postgresql://}

  Tokens (one per role, also in $LOCAL/tokens.env):
    INGEST_TOKEN=$INGEST_TOKEN
    READER_TOKEN=$READER_TOKEN
    ADMIN_TOKEN=$ADMIN_TOKEN

  Try:
    . $LOCAL/tokens.env && curl -H "Authorization: Bearer \$READER_TOKEN" http://localhost:8083/api/v1/indicators
    . $LOCAL/tokens.env && curl -OJ -H "Authorization: Bearer \$READER_TOKEN" "http://localhost:8083/api/v1/reports/plan?year=2024&format=xlsx"

INFO

while true; do
    for i in "${!PIDS[@]}"; do
        if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
            say "run-local: ${NAMES[$i]} stopped unexpectedly; see $LOGS/${NAMES[$i]}.log"
            exit 1
        fi
    done
    sleep 1
done
