"""A deliberately drifted number in a notebook, on a copy, is reported by file, cell and the value it should have."""
import json
import shutil
from pathlib import Path

from workshop import cli

ROOT = Path(__file__).resolve().parent.parent


def drift(notebooks: Path, name: str, anchor: str, sentence: str) -> int:
    """An instructor's hand-typed sentence with a company number, added to the Markdown cell holding ``anchor``."""
    path = next(notebooks.glob(name))
    nb = json.loads(path.read_text(encoding="utf-8"))
    for index, cell in enumerate(nb["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and anchor in source:
            cell["source"] = source + "\n\n" + sentence
            path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
            return index
    raise AssertionError(f"{anchor!r} is not in {name}'s Markdown any more; pick another cell")


def test_a_drifted_number_in_a_notebook_is_listed_with_its_cell_and_value(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("WORKSHOP_COMPANY", raising=False)
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    assert cli.main(["validate", "--notebooks", str(notebooks)]) == 0
    capsys.readouterr()
    cell = drift(notebooks, "05_*.ipynb", "## 1 · A worked example", "The company counts 48 working weeks a year.")
    assert cli.main(["validate", "--notebooks", str(notebooks)]) == 1
    err = capsys.readouterr().err
    line = next(l for l in err.splitlines() if "'48'" in l)
    assert f"05_put_a_number_on_it.ipynb, cell {cell}:" in line
    assert "about working_weeks_per_year? it is 46 now" in line and "48 working weeks" in line


def test_a_number_in_a_passage_is_listed_with_its_place_and_the_fact_it_should_be(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("WORKSHOP_COMPANY", raising=False)
    bank = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises", bank)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    path = next(bank.glob("05_*.yaml"))
    text = path.read_text(encoding="utf-8")
    planted = "an engineer-hour at {{currency}}{{loaded_hourly_cost}}"
    assert text.count(planted) == 1  # in the working-year passage, which 05.cost-per-year's hint points to
    path.write_text(text.replace(planted, "an engineer-hour at $72"), encoding="utf-8")
    assert cli.main(["validate", str(bank)]) == 1
    err = capsys.readouterr().err
    assert "05_put_a_number_on_it.yaml, passage working-year: '$72'" in err
    assert "about loaded_hourly_cost? it is $75 now" in err
