# Two commands a user needs: `make lab` and `make test`. Everything else is for maintainers.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SOLUTIONS := build/solutions
# The second company's editions (tests/company_editions.py), collected beside Larkspur's.
COMPANY_EDITIONS := build/companies/northway
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
# Test workers (pytest-xdist): one per core. Each file stays on one worker, so a notebook's cells
# run in one kernel, in order (nbval); each worker running browser tests starts one JupyterLab.
JOBS   ?= 2
PARALLEL := -n $(JOBS) --dist loadfile
NBVAL  := --nbval-lax --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: lab test env solutions company-editions clean-notebooks bench bench-hub validate

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s)" % sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# JupyterLab defaults for the workshop (no news prompt on first launch): see lab-settings/README.md
$(LAB_OVERRIDES): lab-settings/overrides.json $(STAMP)
	mkdir -p $(dir $@)
	cp lab-settings/overrides.json $@

env: $(STAMP) $(LAB_OVERRIDES)

## Open the workshop in JupyterLab, on module 00.
# Lab's terminals inherit this PATH, so `workshop progress` works there (module 10 asks for it); they
# start a non-login shell, because a login shell's /etc/profile would reset PATH and lose the venv.
lab: env
	PATH="$(CURDIR)/$(BIN):$$PATH" VIRTUAL_ENV="$(CURDIR)/$(VENV)" $(BIN)/jupyter lab \
	  $(if $(filter 0,$(shell id -u)),--allow-root,) \
	  --ServerApp.terminado_settings="shell_command=$${SHELL:-/bin/sh}" notebooks/00_welcome.ipynb

## Run every test: unit tests, answer-key self-test, hygiene, nbval on both editions, and the browser.
test: env solutions company-editions
	$(BIN)/python -m pytest tests notebooks $(SOLUTIONS) $(COMPANY_EDITIONS) $(NBVAL) $(PARALLEL) -rs --durations=15

## The contributor's inner loop: the unit tests only (no browser, no nbval of the editions).
.PHONY: test-fast
test-fast: env
	$(BIN)/python -m pytest tests --ignore=tests/browser $(PARALLEL) -rs

solutions: env
	rm -rf $(SOLUTIONS)
	$(BIN)/workshop build --solutions $(SOLUTIONS)

company-editions: env
	$(BIN)/python -m tests.company_editions northway $(COMPANY_EDITIONS)

validate: env
	$(BIN)/workshop validate

clean-notebooks: env
	$(BIN)/workshop clean

bench: env
	$(BIN)/python scripts/bench.py

## 30 learners on the real hub of deploy/jupyterhub (as root): sign-in to ready, memory, live view delay.
bench-hub: env
	deploy/jupyterhub/install.sh
	$(BIN)/python scripts/bench_hub.py
