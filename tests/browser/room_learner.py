"""One simulated learner for the live-room browser test: a separate process answering into a room.

Usage: python room_learner.py INDEX. The plan of answers depends only on INDEX, so the
test can compute the totals the page must reach (``plan``).
"""
from __future__ import annotations

import sys

# (exercise, answers in order): every learner ends on the last answer of each list.
def plan(index: int) -> list[tuple[str, object]]:
    mentor = ["a", "b", "c", "d"][index % 4]
    steps = [("02.mentor-metric", "a"), ("02.mentor-metric", mentor), ("00.build-wait", 600 if index % 3 or index % 5 == 0 else 10)]
    if index % 5 == 0:  # a stuck learner: three tries at the numeric question, none right
        steps += [("00.build-wait", 1), ("00.build-wait", 2)]
    return steps


def main(index: int) -> int:
    from workshop import Module

    for exercise_id, answer in plan(index):
        module, _, short = exercise_id.partition(".")
        Module(module).check(short, answer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1])))
