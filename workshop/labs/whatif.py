"""What-if explorers: labelled sliders that update a chart and a headline number live.

Each chart keeps its axis while the sliders move: an axis that rescaled with every change
drew the same-looking bars whatever the learner did. The axis only grows (to the next
round number) when a bar would no longer fit, and never shrinks back.
"""
from __future__ import annotations

import html
import math

from workshop.company import currency


def nice_ceiling(value: float) -> float:
    """The next round number at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if not value or value <= 0 or not math.isfinite(value):
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value)


class Axis:
    """A grow-only axis limit shared by every redraw of one explorer."""

    def __init__(self, headroom: float = 1.15):
        self.limit, self.headroom = 0.0, headroom

    def fit(self, largest: float) -> float:
        self.limit = max(self.limit, nice_ceiling(largest * self.headroom))
        return self.limit


def _as_output(fig) -> dict:
    """A figure as one display_data output, as the front end would store it."""
    if hasattr(fig, "to_plotly_json"):  # plotly: the bundle the mimetype renderer makes, without loading plotly.io's renderers
        from workshop.labs.charts import figure_bundle

        data, metadata = figure_bundle(fig), {}
    else:
        from IPython.core.formatters import format_display_data

        data, metadata = format_display_data(fig)
    return {"output_type": "display_data", "data": data, "metadata": metadata}


def _explorer(sliders: dict, draw) -> "object":
    import ipywidgets as w

    out = w.Output()
    headline = w.HTML()
    headline.add_class("lwi-headline")
    box = w.VBox([*sliders.values(), headline, out])

    def update(_=None):
        values = {name: s.value for name, s in sliders.items()}
        text, fig = draw(**values)
        box.last_figure = fig
        headline.value = f"<p role='status' aria-live='polite' style='font-size:1.2em'><strong>{html.escape(text)}</strong></p>"
        # Set the chart as the Output widget's state in one step. Capturing with `with out:` instead
        # makes a client that mirrors Output widgets (nbclient: make bench, Voila) send the captured
        # figure back on the shell channel mid-execution, which stalls the cell until its timeout.
        out.outputs = (_as_output(fig),)

    for s in sliders.values():
        s.observe(update, names="value")
    update()
    return box


def _slider(description, value, low, high, step=1, decimals=0, unit=""):
    from workshop.widgets._anywidget import LabelledSlider

    return LabelledSlider(description=description, value=value, min=low, max=high, step=step, decimals=decimals, unit=unit)


def wait_cost_explorer(minutes_now=22.0, people=30, waits_per_day=4.8, hourly_cost=75, context_switch_minutes=10):
    """How the yearly cost of waiting moves with build time, team size, switches and pay."""
    from workshop.labs.charts import wait_cost_by_build_time
    from workshop.impact import wait_cost

    sliders = {
        "minutes_target": _slider("Target build time (minutes)", 10, 1, minutes_now, unit="minutes"),
        "people": _slider("Engineers waiting", people, 1, 100, unit="engineers"),
        "context_switch_minutes": _slider("Refocus time per wait (minutes)", context_switch_minutes, 0, 30, unit="minutes"),
        "hourly_cost": _slider(f"Cost per engineer-hour ({currency.label()})", hourly_cost, 20, 200, step=5, unit=currency.words()),
    }
    axis = Axis()

    def draw(minutes_target, people, context_switch_minutes, hourly_cost):
        people = int(round(people))
        now = wait_cost(people, waits_per_day, minutes_now, hourly_cost, context_switch_minutes=context_switch_minutes)
        later = wait_cost(people, waits_per_day, minutes_target, hourly_cost, context_switch_minutes=context_switch_minutes)
        text = f"Saving: about {currency.about(now.cost_per_year - later.cost_per_year)} a year ({now.hours_per_year - later.hours_per_year:,.0f} engineer-hours)"
        fig = wait_cost_by_build_time(minutes_now, minutes_target, people, waits_per_day, hourly_cost,
                                      context_switch_minutes, y_max=axis.fit(now.cost_per_year))
        return text, fig

    return _explorer(sliders, draw)


def risk_explorer(revenue_per_minute: float, fix_cost: float, seed: int = 6, incidents_likely: float = 13,
                  minutes_likely: float = 90, share_lost: float = 0.5, margin: float = 1.0, share_prevented: float = 1.0,
                  fix_weeks: float | None = None):
    """The yearly loss a fix prevents, as a distribution, against the cost of the fix.

    With ``margin`` and ``share_prevented`` (module 06 passes the company's, through
    ``workshop.company.facts.explorer_defaults()``) it is the margin the fix saves, not every
    sale of every outage. The ranges are centred on the sliders' values, so the simulated
    mean is the point estimate. The model is ``workshop.company.facts.checkout_saving_simulation``.
    With ``fix_weeks`` (the estimate), a slider lets the fix overrun up to twice as long, and its
    cost grows with it: the fix's cost is a range too.
    """
    import numpy as np

    from workshop.labs.charts import loss_distribution
    from workshop.company.facts import checkout_saving_simulation

    sliders = {
        "incidents_likely": _slider("Incidents a year the fix addresses (average)", round(incidents_likely, 1), 1,
                                    max(80, 2 * round(incidents_likely)), step=0.5, decimals=1, unit="incidents"),
        "minutes_likely": _slider("Minutes to restore (average)", 5 * round(minutes_likely / 5), 5, 480, step=5, unit="minutes"),
        "share_lost": _slider("Share of orders lost for good while down", share_lost, 0.05, 1, step=0.05, decimals=2),
        "share_prevented": _slider("Share of the loss the fix prevents (most likely)", share_prevented, 0.05, 1, step=0.05, decimals=2),
    }
    if fix_weeks:
        sliders["weeks"] = _slider("Weeks the fix really takes", fix_weeks, fix_weeks, 2 * fix_weeks, unit="weeks")
    axis = Axis(headroom=1.05)

    def draw(incidents_likely, minutes_likely, share_lost, share_prevented, weeks=None):
        cost = fix_cost * (weeks / fix_weeks if weeks and fix_weeks else 1)
        sim = checkout_saving_simulation(revenue_per_minute, incidents_likely, minutes_likely, share_lost,
                                         margin, share_prevented, cost, seed=seed)
        text = (f"Mean yearly loss the fix prevents {currency.amount(sim.summary['mean'])}, median {currency.amount(sim.summary['p50'])}; "
                f"it exceeds the {currency.amount(cost)} fix in {sim.summary['prob_above']:.0%} of simulated years")
        x_max = axis.fit(max(float(np.percentile(sim.samples, 99.5)), 2 * fix_cost if fix_weeks else fix_cost))
        return text, loss_distribution(sim.samples, fix_cost=cost, x_max=x_max, what="saving")

    return _explorer(sliders, draw)


def ci_fix_explorer(ci, target_minutes=10, working_weeks=46, data_weeks=12, hourly_cost=75,
                    running_per_month=1500.0, fix_cost=36000.0, low_case_minutes=14, fix_weeks=None):
    """The CI fix under the sceptic's assumptions, computed from the CI runs themselves.

    At its starting values the saving is exactly the learner's ``fix_saving`` (every build
    minute above the target, per week, over the working weeks, at the hourly cost). The
    sliders move the target build time, the share of saved minutes that becomes work, the
    runners' monthly bill and the hourly cost; the headline gives the net saving, the
    payback in working weeks, and the break-even share for a quarter and for a year.
    The fix is engineer time too, so the hourly cost reprices it (``fix_cost`` is its cost at
    ``hourly_cost``); with ``fix_weeks``, a slider lets the estimate overrun up to twice as long.
    """
    import numpy as np

    from workshop.labs.charts import ci_fix_case

    builds = np.asarray(ci["build_minutes"], dtype=float)
    slowest = float(np.ceil(np.median(builds)))
    sliders = {
        "target": _slider("Build time the fix reaches (minutes)", target_minutes, 5, max(slowest, low_case_minutes + 1), unit="minutes"),
        "share": _slider("Share of saved minutes that become work (%)", 100, 0, 100, step=5, unit="%"),
        "running": _slider(f"Runners' cost a month ({currency.label()})", running_per_month, 0,
                           max(5000, 4 * running_per_month), step=100, unit=currency.words()),
        "hourly_cost": _slider(f"Cost per engineer-hour ({currency.label()})", hourly_cost, 20, 200, step=5, unit=currency.words()),
    }
    if fix_weeks:
        sliders["weeks"] = _slider("Weeks the fix really takes", fix_weeks, fix_weeks, 2 * fix_weeks, unit="weeks")
    axis = Axis()
    base_rate, base_weeks = float(hourly_cost), float(fix_weeks or 1)

    def draw(target, share, running, hourly_cost, weeks=None):
        fix = fix_cost * hourly_cost / base_rate * (weeks or base_weeks) / base_weeks
        saved_hours = float(np.clip(builds - target, 0, None).sum()) / 60 / data_weeks * working_weeks
        full = saved_hours * hourly_cost
        saving = full * share / 100
        running_year = running * 12
        net = saving - running_year
        quarter = (fix + running_year / 4) / (full / 4) if full else math.inf
        year = (fix + running_year) / full if full else math.inf
        payback = fix / (net / working_weeks) if net > 0 else math.inf
        pays = f"pays back in about {payback:.1f} working weeks" if math.isfinite(payback) else "never pays back"
        text = (f"Saving the fix buys: {currency.amount(round(saving, -3))} a year; net of the runners {currency.amount(round(net, -3))}; it {pays}. "
                f"The fix costs {currency.amount(fix)}. Break-even share of saved minutes: {quarter:.0%} within a quarter, {year:.0%} within a year.")
        fig = ci_fix_case(saving, running_year, fix, y_max=axis.fit(max(full, fix, running_year)))
        return text, fig

    return _explorer(sliders, draw)
