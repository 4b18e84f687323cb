"""docs/adapting.md, followed step by step on a copy of the repository (issue 12).

Each step below mirrors the guide's step of the same number and runs the guide's own
commands (the test checks each command is written in the guide, so the two cannot part
ways), then runs nbval on the notebooks the steps changed, both editions. The guide's
prose edits (a number in the profile, the sentences validate lists, the pasted cells)
are made here the way an instructor would make them.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "adapting.md").read_text(encoding="utf-8")
KINDS = {"single_choice": "my-pick", "multiple_select": "my-several", "numeric": "my-estimate", "matching": "my-pairs",
         "ordering": "my-steps", "reflection": "my-thoughts", "framing": "my-rewrite", "computed": "my-sum"}
SKIP = shutil.ignore_patterns(".venv", ".git", "build", "test-artifacts", "__pycache__", ".ipynb_checkpoints",
                              "node_modules", ".pytest_cache", "*.egg-info")


class Copy:
    """A copy of the repository and a shell-like runner for the guide's commands in it."""

    def __init__(self, root: Path):
        self.root = root
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith("WORKSHOP_DATA_") and k not in ("WORKSHOP_COMPANY", "WORKSHOP_EXERCISES")}
        self.env.update(PYTHONPATH=str(root), WORKSHOP_CONFIG=str(root / "settings.yaml"),
                        WORKSHOP_PROGRESS=str(root / "progress.jsonl"))  # never the shared test log

    def run(self, command: str, ok: bool = True) -> subprocess.CompletedProcess:
        """Run one command exactly as the guide writes it, with the venv's tools as this interpreter."""
        assert command in GUIDE, f"the guide no longer says: {command}"
        argv = command.split()
        if argv[0] == ".venv/bin/workshop":
            argv = [sys.executable, "-m", "workshop", *argv[1:]]
        elif argv[0] == ".venv/bin/python":
            argv = [sys.executable, *argv[1:]]
        elif argv[0] == "cp":
            shutil.copy(self.root / argv[1], self.root / argv[2])
            return subprocess.CompletedProcess(argv, 0, "", "")
        done = subprocess.run(argv, cwd=self.root, env=self.env, capture_output=True, text=True, timeout=900)
        if ok:
            assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        return done

    def export(self, assignment: str) -> None:
        assert f"export {assignment}" in GUIDE
        name, value = assignment.split("=", 1)
        self.env[name] = value


def nbval(copy: Copy, *patterns: str) -> None:
    files = [str(p) for pattern in patterns for p in sorted(copy.root.glob(pattern))]
    assert files, patterns
    done = subprocess.run([sys.executable, "-m", "pytest", *files, "--nbval-lax", "--nbval-sanitize-with",
                           str(copy.root / "tests" / "nbval_sanitize.cfg"), "-q", "-p", "no:cacheprovider"],
                          cwd=copy.root, env=copy.env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-4000:]


def insert_cells(notebook: Path, sources: list[str]) -> None:
    """Paste code cells before the key-points cell (the last), as the guide says."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for source in sources:
        nb["cells"].insert(len(nb["cells"]) - 1, {"cell_type": "code", "execution_count": None, "id": f"guide-{len(nb['cells'])}",
                                                  "metadata": {}, "outputs": [], "source": source})
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def fix_listed_sentences(copy: Copy, report: str) -> int:
    """Step 3's hand edit: each listed number, in its file and cell, becomes the value the report gives."""
    fixed = 0
    for file, cell, old, new in re.findall(r"- (\S+\.ipynb), cell (\d+): '([^']+)' matches no fact \(it was \w+'s \w+; "
                                           r"for \w+ it is ([^)]+)\)", report):
        path = copy.root / "notebooks" / file
        nb = json.loads(path.read_text(encoding="utf-8"))
        source = "".join(nb["cells"][int(cell)]["source"])
        escaped = old.replace("$", "\\$")
        assert escaped in source or old in source
        nb["cells"][int(cell)]["source"] = source.replace(escaped, new.replace("$", "\\$")) if escaped in source \
            else source.replace(old, new)
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        fixed += 1
    return fixed


def test_following_the_adapting_guide_gives_a_valid_edition_that_runs(tmp_path):
    copy = Copy(tmp_path / "repo")
    shutil.copytree(ROOT, copy.root, ignore=SKIP)

    # Step 1: see which company is in use.
    out = copy.run(".venv/bin/workshop company").stdout
    assert "* larkspur" in out and "northway" in out and "chosen by the default" in out

    # Step 2: switch company (environment), check the edition builds. (nbval of Northway's
    # notebooks is tests/test_second_company_notebooks.py; not repeated here.)
    copy.export("WORKSHOP_COMPANY=northway")
    assert "* northway" in copy.run(".venv/bin/workshop company").stdout
    copy.run(".venv/bin/workshop build --solutions build/solutions")
    assert (copy.root / "build" / "solutions" / "05_put_a_number_on_it.ipynb").exists()
    del copy.env["WORKSHOP_COMPANY"]  # `unset WORKSHOP_COMPANY`
    assert "unset WORKSHOP_COMPANY" in GUIDE

    # Step 3: your own company from a copy of a profile; change a number; generate; validate.
    copy.run("cp exercises/companies/larkspur.yaml exercises/companies/mycorp.yaml")
    profile = copy.root / "exercises" / "companies" / "mycorp.yaml"
    text = profile.read_text(encoding="utf-8")
    text = text.replace("name: Larkspur Outfitters", "name: My Corp").replace("short_name: Larkspur", "short_name: MyCorp")
    text = re.sub(r"(  loaded_hourly_cost:\n    value: )75", r"\g<1>90", text)
    assert "value: 90" in text and "loaded_hourly_cost" in GUIDE and "from 75 to 90" in GUIDE
    profile.write_text(text, encoding="utf-8")
    copy.export("WORKSHOP_COMPANY=mycorp")
    copy.run(".venv/bin/python scripts/make_larkspur_data.py --company mycorp")
    assert (copy.root / "exercises" / "companies" / "mycorp" / "data" / "ci_runs.csv").exists()
    # "Here it says OK": exercises and passages follow the profile by themselves.
    assert copy.run(".venv/bin/workshop validate").returncode == 0
    shown = subprocess.run([sys.executable, "-c", "from workshop.api import Module; print(Module('05').passage('working-year'))"],
                           cwd=copy.root, env=copy.env, capture_output=True, text=True, check=True).stdout
    assert "MyCorp" in shown and "engineer-hour at $90" in shown and "an engineer-hour at \\$90" in GUIDE
    # The guide's example: a number typed into a Markdown cell is listed by file and cell, with its new value.
    example = re.search(r"  - (05_put_a_number_on_it\.ipynb), cell (\d+): '\$75' matches no fact \(it was Larkspur's "
                        r"loaded_hourly_cost; for MyCorp it is \$90\) in: …", GUIDE)
    assert example, "the guide's example line of a listed sentence"
    typed = "an engineer-hour costs \\\\$75"
    assert f"`{typed}`" in GUIDE
    path = copy.root / "notebooks" / example[1]
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = nb["cells"][int(example[2])]
    assert cell["cell_type"] == "markdown", "the guide's example cell must be a Markdown cell"
    cell["source"] = "".join(cell["source"]) + f"\n\nAt MyCorp {typed}."
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    report = copy.run(".venv/bin/workshop validate", ok=False)
    assert report.returncode == 1
    assert example[0].split(" in: ")[0] in report.stderr
    assert fix_listed_sentences(copy, report.stderr) == 1
    assert copy.run(".venv/bin/workshop validate").returncode == 0

    # Step 4: an exercise of each kind, each shown by the cell the command prints.
    cells = []
    for kind, exercise in KINDS.items():
        done = copy.run(f".venv/bin/workshop new exercise 05 {kind} {exercise}")
        cells.append(done.stdout.strip().split("\n\n")[-1])
    assert all(exercise in cell for exercise, cell in zip(KINDS.values(), cells))
    missing = copy.run(".venv/bin/workshop validate", ok=False)
    assert missing.returncode == 1 and "05.my-pick" in missing.stderr
    insert_cells(copy.root / "notebooks" / "05_put_a_number_on_it.ipynb", cells)
    # "replace the skeleton's text with yours": here, the skeletons' worked examples, whose
    # numbers are no company's (the number guard lists them until they are replaced).
    module = next((copy.root / "exercises").glob("05_*.yaml"))
    yours = module.read_text(encoding="utf-8")
    for skeleton, own in (("5 × 24 × 5 ÷ 60 = 10 hours", "people × builds × minutes ÷ 60 = hours"),
                          ("Checkout failed for 40 minutes", "Checkout failed for most of an hour")):
        yours = yours.replace(skeleton, own)
    module.write_text(yours, encoding="utf-8")
    valid = copy.run(".venv/bin/workshop validate", ok=False)
    if "minutes" in valid.stderr and valid.returncode:  # the header must state the new minutes: the guide says so
        pytest.fail(f"validate after adding the cells: {valid.stderr[-2000:]}")
    assert valid.returncode == 0, valid.stderr[-3000:]

    # Step 5: publish: clean, build, and run both editions of the notebooks the steps changed.
    copy.run(".venv/bin/workshop clean")
    copy.run(".venv/bin/workshop build --solutions build/solutions")
    nbval(copy, "notebooks/05_*.ipynb", "build/solutions/05_*.ipynb", "notebooks/06_*.ipynb", "build/solutions/06_*.ipynb")
