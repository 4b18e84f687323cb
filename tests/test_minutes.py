"""Honest minutes: every module's stated exercise minutes cover its exercises by the rule.

Generic over the bank: a module added later (07-10) is held to the same rule the moment
its YAML exists, and a kind added later must be given minutes before any module uses it.
"""
import re
from pathlib import Path

import pytest

from workshop.bank.loader import get_bank, load_bank
from workshop.kinds import models
from workshop.bank.minutes import (
    DEBRIEF_MINUTES, UnbudgetedKind, allowances, minutes_for, module_budget, register,
)
from tests.helpers import write_module

ROOT = Path(__file__).resolve().parent.parent
BANK = get_bank()
TEACHING_MINUTES_PER_EXERCISE = 15  # CURRICULUM: at least one exercise per 10-15 minutes of teaching


def test_the_rule_is_the_one_the_curriculum_states():
    rule = {kind: a.minutes for kind, a in allowances().items()}
    for kind in ("single_choice", "multiple_select", "matching", "ordering"):
        assert rule[kind] == 2
    assert rule["framing"] == rule["reflection"] == 5
    assert rule["computed"] == 6
    assert DEBRIEF_MINUTES == 3


def test_every_kind_in_the_registry_has_minutes():
    missing = sorted(set(models()) - set(allowances()))
    assert not missing, f"give these kinds minutes in workshop/bank/minutes.py: {missing}"


@pytest.mark.parametrize("module", sorted(BANK.modules), ids=lambda m: f"module-{m}")
def test_stated_exercise_minutes_cover_the_budget(module):
    stated = BANK.modules[module].minutes
    budget = module_budget(module, BANK.module_exercises(module))
    assert stated.exercises >= budget.total, (
        f"module {module} states {stated.exercises} exercise minutes but needs {budget.total}:\n"
        f"{budget.text()}\nRe-time it (minutes in the YAML and the notebook header) or trim it."
    )


@pytest.mark.parametrize("module", sorted(BANK.modules), ids=lambda m: f"module-{m}")
def test_at_least_one_exercise_per_fifteen_minutes_of_teaching(module):
    stated = BANK.modules[module].minutes
    count = len(BANK.module_exercises(module))
    assert count * TEACHING_MINUTES_PER_EXERCISE >= stated.teaching, (
        f"module {module} teaches for {stated.teaching} minutes with only {count} exercises"
    )


def test_an_overpacked_module_fails_the_budget(tmp_path):
    body = "".join(
        f"""\
  - id: 07.rewrite-{n}
    kind: reflection
    title: Write
    prompt: Write.
    hints: [Think.]
    explanation: Because.
    model_answer: An example answer of enough words.
"""
        for n in range(3)
    )
    bank = load_bank(write_module(tmp_path, body=body).parent)  # states 5 exercise minutes
    budget = module_budget("07", bank.module_exercises("07"))
    assert budget.total == 3 * 5 + DEBRIEF_MINUTES
    assert bank.modules["07"].minutes.exercises < budget.total
    assert "07.rewrite-0" in budget.text() and "debrief" in budget.text()


def test_an_unbudgeted_kind_is_an_error_not_zero():
    exercise = next(iter(BANK.exercises.values())).model_copy(update={"kind": "not-yet-a-kind"})
    with pytest.raises(UnbudgetedKind, match="register\\('not-yet-a-kind'"):
        minutes_for(exercise)


def test_a_new_kind_can_join_with_a_fixed_or_computed_allowance():
    exercise = BANK.exercises["03.server-on-fire"].model_copy(update={"kind": "test-only-kind"})
    try:
        register("test-only-kind", 7, "a test")
        assert minutes_for(exercise) == 7
        register("test-only-kind", lambda ex: len(ex.steps), "one a step")
        assert minutes_for(exercise) == len(exercise.steps)
        with pytest.raises(ValueError):
            register("test-only-kind", 0, "nothing")
    finally:
        from workshop.bank import minutes

        minutes._ALLOWANCES.pop("test-only-kind", None)


def test_the_documented_table_matches_the_code():
    doc = (ROOT / "docs" / "timing.md").read_text(encoding="utf-8")
    documented = {kind: int(n) for kind, n in re.findall(r"^\| `(\w+)` \| (\d+) \|", doc, re.MULTILINE)}
    coded = {kind: a.minutes for kind, a in allowances().items() if isinstance(a.minutes, int)}
    assert documented == coded
    assert re.search(rf"^\| debrief \| {DEBRIEF_MINUTES} \|", doc, re.MULTILINE)


# --- The facilitator guide's timetables and the README agree with the bank -------------

GUIDE = (ROOT / "docs" / "facilitator-guide.md").read_text(encoding="utf-8")


def stated_total(module: str) -> int:
    minutes = BANK.modules[module].minutes
    return minutes.teaching + minutes.exercises


def timetables(text: str) -> dict[str, list[tuple[int, str]]]:
    """Heading -> [(minutes from midnight, row text)] for every '### ...' timetable."""
    tables, heading = {}, None
    for line in text.splitlines():
        if line.startswith("### "):
            heading = line[4:].strip()
        row = re.match(r"^\| (\d{1,2}):(\d{2}) \| (.+?) \|$", line)
        if heading and row:
            tables.setdefault(heading, []).append((int(row[1]) * 60 + int(row[2]), row[3]))
    return tables


def test_the_guide_has_the_three_timetables():
    assert {"Full day", "Half day", "90-minute taster"} <= {h.split(" (")[0] for h in timetables(GUIDE)}


@pytest.mark.parametrize("heading", sorted(timetables(GUIDE)))
def test_each_timetable_adds_up(heading):
    rows = timetables(GUIDE)[heading]
    for (start, text), (next_start, _) in zip(rows, rows[1:]):
        duration = re.search(r"\((\d+)\)", text)
        assert duration, f"{heading}: {text!r} needs its minutes in brackets"
        assert next_start - start == int(duration[1]), f"{heading}: {text!r} does not end when the next row starts"
        if "short" in text:
            continue
        for module in re.findall(r"\b(\d{2}) [A-Z]", text):
            if module in BANK.modules:
                assert int(duration[1]) == stated_total(module), f"{heading}: module {module} is {stated_total(module)} minutes"
    assert rows[-1][1] == "close"
    length = re.search(r"\((\d+) hours", heading) or re.search(r"^(\d+)-minute", heading)
    if length:
        per = 60 if "hours" in length[0] else 1
        assert rows[-1][0] - rows[0][0] == int(length[1]) * per, f"{heading} does not last what it says"


def test_the_guide_and_readme_module_tables_state_the_banks_minutes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    in_guide = dict(re.findall(r"^\| (\d{2}) [^|]+\| (\d+) \|", GUIDE, re.MULTILINE))
    in_readme = dict(re.findall(r"^\| (\d{2}) \| [^|]+\| (\d+) \|", readme, re.MULTILINE))
    assert set(BANK.modules) <= set(in_guide)
    assert set(in_readme) <= set(BANK.modules) | set(in_guide) and set(in_readme)
    for module in BANK.modules:
        assert int(in_guide[module]) == stated_total(module), f"guide table, module {module}"
        if module in in_readme:
            assert int(in_readme[module]) == stated_total(module), f"README table, module {module}"


def test_a_new_module_from_the_authoring_command_states_honest_minutes(tmp_path):
    from workshop.authoring.new_module import create_module

    (tmp_path / "exercises").mkdir()
    (tmp_path / "notebooks").mkdir()
    create_module("07", "Incident reviews", tmp_path / "exercises", tmp_path / "notebooks")
    bank = load_bank(tmp_path / "exercises")
    budget = module_budget("07", bank.module_exercises("07"))
    assert bank.modules["07"].minutes.exercises >= budget.total
