"""What `workshop progress` prints: each exercise's best result, honest attempt counts, a total,
and the module to do next.

Read from the event log, not from the widgets' restore table (which keeps the latest answer, as a
widget must): a 100/100 rewrite stays correct after a later, weaker variant, and a Run All after a
restart, which checks the same answers again, adds no attempts.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

RANK = {"not_attempted": 0, "incorrect": 1, "partial": 2, "correct": 3}
WORDS = {"not_attempted": "not attempted", "incorrect": "not yet", "partial": "partly right", "correct": "correct"}


@dataclass
class Row:
    status: str = "not_attempted"
    score: float = 0.0
    answers: set = field(default_factory=set)
    hints: int = 0

    @property
    def attempts(self) -> int:
        return len(self.answers)


def _key(answer) -> str:
    try:
        return json.dumps(answer, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return repr(answer)


def best_rows(events) -> dict[str, Row]:
    """exercise -> its best result, the number of different answers checked, and hints taken."""
    rows: dict[str, Row] = {}
    for entry in events:
        exercise_id = entry.get("exercise")
        if not isinstance(exercise_id, str):
            continue
        row = rows.setdefault(exercise_id, Row())
        if entry.get("event") == "hint":
            row.hints += 1
        elif entry.get("event") == "check" and entry.get("status") in RANK and entry["status"] != "not_attempted":
            row.answers.add(_key(entry.get("answer")))  # the same answer checked again is not a new attempt
            score = entry.get("score") if isinstance(entry.get("score"), (int, float)) else 0.0
            if (RANK[entry["status"]], score) > (RANK[row.status], row.score):
                row.status, row.score = entry["status"], score
    return rows


def report(events, modules: dict[str, tuple[str, list[str]]]) -> str:
    """The report: per module, each exercise's best; then the total and the next module."""
    rows = best_rows(events)
    lines, furthest = [], None
    total = {"correct": 0, "partial": 0, "all": 0}
    for code, (title, ids) in sorted(modules.items()):
        done = sum(1 for i in ids if rows.get(i, Row()).status == "correct")
        lines.append(f"\n{code} {title}: {done}/{len(ids)} correct")
        for exercise_id in ids:
            row = rows.get(exercise_id, Row())
            tries = f"{row.attempts} attempt{'s' * (row.attempts != 1)}"
            lines.append(f"  {exercise_id:<32} {WORDS[row.status]:<14} best of {tries}, hints {row.hints}")
            total["all"] += 1
            total[row.status] = total.get(row.status, 0) + 1
            if row.attempts:
                furthest = code
    lines.append("")
    share = total["correct"] / total["all"] if total["all"] else 0
    lines.append(f"Total: {total['correct']} of {total['all']} exercises correct ({share:.0%}), "
                 f"{total['partial']} partly right.")
    lines.append(next_module(rows, modules, furthest))
    return "\n".join(lines)


def next_module(rows: dict[str, Row], modules: dict[str, tuple[str, list[str]]], furthest: str | None) -> str:
    codes = sorted(modules)
    if not codes:
        return "Next: no modules found."
    if furthest is None:
        code = codes[0]
        return f"Next module: {code} {modules[code][0]} (notebooks/{code}_*.ipynb)."
    ids = modules[furthest][1]
    left = [i for i in ids if rows.get(i, Row()).status != "correct"]
    later = [c for c in codes if c > furthest]
    then = f"Next module: {later[0]} {modules[later[0]][0]}." if later else \
        "You have reached the last module: send the case you saved."
    if left:
        return (f"{then} Still open in {furthest}: {len(left)} exercise{'s' * (len(left) != 1)} not yet correct "
                f"({', '.join(left[:3])}{', ...' if len(left) > 3 else ''}).")
    return then
