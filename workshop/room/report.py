"""The post-session report: one self-contained HTML file that opens offline.

The same per-exercise figures as the live view, the misconceptions ranked, the growth
from each learner's baseline framing score to their capstone score (paired, median
change), and the minutes each module took (median and spread) beside the guide's plan.
"""
from __future__ import annotations

import time
from pathlib import Path

from workshop.room import html_view as view
from workshop.room.summary import RoomFigures


def _minutes(figures: RoomFigures) -> str:
    if not figures.minutes:
        return '<p class="muted">No timed events yet.</p>'
    rows = []
    for module, m in figures.minutes.items():
        measured = f"{m['median']:.0f}" if m["median"] is not None else "\u2013"
        spread = f"{m['q1']:.0f}\u2013{m['q3']:.0f}" if m["q1"] is not None else "\u2013"
        planned = m["planned"] if m["planned"] is not None else "\u2013"
        rows.append(f"<tr><td>{view.esc(module)}</td><td class='n'>{measured}</td><td class='n'>{spread}</td>"
                    f"<td class='n'>{m['learners']}</td><td class='n'>{planned}</td></tr>")
    table = ("<table><tr><th scope='col'>module</th><th scope='col'>measured minutes (median)</th>"
             "<th scope='col'>spread (middle half of learners)</th><th scope='col'>learners timed</th>"
             "<th scope='col'>planned minutes (guide)</th></tr>" + "".join(rows) + "</table>")
    pairs = [(f"{module} measured", round(m["median"], 1)) for module, m in figures.minutes.items() if m["median"] is not None]
    pairs += [(f"{module} planned", m["planned"]) for module, m in figures.minutes.items() if m["planned"] is not None]
    return table + view.simple_bars(sorted(pairs), "Measured and planned minutes per module", " min")


def _growth(figures: RoomFigures) -> str:
    what = (f"Baseline <code>{view.esc(figures.baseline)}</code> to capstone "
            f"<code>{view.esc(figures.capstone or 'not set')}</code>, learners who answered both.")
    if not figures.growth:
        return f"<p>{what}</p><p class='muted'>No learner has answered both yet.</p>"
    width, height, pad = 360, 220, 30
    lines = []
    for who, before, after in figures.growth:
        y1, y2 = height - pad - before * (height - 2 * pad), height - pad - after * (height - 2 * pad)
        lines.append(f'<line x1="80" y1="{y1:.1f}" x2="280" y2="{y2:.1f}" stroke="#2166ac" stroke-opacity=".5">'
                     f"<title>{view.esc(who)}: {before:.2f} to {after:.2f}</title></line>")
    svg = (f'<svg role="img" aria-label="Framing score, baseline to capstone, one line per learner" width="{width}" height="{height}" '
           f'xmlns="http://www.w3.org/2000/svg" font-size="12" font-family="system-ui,sans-serif">'
           f'<text x="60" y="{height - 8}">baseline</text><text x="260" y="{height - 8}">capstone</text>'
           f'<text x="0" y="{pad + 4}">1.0</text><text x="0" y="{height - pad + 4}">0.0</text>' + "".join(lines) + "</svg>")
    median = figures.median_growth
    better = sum(1 for _, b, c in figures.growth if c > b)
    return (f"<p>{what}</p><p><strong>Median change: {median:+.2f}</strong> (score 0 to 1) over {len(figures.growth)} "
            f"learner(s); {better} improved.</p>{svg}")


def render(figures: RoomFigures, problems: list[str], title: str = "The room's report") -> str:
    made = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    pace = view.simple_bars([(f"module {m}", n) for m, n in figures.pace.items()], "Learners in each module at the end", " learners")
    body = "".join([
        f"<h1>{view.esc(title)}</h1><p class='muted'>Made {made} by <code>workshop room --html</code>. Learners are pseudonymous unless the facilitator chose names.</p>",
        view.totals(figures),
        "<h2>Answers per exercise</h2>", view.status_bars(figures), view.exercise_table(figures),
        "<h2>Misconceptions, most common first</h2>", view.misconception_table(figures),
        "<h2>Framing: baseline to capstone</h2>", _growth(figures),
        "<h2>Minutes per module: measured beside planned</h2>",
        "<p>Measured: first to last event of a learner in the module (reading time before the first answer is not seen).</p>",
        _minutes(figures),
        "<h2>Where learners ended</h2>", pace,
        "<h2>Stuck (several attempts, none correct)</h2>", view.stuck_list(figures),
        view.unknown_list(figures), view.problems_list(problems),
    ])
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{view.esc(title)}</title><style>{view.STYLE}</style></head>"
        f"<body><main class='lwi-room'>{body}</main></body></html>"
    )


def write_report(out: Path, figures: RoomFigures, problems: list[str]) -> Path:
    out = Path(out).expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(figures, problems), encoding="utf-8")
    return out
