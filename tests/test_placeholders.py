"""``{{fact}}`` filling: what a learner reads must be English whatever the company's name."""
from types import SimpleNamespace

from workshop.company.placeholders import fill_text


def named(name: str) -> dict:
    return {"company": SimpleNamespace(text=name, value=float("nan"))}


def test_a_possessive_after_a_name_that_is_already_possessive_is_not_doubled():
    assert fill_text("{{company}}'s bed board", named("St. Brigid's")) == "St. Brigid's bed board"
    assert fill_text("{{company}}\u2019s bed board", named("St. Brigid\u2019s")) == "St. Brigid\u2019s bed board"


def test_an_ordinary_possessive_is_kept():
    assert fill_text("{{company}}'s checkout", named("Larkspur")) == "Larkspur's checkout"
    assert fill_text("{{company}} sells", named("St. Brigid's")) == "St. Brigid's sells"
