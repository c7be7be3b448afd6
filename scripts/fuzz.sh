#!/usr/bin/env bash
# `make fuzz`: runs each cargo-fuzz target for FUZZ_SECONDS (default 120), from seeds
# made of the bundle's own files, and prints executions per target. An input that
# breaks a check is copied to fuzz/regressions/<target>/, which `make test` replays
# (crates/sdg-props/tests/regressions.rs): add it to git once it is fixed. The core
# has no unsafe code, so the targets run without a sanitizer (three times the speed).
# Usage: scripts/fuzz.sh [target ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_EACH=${FUZZ_SECONDS:-120}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(pack_file url_query csv_import shared_action)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz (about 1 minute)"
  cargo install cargo-fuzz --locked
fi
# cargo-fuzz needs nightly flags. The machine's nightly if there is one; else the
# stable compiler told to accept them (no toolchain is downloaded either way).
if rustup toolchain list | grep -q '^nightly'; then
  FUZZ=(cargo +nightly fuzz)
else
  echo "fuzz: no nightly toolchain; using stable with RUSTC_BOOTSTRAP=1"
  export RUSTC_BOOTSTRAP=1
  FUZZ=(cargo fuzz)
fi

# Seeds: each bundled file with its kind byte (pack_file), cut to 64 KiB files where
# the original is larger, plus queries, CSVs and one shared action.
SEEDS=target/fuzz-seeds
rm -rf "$SEEDS" && mkdir -p "$SEEDS"/{pack_file,url_query,csv_import,shared_action}
python3 - "$SEEDS" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
data = pathlib.Path("data")
def seed(target, name, raw):
    (out / target / name).write_bytes(raw)
def small(value):
    """A JSON value cut to a few records: lists to 12 items, columns alike."""
    if isinstance(value, list):
        return [small(v) for v in value[:12]]
    if isinstance(value, dict):
        return {k: small(v) for k, v in value.items()}
    return value
kinds = ["manifest.json", "framework.json", "countries.json", "cities.json",
         "obs/who-aap/pm25-rest-of-asia-pacific.json", "geo/kr-provinces.json", "actions.json", "kiosk.json"]
for kind, name in enumerate(kinds):
    value = json.loads((data / name).read_text(encoding="utf-8"))
    text = json.dumps(small(value) if name.startswith(("cities", "obs", "actions", "countries")) else value,
                      ensure_ascii=False)
    seed("pack_file", f"{kind}-{name.replace('/', '_')}", bytes([kind]) + text.encode())
actions = json.loads((data / "actions.json").read_text(encoding="utf-8"))
one = dict(actions["actions"][0], id="SH-seed")
seed("shared_action", "one", json.dumps({"actions": [one], "figures": []}, ensure_ascii=False).encode())
for i, q in enumerate(["view=map&series=pm25&year=2020&region=asia-pacific",
                       "view=city&city=kr-31010&lang=ko", "view=compare&cities=kr-11010,jp-13100",
                       "view=actions&target=11.6&theme=air&q=%EC%88%98%EC%9B%90"]):
    seed("url_query", f"q{i}", q.encode())
for name in ["your-data-template.csv", "your-data-example.csv"]:
    seed("csv_import", name, pathlib.Path("public", name).read_bytes())
PY

for t in "${TARGETS[@]}"; do
  dir=target/fuzz-corpus/$t
  art=target/fuzz-artifacts/$t
  mkdir -p "$dir" "$art"
  log=target/fuzz-$t.log
  echo "fuzz: $t for ${SECONDS_EACH}s"
  status=0
  (cd fuzz && "${FUZZ[@]}" run --sanitizer none "$t" "../$dir" "../$SEEDS/$t" -- \
      -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=4096 \
      -artifact_prefix="../$art/" -print_final_stats=1) >"$log" 2>&1 || status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "fuzz: $t: ${runs:-?} executions, $(ls "$dir" | wc -l) inputs in its corpus"
  if [ "$status" -ne 0 ]; then
    mkdir -p "fuzz/regressions/$t"
    for crash in "$art"/*; do
      [ -f "$crash" ] && cp "$crash" "fuzz/regressions/$t/" && echo "fuzz: $t: found $(basename "$crash"), copied to fuzz/regressions/$t/"
    done
    grep -m5 -E 'panicked|ERROR' "$log" || true
    echo "fuzz: $t failed; its log: $log"
    exit 1
  fi
done
