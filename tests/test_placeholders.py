"""``{{fact}}`` filling: what a learner reads must be English whatever the company's name."""
from types import SimpleNamespace

import pytest

from workshop.company.placeholders import fill_text


def named(name: str) -> dict:
    return {"company": SimpleNamespace(text=name, value=float("nan"))}


def test_a_possessive_after_a_name_that_is_already_possessive_is_not_doubled():
    assert fill_text("{{company}}'s bed board", named("St. Brigid's")) == "St. Brigid's bed board"
    assert fill_text("{{company}}\u2019s bed board", named("St. Brigid\u2019s")) == "St. Brigid\u2019s bed board"


def test_an_ordinary_possessive_is_kept():
    assert fill_text("{{company}}'s checkout", named("Larkspur")) == "Larkspur's checkout"
    assert fill_text("{{company}} sells", named("St. Brigid's")) == "St. Brigid's sells"


@pytest.mark.parametrize(("text", "value", "shown"), [
    ("went down {{n}} times last peak", 1, "went down once last peak"),
    ("went down {{n}} times last peak", 3, "went down 3 times last peak"),
    ("{{n}} outages a year", 1, "1 outage a year"),
    ("{{n}} engineers for two weeks", 1, "1 engineer for two weeks"),
    ("{{n}} engineers for two weeks", 2, "2 engineers for two weeks"),
    ("{{n}} timeshares", 1, "1 timeshares"),  # only whole count nouns agree
])
def test_a_count_of_one_agrees_with_its_noun(text, value, shown):
    """Issue 24: an instructor's profile with one peak outage read "went down 1 times"."""
    assert fill_text(text, {"n": SimpleNamespace(value=value, text=str(value))}) == shown
