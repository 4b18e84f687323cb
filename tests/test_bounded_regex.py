"""Authors' patterns are bounded, so one pasted answer cannot stall the checker (or the room)."""
import re
import time

import pytest

from workshop.kinds.bounded_regex import bounded


@pytest.mark.parametrize("written, expected", [
    (r"\d[\d,.]*\s*(k|m)?", r"\d[\d,.]{0,80}\s{0,80}(k|m)?"),
    (r"\bship\b.{0,80}\bmyself\b", r"\bship\b.{0,80}\bmyself\b"),  # already bounded: unchanged
    (r"[*+]\w+?", r"[*+]\w{1,80}?"),  # literal inside a class; a lazy quantifier stays lazy
    (r"\*\+", r"\*\+"),  # escaped: literal characters
    (r"(ab)+c*", r"(ab){1,80}c{0,80}"),
    (r"[]*]x*", r"[]*]x{0,80}"),
])
def test_every_unbounded_repeat_gets_a_bound(written, expected):
    assert bounded(written) == expected
    re.compile(bounded(written))


def test_the_bound_keeps_what_a_pattern_means_on_real_phrases():
    pattern = bounded(r"\d[\d,.]*\s*(k|m|million|thousand)?\b[^.;]{0,50}\b(a|per|each|every)\s+(year|yr)\b")
    assert re.search(pattern, "about $15,000 of margin a year", re.I)
    assert not re.search(pattern, "about $15,000 of margin this week", re.I)


def test_a_pasted_run_of_digits_is_linear_for_the_number_idiom():
    """The 08.decision-comment pattern took 10 s on 2,000 characters of '1,1,1'; bounded, linear."""
    hostile = ",".join(["1"] * 1000)
    pattern = bounded(r"\d[\d,.]*\s*(k|m|million|thousand)?\b[^.;]{0,50}\b(a|per|each|every|this|the)\s+(year|yr)\b")
    def best(text):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            re.search(pattern, text, re.I)
            runs.append(time.perf_counter() - start)
        return min(runs)
    small, large = best(hostile[:500]), best(hostile)
    assert large < 8 * small + 0.01, (small, large)  # four times the text: about four times the work


def test_a_lookaround_keeps_its_meaning():
    """"No cost stated anywhere" is a lookahead over the whole answer: it must still see the whole answer."""
    assert bounded(r"^(?!.*\bcost).*\bsave\b") == r"^(?!.*\bcost).*\bsave\b"
    assert bounded(r"[\s\S]*\bsprint\b[^.]*") == r"[\s\S]*\bsprint\b[^.]{0,80}"  # "later in the answer" stays


def test_an_anchored_pattern_keeps_its_meaning():
    """"^[^0-9]*$" (no digit anywhere) is tried once, at the start: its span must reach the end."""
    assert bounded(r"^[^0-9]*$") == r"^[^0-9]*$"
    assert re.search(bounded(r"^[^0-9]*$"), "a question with no number in it at all, and long enough to pass eighty characters")
