"""The what-if explorer for module 09: move the lead's coding share and the model's assumptions."""
from __future__ import annotations


def output_by_coding_share(current: float, **assumptions):
    """Team output and the lead's own output across coding shares, the current share marked."""
    import plotly.graph_objects as go

    from workshop.charts import PALETTE, _layout
    from workshop.leading.model import best_share, team_output

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
    fig.update_yaxes(rangemode="tozero")
    return fig


def coding_share_explorer(coding_share: float = 0.8, engineers: int = 5, blocked_share: float = 0.25,
                          leading_needed: float = 0.4, lead_speed: float = 1.5):
    """Sliders for the lead's coding share and each assumption; a headline and a chart that follow them."""
    import ipywidgets as w

    from workshop.leading.model import best_share, team_output
    from workshop.whatif import _explorer

    sliders = {
        "coding_share": w.FloatSlider(value=coding_share, min=0, max=1, step=0.05, readout_format=".0%",
                                      description="Lead's time spent coding"),
        "engineers": w.IntSlider(value=engineers, min=1, max=12, description="Engineers besides the lead"),
        "blocked_share": w.FloatSlider(value=blocked_share, min=0, max=0.6, step=0.05, readout_format=".0%",
                                       description="Their week lost waiting if the lead only codes"),
        "leading_needed": w.FloatSlider(value=leading_needed, min=0.05, max=0.9, step=0.05, readout_format=".0%",
                                        description="Leading time the team needs"),
        "lead_speed": w.FloatSlider(value=lead_speed, min=0.5, max=3, step=0.1,
                                    description="Lead's coding speed (average engineer = 1)"),
    }

    def draw(coding_share, **assumptions):
        now, best = team_output(coding_share, **assumptions), best_share(**assumptions)
        text = (f"Model: team output {now.total:.2f} engineer-weeks a week ({now.own:.2f} the lead's own, "
                f"{now.others:.2f} the others'); best in this model {best.total:.2f} at {best.coding_share:.0%} coding")
        return text, output_by_coding_share(coding_share, **assumptions)

    return _explorer(sliders, draw)
