"""The judge itself: run every detector and the exercise's misconceptions on an answer."""
from __future__ import annotations

import re
from typing import Any, Iterable

from workshop.kinds.judgement import compiled_pattern
from workshop.kinds.judge.quantities import I, MAX_CHARS, Quantity, read_quantities
from workshop.kinds.judge.known import Known, ROLE_WORDS, company_facts, derived_facts, known_facts
from workshop.kinds.judge.findings import Finding, Verdict
from workshop.kinds.judge.red_flags import _quote, red_flags
from workshop.kinds.judge.clauses import Context, stated_numbers
from workshop.kinds.judge.overstatement import detect_overstatement
from workshop.kinds.judge.unsupported import detect_unsupported, detect_week_as_year
from workshop.kinds.judge.payback import detect_payback_contradiction
from workshop.kinds.judge.whole_problem import detect_whole_problem
from workshop.kinds.judge.revenue import detect_revenue_as_margin
from workshop.kinds.judge.deadline import detect_before_deadline
from workshop.kinds.judge.inconsistent import detect_inconsistent_numbers
from workshop.kinds.judge.published import detect_published_figure
from workshop.kinds.judge.likelihood import detect_likelihood
from workshop.kinds.judge.trial import detect_trial_gain
from workshop.kinds.judge.window import detect_short_window

DETECTORS = {
    "red_flag": lambda ctx: red_flags(ctx.text),
    "overstatement": detect_overstatement,
    "week_as_year": detect_week_as_year,
    "unsupported_number": detect_unsupported,
    "whole_problem": detect_whole_problem,
    "revenue_as_margin": detect_revenue_as_margin,
    "payback_contradiction": detect_payback_contradiction,
    "before_deadline": detect_before_deadline,
    "inconsistent_numbers": detect_inconsistent_numbers,
    "published_figure": detect_published_figure,
    "likelihood": detect_likelihood,
    "trial_gain": detect_trial_gain,
    "short_window": detect_short_window,
}
ALWAYS = ("red_flag", "overstatement", "published_figure", "likelihood", "trial_gain")
WITH_FACTS = ("week_as_year", "whole_problem", "revenue_as_margin", "payback_contradiction", "before_deadline",
              "unsupported_number", "short_window")
WITHOUT_FACTS = ("inconsistent_numbers",)


# --- Reading answers --------------------------------------------------------------------------

def answer_texts(answer: Any) -> dict[str, str]:
    """An answer as {part: text}: a string is one part (""); a mapping keeps its string values."""
    if isinstance(answer, str):
        return {"": answer[:MAX_CHARS]}
    if isinstance(answer, dict):
        return {str(k): v[:MAX_CHARS] for k, v in answer.items() if isinstance(v, str)}
    return {}


def describe(q: Quantity, k: Known) -> str:
    what = ROLE_WORDS.get(k.role or "", "")
    if not what or k.role == "context":
        return f"I read \u201c{q.said}\u201d as {k.text}, a fact you were given." if k.role else \
            f"I read \u201c{q.said}\u201d as {k.text}, from the company's data."
    return f"I read \u201c{q.said}\u201d as {what}."


def judge(answer: Any, *, facts: Iterable = (), misconceptions: Iterable = (), fact_values: dict | None = None,
          context: str = "", own_figures: bool = False) -> Verdict:
    """Read an answer (text, or {part: text}) against the exercise's facts and misconceptions. Never raises.

    ``context`` is what the exercise shows the learner (its prompt and statement): a number stated there
    may be quoted. Nothing else supports a number: not another module's fact, however near.
    """
    texts = answer_texts(answer)
    text = "\n".join(t for t in texts.values() if t)[:MAX_CHARS]
    given_decl, misconceptions = list(facts), list(misconceptions)
    values = fact_values
    if values is None and given_decl:
        values = _current_facts()
    values = values or {}
    given = known_facts(given_decl, values) if given_decl else []
    try:
        stated = stated_numbers(context)
    except Exception:  # pragma: no cover - the reader is total
        stated = []
    derived = derived_facts(given, values) if given else []
    company = company_facts(values) if given else []
    wanted = list(ALWAYS) + list(WITH_FACTS if given else WITHOUT_FACTS)
    if given and "inconsistent_numbers" not in wanted:
        wanted.append("inconsistent_numbers")
    built_in = set(wanted)
    wanted += [m.detect for m in misconceptions if m.detect and m.detect not in wanted]
    # A detector that runs only because a misconception names it reads only the parts those misconceptions name.
    only_parts = {name: {m.part for m in misconceptions if m.detect == name}
                  for name in wanted if name not in built_in}
    only_parts = {name: ps for name, ps in only_parts.items() if None not in ps}
    # Each part of a record is judged on its own: a number, a clause or a range never spans two boxes.
    parts = {key: t for key, t in texts.items() if t} or {"": ""}
    quantities: list[Quantity] = []
    readings: list[str] = []
    fired_in: dict[str, dict[str, list[Finding]]] = {}
    for key, part_text in parts.items():
        try:
            part_quantities = read_quantities(part_text)
        except Exception:  # pragma: no cover - the reader is total; this is the last line of defence
            part_quantities = []
        ctx = Context(part_text, part_quantities, given, derived, company, values, stated=stated)
        ctx.own_figures = own_figures  # a number with its source stated is the learner's own, not an invented one
        quantities += part_quantities
        fired_in[key] = {}
        for name in wanted:
            try:
                fired_in[key][name] = DETECTORS[name](ctx)
            except Exception:  # a detector that fails says nothing, rather than a traceback to the learner
                fired_in[key][name] = []
        if given:
            for q in part_quantities:
                k = ctx.role_of(q)
                if k is not None and k.text and (q.kind == "money" or q.is_rate or q.payback):
                    readings.append(describe(q, k))
    fired = {name: [f for key in parts if name not in only_parts or key in only_parts[name]
                    for f in fired_in[key].get(name, [])] for name in wanted}
    findings: list[Finding] = []
    claimed: set[str] = set()
    for m in misconceptions:
        hit = _pattern_hit(m, texts, text)
        if m.detect:
            part = getattr(m, "part", None)
            by_detector = fired_in.get(part, {}).get(m.detect) if part else fired.get(m.detect)
        else:
            by_detector = None
        if by_detector:
            claimed.add(m.detect)
            findings.append(Finding(m.detect, by_detector[0].saw, m.belief, m.feedback, m.id))
        elif hit is not None:
            findings.append(Finding("pattern", f"I read \u201c{_quote(hit)}\u201d.", m.belief, m.feedback, m.id))
    for name in wanted:
        if name in claimed:
            continue
        findings.extend(fired.get(name, []))
    findings = _dedupe(findings)
    return Verdict(tuple(quantities), tuple(dict.fromkeys(readings))[:8], tuple(findings), bool(given))


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.detector, f.belief) if f.detector != "red_flag" else (f.detector, f.belief, f.saw)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _pattern_hit(m, texts: dict[str, str], joined: str) -> str | None:
    """The words an exercise misconception's patterns caught (in its part, if it names one), unless cleared."""
    if not getattr(m, "patterns", None):
        return None
    target = texts.get(m.part, "") if getattr(m, "part", None) else joined
    if not target:
        return None
    for p in m.patterns:
        found = compiled_pattern(p).search(target)
        if found:
            if any(compiled_pattern(u).search(target) for u in m.unless):
                return None
            return found.group(0) or target[:60]
    return None


def _current_facts() -> dict:
    try:
        from workshop.company import facts

        return facts.current()
    except Exception:  # the data cannot be read: judge the words only (validate reports the data problem)
        return {}


# --- For the kinds ----------------------------------------------------------------------------

def for_exercise(exercise, answer: Any) -> Verdict:
    """The verdict for an exercise that declares ``facts``/``misconceptions`` (framing, record, case)."""
    return judge(answer, facts=getattr(exercise, "facts", ()) or (),
                 misconceptions=getattr(exercise, "misconceptions", ()) or (), context=exercise_context(exercise),
                 own_figures=bool(getattr(exercise, "own_figures", False)))


def exercise_context(exercise) -> str:
    """The words the learner reads in the exercise itself: its prompt and the statement to rewrite."""
    return "\n".join(t for t in (getattr(exercise, "prompt", "") or "", getattr(exercise, "statement", "") or "")
                     if isinstance(t, str))


def complete_example(exercise, example: Any) -> Any:
    """A record's example may give only the parts it is about; the other parts come from the model answer."""
    if isinstance(example, dict):
        key = exercise.key() if hasattr(exercise, "key") else {}
        if isinstance(key, dict):
            return {**key, **example}
    return example
