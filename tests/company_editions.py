"""Build a second company's two editions for `make test`: ``python -m tests.company_editions NAME OUTDIR``.

OUTDIR/participant holds the participant notebooks and OUTDIR/solutions the solution edition
built with ``WORKSHOP_COMPANY=NAME``. Only the notebooks whose numbers depend on the company are
kept (their module's YAML has ``{{fact}}`` placeholders, or the notebook loads the data or the
facts): the rest cannot differ between companies. The root conftest.py runs every notebook under
``build/companies/NAME/`` with ``WORKSHOP_COMPANY=NAME``, so nbval spreads them over the workers
like any other notebook, instead of one test running them all in a row.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPANY_USE = re.compile(r"\{\{\s*[a-z][a-z0-9_]*\s*(?::[^}]*)?\}\}|workshop\.(?:data|facts|company)\b|\bload\(")


def company_dependent_notebooks() -> list[Path]:
    chosen = []
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        module = next(iter((ROOT / "exercises").glob(f"{notebook.name[:2]}_*.yaml")), None)
        text = notebook.read_text(encoding="utf-8") + (module.read_text(encoding="utf-8") if module else "")
        if COMPANY_USE.search(text):
            chosen.append(notebook)
    return chosen


def build(company: str, out: Path) -> list[Path]:
    """Both editions of the company-dependent notebooks, under ``out``; returns the notebooks written."""
    shutil.rmtree(out, ignore_errors=True)
    participant, solutions = out / "participant", out / "solutions"
    participant.mkdir(parents=True)
    env = {**os.environ, "WORKSHOP_COMPANY": company}
    subprocess.run([sys.executable, "-m", "workshop", "build", "--solutions", str(solutions)],
                   check=True, env=env, cwd=ROOT)
    keep = {p.name for p in company_dependent_notebooks()}
    for built in solutions.glob("*.ipynb"):
        if built.name not in keep:
            built.unlink()
    for name in sorted(keep):
        shutil.copy2(ROOT / "notebooks" / name, participant / name)
    return sorted(participant.glob("*.ipynb")) + sorted(solutions.glob("*.ipynb"))


if __name__ == "__main__":
    written = build(sys.argv[1], Path(sys.argv[2]))
    print(f"{len(written)} notebooks for {sys.argv[1]} in {sys.argv[2]}")
