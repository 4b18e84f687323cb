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


def test_fresh_set_never_tuned_on_meets_95_percent():
    for key, score in agreement(labelled(DATA / "framing_fresh.yaml")).items():
        assert score >= 0.95, (key, score)


def test_new_domain_set_written_before_tuning_meets_95_percent():
    """Issue 11: 40+ statements from domains the other sets lack, never tuned on (blind first score: outcome 0.71)."""
    rows = labelled(DATA / "framing_new_domains.yaml")
    assert len(rows) >= 40
    assert not {r["domain"] for r in rows} & {r["domain"] for r in labelled(DATA / "framing_holdout.yaml")}
    for key, score in agreement(rows).items():
        assert score >= 0.95, (key, score)


def test_set_written_after_tuning_meets_95_percent():
    """Scored once unchanged after tuning (outcome 0.80, strong 0.84); a second round then tuned on new material."""
    rows = labelled(DATA / "framing_unseen.yaml")
    assert len(rows) >= 25
    for key, score in agreement(rows).items():
        assert score >= 0.95, (key, score)


def test_tuning_set_is_separate_from_the_new_domain_set():
    tuning = labelled(DATA / "framing_tuning.yaml")
    fresh = {r["text"] for r in labelled(DATA / "framing_new_domains.yaml")}
    assert not fresh & {r["text"] for r in tuning}
    for key, score in agreement(tuning).items():
        assert score >= 0.95, (key, score)


GAMING = labelled(DATA / "framing_gaming.yaml")
# What a learner can act on: each problem says what to write instead.
ACTIONABLE = ("in a sentence", "as one sentence", "in one sentence", "in plain words", "say it once")


def test_gaming_set_has_every_kind_of_attempt():
    assert len(GAMING) >= 30
    assert {"word salad", "keyword pile", "repetition", "non-words", "label list", "fragment"} <= {r["kind"] for r in GAMING}


@pytest.mark.parametrize("row", GAMING, ids=lambda r: r["text"][:40])
def test_gaming_is_never_strong_and_the_feedback_says_why(row):
    a = assess(row["text"])
    assert not a.strong
    assert a.score <= 40, a.score
    assert a.problems, "a gaming attempt must be told why it is not yet a statement"
    assert a.feedback[0] == a.problems[0].message
    assert any(phrase in a.feedback[0].lower() for phrase in ACTIONABLE), a.feedback[0]


@pytest.mark.parametrize("text, kind, named", [
    ("outcome: revenue. magnitude: $2M", "labels", None),
    ("Costs costs costs costs $1,000,000.", "repetition", "costs"),
    ("Blorf zanq revenue 40% quibble last quarter.", "nonwords", "zanq"),
    ("Revenue. Customers. 15%. Next quarter. Survey.", "list", None),
    ("revenue customers churn outage $40,000 last quarter dashboard", "list", None),
    ("To save $2M in revenue.", "unlinked", None),
])
def test_each_kind_of_gaming_gets_its_own_plain_reason(text, kind, named):
    a = assess(text)
    problem = next(p for p in a.problems if p.kind == kind)
    assert problem.message in a.feedback
    if named:
        assert named in problem.message.lower()


@pytest.mark.parametrize("text", [
    "Checkout outages cost us $40,000 last quarter.",
    "Signups fell 15% last month.",
    "We lost 300 customers in May.",
    "Churn doubled after the price change.",
    "Refunds cost us $8,000 a week.",
])
def test_genuine_short_statements_stay_strong(text):
    a = assess(text)
    assert a.strong and not a.problems, (a.elements, a.problems)


def test_without_the_word_tables_the_checker_still_judges(monkeypatch):
    """If lemminflect's tables were missing, the checker must not fail a learner or call a real sentence weak."""
    from workshop.framing import lexicon

    monkeypatch.setattr(lexicon, "_lexicon", lambda: ({}, frozenset(), frozenset()))
    assert assess("Checkout outages cost us $40,000 last quarter.").strong
    assert not assess("Revenue revenue revenue 5 per year.").strong
    assert not assess("outcome: revenue. magnitude: $2M").strong


def test_the_checker_reads_its_word_tables_without_numpy():
    """import workshop stays light, and even a first assessment loads no numpy (lemminflect's import would)."""
    import subprocess
    import sys

    code = ("import sys, workshop.framing as f; loaded = f.lexicon._lexicon.cache_info().currsize; "
            "a = f.assess('Signups fell 15% last month.'); "
            "print(loaded, a.strong, f.lexicon.available(), 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["0", "True", "True", "False"]


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
    "Revenue revenue 5 per year log.",
])
def test_one_suggestion_per_missing_element_and_per_jargon_term(text):
    a = assess(text)
    missing = [name for name, found in a.elements.items() if not found]
    assert len(a.feedback) == len(a.problems) + len(missing) + len(a.jargon)


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


def test_a_currency_amount_is_tagged_as_magnitude_and_the_tag_never_runs_into_the_next_word():
    """Issue 8: "$20,000 [outcome]but": RUBRIC.md says a currency amount sizes the claim."""
    import re

    html = assess("Checkout fails on Black Friday, costing $20,000 but we can fix it.")._repr_html_()
    assert re.search(r"\$20,000<sup aria-label=\"magnitude[^\"]*\">\[magnitude", html), html
    assert not re.search(r"</mark>\w", html), "a tag runs into the next word"
    assert not re.search(r"\s<sup", html), "a mark ends in a space"


FRAMING_IDS = ["00.baseline-messy-code", "04.rewrite-messy", "04.rewrite-your-own"]


@pytest.mark.parametrize("exercise_id", FRAMING_IDS)
@pytest.mark.parametrize("answer", [b"\xff\xfe", bytearray(b"\xff"), "\ufffd\ufffd", "???"])
def test_bytes_that_are_not_text_are_not_attempted_with_a_friendly_word(exercise_id, answer):
    """Issue 8: workshop.check("00.baseline...", b"\xff\xfe") said correct."""
    import workshop

    result = workshop.check(exercise_id, answer)
    assert result.status == "not_attempted", result
    assert "Traceback" not in result.feedback and ("text" in result.feedback or "words" in result.feedback)


def test_readable_bytes_are_still_judged():
    import workshop

    assert workshop.check("04.rewrite-messy", "Checkout outages cost us $40,000 last quarter.".encode()).status == "correct"


def test_framing_piped_into_head_prints_no_traceback():
    """`workshop framing "..." | head -1` is how people skim a score; a closed pipe is not our error."""
    import subprocess
    import sys

    text = "Roll back first: it restores checkout revenue within 60 minutes, as our drills show."
    proc = subprocess.Popen([sys.executable, "-c", "from workshop.cli import main; import sys; sys.exit(main())",
                             "framing", text], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader went away before the first line, as `head -0` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in stderr


def test_an_honest_case_may_say_its_subject_three_times_but_a_pile_may_not():
    """Reviewers' honest 04 rewrite said "peak" three times and scored 40/100 for repetition."""
    from workshop.framing import assess

    honest = ("Last peak, checkout was down for about 12 hours and cost us roughly $100,000 of margin, per the "
              "incident log. Two engineers for two to four weeks ($12,000 to $24,000) can load-test and add "
              "servers before the freeze, which should avoid $30,000 to $70,000 of that loss next peak; it cannot "
              "stop a payment provider outage, which caused part of the downtime last peak.")
    assert "repetition" not in [p.kind for p in assess(honest).problems]
    assert "repetition" in [p.kind for p in assess("Revenue growth, revenue wins, more revenue for us.").problems]
