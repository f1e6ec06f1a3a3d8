#!/usr/bin/env bash
# Trunk's pre_build hook (Trunk.toml): the demo page's fixture API for `trunk serve`, on
# 127.0.0.1:8089 (Trunk proxies /fixture-api/ to it). Starts it unless it already answers
# there, and stops it when the Trunk that started it ends (`trunk build` included).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=8089
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
listening && exit 0
cargo build --quiet -p e2e --bin demo-server
server="${CARGO_TARGET_DIR:-target}/debug/demo-server"
trunk=$PPID
nohup setsid bash -c '"$0" --fixture-api "$1" & api=$!
  while kill -0 "$2" 2>/dev/null && kill -0 "$api" 2>/dev/null; do sleep 1; done
  kill "$api" 2>/dev/null' "$server" "$PORT" "$trunk" >/dev/null 2>&1 &
for _ in $(seq 100); do listening && exit 0; sleep 0.1; done
echo "dev-fixture-api: the fixture API did not start on 127.0.0.1:$PORT" >&2
exit 1
