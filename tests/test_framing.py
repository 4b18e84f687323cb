"""The framing checker agrees with the rubric's labels and generalises beyond them."""
import os
from pathlib import Path

import pytest
import yaml

from workshop.framing import ELEMENTS, assess

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "framing" / "calibration.yaml"
DATA = Path(__file__).parent / "data"


def labelled(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def agreement(rows):
    """Fraction of rows where the checker agrees, per element, for strong and for jargon."""
    keys = [*ELEMENTS, "strong", "jargon"]
    hits = dict.fromkeys(keys, 0)
    for row in rows:
        a = assess(row["text"])
        got = {**a.elements, "strong": a.strong, "jargon": sorted(t.lower() for t in a.jargon)}
        want = {**{k: row[k] for k in (*ELEMENTS, "strong")}, "jargon": sorted(t.lower() for t in row["jargon"])}
        for key in keys:
            hits[key] += got[key] == want[key]
    return {key: hits[key] / len(rows) for key in keys}


def test_calibration_set_is_present_in_ci():
    """Locally a missing ../shared only skips the calibration test; in CI it must be there."""
    if not SHARED.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the calibration test, but {SHARED} is missing")
        pytest.skip("calibration set not found beside the repository (../shared/framing)")
    assert len(labelled(SHARED)) == 40


@pytest.mark.parametrize("row", labelled(SHARED) if SHARED.exists() else [], ids=lambda r: r["text"][:40])
def test_calibration_statement_agrees_element_by_element(row):
    a = assess(row["text"])
    assert a.elements == {k: row[k] for k in ELEMENTS}
    assert a.strong == row["strong"]
    assert sorted(t.lower() for t in a.jargon) == sorted(t.lower() for t in row["jargon"])


def test_own_set_covers_six_domains_and_meets_95_percent():
    rows = labelled(DATA / "framing_holdout.yaml")
    assert len(rows) >= 60
    assert {"healthcare", "finance", "games", "logistics", "saas", "public sector"} <= {r["domain"] for r in rows}
    for key, score in agreement(rows).items():
        assert score >= 0.95, (key, score)


def test_fresh_set_never_tuned_on_stays_above_90_percent():
    for key, score in agreement(labelled(DATA / "framing_fresh.yaml")).items():
        assert score >= 0.90, (key, score)


LADDERS = [
    [
        "The code is messy.",
        "The messy checkout code could make checkout fail for customers.",
        "The messy checkout code means checkout could fail for customers on Black Friday.",
        "If checkout fails on Black Friday we could lose about $300,000 in orders.",
        "Checkout failed twice last quarter per the incident log; on Black Friday that could cost about $300,000 in orders.",
    ],
    [
        "This library is technically superior.",
        "This library would let us ship features faster.",
        "This library would cut our development time by 20%.",
        "This library would cut our development time by 20%, so the Q3 launch lands a month earlier.",
        "In last month's pilot this library cut development time by 20%, so the Q3 launch could land a month earlier.",
    ],
    [
        "We should refactor the claims module.",
        "Cleaning up the claims module would help patients.",
        "Cleaning up the claims module would cut claim errors that delay patients' refunds by about 10 days.",
        "Cleaning up the claims module would cut claim errors that delay about 400 patients' refunds each month.",
    ],
    [
        "Matchmaking is slow.",
        "Slow matchmaking makes players quit.",
        "Slow matchmaking makes about 8% of players quit every weekend.",
        "Our analytics show slow matchmaking made about 8% of players quit every weekend last month.",
    ],
]


@pytest.mark.parametrize("ladder", LADDERS, ids=lambda l: l[0][:30])
def test_a_better_framed_version_always_scores_higher(ladder):
    scores = [assess(text).score for text in ladder]
    assert scores == sorted(scores) and len(set(scores)) == len(scores), scores


def test_jargon_lowers_the_score_and_blocks_strong():
    plain = assess("Fixing this would save our 30 engineers about 60 hours a week.")
    jargon = assess("Fixing the flaky tests would save our 30 engineers about 60 hours a week.")
    assert plain.strong and not jargon.strong
    assert jargon.score < plain.score
    assert any("flaky tests" in tip and "Translate" in tip for tip in jargon.feedback)


def test_feedback_names_each_missing_element_in_plain_words():
    a = assess("The code is messy.")
    assert a.score == 0 and not a.strong
    assert len(a.feedback) == 4
    assert any("Put a number on it" in tip for tip in a.feedback)


@pytest.mark.parametrize("text", [
    "", "We should refactor the monolith.", "Checkout fails on Black Friday, costing $300,000; the flaky tests block fixes.",
])
def test_one_suggestion_per_missing_element_and_per_jargon_term(text):
    a = assess(text)
    missing = [name for name, found in a.elements.items() if not found]
    assert len(a.feedback) == len(missing) + len(a.jargon)


def test_spans_explain_which_words_triggered_each_element():
    a = assess("Last quarter's incident log shows three checkout outages that cost us about $120,000 in lost orders.")
    found = {name: [text for _, _, text in spans] for name, spans in a.spans.items()}
    assert "$120,000" in found["magnitude"] and "incident log" in found["evidence"]
    assert any("quarter" in t for t in found["timeframe"]) and "outages" in found["outcome"]


@pytest.mark.parametrize("text", [
    None, "", "   \n\t", "x" * 100_000, "\U0001F680" * 500, "Проект сорвёт запуск в марте", "結帳在黑色星期五會失敗",
    "**Checkout** will _fail_ on Black Friday", "<script>alert('x')</script> costs $5", b"bytes \xff", 42, ["a"],
])
def test_any_input_gives_a_valid_assessment(text):
    a = assess(text)
    assert 0 <= a.score <= 100 and isinstance(a.strong, bool)
    assert set(a.elements) == set(ELEMENTS) and isinstance(a.jargon, list) and a.feedback
    html = a._repr_html_()
    assert "<script>" not in html and str(a)


def test_learner_text_is_escaped_in_the_highlight():
    html = assess("<img src=x onerror=alert(1)> will cost $5,000 a week")._repr_html_()
    assert "<img" not in html and "&lt;img" in html and "[magnitude]" in html


def test_cli_prints_the_assessment(capsys):
    from workshop.cli import main
    assert main(["framing", "Checkout will fail on Black Friday and cost us $300,000."]) == 0
    out = capsys.readouterr().out
    assert "Score" in out and "outcome yes" in out and "magnitude yes" in out
