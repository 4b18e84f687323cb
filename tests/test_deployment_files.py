"""Binder and JupyterHub set-up files say what docs/deploying.md says they do."""
import os
import stat
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_binder_uses_the_same_environment_file():
    binder_env = ROOT / "binder" / "environment.yml"
    assert binder_env.read_text() == (ROOT / "environment.yml").read_text()


def test_post_build_stops_on_error_and_installs_the_package():
    post_build = ROOT / "binder" / "postBuild"
    text = post_build.read_text()
    assert text.startswith("#!/bin/bash") and "set -euo pipefail" in text
    assert "pip install" in text and "-e ." in text
    assert os.stat(post_build).st_mode & stat.S_IXUSR


def test_readme_has_binder_badge_and_deploying_doc_has_nbgitpuller_template():
    readme = (ROOT / "README.md").read_text()
    assert "mybinder.org/v2/gh/" in readme and "/main?" in readme
    deploying = (ROOT / "docs" / "deploying.md").read_text()
    assert "git-pull?repo=" in deploying and "branch=main" in deploying
    assert "scripts/measure_memory.py" in deploying and "timeout" in deploying and "prePuller" in deploying


def test_lab_ships_the_setting_that_turns_off_the_news_prompt():
    """`make lab` on a fresh clone must not ask 30 learners whether to fetch Jupyter news."""
    import json
    import sys

    overrides = ROOT / "lab-settings" / "overrides.json"
    notification = json.loads(overrides.read_text())["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false", "checkForUpdates": False}
    makefile = (ROOT / "Makefile").read_text()
    assert "env: $(STAMP) $(LAB_OVERRIDES)" in makefile and "share/jupyter/lab/settings/overrides.json" in makefile
    assert "lab-settings/overrides.json" in (ROOT / "binder" / "postBuild").read_text()
    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    if sys.prefix != sys.base_prefix and (Path(sys.prefix) / ".installed-stamp").exists():  # made by `make env`
        assert installed.read_text() == overrides.read_text()
