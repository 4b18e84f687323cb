"""Sort items into categories; partial credit names each misplaced item."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from workshop.answers import AnswerProblem, as_text, learner, safe_describe
from workshop.kinds.base import KEY_PATTERN, Exercise, Strict


class Category(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    label: str = Field(min_length=1)


class Item(Strict):
    key: str = Field(pattern=KEY_PATTERN)
    text: str = Field(min_length=1)
    category: str
    feedback: str = Field(min_length=1, description="shown when the item is misplaced")
    misconception: str | None = None
    also: list[str] = Field(default_factory=list, description="other categories that genuinely fit too: accepted")
    also_why: str | None = Field(default=None, description="why the other category fits too; shown when it is chosen")

    @model_validator(mode="after")
    def _also_needs_a_reason(self):
        if self.also and not self.also_why:
            raise ValueError(f"item {self.key!r} accepts {self.also} too: say why in 'also_why'")
        if self.category in self.also:
            raise ValueError(f"item {self.key!r} lists its own category {self.category!r} in 'also'")
        return self

    def fits(self, category: str) -> bool:
        return category == self.category or category in self.also


class Matching(Exercise):
    kind: Literal["matching"]
    categories: list[Category] = Field(min_length=2)
    items: list[Item] = Field(min_length=2)

    @model_validator(mode="after")
    def _items_use_known_categories(self):
        known = {c.key for c in self.categories}
        if len(known) != len(self.categories):
            raise ValueError("two categories share a key; keys must be unique")
        if len({i.key for i in self.items}) != len(self.items):
            raise ValueError("two items share a key; keys must be unique")
        for item in self.items:
            for category in (item.category, *item.also):
                if category not in known:
                    raise ValueError(
                        f"item {item.key!r} is in category {category!r}, which is not one of {sorted(known)}"
                    )
            if len({item.category, *item.also}) == len(known):
                raise ValueError(f"item {item.key!r} accepts every category, so it tests nothing")
        return self

    @property
    def shown_items(self) -> list[Item]:
        """The items (rows) in the order every learner sees them (stable, shuffled: see ``display_order``).

        Categories (columns) keep the bank's order: they are a scale or a set the author orders on purpose."""
        from workshop.kinds.options import display_order

        return display_order(self.items, self.id)

    def label(self, category_key: str) -> str:
        return next(c.label for c in self.categories if c.key == category_key)

    def judge(self, answer):
        placed = self._read(answer)
        unanswered = [i for i in self.shown_items if i.key not in placed]
        misplaced = [i for i in self.shown_items if i.key in placed and not i.fits(placed[i.key])]
        right = len(self.items) - len(unanswered) - len(misplaced)
        # An item placed in a category that also fits is right; say why, and what the key chose.
        also = [f"{_quoted(i.text)}: {self.label(placed[i.key])} fits too. {i.also_why}"
                for i in self.shown_items if i.key in placed and placed[i.key] in i.also]
        if right == len(self.items):
            return self.result("correct", f"All {right} placed correctly.", details=tuple(also))
        details = [f"{_quoted(i.text)} is misplaced: {i.feedback}" for i in misplaced] + also
        if unanswered:
            details.append(f"{len(unanswered)} not placed yet.")
        status = "partial" if right else "incorrect"
        misconception = next((i.misconception for i in misplaced if i.misconception), None)
        chosen = {placed[i.key] for i in self.items if i.key in placed}
        if not unanswered and len(chosen) == 1 and len({i.category for i in self.items}) > 1:
            # Every item in one column tells none apart: the items that fit there are luck, not judgement.
            only = self.label(next(iter(chosen)))
            return self.result(
                "incorrect",
                f"Every item is under “{only}”, so none is told apart from the others; "
                f"{len(misplaced)} of {len(self.items)} belong elsewhere.",
                details=tuple(details),
                score=0.0,
                misconception=misconception,
            )
        return self.result(
            status,
            f"{right} of {len(self.items)} placed correctly.",
            details=tuple(details),
            score=right / len(self.items),
            misconception=misconception,
        )

    def _read(self, answer) -> dict[str, str]:
        if not isinstance(answer, dict):
            raise AnswerProblem(
                f"I expected a mapping of item to category, like {{'{self.items[0].key}': "
                f"'{self.categories[0].key}'}}, but got {safe_describe(answer)}."
            )
        items = {i.key for i in self.items}
        by_label = {c.label.lower(): c.key for c in self.categories}
        placed = {}
        for item, category in answer.items():
            item_key = as_text(item, limit=200) if isinstance(item, (str, bytes)) else None
            if item_key not in items:
                raise AnswerProblem(f"{safe_describe(item)} is not one of the items: {sorted(items)}.")
            if category is None or category == "":
                continue
            category = as_text(category, limit=200)
            category = by_label.get(category.lower(), category)
            if category not in by_label.values():
                raise AnswerProblem(f"{learner(repr(category))} is not one of the categories: {sorted(by_label.values())}.")
            placed[item_key] = category
        return placed

    def key(self) -> dict[str, str]:
        return {i.key: i.category for i in self.items}

    def wrong_answers(self):
        for item in self.items:
            other = next(c.key for c in self.categories if not item.fits(c.key))
            yield ({**self.key(), item.key: other}, item.feedback)

    def solution_markdown(self) -> str:
        return "\n".join(f"- {i.text} \u2192 **{self.label(i.category)}**"
                         + (f" (or **{', '.join(self.label(a) for a in i.also)}**: {i.also_why})" if i.also else "")
                         for i in self.shown_items)


MODEL = Matching


def _quoted(text: str) -> str:
    """An item in curly quotes, unless it is already a quotation (no doubled quotes)."""
    bare = text.strip()
    if len(bare) > 1 and bare[0] in "\"\u201c" and bare[-1] in "\"\u201d":
        bare = bare[1:-1]
    return f"\u201c{bare}\u201d"

