"""A sceptical reviewer's checks, held over every exercise and notebook in the bank.

Each check is generic (modules written later are covered as they land) and each has a
test showing it catches the defect it was written for, taken from the content it fixed.
"""
import re
from pathlib import Path

import nbformat
import pytest
import yaml

from workshop.bank.loader import get_bank
from workshop.kinds import check_safely
from workshop.bank.notebooks.editions import module_notebooks
from workshop.authoring.review import duplicate_misconceptions, ladder_problem, module_references
from workshop.authoring.review.links import links, next_lines

ROOT = Path(__file__).resolve().parent.parent
BANK = get_bank()
EXERCISES = sorted(BANK.exercises)
NOTEBOOKS = module_notebooks(ROOT / "notebooks")

# Owned by another helper (h-numbers) and being rewritten there; remove once it lands.
LADDERS_BEING_REWRITTEN: set[str] = set()  # 06.why-distribution and 06.decide: rewritten by h-numbers


def ex(exercise_id):
    return BANK.exercises[exercise_id]


# --- Every hint ladder ends with the worked step -----------------------------------------

@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_every_hint_ladder_ends_with_the_worked_step(exercise_id, request):
    if exercise_id in LADDERS_BEING_REWRITTEN:
        request.applymarker(pytest.mark.xfail(reason="h-numbers rewrites this ladder", strict=False))
    assert ladder_problem(ex(exercise_id)) is None, f"{exercise_id}: {ladder_problem(ex(exercise_id))}"


def with_hints(exercise_id, *hints):
    return ex(exercise_id).model_copy(update={"hints": list(hints)})


@pytest.mark.parametrize("exercise_id, old_hints", [
    ("02.mentor-metric", ['The article says "If your team isn\'t getting better, you\'re failing."',
                          "It is about the team, and about change over time."]),
    ("02.settle-the-debate", ["Which move leaves both engineers able to accept the outcome?",
                              "A debate framed as taste doesn't converge, and a verdict doesn't end it either."]),
    ("01.self-inventory", ["Think about the last time someone asked you how something works.",
                           "Look back at the list in the previous exercise for ideas you could start."]),
    ("03.server-on-fire", ["Someone has to coordinate before anyone can dive in safely.",
                           "Tell stakeholders, then the review, then coordinate, then the safest fix."]),
    ("00.build-wait", ["Multiply people by waits a day by minutes each.", "The question asks for hours."]),
])
def test_a_ladder_that_stops_short_is_caught(exercise_id, old_hints):
    assert ladder_problem(with_hints(exercise_id, *old_hints))


def test_the_worked_step_of_each_shape_is_recognised():
    assert ladder_problem(with_hints("00.build-wait", "Multiply.", "5 × 24 × 5 ÷ 60.")) is None
    assert ladder_problem(with_hints("00.build-wait", "Multiply.", "5 × 24 × 5 = 600.")) is not None
    computed = [e for e in BANK.exercises.values() if e.kind == "computed"]
    if computed:
        first = computed[0]
        assert ladder_problem(with_hints(first.id, "Think.", f"`{first.solution_code}`")) is None
        assert ladder_problem(with_hints(first.id, "Think.", "`len(ci)`")) is not None
    assert ladder_problem(with_hints("01.hero-or-multiplier", "Think.", "Multiplies the team: the on-call engineer driving the fix, the link answer, pairing on the payment code, the design doc. Hero move: the weekend rewrite, answering most channel questions within minutes, the approval rule, the escalation point.")) is None
    assert ladder_problem(with_hints("01.hero-or-multiplier", "Think.", "Three are hero moves.")) is not None
    assert ladder_problem(with_hints("01.self-inventory", "Think.", 'For example: "I explain our deploy scripts to new joiners every week."')) is None
    assert ladder_problem(with_hints("01.self-inventory", "Think.", "Write about a behaviour you could start.")) is not None
    assert ladder_problem(with_hints("01.self-inventory", 'For example: "I explain our deploy scripts to new joiners."')) is not None


def test_a_single_choice_hint_that_names_a_wrong_option_as_much_is_caught():
    hint = ("Not by quarantining them yourself first, and not by waiting for the retro: post this fortnight's failure counts "
            "from the build log in the team channel, proposing to quarantine the worst tests tomorrow unless someone objects.")
    assert ladder_problem(with_hints("01.without-permission", "Think.", hint)) is None
    rival = ("Quarantine the worst tests herself today, so they still run but no longer block, and ticket each one, "
             "tagging its author; or post the failure counts in the channel.")
    assert ladder_problem(with_hints("01.without-permission", "Think.", rival)) is not None


def test_hints_say_true_things_about_the_options():
    """A hint that counts the options must count right (01.already-practising once said two wrong options were about output; one was)."""
    exercise = ex("04.spot-elements")
    hint = exercise.hints[-1].lower()
    keyed = [o for o in exercise.options if o.correct]
    assert f"tick {['no', 'one', 'two', 'three', 'four'][len(keyed)]}" in hint
    assert all(word in hint for word in ("evidence", "jargon", "too small"))


def test_a_hint_that_points_at_a_section_points_at_one_the_notebook_shows():
    """00.what-we-practise's hint 1 once pointed at 'the workshop's title', which no notebook shows."""
    for exercise in BANK.exercises.values():
        module = exercise.id.split(".")[0]
        for hint in exercise.hints:
            for section in re.findall(r"section \*\*(.+?)\*\*", hint):
                notebook = next((ROOT / "notebooks").glob(f"{module}_*.ipynb")).read_text(encoding="utf-8")
                assert f"## {section}" in notebook, (exercise.id, section)


# --- Distractors: each wrong option its own belief --------------------------------------

@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_no_two_wrong_options_name_the_same_misconception(exercise_id):
    assert duplicate_misconceptions(ex(exercise_id)) == []


def test_the_old_mentor_metric_pair_is_caught():
    old = ex("02.mentor-metric")
    options = list(old.options)
    options[2] = options[2].model_copy(update={"misconception": "Activity is the same as impact."})
    options[3] = options[3].model_copy(update={"misconception": "Effort is the same as impact."})
    assert duplicate_misconceptions(old.model_copy(update={"options": options}))


def test_distinct_beliefs_about_the_same_roles_are_not_flagged():
    assert duplicate_misconceptions(ex("03.pm-in-disguise")) == []


def _plain(text):
    text = text.lower().replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(re.sub(r"[^a-z0-9']", " ", text.replace("\\n", " ")).split())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_answer_is_copied_from_the_notebook_text(path):
    """03.manager-or-leader was answered by copying the comparison table just above it."""
    notebook = nbformat.read(path, as_version=4)
    shown = _plain(" ".join(c.source for c in notebook.cells if c.cell_type == "markdown"))
    for exercise in BANK.module_exercises(path.name[:2]):
        answers = [i.text for i in getattr(exercise, "items", [])]
        answers += [o.text for o in getattr(exercise, "options", []) if getattr(o, "correct", False)]
        for text in answers:
            if len(_plain(text).split()) >= 3:
                assert _plain(text) not in shown, f"{exercise.id}: {text!r} is copied from the notebook"


def test_the_copy_check_catches_the_old_table_item():
    notebook = nbformat.read(ROOT / "notebooks" / "03_manager_and_leader.ipynb", as_version=4)
    shown = _plain(" ".join(c.source for c in notebook.cells if c.cell_type == "markdown"))
    for old_item in ('"How do we do this?"', "People report to them", '"What should we build, and why?"'):
        assert _plain(old_item) in shown


# --- Unscaffolded exercises --------------------------------------------------------------

def test_which_hat_now_items_describe_moments_not_answers():
    which = ex("02.which-hat-now")
    labels = {c.label.lower() for c in which.categories}
    action_words = ("helping", "mentoring", "coaching", "translating", "explaining", "answering", "seeing")
    for item in which.items:
        text = item.text.lower()
        assert not any(label in text for label in labels)
        assert not any(text.split(":")[-1].strip().startswith(w) for w in action_words), item.text
    assert not any(label in which.hints[0].lower() for label in labels - {"mentor"})  # the first rung is a nudge
    assert "three times" not in which.prompt and "changes hats three" not in which.prompt


def test_which_hat_now_hats_repeat_so_elimination_does_not_solve_it():
    which = ex("02.which-hat-now")
    used = [i.category for i in which.items]
    assert len(used) > len(which.categories) and len(set(used)) == len(which.categories)


def test_which_hat_now_agrees_with_server_on_fire():
    """Coaching a new hire through a live outage contradicts 03: the safest fix comes first."""
    which = ex("02.which-hat-now")
    assert any(word in which.prompt.lower() for word in ("rolled it back", "rolled back"))
    mentor_moments = [i.text.lower() for i in which.items if i.category == "mentor"]
    assert mentor_moments and all("back" in t or "after" in t or "once" in t for t in mentor_moments)


def test_translate_jargon_asks_for_effects_not_definitions():
    jargon = ex("04.translate-jargon")
    assert jargon.kind != "matching"  # definition matching was solved by elimination
    right = [o for o in jargon.options if o.correct]
    wrong = [o for o in jargon.options if not o.correct]
    assert len(right) >= 2 and len(wrong) >= 2
    assert any("definition" in o.misconception.lower() for o in wrong)
    assert all(re.search(r"customers|engineers|orders|slow|later|sooner", o.text) for o in right)


# --- Feedback reads as a person wrote it --------------------------------------------------

def ungraded():
    for exercise in BANK.exercises.values():
        if exercise.kind == "reflection" or getattr(exercise, "baseline", False):
            yield exercise


@pytest.mark.parametrize("exercise_id", [e.id for e in ungraded()])
def test_ungraded_answers_are_saved_never_correct(exercise_id):
    exercise = ex(exercise_id)
    for answer in (exercise.key(), "ok"):
        result = check_safely(exercise, answer)
        assert result.status in ("correct", "partial")
        for shown in (result.text(), result._repr_html_()):
            assert "Correct" not in shown and "Partly right" not in shown
            assert "Saved" in shown


def test_choice_counts_read_as_a_person_wrote_them():
    exercise = ex("04.spot-elements")
    key = exercise.key()
    one_wrong = check_safely(exercise, key + ["benchmark"]).feedback
    found = "both" if len(key) == 2 else f"all {['no', 'one', 'two', 'three', 'four'][len(key)]}"
    assert one_wrong == f"You found {found} that apply, but also picked one that doesn't."
    assert check_safely(exercise, ["benchmark"]).feedback.startswith("You found none of the")


def test_a_graded_answer_still_says_correct():
    result = check_safely(ex("01.without-permission"), ex("01.without-permission").key())
    assert result.text().startswith("\u2714 Correct")


MACHINE_PHRASES = re.compile(r"\w\(s\)|\(es\)|\bN/A\b|\bNone\b|\{|\}")


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_feedback_has_no_machine_phrasing(exercise_id):
    exercise = ex(exercise_id)
    answers = [exercise.key(), *(answer for answer, _ in exercise.wrong_answers())]
    if exercise.kind == "reflection":
        answers += ["one", "two words"]
    for answer in answers:
        result = check_safely(exercise, answer)
        for text in (result.feedback, *result.details):
            assert not MACHINE_PHRASES.search(text), f"{exercise_id} answered {answer!r}: {text!r}"


# --- Every "Next" is a working link, and no module points at one that doesn't exist ------

def markdown_of(path):
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_next_is_a_link_to_the_next_notebook_that_exists(path):
    later = [p for p in NOTEBOOKS if p.name > path.name]
    nexts = next_lines(markdown_of(path))
    if not later:
        assert nexts == [], f"{path.name} is the last module, so its Next points nowhere yet"
        return
    assert len(nexts) == 1, f"{path.name} should end with one 'Next:' line"
    targets = links(nexts[0])
    assert targets, f"{path.name}: 'Next: {nexts[0]}' is not a link"
    assert targets[0][1] == later[0].name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_links_and_module_mentions_exist(path):
    text = markdown_of(path)
    for label, target in links(text):
        if not re.match(r"^[a-z]+://|^mailto:", target):
            assert (path.parent / target).exists(), f"{path.name}: [{label}]({target}) leads nowhere"
    missing = module_references(text) - set(BANK.modules)
    assert not missing, f"{path.name} points at module(s) that do not exist yet: {sorted(missing)}"


@pytest.mark.parametrize("path", sorted((ROOT / "exercises").glob("[0-9][0-9]_*.yaml")), ids=lambda p: p.name)
def test_bank_text_mentions_only_modules_that_exist(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("module", None)
    text = "\n".join(strings_in(data))
    missing = module_references(text) - set(BANK.modules)
    assert not missing, f"{path.name} points at module(s) that do not exist yet: {sorted(missing)}"


def test_module_references_reads_the_forms_people_write():
    assert module_references("module 09 comes back to this") == {"09"}
    assert module_references("Modules 07-10 arrive later") == {"07", "08", "09", "10"}
    assert module_references("Next: [05 · Put a number on it](05_put_a_number_on_it.ipynb)") == {"05"}
    assert module_references("Ten hours a day, 2019, 104,442 builds") == set()


def test_a_branching_scenario_ladder_walks_the_best_path():
    from types import SimpleNamespace as NS

    def choice(key, text, nxt, best=False):
        return NS(key=key, text=text, next=nxt, best=best)

    nodes = {
        "page": NS(choices=[choice("lead", "Take the incident lead and set the next update time", "fix", True),
                            choice("dive", "Dive into the logs yourself", "fix")]),
        "fix": NS(choices=[choice("rollback", "Roll back now and fix forward later", "end", True),
                           choice("patch", "Push the one-line patch", "end")]),
        "end": NS(choices=[]),
    }
    scenario = NS(id="07.x", kind="scenario", start="page", nodes=nodes, hints=["Nudge.", ""])
    scenario.hints[1] = "Worked path: take the incident lead with an update time, then roll back now and fix forward later."
    assert ladder_problem(scenario) is None
    scenario.hints[1] = "Worked path: take the incident lead with an update time, then decide."
    assert "rollback" in ladder_problem(scenario)


def test_numbers_name_an_option():
    """'0.4 × $200,000 = $80,000 a year avoided' names 'About $80,000 a year, the loss the fix avoids'."""
    from types import SimpleNamespace as NS

    options = [NS(key="a", text="About $200,000 a year, the whole cost", correct=False),
               NS(key="b", text="About $80,000 a year, the loss the fix avoids", correct=True)]
    question = NS(id="10.x", kind="single_choice", options=options, hints=["Nudge.", "0.4 × $200,000 = $80,000 a year avoided."])
    assert ladder_problem(question) is None
