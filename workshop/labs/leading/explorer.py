"""The what-if explorer for module 09: move the lead's coding share and the model's assumptions."""
from __future__ import annotations

import math


def output_by_coding_share(current: float, y_max: float | None = None, **assumptions):
    """Team output and the lead's own output across coding shares, the current share marked.

    ``y_max`` keeps the axis still while sliders move (an explorer passes its grow-only limit).
    """
    import plotly.graph_objects as go

    from workshop.labs.charts import PALETTE, _layout
    from workshop.labs.leading.model import best_share, team_output

    shares = [i / 100 for i in range(101)]
    rows = [team_output(s, **assumptions) for s in shares]
    now, best = team_output(current, **assumptions), best_share(**assumptions)
    fig = go.Figure()
    fig.add_scatter(x=[s * 100 for s in shares], y=[r.total for r in rows], name="team output (model)",
                    line={"color": PALETTE[0], "width": 3})
    fig.add_scatter(x=[s * 100 for s in shares], y=[r.own for r in rows], name="the lead's own coding",
                    line={"color": PALETTE[1], "dash": "dash"})
    fig.add_scatter(x=[current * 100], y=[now.total], mode="markers", name="your choice",
                    marker={"color": PALETTE[3], "size": 12, "symbol": "diamond"})
    title = f"In this model, team output peaks at about {best.coding_share:.0%} coding"
    fig = _layout(fig, title, "Lead's time spent coding (%)", "Team output (engineer-weeks a week)")
    if y_max:
        fig.update_yaxes(range=[0, y_max])
    else:
        fig.update_yaxes(rangemode="tozero")
    return fig


def _slider(description: str, value: float, low: float, high: float, step: float, unit: str, decimals: int = 0):
    """The workshop's labelled what-if slider (an accessible native range input) where it exists, else ipywidgets'."""
    try:
        from workshop.labs.whatif import _slider as labelled
    except ImportError:
        labelled = None
    if labelled is not None:
        return labelled(description, value, low, high, step=step, decimals=decimals, unit=unit)
    import ipywidgets as w

    kind = w.IntSlider if float(step).is_integer() and float(value).is_integer() else w.FloatSlider
    return kind(value=value, min=low, max=high, step=step, description=description,
                style={"description_width": "initial"}, layout=w.Layout(width="520px"))


def coding_share_explorer(coding_share: float = 0.8, engineers: int = 5, blocked_share: float = 0.25,
                          leading_needed: float = 0.4, lead_speed: float = 1.5):
    """Sliders for the lead's coding share and each assumption; a headline and a chart that follow them.

    Shares are shown in percent on the sliders and passed to the model as fractions.
    """
    from workshop.labs.leading.model import best_share, hero_wins_below, team_output
    from workshop.labs.whatif import _explorer

    sliders = {
        "coding_share": _slider("Lead's time spent coding (%)", round(coding_share * 100), 0, 100, 5, "%"),
        "engineers": _slider("Engineers besides the lead", engineers, 1, 12, 1, "engineers"),
        "blocked_share": _slider("Their week lost waiting if the lead only codes (%)", round(blocked_share * 100), 0, 60, 5, "%"),
        "leading_needed": _slider("Leading time the team needs (%)", round(leading_needed * 100), 5, 90, 5, "%"),
        "lead_speed": _slider("Lead's coding speed (average engineer = 1)", lead_speed, 0.5, 3, 0.1, "times", decimals=1),
    }

    limit = {"y": 0.0}  # grow-only: the axis never shrinks, so a smaller team looks smaller
    figures = []  # every chart drawn, newest last (tests and facilitators can read the current one)

    def draw(coding_share, engineers, blocked_share, leading_needed, lead_speed):
        assumptions = {"engineers": int(round(engineers)), "blocked_share": blocked_share / 100,
                       "leading_needed": leading_needed / 100, "lead_speed": round(lead_speed, 2)}
        share = coding_share / 100
        now, best = team_output(share, **assumptions), best_share(**assumptions)
        text = (f"Model: team output {now.total:.2f} engineer-weeks a week ({now.own:.2f} the lead's own, "
                f"{now.others:.2f} the others'); best in this model {best.total:.2f} at {best.coding_share:.0%} coding. "
                f"All coding would win only if the others lost less than {min(hero_wins_below(**assumptions), 1):.0%} "
                f"of their week waiting (now {blocked_share / 100:.0%})")
        top = max(team_output(s / 100, **assumptions).total for s in range(0, 101, 5))
        limit["y"] = max(limit["y"], math.ceil(top * 1.15))
        figures.append(output_by_coding_share(share, y_max=limit["y"], **assumptions))
        del figures[:-1]
        return text, figures[-1]

    box = _explorer(sliders, draw)
    box.figures = figures
    return box
