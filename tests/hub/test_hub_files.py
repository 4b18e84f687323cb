"""The hub's files agree with each other and with the docs (no root, no hub needed)."""
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HUB = ROOT / "deploy" / "jupyterhub"


def test_every_setting_of_the_config_is_documented():
    config = (HUB / "jupyterhub_config.py").read_text()
    readme = (HUB / "README.md").read_text()
    names = set(re.findall(r'env\(\s*"(LWI_HUB_[A-Z_]+)"', config)) | set(re.findall(r"env\('(LWI_HUB_[A-Z_]+)'", config))
    assert len(names) > 15
    missing = sorted(n for n in names if f"`{n}`" not in readme)
    assert not missing, f"not in deploy/jupyterhub/README.md: {missing}"


def test_hub_packages_are_pinned_and_not_learner_dependencies():
    pins = [line for line in (HUB / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert {p.split("==")[0] for p in pins} == {"jupyterhub", "jupyterhub-idle-culler", "nbgitpuller"}
    assert all("==" in p for p in pins)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    every = " ".join(project["dependencies"] + sum(project["optional-dependencies"].values(), []))
    assert "jupyterhub" not in every and "nbgitpuller" not in every


def test_ci_builds_the_hub_and_the_docs_send_facilitators_to_it():
    assert "deploy/jupyterhub/install.sh" in (ROOT / ".ci" / "run").read_text()
    deploying = (ROOT / "docs" / "deploying.md").read_text()
    assert "deploy/jupyterhub" in deploying and "word for word" in deploying
    assert "make bench-hub" in deploying and "/services/room/" in deploying
    assert "bench-hub:" in (ROOT / "Makefile").read_text()
    install = (HUB / "install.sh").read_text()
    assert "/opt/lead-with-impact-hub" in install and "configurable-http-proxy" in install
