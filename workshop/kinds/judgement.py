"""What a free-text exercise knows: the facts the learner was given and the mistakes it teaches against.

A framing, record or case exercise is judged as a sceptical finance director would judge it,
not by whether a sentence has the right parts. For that the exercise declares, in its YAML:

* ``facts``: the company facts (names from ``workshop.company.facts``) the learner has been given,
  each with the role it plays (the whole problem, the saving the fix buys, revenue or
  margin, a weekly figure, the freeze...). The checker reads the answer's numbers against
  them, so it can tell a made-up number from a fact, and the whole problem from the saving.
* ``misconceptions``: the mistakes this exercise teaches against. Each names the belief,
  repairs it with a reason, says how it is detected (a built-in detector or patterns), and
  carries at least three example answers that must be caught by it.
* ``sound``: at least two example answers that must pass. The self-test runs every example
  for every shipped company, so a checker that praises a mistake, or refuses a sound answer,
  fails a test.

This module only declares the shape; ``workshop.kinds.judge`` applies it.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from workshop.kinds.base import KEY_PATTERN, Strict

Role = Literal[
    "whole_problem",  # the size of the whole problem: never the saving a partial fix buys
    "saving",         # what the fix buys
    "fix_cost",       # the fix's own cost
    "running_cost",   # what the fix costs to keep running, per period
    "payback",        # the payback the facts give
    "revenue",        # revenue figures: money a business takes in, not what it loses
    "margin",         # margin figures: what is really lost
    "per_week",       # a figure that is per week (never to be called yearly)
    "per_year",       # a figure that is per year
    "deadline",       # the date or weeks before which the plan must land (the freeze)
    "context",        # any other given fact a sound answer may quote
]

Detector = Literal[
    "unsupported_number",     # a money or time figure that no given fact supports
    "whole_problem",          # the whole problem credited to the fix
    "revenue_as_margin",      # revenue given where margin is lost
    "week_as_year",           # a weekly figure called yearly (or the other way)
    "payback_contradiction",  # a payback the answer's own numbers contradict
    "before_deadline",        # a plan promised before the freeze it cannot meet
    "red_flag",               # absolutes, catastrophes, self-declared invention, non-evidence
    "overstatement",          # certainty about an outcome nobody controls ("won't fail this Black Friday")
    "inconsistent_numbers",   # the learner's own problem: its numbers disagree with each other
    "published_figure",       # a published average used as the company's own size, or extrapolated
    "likelihood",             # a forecast of failure ("could well fail", "is likely to fail") with no evidence named
    "trial_gain",             # a trial proposed with the gain it is meant to measure already stated
    "short_window",           # a read-out after N days that carries fewer payments than a difference needs
]


class GivenFact(Strict):
    """One fact the learner was given, and the part it plays in a sound answer."""

    fact: str = Field(min_length=1, description="a name from workshop.company.facts, e.g. ci_fix_saving_per_year")
    role: Role

    @field_validator("fact")
    @classmethod
    def _known(cls, name: str) -> str:
        """A misspelt fact would silently check nothing: name the fact and where the names live."""
        import math

        from workshop.company.placeholders import available_facts

        facts = available_facts()
        if facts is None:  # the data cannot be read; `workshop validate` reports that on its own
            return name
        if name not in facts:
            close = [n for n in facts if n.split("_")[0] == name.split("_")[0]][:6]
            hint = f" (similar: {', '.join(close)})" if close else ""
            raise ValueError(f"unknown fact {name!r}{hint}; the names are listed in workshop/company/facts.py")
        if not isinstance(facts[name].value, (int, float)) or math.isnan(facts[name].value):
            raise ValueError(f"fact {name!r} is words, not a number; give a numeric fact")
        return name


@functools.lru_cache(maxsize=None)
def compiled_pattern(pattern: str) -> re.Pattern:
    """An author's pattern, compiled once per process (case-insensitive).

    The bank holds over a thousand patterns, more than ``re``'s own cache of 512: through ``re.search``
    each would be compiled again at every check, and would push the judge's own patterns out too.
    """
    return re.compile(pattern, re.I)


class Misconception(Strict):
    """A mistake the exercise teaches against, how to catch it, and answers that make it."""

    id: str = Field(pattern=KEY_PATTERN)
    belief: str = Field(min_length=1, description="the mistaken belief, phrased as one: 'The fix saves the whole problem.'")
    feedback: str = Field(min_length=1, description="the repair: a reason, an example or a cited source")
    detect: Detector | None = Field(default=None, description="a built-in detector")
    patterns: list[str] = Field(default_factory=list, description="regular expressions (case-insensitive); any match catches")
    unless: list[str] = Field(default_factory=list, description="regular expressions that clear a pattern match")
    part: str | None = Field(default=None, description="records only: the part the patterns read (default: all parts)")
    caught: list[Any] = Field(min_length=3, description="example answers this misconception must catch")

    @field_validator("patterns", "unless")
    @classmethod
    def _compile(cls, patterns: list[str]) -> list[str]:
        """Valid, and bounded: an unbounded ``*`` can make one pasted answer take seconds (bounded_regex)."""
        from workshop.kinds.bounded_regex import bounded

        safe = []
        for p in patterns:
            safe_p = bounded(p)
            try:
                compiled_pattern(safe_p)
            except re.error:
                try:  # name the author's own pattern's fault, not the bounded copy's
                    re.compile(p, re.I)
                except re.error as exc:
                    raise ValueError(f"pattern {p!r} is not a valid regular expression: {exc}") from None
                raise ValueError(f"pattern {p!r} cannot be bounded safely; write its repeats with {{0,80}}") from None
            safe.append(safe_p)
        return safe

    @model_validator(mode="after")
    def _detectable(self):
        if self.detect is None and not self.patterns:
            raise ValueError(f"misconception {self.id!r} needs 'detect' (a built-in detector) or 'patterns'")
        return self


class Judged(Strict):
    """Mixed into the free-text kinds: the facts, the misconceptions and the sound examples."""

    facts: list[GivenFact] = Field(default_factory=list)
    misconceptions: list[Misconception] = Field(default_factory=list)
    sound: list[Any] = Field(default_factory=list, description="example answers that must be judged correct")
    own_figures: bool = Field(default=False, description=(
        "the learner brings numbers of their own (a vendor's quote, their own estimate): a number whose source the "
        "answer states ('the vendor quoted', 'our estimate') passes; the given facts are still checked"))

    @model_validator(mode="after")
    def _examples_both_ways(self):
        ids = [m.id for m in self.misconceptions]
        if len(set(ids)) != len(ids):
            raise ValueError("two misconceptions share an id; ids must be unique")
        if self.misconceptions and len(self.sound) < 2:
            raise ValueError("an exercise with misconceptions needs at least two 'sound' example answers that must pass")
        return self
