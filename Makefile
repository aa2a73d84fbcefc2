PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install bench clean browser exiftool vnu

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,c2pa]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/newswire demo --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# Debian's Chromium drives the site's browser test; the test skips where it cannot be had.
browser:
	@command -v chromium >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium unavailable: the browser test will skip"; }

# ExifTool reads the picture renditions' IPTC/XMP back in the media tests; they skip without it.
exiftool:
	@command -v exiftool >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libimage-exiftool-perl >/dev/null) \
	  || echo "exiftool unavailable: the tests that read renditions with it will skip"; }

# The W3C's Nu Html Checker (vnu.jar, from the npm registry) validates every page the wire
# serves (tests/ops/test_html_nu_checker.py); the test skips without it or without Java.
VNU_JAR := .tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu:
	@test -f $(VNU_JAR) || { command -v npm >/dev/null 2>&1 && \
	  npm install --silent --no-audit --no-fund --prefix .tools/vnu vnu-jar@26.9.27 >/dev/null \
	  || echo "vnu-jar unavailable: the HTML conformance test will skip"; }
	@command -v java >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null) \
	  || echo "java unavailable: the HTML conformance test will skip"; }

# One test process per core (pytest-xdist): tests own their databases, ports and streams.
test: $(STAMP) lint browser exiftool vnu
	$(BIN)/pytest -n auto

# Each benchmark prints one JSON line with its figures and the baseline measured in the same run.
bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/feed.py
	$(BIN)/python bench/stream.py
	$(BIN)/python bench/ticker.py
	$(BIN)/python bench/portal_live.py
	$(BIN)/python bench/site.py
	$(BIN)/python bench/enrich_quality.py
	$(BIN)/python bench/enrich_speed.py
	$(BIN)/python bench/enrich_growth.py
	$(BIN)/python bench/memory.py

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache

.PHONY: suite-long bench-load

# The resilience, authz and fuzz suites at full length (minutes, not seconds), then every test
# marked `long` (slow variants kept out of make test's 15 minutes).
suite-long: $(STAMP)
	NEWSWIRE_LONG_SUITES=1 $(BIN)/pytest -m "not long" tests/resilience tests/ops tests/api/test_rate_limit_shared.py tests/sources/test_poller_crash.py tests/site/test_site_leaks.py -s
	NEWSWIRE_LONG_SUITES=1 $(BIN)/pytest -n auto -m long tests

# Two nodes + a worker under SSE, feed and webhook load; prints one JSON line.
bench-load: $(STAMP)
	$(BIN)/python bench/load.py --duration 60
