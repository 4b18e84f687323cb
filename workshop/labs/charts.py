"""Plotly figures whose titles state the finding, in a colour-blind-safe palette.

Notebooks render them as plotly's mimetype bundle (no embedded plotly.js), built here rather than by
plotly.io's renderers: those import nbformat only to check its version, and nbformat's jsonschema
compiles some forty grammars on import (3-25 s before a module's first chart, in every kernel).
"""
from __future__ import annotations

import json

from workshop.company import currency

PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]


def figure_bundle(fig) -> dict:
    """What plotly's "plotly_mimetype" renderer shows for ``fig``, plus its title as plain text."""
    bundle = {PLOTLY_MIMETYPE: json.loads(fig.to_json(validate=False, remove_uids=False))}
    title = fig.layout.title.text
    if title:
        bundle["text/plain"] = f"Chart: {title}"
    return bundle


def use_mimetype_renderer() -> None:
    """Show every plotly figure in this kernel through :func:`figure_bundle`.

    In IPython the display formatters' type registries answer before a figure's own
    ``_ipython_display_`` and ``_repr_mimebundle_`` (which would load plotly.io's renderers);
    outside IPython plotly's own mimetype renderer is chosen instead.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the lab
        get_ipython = lambda: None  # noqa: E731
    shell = get_ipython()
    if shell is None:
        import plotly.io as pio

        pio.renderers.default = "plotly_mimetype"
        return
    from IPython.display import publish_display_data

    def show(fig) -> bool:
        publish_display_data(figure_bundle(fig))
        return True

    formatters = shell.display_formatter
    # A figure's _ipython_display_ is asked first, then _repr_mimebundle_: both would load the renderers.
    formatters.ipython_display_formatter.for_type_by_name("plotly.basedatatypes", "BaseFigure", show)
    formatters.mimebundle_formatter.for_type_by_name(
        "plotly.basedatatypes", "BaseFigure", lambda fig, include=None, exclude=None: figure_bundle(fig))


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
    fig = _layout(fig, f"Faster builds would save about {currency.about(saving)} a year", "Build time", f"Cost of waiting per year ({currency.label()})")
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
    fig = _layout(fig, f"Net of the runners, the fix gives back about {currency.about(net)} a year",
                  "", f"{currency.label()}")
    if y_max is not None:
        fig.update_yaxes(range=[0, y_max], autorange=False)
    return fig
