"""The exercise bank: every module's YAML, validated whole or not at all.

An instructor edits YAML, never code. Every problem is reported with the file, the
exercise id, the field, the line and a way to fix it; a bank with an error raises
``BankError`` listing them all rather than loading half.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError

from workshop.kinds import Exercise, adapter
from workshop.kinds.base import QUALITY, Strict
from workshop.bank.yaml_lines import YamlProblem, line_of, load_with_nodes

BANK_ENV = "WORKSHOP_EXERCISES"


def default_bank_dir() -> Path:
    """``$WORKSHOP_EXERCISES`` if set, else the repository's ``exercises/``."""
    override = os.environ.get(BANK_ENV)
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parents[2] / "exercises"


class Minutes(Strict):
    teaching: int = Field(ge=0)
    exercises: int = Field(ge=0)


class Passage(Strict):
    """Teaching text that states company numbers or names, so it lives in the bank, not in a Markdown cell.

    A notebook's Markdown cannot follow the company profile; a passage can: its
    ``{{fact}}`` placeholders are filled at load, the number guard checks it, and the
    notebook shows it with ``m.passage("id")``.
    """

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", description="short id, unique in the module")
    text: str = Field(min_length=1, description="Markdown; {{fact}} placeholders allowed")


class ModuleSpec(Strict):
    module: str = Field(pattern=r"^\d{2}$")
    title: str = Field(min_length=1)
    minutes: Minutes
    facilitator_notes: list[str] = Field(min_length=1)
    passages: list[Passage] = Field(default_factory=list)

    def passage(self, passage_id: str) -> Passage | None:
        return next((p for p in self.passages if p.id == passage_id), None)


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    exercise_id: str | None = None
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        what = " ".join(
            part
            for part in (
                f"exercise {self.exercise_id}" if self.exercise_id else "",
                f"field '{self.field}'" if self.field else "",
            )
            if part
        )
        return f"{where}: {what + ': ' if what else ''}{self.message}"


class BankError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = f"{len(problems)} problem{'s' * (len(problems) != 1)}"
        super().__init__(f"The exercise bank has {count}:\n" + "\n".join(f"  - {p}" for p in problems))

    def _render_traceback_(self):  # in a notebook, IPython shows this instead of a traceback
        return str(self).splitlines()


@dataclass
class Bank:
    modules: dict[str, ModuleSpec] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    sources: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # id -> (file, line), for messages

    def module_exercises(self, module: str) -> list[Exercise]:
        return [e for e in self.exercises.values() if e.module == module]


def load_bank(path: str | Path | None = None, *, quality: bool = True) -> Bank:
    """Load a folder of module files (or one file); raise ``BankError`` with every problem.

    ``quality`` also holds each model answer to the framing checker's bar (kinds.base.QUALITY):
    `workshop validate`, the authoring commands and the tests keep it on; a notebook's kernel
    (``get_bank``) skips it, since scoring every model answer is most of what a kernel's first
    check would otherwise wait for, and a learner cannot act on a weak model answer anyway.
    """
    path = Path(path) if path is not None else default_bank_dir()
    if path.is_dir():
        files = sorted(path.glob("[0-9][0-9]_*.yaml"))
    elif path.exists():
        files = [path]
    else:
        raise BankError([Problem(str(path), "no such file or folder. Check the path or $WORKSHOP_EXERCISES.")])
    if not files:
        raise BankError([Problem(str(path), "no module files found; they are named like '02_three_hats.yaml'.")])
    bank, problems = Bank(), []
    context = {QUALITY: quality}
    for file in files:
        _load_file(file, bank, problems, context)
    if problems:
        raise BankError(problems)
    return bank


@lru_cache(maxsize=4)
def _cached_bank(path: str, company: tuple | None = None) -> Bank:
    if company is not None:  # the learner API's bank: the company profile is checked first, as one problem
        from workshop.company.profiles import ProfileError, profile

        try:
            profile()
        except ProfileError as exc:
            raise BankError([Problem("company profile", str(exc))]) from None
    return load_bank(path, quality=False)


_profile_for: dict[tuple, str] = {}


def company_key() -> tuple:
    """What the bank's company numbers were filled from: the company chosen and its profile's version.

    The bank is cached under this key as well as its folder, so switching company (or editing
    the profile) in a running kernel reloads it: a correct answer is never judged against
    another company's key. Cheap (an environment lookup and two ``stat`` calls): the room
    checks thousands of answers.
    """
    from workshop.company.profiles import COMPANY_ENV, profile_path
    from workshop.settings import config_path

    chosen = tuple(sorted((k, v) for k, v in os.environ.items() if k == COMPANY_ENV or k.startswith("WORKSHOP_DATA")))
    settings = None
    if not os.environ.get(COMPANY_ENV):
        try:
            info = config_path().stat()
            settings = (str(config_path()), info.st_mtime_ns, info.st_size)
        except OSError:
            settings = None
    key = (chosen, settings)
    path = _profile_for.get(key)
    if path is None:
        path = _profile_for[key] = str(profile_path())
    try:
        version = os.stat(path).st_mtime_ns
    except OSError:
        version = 0
    return (*key, path, version)


def get_bank() -> Bank:
    """The bank the learner API uses, loaded once per folder and company.

    A company profile that cannot be used is one problem, said before anything else: every
    learner's check then says it in a sentence, rather than failing eleven module files.
    """
    from workshop.company.profiles import ProfileError

    try:
        key = company_key()
    except ProfileError as exc:
        raise BankError([Problem("company profile", str(exc))]) from None
    return _cached_bank(str(default_bank_dir()), key)


def _load_file(file: Path, bank: Bank, problems: list[Problem], context: dict | None = None) -> None:
    name = file.name
    if file.exists() and not file.is_file():  # a FIFO named like a module would block every load
        problems.append(Problem(name, "is not a regular file; a module is a YAML file."))
        return
    try:
        data, root = load_with_nodes(file.read_text(encoding="utf-8"))
    except YamlProblem as exc:
        problems.append(Problem(name, exc.message, line=exc.line))
        return
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, f"could not be read ({exc})."))
        return
    if not isinstance(data, dict):
        problems.append(Problem(name, "should be a mapping with 'module', 'title', 'minutes', 'facilitator_notes' and 'exercises'.", line=1))
        return
    data = _fill_company_numbers(data, name, problems)
    raw_exercises = data.pop("exercises", None)
    try:
        spec = ModuleSpec.model_validate(data)
    except ValidationError as exc:
        problems.extend(_problems_from(exc, name, root, None, ()))
        spec = None
    if spec and not name.startswith(spec.module + "_"):
        problems.append(Problem(name, f"declares module {spec.module!r}, so its name should start with '{spec.module}_'.", field="module", line=line_of(root, ("module",))))
    if spec:
        seen: set[str] = set()
        for index, passage in enumerate(spec.passages):
            if passage.id in seen:
                problems.append(Problem(name, f"passage id {passage.id!r} is used twice in this module; ids must be unique.",
                                        field=f"passages.{index}.id", line=line_of(root, ("passages", index, "id"))))
            seen.add(passage.id)
        if spec.module in bank.modules:
            problems.append(Problem(name, f"module {spec.module} is defined twice.", field="module"))
        bank.modules[spec.module] = spec
    if not isinstance(raw_exercises, list) or not raw_exercises:
        problems.append(Problem(name, "needs an 'exercises' list with at least one exercise.", field="exercises", line=line_of(root, ("exercises",))))
        return
    for index, raw in enumerate(raw_exercises):
        _load_exercise(raw, index, name, root, spec, bank, problems, context)


def _load_exercise(raw, index, name, root, spec, bank, problems, context=None) -> None:
    path = ("exercises", index)
    ex_id = raw.get("id") if isinstance(raw, dict) else None
    ex_id = ex_id if isinstance(ex_id, str) else f"#{index + 1}"
    if isinstance(raw, dict) and raw.get("kind") not in _kind_names():
        problems.append(Problem(
            name, f"unknown kind {raw.get('kind')!r}; use one of: {', '.join(_kind_names())}.",
            exercise_id=ex_id, field="kind", line=line_of(root, (*path, "kind")),
        ))
        return
    try:
        exercise = adapter().validate_python(raw, context=context)
    except ValidationError as exc:
        problems.extend(_problems_from(exc, name, root, ex_id, path))
        return
    if spec and exercise.module != spec.module:
        problems.append(Problem(name, f"the id should start with '{spec.module}.' to match the module.", ex_id, "id", line_of(root, (*path, "id"))))
    for loc, message in getattr(exercise, "graph_problems", lambda: [])():  # e.g. a scenario's graph
        problems.append(Problem(name, message + ".", ex_id, ".".join(map(str, loc)), line_of(root, (*path, *loc))))
    if exercise.id in bank.exercises:
        problems.append(Problem(name, "this id is already used; ids must be unique across the bank.", ex_id, "id", line_of(root, (*path, "id"))))
    bank.exercises[exercise.id] = exercise
    bank.sources[exercise.id] = (name, line_of(root, path))


def _fill_company_numbers(data: dict, name: str, problems: list[Problem]) -> dict:
    """Fill ``{{fact}}`` placeholders from the company's facts (workshop/company/placeholders.py)."""
    from workshop.company.placeholders import available_facts, fill, names_in

    wanted = names_in(data)
    if not wanted:
        return data
    facts = available_facts()
    if facts is None:
        from workshop.company import placeholders

        why = placeholders.last_problem.replace("\n", " ") or "see the warning above"
        problems.append(Problem(name, f"its company numbers ({{{{...}}}}) could not be computed: {why}"))
        return data
    unknown = sorted(wanted - set(facts))
    if unknown:
        problems.append(Problem(name, f"unknown company number(s) {unknown}; the names are listed in workshop/company/facts.py."))
        return data
    return fill(data, facts)


def _kind_names() -> list[str]:
    from workshop.kinds import models

    return list(models())


def _problems_from(exc: ValidationError, name, root, ex_id, prefix) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        if loc and isinstance(loc[0], str) and loc[0] in _kind_names():
            loc = loc[1:]  # the discriminated union adds the kind name to the path
        field_name = ".".join(str(part) for part in loc) or None
        problems.append(Problem(
            name, _friendly(error), exercise_id=ex_id, field=field_name,
            line=line_of(root, (*prefix, *loc)),
        ))
    return problems


def _friendly(error: dict) -> str:
    kind, msg = error["type"], error["msg"]
    if kind == "string_type" and isinstance(error.get("input"), (int, float)) and not isinstance(error.get("input"), bool):
        where = tuple(error.get("loc", ()))[-1:] == ("module",)
        return ('YAML read this as a number: put the module code in quotes, e.g. module: "05".' if where else
                f"YAML read this as the number {error['input']!r}: put it in quotes to keep it as text.")
    if kind == "missing":
        return "this field is required; add it."
    if kind == "extra_forbidden":
        return "this field is not known here; check its spelling or remove it."
    if kind == "string_pattern_mismatch":
        return f"{msg}. Ids look like '02.hat-for-situation'; option keys like 'a' or 'mentor'."
    if kind in {"too_short", "too_long"}:
        return msg + "."
    if msg.startswith("Value error, "):
        return msg[len("Value error, "):] + "."
    return f"{msg} (got {_short_repr(error.get('input'))})."


def _short_repr(value) -> str:
    """The offending value for a message, cut short: a file can hold something enormous."""
    import reprlib

    shown = reprlib.Repr()
    shown.maxlevel, shown.maxstring, shown.maxother, shown.maxlist, shown.maxdict = 2, 60, 60, 4, 4
    return shown.repr(value)
