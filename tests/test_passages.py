"""Passages: teaching text that follows the company (issue 12).

A Markdown cell cannot change with ``WORKSHOP_COMPANY``; a passage in the module's YAML
can. These tests hold the learner's path (``m.passage``), the bank's validation of
passages, the notebook checks that keep YAML and notebooks in step, and the name and
currency check that keeps another company's words out of a learner's sight.
"""
import json
import shutil
from pathlib import Path

import pytest

from workshop.bank import loader as bank_module
from workshop.company import factcheck
from workshop.api import Module
from workshop.authoring.notebook_checks import check_notebooks
from workshop.bank.loader import BankError, load_bank
from workshop.company.facts import current

from tests.helpers import MODULE_HEADER, SINGLE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def company(monkeypatch):
    """Switch company in this process: the learner API's bank is cached per folder, so clear it both ways."""

    def switch(name: str):
        monkeypatch.setenv("WORKSHOP_COMPANY", name)
        for variable in [k for k in __import__("os").environ if k.startswith("WORKSHOP_DATA_")]:
            monkeypatch.delenv(variable)
        bank_module._cached_bank.cache_clear()

    yield switch
    bank_module._cached_bank.cache_clear()


@pytest.mark.parametrize("name", ["larkspur", "northway"])
def test_a_passage_states_the_company_in_use(company, name):
    company(name)
    facts = current()
    shown = Module("05").passage("working-year")
    assert facts["company"].text in shown.text
    assert f"{facts['working_weeks_per_year'].text}\nworking weeks" in shown.text
    assert f"{facts['currency'].text}{facts['loaded_hourly_cost'].text}" in shown.text
    assert "{{" not in shown.text
    page = shown._repr_html_()
    assert "mathjax_ignore" in page and "lwi-passage" in page  # "$75 ... $5,600" stays money, not maths
    assert "<strong>" in page and "**" not in page


def test_the_other_company_is_not_named_in_a_passage(company):
    company("northway")
    text = Module("06").passage("peak-and-margin").text
    assert "Northway" in text and "Larkspur" not in text and "£" in text
    assert "Gartner" in text and "$5,600" in text  # a published figure keeps its own currency and its citation


@pytest.mark.parametrize("hostile", ["no-such-passage", "", None, 12, "x" * 5000, "<script>alert(1)</script>", ["ci-table"]])
def test_an_unknown_passage_says_which_exist_and_never_raises(hostile):
    shown = Module("05").passage(hostile)
    page = shown._repr_html_()
    assert "role='alert'" in page and "ci-table" in shown.text and "working-year" in shown.text
    assert "<script>" not in page and len(shown.text) < 400


def test_a_passage_id_whose_str_raises_is_refused_kindly():
    class Hostile:
        def __str__(self):
            raise RuntimeError("boom")

    assert "role='alert'" in Module("05").passage(Hostile())._repr_html_()


def test_a_module_that_failed_to_load_says_so_for_passages():
    assert "role='alert'" in Module("99").passage("ci-table")._repr_html_()


def module_with_passages(passages: str, exercises: str = "exercises: []\n") -> str:
    """A module file (tests/helpers.py's header) with a ``passages:`` list before its exercises."""
    return MODULE_HEADER.format(code="07").replace("exercises:\n", f"passages:\n{passages}\n{exercises}")


@pytest.mark.parametrize("passages, complaint", [
    ("  - {id: Bad Id, text: Hello}", "passages.0.id"),
    ("  - {id: ok, text: ''}", "passages.0.text"),
    ("  - {id: ok}", "passages.0.text"),
    ("  - {id: ok, text: One}\n  - {id: ok, text: Two}", "passage id 'ok' is used twice"),
    ("  - {id: ok, text: Hi, colour: red}", "colour"),
    ("  just a string", "passages"),
])
def test_a_broken_passage_is_reported_by_field(tmp_path, passages, complaint):
    (tmp_path / "07_test.yaml").write_text(module_with_passages(passages), encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path)
    assert complaint in str(caught.value)


def notebook(folder: Path, code: str, *sources: str) -> Path:
    cells = [{"cell_type": "markdown", "id": "h", "metadata": {}, "source": "**Teaching:** 5 min · **Exercises:** 5 min"},
             {"cell_type": "code", "id": "m", "metadata": {}, "execution_count": None, "outputs": [],
              "source": f'from workshop import Module\nm = Module("{code}")'}]
    cells += [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [], "source": s}
              for i, s in enumerate(sources)]
    path = folder / f"{code}_test.ipynb"
    folder.mkdir(exist_ok=True)
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    return path


def test_validate_finds_an_unknown_passage_and_one_no_notebook_shows(tmp_path):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "07_test.yaml").write_text(module_with_passages(
        "  - {id: shown, text: Shown.}\n  - {id: forgotten, text: Never shown.}", "exercises:\n" + SINGLE.format(code="07")))
    bank = load_bank(tmp_path / "exercises")
    notebook(tmp_path / "notebooks", "07", 'm.passage("shown")', 'm.passage("shwn")', 'm.show("pick")')
    problems = [str(p) for p in check_notebooks(bank, tmp_path / "notebooks")]
    assert any("07_test.ipynb, cell 3" in p and "'shwn'" in p and "Did you mean 'shown'?" in p for p in problems), problems
    assert any("module 07" in p and "'forgotten'" in p and "no notebook shows it" in p for p in problems), problems
    assert not any("'shown'" in p and "no notebook" in p for p in problems)


def test_the_repository_shows_every_passage_and_no_unknown_one():
    assert check_notebooks(load_bank(ROOT / "exercises"), ROOT / "notebooks") == []


@pytest.fixture
def copy(tmp_path):
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises", ignore=shutil.ignore_patterns("companies"))
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    return tmp_path


def plant(notebooks: Path, name: str, cell_type: str, text: str) -> int:
    path = next(notebooks.glob(name))
    nb = json.loads(path.read_text(encoding="utf-8"))
    index = next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == cell_type and i > 1)
    nb["cells"][index]["source"] = "".join(nb["cells"][index]["source"]) + text
    path.write_text(json.dumps(nb), encoding="utf-8")
    return index


def test_the_other_company_named_in_a_notebook_or_the_bank_is_listed(copy, company):
    company("northway")
    assert factcheck.check_names(copy / "exercises", copy / "notebooks") == []
    cell = plant(copy / "notebooks", "06_*.ipynb", "markdown", "\nAsk Larkspur's finance team.")
    module = next((copy / "exercises").glob("04_*.yaml"))
    module.write_text(module.read_text(encoding="utf-8").replace("{{company}}'s checkout", "Larkspur's checkout", 1), encoding="utf-8")
    found = {(m.where, m.number): str(m) for m in factcheck.check_names(copy / "exercises", copy / "notebooks")}
    assert (f"06_tech_debt_as_risk.ipynb, cell {cell}", "Larkspur") in found
    assert ("04_business_impact_framing.yaml, 04.rank-framings, prompt", "Larkspur") in found
    assert "write {{company}}" in found[("04_business_impact_framing.yaml, 04.rank-framings, prompt", "Larkspur")]


def test_a_currency_word_of_another_company_is_listed(copy, company):
    cell = plant(copy / "notebooks", "05_*.ipynb", "code", "\n# dollars a year")
    company("larkspur")
    assert factcheck.check_names(copy / "exercises", copy / "notebooks") == []  # Larkspur counts in dollars
    company("northway")
    found = [m for m in factcheck.check_names(copy / "exercises", copy / "notebooks")]
    assert [(m.where, m.number) for m in found] == [(f"05_put_a_number_on_it.ipynb, cell {cell}", "dollars")]
    assert "counts in £" in str(found[0])


def test_every_allowlist_place_still_exists():
    """An allowlist entry keyed by a cell that moved would excuse the wrong sentence, or nothing."""
    places = {where for where, _ in factcheck.bank_texts(ROOT / "exercises", current())}
    places |= {where for where, _ in factcheck.notebook_texts(ROOT / "notebooks")}
    stale = [key for key in factcheck.load_allowlist()["at"]
             if not any(factcheck._within(where, key) for where in places)]
    assert stale == []


def test_a_blank_amount_in_another_currency_is_listed(copy, company):
    module = next((copy / "exercises").glob("05_*.yaml"))
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("worth about {{currency}}… a year", "worth about $… a year", 1), encoding="utf-8")
    company("larkspur")
    assert factcheck.check_names(copy / "exercises", copy / "notebooks") == []
    company("northway")
    found = factcheck.check_names(copy / "exercises", copy / "notebooks")
    assert [(m.where, m.number) for m in found] == [("05_put_a_number_on_it.yaml, 05.proposal-headline, hints.2", "$…")]
    assert "write {{currency}}…" in str(found[0])
