"""The room as text for a facilitator's terminal: grouped by module, every learner string cleaned."""
from __future__ import annotations

from workshop.room.summary import RoomFigures
from workshop.room.text import for_terminal


def render(figures: RoomFigures, problems: list[str]) -> str:
    lines = [f"{figures.learners} learner{'s' * (figures.learners != 1)}"]
    by_module: dict[str, list] = {}
    for f in figures.exercises:
        by_module.setdefault(f.module, []).append(f)
    for module, rows in sorted(by_module.items()):
        minutes = figures.minutes.get(module, {})
        planned = f", planned {minutes['planned']} min" if minutes.get("planned") is not None else ""
        measured = f", measured median {minutes['median']:.0f} min" if minutes.get("median") is not None else ""
        lines.append(f"\nModule {module}: {figures.pace.get(module, 0)} learner(s) here now{measured}{planned}")
        lines.append(f"  {'exercise':<34} {'answered':>8} {'correct':>8} {'partial':>8} {'incorrect':>9} {'not attempted':>14}  most common misconception")
        for f in rows:
            top = f.misconceptions.most_common(1)
            misconception = for_terminal(f"{top[0][0]} ({top[0][1]})", 70) if top else ""
            lines.append(
                f"  {for_terminal(f.exercise, 34):<34} {f.answered:>8} {f.correct:>8} {f.partial:>8} {f.incorrect:>9} "
                f"{f'{f.not_attempted} of {figures.learners}':>14}  {misconception}"
            )
    if figures.stuck:
        lines.append("\nStuck (several attempts, none correct):")
        lines += [f"  {for_terminal(who, 40)} on {for_terminal(ex, 40)}: {n} attempts" for who, ex, n in figures.stuck]
    if figures.unknown:
        lines.append("\nUnknown exercise ids (not in this workshop's bank; left out of the table):")
        lines += [f"  {for_terminal(ex, 60)}: {n} learner(s)" for ex, n in figures.unknown.items()]
    if problems:
        lines.append("\nSkipped:")
        lines += [f"  {for_terminal(p, 160)}" for p in problems]
    return "\n".join(lines)
