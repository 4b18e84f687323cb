"""pyproject.toml and environment.yml list the same packages with the same ranges."""
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def split(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_side = dict(split(r) for r in project["dependencies"] + project["optional-dependencies"]["test"])
    conda = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert conda["channels"] == ["conda-forge"]
    conda_side = dict(split(d) for d in conda["dependencies"] if isinstance(d, str))
    for pip_list in (d["pip"] for d in conda["dependencies"] if isinstance(d, dict) and "pip" in d):
        conda_side.update(split(r) for r in pip_list)  # packages conda-forge lacks, installed by pip
    conda_side.pop("pip", None)
    assert conda_side.pop("python") == project["requires-python"]
    assert conda_side == pip_side
