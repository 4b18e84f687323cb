"""Options shared by the choice kinds: each wrong one is a diagnostic distractor.

Display order: every choice control (single choice, multiple select, matching items,
scenario choices) shows its options in a stable shuffled order, the same for the whole
room (``display_order``): each option's place comes from a SHA-256 hash of the exercise
id, the node (for scenarios) and the option's key, never from Python's per-process
``hash()``. So the keyed option's place in the bank tells nothing, and "option B" means
the same option on every screen, in the solution edition and in the room's poll.

Keys are stable ids and never change: answers are given in keys (``m.check("02.x", "b")``),
and the progress log and the room's files hold keys. The letters a learner sees (A, B,
C...) are positions in the displayed order (``letters``), so letter B need not be key "b".
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Sequence, TypeVar

from pydantic import Field, model_validator

from workshop.answers import AnswerProblem, learner
from workshop.kinds.base import KEY_PATTERN, Strict


class Option(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    text: str = Field(min_length=1)
    correct: bool = False
    feedback: str | None = None
    misconception: str | None = None

    @model_validator(mode="after")
    def _wrong_options_diagnose(self):
        if not self.correct and not (self.feedback and self.misconception):
            raise ValueError(
                f"option {self.key!r} is wrong, so it needs both 'feedback' (what repairs the idea) "
                "and 'misconception' (the idea this choice reveals)"
            )
        return self


def unique_keys(options: list[Option], what: str = "option") -> None:
    seen = set()
    for option in options:
        if option.key in seen:
            raise ValueError(f"two {what}s share the key {option.key!r}; keys must be unique")
        seen.add(option.key)


def lookup(options: list[Option], key: str) -> Option:
    for option in options:
        if option.key == key.strip().lower():
            return option
    valid = ", ".join(repr(o.key) for o in options)
    raise AnswerProblem(f"{learner(repr(key))} is not one of the options; choose one of {valid}.")


T = TypeVar("T")


def display_order(items: Iterable[T], *seed: str, key=lambda item: item.key) -> list[T]:
    """``items`` in the room's stable shuffled order for ``seed`` (exercise id, then node key for a scenario).

    Each item's place is the SHA-256 of the seed and its own key, so the order is the same in
    every process and on every machine, and adding an option does not reorder the others.
    """
    salt = "/".join(str(part) for part in seed)
    return sorted(items, key=lambda item: hashlib.sha256(f"{salt}/{key(item)}".encode("utf-8")).hexdigest())


def letter(index: int) -> str:
    """The letter shown for the option at ``index`` (0-based) of the displayed order: A, B, ... Z, AA, AB..."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def letters(items: Sequence, key=lambda item: item.key) -> dict[str, str]:
    """key -> the letter it is shown with, for items already in displayed order."""
    return {key(item): letter(i) for i, item in enumerate(items)}


def labelled(index: int, text: str) -> str:
    """An option's label as shown: 'B. text'."""
    return f"{letter(index)}. {text}"


def as_shown(exercise_id: str, counts: dict) -> list[tuple[str, object]]:
    """A choice question's per-key counts as the room sees them: (letter, count) in the displayed order.

    Keys the bank does not know (an old log, a renamed option) come last, as themselves."""
    try:
        from workshop.bank.loader import get_bank

        shown = getattr(get_bank().exercises.get(exercise_id), "shown_options", [])
    except Exception:  # a broken bank: the keys as they are
        shown = []
    place = {o.key: i for i, o in enumerate(shown)}
    ordered = sorted(counts, key=lambda k: (place.get(k, len(place)), str(k)))
    return [(letter(place[k]) if k in place else str(k), counts[k]) for k in ordered]
