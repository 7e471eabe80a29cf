# The two commands of the README: `make run` and `make test`. Both set up everything they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
STAMP := $(VENV)/.installed
# The interface's translations: gettext catalogs (domain "atlas") managed by Babel. The .po files are
# committed; the compiled .mo files are made here at install (git-ignored), and again when a .po changes.
LOCALE_DIR := geo/locale
PO := $(wildcard $(LOCALE_DIR)/*/LC_MESSAGES/atlas.po)
MO := $(PO:.po=.mo)

.PHONY: run test bench load boundaries chromium postgis nginx system lock clean check-report deploy scale-check \
	locales catalogs

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), f"Python 3.11 is required, found {sys.version.split()[0]}"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(VENV)/bin/pybabel -q compile --domain atlas --directory $(LOCALE_DIR)
	touch $(STAMP)

## catalogs: compile a translation again when its .po file changed (fuzzy entries are left out)
catalogs: $(MO)

$(LOCALE_DIR)/%/LC_MESSAGES/atlas.mo: $(LOCALE_DIR)/%/LC_MESSAGES/atlas.po | $(STAMP)
	$(VENV)/bin/pybabel -q compile --domain atlas --input-file $< --output-file $@ --locale $*

## locales: extract every message of the interface into geo/locale/atlas.pot and update the French and
## Dutch catalogs from it (new messages arrive empty, changed ones fuzzy: translate them, then
## `make catalogs`; tests/test_i18n.py fails while any is left)
locales: $(STAMP)
	$(VENV)/bin/pybabel -q extract --mapping-file babel.cfg --output-file $(LOCALE_DIR)/atlas.pot \
	  --project "Belgian incident atlas" --copyright-holder "the atlas's authors" \
	  --no-location --sort-output --width 100 --add-comments TRANSLATORS: .
	$(VENV)/bin/pybabel -q update --domain atlas --input-file $(LOCALE_DIR)/atlas.pot --output-dir $(LOCALE_DIR) \
	  --width 100 --ignore-obsolete --previous
	$(MAKE) catalogs

## boundaries: find ../shared/boundaries/belgium.json, or download and verify the pinned copy
boundaries: $(STAMP)
	$(PY) -m geo boundaries

## chromium, postgis, nginx: Debian packages, installed only when missing (as root; else the
## command to run is printed), with no service started: the tests start their own servers
chromium:
	@deploy/packages.sh chromium

postgis:
	@deploy/packages.sh postgis

nginx:
	@deploy/packages.sh nginx

## system: all three at once (one apt-get run)
system:
	@deploy/packages.sh chromium postgis nginx libreoffice

run: $(STAMP) catalogs boundaries
	ATLAS_SINGLE_USER=1 $(PY) -m geo serve --server.headless true --server.port $(PORT) \
	  --browser.gatherUsageStats false --server.enableStaticServing true

test: $(STAMP) catalogs boundaries system
	$(PY) -m pytest -q

check-report: $(STAMP) boundaries
	$(PY) -m geo check-report

bench: $(STAMP) catalogs boundaries chromium
	$(PY) -m bench

## load: the servers under load without browsers: websocket clients replay a browser's messages
## against 1, 2 and 4 app processes (`python -m bench.wsload --help`); then, as a realism check, 8
## browser sessions for 40 s, pausing about 2 s between actions (`python -m bench.load --help`)
load: $(STAMP) catalogs boundaries chromium
	$(PY) -m bench.wsload --processes 1 2 4 --clients 8 --seconds 30
	$(PY) -m bench.load --sessions 8 --seconds 40 --ramp 10 --think 2

## deploy: the atlas for a team on this machine, on loopback: PostgreSQL + PostGIS, N app processes
## and nginx (readers at http://127.0.0.1:$(DEPLOY_PORT)/, editors at /edit/); Ctrl-C stops it all
N ?= 2
DEPLOY_PORT ?= 8080
deploy: $(STAMP) catalogs boundaries postgis nginx
	$(PY) -m deploy.run --processes $(N) --port $(DEPLOY_PORT)

## scale-check: 1 then 2 app processes behind nginx with the PostGIS store: a dataset saved through
## one and opened through the other, then the load test through nginx for each (docs/PERFORMANCE.md)
scale-check: $(STAMP) catalogs boundaries system
	$(PY) -m bench.scale_check

lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf $(VENV) .cache static artifacts .pytest_cache
