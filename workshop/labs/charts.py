"""Plotly figures whose titles state the finding, in a colour-blind-safe palette.

Notebooks render them with plotly's mimetype renderer (no embedded plotly.js).
"""
from __future__ import annotations

from workshop.company import currency

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]


def use_mimetype_renderer() -> None:
    import plotly.io as pio

    pio.renderers.default = "plotly_mimetype"


def _layout(fig, title: str, x: str, y: str):
    fig.update_layout(
        title={"text": title}, xaxis_title=x, yaxis_title=y, colorway=PALETTE, template="simple_white",
        font={"size": 14}, margin={"t": 70, "l": 70, "r": 20, "b": 60}, height=420,
    )
    return fig


def weekly_wait(ci_runs):
    """Hours engineers waited on CI each week (queue + build)."""
    import plotly.graph_objects as go

    weekly = (ci_runs.assign(hours=(ci_runs["queue_minutes"] + ci_runs["build_minutes"]) / 60)
              .set_index("started_at")["hours"].resample("W-MON", label="left", closed="left").sum())
    fig = go.Figure(go.Bar(x=weekly.index, y=weekly.values, marker_color=PALETTE[0], name="hours waited"))
    # The finding without the total: the total is 05.hours-waited's answer, one cell above.
    title = f"Engineers waited on CI every one of the {len(weekly)} weeks, never under {weekly.min():,.0f} hours a week"
    return _layout(fig, title, "Week starting", "Hours waited per week")


def wait_cost_by_build_time(minutes_now, minutes_target, people, waits_per_day, hourly_cost, context_switch_minutes=0,
                            y_max=None):
    """A yearly cost bar for today's build and for the target build time.

    ``y_max`` fixes the cost axis, so a what-if slider visibly moves the bars.
    """
    import plotly.graph_objects as go

    from workshop.impact import wait_cost

    now = wait_cost(people, waits_per_day, minutes_now, hourly_cost, context_switch_minutes=context_switch_minutes)
    target = wait_cost(people, waits_per_day, minutes_target, hourly_cost, context_switch_minutes=context_switch_minutes)
    saving = now.cost_per_year - target.cost_per_year
    fig = go.Figure(go.Bar(
        x=[f"{minutes_now:g}-minute builds (today)", f"{minutes_target:g}-minute builds"],
        y=[now.cost_per_year, target.cost_per_year], marker_color=[PALETTE[3], PALETTE[2]],
        text=[currency.amount(now.cost_per_year), currency.amount(target.cost_per_year)], textposition="outside",
    ))
    fig = _layout(fig, f"Faster builds would save about {currency.amount(saving)} a year", "Build time", f"Cost of waiting per year ({currency.label()})")
    if y_max is not None:
        fig.update_yaxes(range=[0, y_max], autorange=False)
    return fig


def loss_distribution(samples, threshold=None, fix_cost=None, x_max=None, what="loss"):
    """Histogram of simulated losses, with the cost of the fix marked.

    ``what="saving"`` when the samples are the loss a fix prevents (module 06's explorer), not the loss.

    The loss axis starts at zero and reaches past the fix, so the fix's line is always on
    the chart; the line is drawn above the bars in black, and its label sits above the
    plot area, where no bar can cover it. ``x_max`` fixes the axis for a what-if explorer.
    """
    import numpy as np
    import plotly.graph_objects as go

    samples = np.asarray(samples, dtype=float)
    fig = go.Figure(go.Histogram(x=samples, nbinsx=60, marker_color=PALETTE[0], name="simulated years"))
    p50 = float(np.median(samples))
    title = (f"Half of simulated years save more than {currency.amount(p50)}" if what == "saving"
             else f"Half of simulated years lose more than {currency.amount(p50)}")
    if fix_cost is not None:
        share = float(np.mean(samples > fix_cost))
        title = f"In {share:.0%} of simulated years the {what} exceeds the {currency.amount(fix_cost)} fix"
        # opacity=1: the simple_white template draws shapes at 0.3, which left the line invisible
        fig.add_shape(type="line", x0=fix_cost, x1=fix_cost, y0=0, y1=1, yref="paper", layer="above", opacity=1,
                      line={"color": PALETTE[7], "width": 3, "dash": "dash"})
        fig.add_annotation(x=fix_cost, y=1, yref="paper", yanchor="bottom", xanchor="left", showarrow=False,
                           text=f"cost of the fix {currency.amount(fix_cost)}", font={"color": PALETTE[7]},
                           bgcolor="rgba(255,255,255,0.9)")
    axis = ("Saving in a year: the loss the fix prevents" if what == "saving" else "Loss in a year")
    fig = _layout(fig, title, f"{axis} ({currency.label()})", "Number of simulated years")
    right = x_max if x_max is not None else max(float(samples.max()), fix_cost or 0) * 1.05
    fig.update_xaxes(range=[0, right], autorange=False)
    fig.update_layout(margin={"t": 100})  # room for the fix's label above the plot
    return fig


def incidents_by_month(incidents):
    """Checkout incidents per month, peak-season months marked by pattern and name, not colour alone."""
    import plotly.graph_objects as go

    monthly = incidents.set_index("started_at").resample("MS").agg({"incident_id": "count", "peak_season": "any"})
    peak = monthly["peak_season"]
    fig = go.Figure()
    fig.add_bar(x=monthly.index[~peak], y=monthly["incident_id"][~peak], name="other months", marker_color=PALETTE[0])
    fig.add_bar(x=monthly.index[peak], y=monthly["incident_id"][peak], name="peak season (Black Friday)",
                marker_color=PALETTE[3], marker_pattern_shape="/")
    worst = monthly["incident_id"].idxmax()
    title = f"Incidents peak in {worst:%B %Y}, with {int(monthly['incident_id'].max())} in the month"
    return _layout(fig, title, "Month", "Checkout incidents")


def ci_fix_case(saving_per_year, running_per_year, fix_cost, y_max=None):
    """The CI fix's first year: the saving it buys, what the runners cost, and the fix itself.

    The first bar carries the same name as the learner's result in module 05 ("the saving the
    fix buys, per year"), so the two agree at the explorer's starting values.
    """
    import plotly.graph_objects as go

    net = saving_per_year - running_per_year
    labels = ["Saving the fix buys, per year", "Runners' cost, per year", "Fix cost (once)"]
    values = [saving_per_year, running_per_year, fix_cost]
    fig = go.Figure(go.Bar(
        x=labels, y=values, marker_color=[PALETTE[2], PALETTE[3], PALETTE[1]],
        text=[currency.amount(v) for v in values], textposition="outside",
    ))
    fig = _layout(fig, f"Net of the runners, the fix gives back about {currency.amount(net)} a year",
                  "", f"{currency.label()}")
    if y_max is not None:
        fig.update_yaxes(range=[0, y_max], autorange=False)
    return fig
