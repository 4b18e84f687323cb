"""Issue 23, finding 9: saving the case always writes a PDF, whatever Markdown a box holds, and never fetches a URL."""
import socket

import pytest

from workshop.answers import AnswerProblem
from workshop.labs.capstone import Case
from workshop.labs.capstone.pdf import write_pdf

TABLE = "| Option | Cost | Notes |\n|---|---|---|\n| **Retry** | `$12,000` | see [the log](https://example.com/log) |\n| *Rewrite* | 8 weeks | ~~no~~ |\n"
WIDE = "| " + " | ".join(f"column {i} with a long heading" for i in range(30)) + " |\n|" + "---|" * 30 + "\n| " + \
       " | ".join(f"value {i}" for i in range(30)) + " |\n"
IMAGE = "Our dashboard:\n\n![the dashboard](https://example.com/dashboard.png)\n\n![local](/etc/passwd)\n"


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the PDF writer tried to reach the network")
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize("markdown", [TABLE, WIDE, IMAGE, TABLE + WIDE + IMAGE, "<b>raw</b> & <table><tr><td>x"],
                         ids=["nested-tags-in-cells", "very-wide", "images", "all", "raw-html"])
def test_the_pdf_is_written_whatever_markdown_the_case_holds(tmp_path, no_network, markdown):
    path = write_pdf("# My case\n\n" + markdown + "\n\nThe end.", tmp_path / "case.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 800


def test_saving_a_case_with_a_table_in_a_box_writes_every_file(tmp_path, monkeypatch, no_network):
    monkeypatch.setenv("WORKSHOP_OUTPUT_DIR", str(tmp_path))
    case = Case.from_answer({"title": "Retries", "problem": TABLE, "evidence": IMAGE, "risks": WIDE})
    paths = case.save("tables")
    assert [p.suffix for p in paths] == [".md", ".html", ".pdf"] and paths[-1].stat().st_size > 800


def test_an_over_long_box_is_named():
    from workshop.labs.capstone.case import field_label

    with pytest.raises(AnswerProblem) as caught:
        Case.from_answer({"title": "x", "evidence": "y" * 6000})
    assert field_label("evidence") in str(caught.value) and "6,000" in str(caught.value)
