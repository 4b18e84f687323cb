"""The room's figures as HTML fragments, shared by the live view and the report.

Every learner string (names, pseudonyms, exercise ids, answers, option keys) passes
through ``html.escape``; charts are inline SVG, so a report opens offline with no script.
Right and wrong are told by words and patterns in the legend, never by colour alone.
"""
from __future__ import annotations

import html

from workshop.room.summary import RoomFigures

STATUS_COLOURS = (("correct", "#1b7837", "\u2714 correct"), ("partial", "#dfc27d", "\u25d1 partial"), ("incorrect", "#b2182b", "\u2716 incorrect"),
                  ("saved", "#878787", "\u25cb saved, not marked"))

STYLE = """
.lwi-room{font-family:system-ui,sans-serif;color:#1a1a1a;max-width:1200px}
.lwi-room table{border-collapse:collapse;margin:6px 0 14px}
.lwi-room th,.lwi-room td{border-bottom:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
.lwi-room td.n{text-align:right;font-variant-numeric:tabular-nums}
.lwi-room .tot{display:flex;gap:24px;flex-wrap:wrap;font-size:1.1em}
.lwi-room .tot b{font-size:1.6em}
.lwi-room.projector{font-size:150%}
.lwi-room.projector .names{display:none}
.lwi-room .muted{color:#555}
"""


def esc(value) -> str:
    return html.escape(value if isinstance(value, str) else str(value), quote=True)


def plain(markdown: str) -> str:
    """The bank's feedback without Markdown emphasis marks, for a table cell (escaped after)."""
    return markdown.replace("**", "").replace("`", "").replace("\\$", "$")


def totals(figures: RoomFigures, updated: str = "") -> str:
    t = figures.totals()
    items = [("learners", figures.learners), ("answered", t["answered"]), ("correct", t["correct"]),
             ("partial", t["partial"]), ("incorrect", t["incorrect"])]
    items += [("saved", t["saved"])] if t["saved"] else []
    items += [("stuck", len(figures.stuck))]
    cells = "".join(f'<div>{label}: <b data-testid="{label}">{value}</b></div>' for label, value in items)
    stamp = f'<div class="muted">updated {esc(updated)}</div>' if updated else ""
    return f'<div class="tot" role="status" aria-live="polite">{cells}{stamp}</div>'


def status_bars(figures: RoomFigures, width: int = 560) -> str:
    """One stacked bar per answered exercise: correct, partial, incorrect (labelled in text too)."""
    rows = [f for f in figures.exercises if f.answered]
    if not rows:
        return '<p class="muted">No answers yet.</p>'
    bar_h, label_w, gap = 18, 230, 6
    height = len(rows) * (bar_h + gap) + 30
    most = max(f.answered + f.not_attempted for f in rows) or 1
    scale = (width - label_w - 80) / most
    parts = [f'<svg role="img" aria-label="Answers per exercise: correct, partial and incorrect" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg" font-size="12" font-family="system-ui,sans-serif">',
             '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
             '<rect width="6" height="6" fill="#b2182b"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>']
    for i, f in enumerate(rows):
        y, x = 20 + i * (bar_h + gap), label_w
        parts.append(f'<text x="0" y="{y + 13}">{esc(f.exercise)}</text>')
        for key, colour, _ in STATUS_COLOURS:
            n = getattr(f, key)
            if n:
                fill = "url(#hatch)" if key == "incorrect" else colour
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{n * scale:.1f}" height="{bar_h}" fill="{fill}"><title>{n} {key}</title></rect>')
                x += n * scale
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}">{f.correct}\u2714 {f.partial}\u25d1 {f.incorrect}\u2716'
                     + (f' {f.saved}\u25cb' if f.saved else '') + '</text>')
    legend = " ".join(f'<tspan fill="{c}">\u25a0</tspan> {esc(label)}' for _, c, label in STATUS_COLOURS)
    parts.append(f'<text x="0" y="12">{legend} (incorrect is hatched)</text></svg>')
    return "".join(parts)


def simple_bars(pairs: list[tuple[str, float]], label: str, unit: str = "", width: int = 420) -> str:
    if not pairs:
        return '<p class="muted">Nothing yet.</p>'
    bar_h, label_w = 16, 140
    most = max(v for _, v in pairs) or 1
    scale = (width - label_w - 30 - 8 * len(unit)) / most
    height = len(pairs) * (bar_h + 5) + 5
    parts = [f'<svg role="img" aria-label="{esc(label)}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
             f'font-size="12" font-family="system-ui,sans-serif">']
    for i, (name, value) in enumerate(pairs):
        y = 5 + i * (bar_h + 5)
        parts.append(f'<text x="0" y="{y + 12}">{esc(name)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{value * scale:.1f}" height="{bar_h}" fill="#2166ac"/>'
                     f'<text x="{label_w + value * scale + 4:.1f}" y="{y + 12}">{value:g}{esc(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def exercise_table(figures: RoomFigures) -> str:
    from workshop.kinds.options import as_shown

    head = ("<tr><th scope='col'>exercise</th><th scope='col'>answered</th><th scope='col'>\u2714 correct</th>"
            "<th scope='col'>\u25d1 partial</th><th scope='col'>\u2716 incorrect</th><th scope='col'>not attempted</th>"
            "<th scope='col'>changed their mind</th>"
            "<th scope='col'>choices (learners)</th><th scope='col'>most common misconception (first answers)</th></tr>")
    out, module = [], None
    for f in figures.exercises:
        if f.module != module:
            if module is not None:
                out.append("</table>")
            module = f.module
            out.append(f"<h3>Module {esc(module)}: {figures.pace.get(module, 0)} learner(s) here now</h3><table>{head}")
        choices = ", ".join(f"{esc(k)}: {n}" for k, n in as_shown(f.exercise, f.choices))  # letters as learners see them
        top = f.first_misconceptions.most_common(1) or f.misconceptions.most_common(1)
        misconception = f"{esc(top[0][0])} ({top[0][1]})" if top else ""
        changed = f"{f.changed_mind}" + (f" ({f.repaired} repaired a misconception)" if f.repaired else "")
        out.append(
            f'<tr data-exercise="{esc(f.exercise)}"><td>{esc(f.exercise)}<div class="muted">{esc(f.title)}</div>'
            + (f'<div class="muted">{f.saved} saved, not marked</div>' if f.saved else '') + '</td>'
            f'<td class="n" data-col="answered">{f.answered}</td><td class="n" data-col="correct">{f.correct}</td>'
            f'<td class="n" data-col="partial">{f.partial}</td><td class="n" data-col="incorrect">{f.incorrect}</td>'
            f'<td class="n">{f.not_attempted} of {figures.learners}</td><td class="n" data-col="changed">{changed}</td>'
            f'<td>{choices}</td><td>{misconception}</td></tr>'
        )
    if module is not None:
        out.append("</table>")
    return "".join(out) or '<p class="muted">No learner has answered yet.</p>'


def misconception_table(figures: RoomFigures, limit: int | None = None) -> str:
    """Each misconception with how many learners held it in their FIRST answer (what the room believed
    before any feedback) and how many still hold it in their last, most common first answers first."""
    rows = figures.first_answers[:limit] if limit else figures.first_answers
    if not rows:
        return '<p class="muted">No misconceptions seen yet.</p>'
    body = "".join(f"<tr><td class='n' data-col='first'>{first}</td><td class='n' data-col='now'>{now}</td>"
                   f"<td>{esc(ex)}</td><td>{esc(m)}</td><td>{esc(plain(fix))}</td></tr>"
                   for ex, m, first, now, fix in rows)
    return ("<table><tr><th scope='col'>learners, first answer</th><th scope='col'>learners, last answer</th>"
            "<th scope='col'>exercise</th><th scope='col'>misconception</th>"
            f"<th scope='col'>the feedback that repairs it</th></tr>{body}</table>")


def stuck_list(figures: RoomFigures) -> str:
    if not figures.stuck:
        return '<p class="muted">Nobody is stuck.</p>'
    items = "".join(f"<li><span class='names'>{esc(who)} on </span>{esc(ex)}: {n} attempts, none correct</li>" for who, ex, n in figures.stuck)
    return f"<ul>{items}</ul>"


def unknown_list(figures: RoomFigures) -> str:
    if not figures.unknown:
        return ""
    items = "".join(f"<li>{esc(ex)}: {n} learner(s)</li>" for ex, n in figures.unknown.items())
    return f"<h2>Unknown exercise ids</h2><p>Not in this workshop's bank, so left out of the figures:</p><ul>{items}</ul>"


def problems_list(problems: list[str]) -> str:
    if not problems:
        return ""
    return "<h2>Files skipped</h2><ul>" + "".join(f"<li>{esc(p)}</li>" for p in problems) + "</ul>"
