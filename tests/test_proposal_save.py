"""The proposal file is written when the learner saves it, never by Run All."""
import json
from pathlib import Path

import pytest

from workshop.proposal import Option, Proposal

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
                    options=[Option("Do nothing"), Option("Fix")], ask="Approve it.")
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
