# Two commands a newcomer needs: `make demo` and `make test`. Each creates .venv and installs
# what it needs on a fresh clone; nothing else has to be installed by hand.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint bench install clean chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=23.1"
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/alignbot demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint chromium
	$(BIN)/pytest

# The browser tests (tests/web) drive Debian's Chromium through its chromedriver. Installed
# here when missing and we are root (CI is); otherwise say what to run: the tests skip
# without it, except when CI=true.
chromium:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then \
	  :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium and chromium-driver for the browser tests (apt-get)"; \
	  apt-get update -q >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null; \
	else \
	  echo "the browser tests need Chromium: sudo apt-get install chromium chromium-driver" \
	       "(without it they are skipped, and fail when CI=true)"; \
	fi

# make bench ONLY="signals signals_eval" runs only those benches (see bench/run.py).
bench: $(STAMP)
	$(BIN)/python bench/run.py $(ONLY)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache alignbot-demo.db test-output
