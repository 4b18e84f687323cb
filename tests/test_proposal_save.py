"""The proposal file is written when the learner saves it, never by Run All."""
import json
import re
from pathlib import Path

import pytest

from workshop.labs.proposal import Option, Proposal

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def out(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_OUTPUT_DIR", str(tmp_path))
    return tmp_path


def unfinished():
    return Proposal(title="Speed up CI", headline=..., numbers={"Cost": "(compute it above first)"})


def test_showing_a_proposal_writes_nothing(out):
    proposal = unfinished()
    bundle = proposal._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "Still to fill in" in bundle["text/html"]
    proposal._repr_html_()
    assert list(out.iterdir()) == []


def test_save_button_writes_the_page_and_says_what_is_missing(out):
    controls = unfinished().controls()
    assert controls.save_button.description == "Save my proposal"
    controls.save_button.click()
    saved = out / "my-proposal.md"
    assert saved.read_text(encoding="utf-8").startswith("# Speed up CI")
    assert "Saved to" in controls.status.value and "Still to fill in" in controls.status.value
    done = Proposal(title="T", headline="Cut waits, saving $1 a year.", problem="p", numbers={"a": "1"},
                    options=[Option("Do nothing", cons=["the waits go on"]), Option("Fix", pros=["faster builds"])],
                    ask="Approve it.")
    finished = done.controls()
    finished.save_button.click()
    assert "Still to fill in" not in finished.status.value and "Cut waits" in saved.read_text(encoding="utf-8")


def test_a_failed_save_is_a_message_not_a_traceback(out, monkeypatch):
    controls = unfinished().controls()
    (out / "my-proposal.md").mkdir()  # a folder where the file should go: writing fails
    controls.save_button.click()
    assert "Could not save" in controls.status.value


def test_no_notebook_saves_a_file_on_run_all():
    """Run All executes every code cell: none may write the learner's files for them."""
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "code":
                assert ".save(" not in "".join(cell["source"]), path.name


# --- issue 25.5: 05's proposal is a form, like the capstone's case --------------------------------

@pytest.fixture
def form(out):
    from workshop.labs import proposal as module

    module._drafts.clear()
    return module.proposal_form("Faster builds would save about $500,000 a year.", hours_waited=100.0,
                                cost_per_year=1_000_000.0, fix_saving=500_000.0)


def fill(form):
    form.boxes["problem"].value = "Thirty engineers wait for builds."
    form.boxes["payback"].value = "about 3 weeks"
    form.boxes["ask"].value = "Two engineers for three weeks, from Monday."
    form.boxes["risks"].value = "The fix overruns its three weeks."
    rows = [("Do nothing", "costs nothing now", "the waiting goes on"), ("Faster runners", "saves $500,000 a year", "three weeks")]
    for row, values in zip(form.option_rows, rows):
        for box, value in zip(row, values):
            box.value = value


def test_the_proposal_form_writes_nothing_until_save_and_empty_parts_are_left_out(form, out):
    assert list(out.iterdir()) == []
    form.option_rows[0][0].value = "Do nothing"
    page = form.proposal().markdown()
    assert "((yours to write))" not in page and "### Do nothing\n" in page
    assert "Do nothing" in form.page.value  # the page under the form follows what was typed
    assert list(out.iterdir()) == []


def test_a_filled_form_is_finished_and_saves_with_its_options_pros_and_cons(form, out):
    fill(form)
    proposal = form.proposal()
    assert proposal.missing() == []
    path = form.save()
    text = path.read_text(encoding="utf-8")
    assert "- Pro: costs nothing now" in text and "- Con: three weeks" in text and "about 3 weeks" in text
    assert f"Saved in {out}/: my-proposal.md" in form.status.value
    form.save()
    assert re.search(r"Saved again at \d\d:\d\d in ", form.status.value)


def test_an_unfinished_proposal_saves_but_says_so(form):
    form.save()
    assert "Saved, but it is not finished (still to fill in:" in form.status.value


def test_a_restarted_kernel_gets_the_saved_form_back(form, out):
    from workshop.labs import proposal as module

    fill(form)
    form.save()
    module._drafts.clear()  # a new kernel
    again = module.proposal_form("", hours_waited=100.0, cost_per_year=1_000_000.0, fix_saving=500_000.0)
    assert again.boxes["ask"].value == "Two engineers for three weeks, from Monday."
    assert [b.value for b in again.option_rows[1]] == ["Faster runners", "saves $500,000 a year", "three weeks"]
    assert "Restored from my-proposal.md" in again.status.value
