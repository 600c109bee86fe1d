# Two entry points: `make demo` (the whole pipeline on sample submissions) and `make test`.
# Both create .venv and install the project into it on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-quick lint setup system

setup: $(STAMP)

# System packages: bubblewrap sandboxes student code during grading (without it grading warns
# loudly); PostgreSQL serves the multi-grader gradebook tests; Chromium runs the browser test.
# Installed when root with apt.
SYSTEM_PACKAGES := bwrap:bubblewrap pg_ctl:postgresql chromium:chromium

system:
	@missing=""; for entry in $(SYSTEM_PACKAGES); do \
	  command -v "$${entry%%:*}" >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/"$${entry%%:*}" >/dev/null 2>&1 \
	    || missing="$$missing $${entry#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing system packages:$$missing (apt-get install$$missing)"; \
	  fi; fi

$(STAMP): pyproject.toml | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/acelabs demo

test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadgroup --durations=25

test-quick: $(STAMP)
	$(BIN)/python -m pytest -m 'not slow'

lint: $(STAMP)
	$(BIN)/ruff check .
