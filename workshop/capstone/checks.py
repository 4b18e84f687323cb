"""Checks that teach: each reads one part of a case the way a finance director would.

Every check is a pure function ``check(case) -> Result``; ``check_case`` runs them all.
Each one repairs a belief real people hold: that the fix is worth the whole problem,
that doing nothing is free, that one estimate is enough, that a fix has no risks.
"""
from __future__ import annotations

import re
from typing import Callable

from workshop.answers import AnswerProblem
from workshop.capstone.amounts import amounts_in, close
from workshop.capstone.case import Case
from workshop.currency import amount as _money  # money in the company's currency
from workshop.result import Result

DO_NOTHING = re.compile(
    r"\b(do(?:ing)? nothing|status quo|no change|leave (?:it|things) as (?:it is|they are)|as it is|"
    r"don'?t fix|do not fix|not fixing|accept the (?:risk|cost|loss)|live with it)\b",
    re.IGNORECASE,
)


def _result(name: str, status: str, feedback: str, misconception: str | None = None) -> Result:
    return Result(exercise_id=name, status=status, feedback=feedback, misconception=misconception,
                  score=1.0 if status == "correct" else 0.5 if status == "partial" else 0.0)


def avoided_not_total(case: Case) -> Result:
    """The benefit of a fix is the loss it avoids, a share of the problem, never more than all of it."""
    name = "the saving, not the whole problem"
    problem, saving = case.amount("problem_per_year"), case.amount("saving_per_year")
    if problem is None or saving is None:
        return _result(name, "incorrect", "Fill in what the problem costs a year today **and** what the fix saves a year: "
                       "the case turns on the difference between them.")
    if problem <= 0 or saving <= 0:
        return _result(name, "incorrect", "Both amounts should be above zero: a cost today and a saving the fix buys.")
    if saving > problem * 1.001:
        return _result(name, "incorrect", f"The fix saves {_money(saving)} a year, more than the whole problem costs "
                       f"({_money(problem)}). A fix can only avoid loss that exists: check both numbers.",
                       "A fix is worth more than the problem it removes.")
    if saving >= problem * 0.99:
        return _result(name, "partial", f"Your fix saves the whole problem ({_money(problem)} a year). Few fixes remove "
                       "every cause: which causes does it address, and what share of the loss do they make? "
                       "The saving is that share, the avoided loss.",
                       "The fix is worth the whole problem.")
    return _result(name, "correct", f"The fix saves {_money(saving)} of the {_money(problem)} a year "
                   f"({saving / problem:.0%}): the avoided loss, the number that pays the fix back.")


def headline_states_the_saving(case: Case) -> Result:
    """A number in the headline, the saving rather than the whole problem, and strong by the framing checker."""
    from workshop.framing import assess

    name = "a number in the headline"
    headline = case.text("headline")
    if not headline:
        return _result(name, "incorrect", "Write the headline: the one sentence a budget holder reads first.")
    a = assess(headline)
    if not a.elements["magnitude"]:
        return _result(name, "incorrect", "Put a number in the headline: what the fix saves a year, or when it pays back. "
                       "Without one, the reader can't weigh it against anything.", "A good description is enough to decide.")
    try:
        problem, saving, low = (case.amount(n) for n in ("problem_per_year", "saving_per_year", "low_saving_per_year"))
    except AnswerProblem:
        problem = saving = low = None
    stated = amounts_in(headline)
    sells_problem = (problem and saving and not close(saving, problem)
                     and any(close(x, problem) for x in stated)
                     and not any(close(x, v) for x in stated for v in (saving, low) if v))
    if sells_problem:
        return _result(name, "partial", f"The headline leads with the whole problem ({_money(problem)} a year). The fix buys "
                       f"{_money(saving)} of it; that is the number a budget holder weighs against the cost of the fix.",
                       "The headline should carry the biggest number.")
    if not a.strong:
        return _result(name, "partial", f"The headline has a number but is not yet strong (score {a.score}/100). "
                       + (a.feedback[0] if a.feedback else ""))
    return _result(name, "correct", f"Strong headline (score {a.score}/100) with a number a budget holder can weigh.")


def do_nothing_option(case: Case) -> Result:
    """Doing nothing is an option with a cost: the one every other option is compared with."""
    name = "a do-nothing option"
    options = case.lines("options")
    if len(options) < 2:
        return _result(name, "incorrect", "A decision needs a choice: list at least two options, one per line, "
                       "and make doing nothing one of them.", "There is only one way to solve it.")
    if not any(DO_NOTHING.search(o) for o in options):
        return _result(name, "partial", "Add **doing nothing** as an option, with what it costs a year. It is the option "
                       "the budget holder compares everything else with.", "Doing nothing is free.")
    return _result(name, "correct", f"{len(options)} options, including doing nothing and what it costs.")


def sceptic_low_case(case: Case) -> Result:
    """The sceptic's low saving and the payback it still gives: the number that survives the meeting."""
    name = "the sceptic's low case"
    saving, low, cost = (case.amount(n) for n in ("saving_per_year", "low_saving_per_year", "fix_cost"))
    if cost is None or cost <= 0:
        return _result(name, "incorrect", "Fill in what the fix costs (people × weeks × rate is enough): payback needs it.")
    if low is None:
        return _result(name, "incorrect", "What would a sceptic say the fix saves? Put in their low number; a case that "
                       "still pays back at the low end is one a finance director signs.", "One estimate is enough.")
    if low <= 0:
        return _result(name, "incorrect", "The low case should still be a saving above zero; if the sceptic's honest answer "
                       "is zero, say why in the risks.")
    if saving is not None and low >= saving:
        return _result(name, "partial", f"The low case ({_money(low)}) should be lower than your estimate "
                       f"({_money(saving) if saving else 'above'}): what would the sceptic doubt?",
                       "A low case is the same estimate said again.")
    months = cost / low * 12
    if months > 36:
        return _result(name, "partial", f"In the sceptic's low case the {_money(cost)} fix takes about {months:,.0f} months "
                       "to pay back. Say so, and look for a smaller first step.")
    return _result(name, "correct", f"Even in the sceptic's low case ({_money(low)} a year) the {_money(cost)} fix pays back "
                   f"in about {months:,.0f} months.")


def reversibility(case: Case) -> Result:
    """How the decision could be undone, or why it can't: it sets how much proof the case needs."""
    name = "reversibility"
    if len(case.text("reversibility").split()) < 5:
        return _result(name, "incorrect", "Say how you would undo the change (a flag, a rollback, running old and new side "
                       "by side), or why it can't be undone. A reversible step needs less proof.",
                       "Every decision needs the same certainty.")
    return _result(name, "correct", "You say how the step could be undone, so the reader knows how much proof it needs.")


def risks_of_the_fix(case: Case) -> Result:
    """The fix's own risks: a case that names them is one a sceptic trusts."""
    name = "risks of the fix itself"
    risks = [r for r in case.lines("risks") if len(r.split()) >= 3]
    if not risks:
        return _result(name, "incorrect", "Name at least one risk of the fix itself (what could go wrong while you make it) "
                       "and what you would do about it.", "A fix has no risks of its own.")
    named = "One risk" if len(risks) == 1 else f"{len(risks)} risks"
    return _result(name, "correct", f"{named} of the fix named: a sceptic trusts a case that names its own.")


def specific_ask(case: Case) -> Result:
    """An ask a budget holder can say yes to: who, how much, by when."""
    from workshop.framing import assess

    name = "the ask"
    ask = case.text("ask")
    if not ask:
        return _result(name, "incorrect", "End with the ask: what you want approved, how much, and from when.")
    if not assess(ask).elements["magnitude"]:
        return _result(name, "partial", "Make the ask specific: how many people, for how many weeks, from when?",
                       "A general request is easier to approve.")
    return _result(name, "correct", "A specific ask: someone can say yes to it in the meeting.")


CHECKS: tuple[Callable[[Case], Result], ...] = (
    avoided_not_total, headline_states_the_saving, do_nothing_option, sceptic_low_case,
    reversibility, risks_of_the_fix, specific_ask,
)


# The name each check reports, also when an unreadable amount stops it early.
TITLES = {
    avoided_not_total: "the saving, not the whole problem", headline_states_the_saving: "a number in the headline",
    do_nothing_option: "a do-nothing option", sceptic_low_case: "the sceptic's low case",
    reversibility: "reversibility", risks_of_the_fix: "risks of the fix itself", specific_ask: "the ask",
}


def _safely(check, case: Case) -> Result:
    try:
        return check(case)
    except AnswerProblem as problem:
        return _result(TITLES[check], "incorrect", str(problem))


def check_case(answer, exercise_id: str = "10.my-case") -> Result:
    """Every check over a case: correct when all pass; each part listed as done or to do."""
    case = Case.from_answer(answer)
    results = [_safely(check, case) for check in CHECKS]
    passed = sum(r.correct for r in results)
    details = tuple(f"{'done' if r.correct else 'to do'}: {r.exercise_id}. {r.feedback.replace('**', '')}" for r in results)
    first = next((r for r in results if not r.correct), None)
    if first is None:
        return Result(exercise_id, "correct", f"All {len(results)} checks pass: a case a finance director can decide on.",
                      score=1.0, details=details)
    status = "incorrect" if passed <= 1 else "partial"
    return Result(exercise_id, status, f"{passed} of {len(results)} checks pass. Next: **{first.exercise_id}** (the first 'to do' below).",
                  misconception=first.misconception, score=passed / len(results), details=details)
