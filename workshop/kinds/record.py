"""A short written record with named parts: a decision record, a decision comment.

Leading through writing is a skill of its own (the introvert's channel), and a
decision record is only useful when every part is there. Each part is checked for
substance (``min_words``) and, where the author asks, for one of a few ideas
(``must_mention``: e.g. how the decision can be undone). One part, the decision
itself, can be ``framed``: scored by the framing checker, so the line a budget
holder reads states an outcome and its size. "Correct" also needs the judge
(``workshop.kinds.judge``): no red flag, numbers the given facts support, and none of
the exercise's misconceptions (whose ``part`` says which box its patterns read, so
"I will not commit" is caught in the commit box and nowhere else).
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from workshop.answers import AnswerProblem, as_text, learner, safe_describe
from workshop.framing import assess
from workshop.framing.render import highlighted
from workshop.kinds import judge
from workshop.kinds.judgement import Judged
from workshop.kinds.base import KEY_PATTERN, Exercise, Strict, holds_quality


class Mention(Strict):
    any_of: list[str] = Field(min_length=1, description="words or phrases, matched case-insensitively")
    feedback: str = Field(min_length=1, description="shown when none of them is there")


class Part(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    label: str = Field(min_length=1)
    placeholder: str = ""
    min_words: int = Field(default=5, ge=1)
    must_mention: Mention | None = None
    framed: bool = Field(default=False, description="score this part with the framing checker")
    model_answer: str = Field(min_length=1)

    def mentions(self, text: str) -> bool:
        if self.must_mention is None:
            return True
        lowered = text.lower()
        return any(re.search(rf"\b{re.escape(word.lower())}", lowered) for word in self.must_mention.any_of)


class Record(Judged, Exercise):
    kind: Literal["record"]
    parts: list[Part] = Field(min_length=2)

    @model_validator(mode="after")
    def _sound(self, info: ValidationInfo):
        keys = [p.key for p in self.parts]
        if len(set(keys)) != len(keys):
            raise ValueError("two parts share a key; keys must be unique")
        if sum(p.framed for p in self.parts) > 1:
            raise ValueError("at most one part can be 'framed'")
        for part in self.parts:
            if len(part.model_answer.split()) < part.min_words:
                raise ValueError(f"part {part.key!r}: the model answer is shorter than its own min_words")
            if not part.mentions(part.model_answer):
                raise ValueError(f"part {part.key!r}: the model answer mentions none of its must_mention words")
            if part.framed and holds_quality(info) and not assess(part.model_answer).strong:
                raise ValueError(f"part {part.key!r}: the model answer is not strong by the framing checker; "
                                 "try `workshop framing \"...\"`")
        return self

    def judge(self, answer):
        if isinstance(answer, str):
            raise AnswerProblem("This exercise has one box per part; pass a dict such as "
                                f"{{{self.parts[0].key!r}: '...'}} with keys {[p.key for p in self.parts]}.")
        if not isinstance(answer, dict):
            raise AnswerProblem(f"I expected one text per part, but got {safe_describe(answer)}.")
        unknown = [str(k)[:30] for k in answer if k not in {p.key for p in self.parts}]
        if unknown:
            raise AnswerProblem(f"{learner(str(unknown))} are not parts of this record; "
                                f"the parts are {[p.key for p in self.parts]}.")
        texts = {p.key: as_text(answer.get(p.key) or "", limit=3_000) for p in self.parts}
        details, complete, extra_html, framed_score = [], 0, None, None
        failing: list[Part] = []
        for part in self.parts:
            text = texts[part.key]
            words = len(text.split())
            failing.append(part)
            if words == 0:
                details.append(f"{part.label}: missing. {part.placeholder}".strip())
                continue
            if words < part.min_words:
                details.append(f"{part.label}: {words} words is too thin to act on; say a little more "
                               f"(at least {part.min_words} words).")
                continue
            if not part.mentions(text):
                details.append(f"{part.label}: {part.must_mention.feedback}")
                continue
            if part.framed:
                a = assess(text)
                framed_score = a.score
                extra_html = f"<p><strong>{part.label}</strong>, as the framing checker reads it:</p><blockquote>{highlighted(text, a.spans)}</blockquote>"
                if not a.strong:
                    missing = [name for name in ("outcome", "magnitude") if not a.elements[name]]
                    why = "; ".join([f"add the {m}" for m in missing] + [f"explain {t!r}" for t in a.jargon])
                    if not why:  # strong framing fails on how it is written, not on a missing element: say which
                        why = " ".join(getattr(pr, "message", "") for pr in (getattr(a, "problems", None) or ())).strip() \
                            or "say who gains or loses what, how much and by when, in one sentence"
                        why = why[0].lower() + why[1:].rstrip(".")
                    details.append(f"{part.label}: a budget holder can't act on it yet (framing score {a.score}/100: {why}).")
                    continue
            failing.pop()
            complete += 1
        score = complete / len(self.parts)
        verdict = judge.for_exercise(self, texts)
        findings = tuple(f.line() for f in verdict.findings[1:])
        if complete == len(self.parts) and verdict.ok:
            framed = f" The decision scores {framed_score}/100 on framing." if framed_score is not None else ""
            return self.result("correct", f"Every part is there and says something.{framed}", score=score,
                               details=verdict.readings, extra_html=extra_html)
        if verdict.findings:
            first = verdict.first
            ready = f"{complete} of {len(self.parts)} parts are ready, but a finance director would stop here."
            status = "partial" if complete else "incorrect"
            return self.result(status, f"{ready} {first.saw}", details=findings + tuple(details),
                               score=min(score, 0.5), extra_html=extra_html,
                               misconception=first.belief, repair=first.repair)
        status = "partial" if complete else "incorrect"
        misconception, repair = self.fallback(failing)
        return self.result(status, f"{complete} of {len(self.parts)} parts are ready. {repair}", details=tuple(details),
                           score=score, extra_html=extra_html, misconception=misconception)

    def fallback(self, failing: list[Part]) -> tuple[str | None, str]:
        """What to say when parts are not ready and no misconception fired: a neutral line naming the parts that
        still need words, never another exercise's or kind's belief (a belief the learner did not state, printed as
        theirs, is feedback a sceptic stops trusting). The details say what each part needs."""
        labels = "; ".join(p.label for p in failing)
        return None, (f"Still to do: {labels}." if labels else "")

    def key(self) -> dict[str, str]:
        return {p.key: p.model_answer for p in self.parts}

    def wrong_answers(self):
        pairs = []
        for part in self.parts:
            answer = {**self.key(), part.key: ""}
            pairs.append((answer, f"{part.label}: missing"))
            if part.must_mention:
                filler = " ".join(("we will decide this carefully together soon".split() * 5)[: max(part.min_words, 7)])
                pairs.append(({**self.key(), part.key: filler}, part.must_mention.feedback))
        return pairs

    def solution_markdown(self) -> str:
        return "\n\n".join(f"**{p.label}.** {p.model_answer}" for p in self.parts)


MODEL = Record
