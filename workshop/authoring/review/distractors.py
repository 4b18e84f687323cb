"""Each wrong option reveals its own belief: no two diagnose the same misconception.

Two distractors naming one misconception waste a choice and hide a belief the question
never tests. "Activity is the same as impact" and "Effort is the same as impact" are
one idea in two costumes; the check compares content words, not exact strings.
"""
from __future__ import annotations

from workshop.authoring.review.words import idea_words

SAME_IDEA = 0.5  # Jaccard overlap of two misconceptions' content words at which they are one idea


def wrong_choices(exercise) -> list:
    """The wrong options (choice kinds) and distractors (ordering) of an exercise."""
    options = [o for o in getattr(exercise, "options", []) if not getattr(o, "correct", False)]
    return options + list(getattr(exercise, "distractors", []))


def duplicate_misconceptions(exercise) -> list[str]:
    """A problem for each pair of wrong choices that name the same misconception."""
    wrong = [w for w in wrong_choices(exercise) if getattr(w, "misconception", None)]
    ideas = [idea_words(w.misconception) for w in wrong]
    # The exercise's topic ("manager and leader ...") is in every misconception; it is not the idea.
    topic = set.intersection(*ideas) if len(ideas) >= 3 else set()
    ideas = [i - topic for i in ideas]
    problems = []
    for n, a in enumerate(wrong):
        for m in range(n + 1, len(wrong)):
            b = wrong[m]
            union = ideas[n] | ideas[m]
            if union and len(ideas[n] & ideas[m]) / len(union) >= SAME_IDEA:
                problems.append(
                    f"{exercise.id}: {a.key!r} and {b.key!r} name the same misconception "
                    f"({a.misconception!r} / {b.misconception!r}); make one reveal a different belief"
                )
    return problems
