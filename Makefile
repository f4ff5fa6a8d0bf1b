# The two commands of the README: `make run` and `make test`. Both set up what is missing.
PY ?= python3
VENV := .venv
# Exact versions with their hashes: every install, here and in CI, gets the same packages.
LOCK := requirements.lock
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | sha256sum | cut -c1-12)

.PHONY: run test lint lock bench clean-neo4j chromium

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	@echo "安装依赖 / installing Python packages from $(LOCK) into $(VENV) …"
	@$(VENV)/bin/pip install -q --disable-pip-version-check --require-hashes -r $(LOCK)
	@$(VENV)/bin/pip install -q --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

# After changing a dependency range in pyproject.toml: re-resolve and re-hash the lock file.
lock:
	@test -x .venv-lock/bin/pip-compile || ($(PY) -m venv .venv-lock && .venv-lock/bin/pip install -q pip-tools)
	@.venv-lock/bin/pip-compile -q --generate-hashes --no-emit-find-links --extra dev \
		--strip-extras --allow-unsafe --upgrade -o $(LOCK) pyproject.toml

run: $(STAMP)
	@$(VENV)/bin/hub run

# The federation tests run a real Apollo Gateway: `npm ci` installs it from the lock file once.
test: $(STAMP) chromium
	@$(VENV)/bin/hub neo4j fetch
	@test -d tests/federation/node_modules || npm ci --prefix tests/federation --no-audit --no-fund
	@$(VENV)/bin/pytest $(PYTEST_ARGS)

# The console's tests drive Debian's chromium headless (tests/test_console_browser.py). Installed
# here when missing and this is root (as in CI), with CJK fonts for its screenshots; otherwise
# those tests skip and say so.
chromium:
	@command -v chromium >/dev/null 2>&1 || { test "$$(id -u)" = 0 && command -v apt-get >/dev/null \
	  && echo "安装 / installing chromium …" && { DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk \
	  >/dev/null 2>&1 || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -q chromium fonts-noto-cjk >/dev/null; }; }; } \
	  || echo "chromium 未安装，浏览器测试将跳过 / chromium missing, browser tests skip: apt-get install chromium"

lint: $(STAMP)
	@$(VENV)/bin/ruff check hub schema tests bench
	@$(VENV)/bin/mypy

clean-neo4j:
	@$(VENV)/bin/hub neo4j stop || true
	rm -rf .neo4j/run .neo4j/test

# The side-by-side benchmark (issue 8): the hub, @neo4j/graphql and raw Cypher at the county,
# prefecture and province scales (loaded once into .neo4j/bench-<scale>); see docs/performance.md.
# `make bench BENCH_ARGS="--scales county"` for one scale.
bench: $(STAMP)
	@$(VENV)/bin/hub neo4j fetch
	@$(VENV)/bin/python -m bench run $(BENCH_ARGS)
