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
            if item.category not in known:
                raise ValueError(
                    f"item {item.key!r} is in category {item.category!r}, which is not one of {sorted(known)}"
                )
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
        misplaced = [i for i in self.shown_items if i.key in placed and placed[i.key] != i.category]
        right = len(self.items) - len(unanswered) - len(misplaced)
        if right == len(self.items):
            return self.result("correct", f"All {right} placed correctly.")
        details = [f"{_quoted(i.text)} is misplaced: {i.feedback}" for i in misplaced]
        if unanswered:
            details.append(f"{len(unanswered)} not placed yet.")
        status = "partial" if right else "incorrect"
        misconception = next((i.misconception for i in misplaced if i.misconception), None)
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
            other = next(c.key for c in self.categories if c.key != item.category)
            yield ({**self.key(), item.key: other}, item.feedback)

    def solution_markdown(self) -> str:
        return "\n".join(f"- {i.text} \u2192 **{self.label(i.category)}**" for i in self.shown_items)


MODEL = Matching


def _quoted(text: str) -> str:
    """An item in curly quotes, unless it is already a quotation (no doubled quotes)."""
    bare = text.strip()
    if len(bare) > 1 and bare[0] in "\"\u201c" and bare[-1] in "\"\u201d":
        bare = bare[1:-1]
    return f"\u201c{bare}\u201d"

