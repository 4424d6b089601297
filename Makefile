# Two commands for everyone: `make site` and `make test`. See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Material 9.x prints an end-of-life banner on every build; it says nothing about our site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check serve install install-dev lock clean help

help:
	@echo "make site   - install into .venv (pinned) and build the site into site/ (strict)"
	@echo "make test   - install test tools into .venv and run every test"
	@echo "make check  - the fast tier: every test without a browser or a slow build (under a minute)"
	@echo "make serve  - preview the site at http://127.0.0.1:8000/"
	@echo "make clean  - remove site/ and .venv/"

# The stamp files make the install step run again only when a pin file changes.
$(VENV)/.runtime: requirements.txt requirements-uv.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "). Set PYTHON=python3.11 or install it.")'
	$(PYTHON) -m venv --without-pip $(VENV)
	@# requirements.txt pins every package, its dependencies included, each file by its hash: a package missing from it fails here.
	scripts/pip.sh $(PYTHON) $(VENV) --require-hashes -r requirements.txt
	scripts/pip.sh $(PYTHON) $(VENV) --no-deps --no-build-isolation --editable .
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	scripts/pip.sh $(PYTHON) $(VENV) --require-hashes -r requirements-dev.txt
	@touch $@

install: $(VENV)/.runtime

install-dev: $(VENV)/.dev

site: install
	$(BIN)/mkdocs build --strict

serve: install
	$(BIN)/mkdocs serve

test: install-dev
	@scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -m "not fresh_clone" $(PYTEST_ARGS)

# The inner loop: domain, command line in-process, the session's one small build; no browser.
check: install-dev
	$(BIN)/python -m pytest -m "not slow and not browser and not fresh_clone" $(PYTEST_ARGS)

# Maintainers, after changing a pin: every file's sha256 beside it (scripts/lock.sh).
lock:
	scripts/lock.sh $(PYTHON)

clean:
	rm -rf site $(VENV)
