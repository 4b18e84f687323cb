"""What-if explorers: labelled sliders that update a chart and a headline number live."""
from __future__ import annotations

import html


def _as_output(fig) -> dict:
    """A figure as one display_data output, as the front end would store it."""
    if hasattr(fig, "_repr_mimebundle_"):  # plotly: the bundle its default renderer (the mimetype one) makes
        data, metadata = fig._repr_mimebundle_(include=None, exclude=None), {}
    else:
        from IPython.core.formatters import format_display_data

        data, metadata = format_display_data(fig)
    return {"output_type": "display_data", "data": data, "metadata": metadata}


def _explorer(sliders: dict, draw) -> "object":
    import ipywidgets as w

    out = w.Output()
    headline = w.HTML()
    headline.add_class("lwi-headline")

    def update(_=None):
        values = {name: s.value for name, s in sliders.items()}
        text, fig = draw(**values)
        headline.value = f"<p role='status' aria-live='polite' style='font-size:1.2em'><strong>{html.escape(text)}</strong></p>"
        # Set the chart as the Output widget's state in one step. Capturing with `with out:` instead
        # makes a client that mirrors Output widgets (nbclient: make bench, Voila) send the captured
        # figure back on the shell channel mid-execution, which stalls the cell until its timeout.
        out.outputs = (_as_output(fig),)

    for s in sliders.values():
        s.style = {"description_width": "initial"}
        s.layout = w.Layout(width="520px")
        s.observe(update, names="value")
    update()
    return w.VBox([*sliders.values(), headline, out])


def wait_cost_explorer(minutes_now=22.0, people=30, waits_per_day=4.8, hourly_cost=75, context_switch_minutes=10):
    """How the yearly cost of waiting moves with build time, team size, switches and pay."""
    import ipywidgets as w

    from workshop.charts import wait_cost_by_build_time
    from workshop.impact import wait_cost

    sliders = {
        "minutes_target": w.FloatSlider(value=10, min=1, max=minutes_now, step=1, description="Target build time (minutes)"),
        "people": w.IntSlider(value=people, min=1, max=100, description="Engineers waiting"),
        "context_switch_minutes": w.IntSlider(value=context_switch_minutes, min=0, max=30, description="Refocus time per wait (minutes)"),
        "hourly_cost": w.IntSlider(value=hourly_cost, min=20, max=200, step=5, description="Cost per engineer-hour (US$)"),
    }

    def draw(minutes_target, people, context_switch_minutes, hourly_cost):
        now = wait_cost(people, waits_per_day, minutes_now, hourly_cost, context_switch_minutes=context_switch_minutes)
        later = wait_cost(people, waits_per_day, minutes_target, hourly_cost, context_switch_minutes=context_switch_minutes)
        text = f"Saving: about ${now.cost_per_year - later.cost_per_year:,.0f} a year ({now.hours_per_year - later.hours_per_year:,.0f} engineer-hours)"
        return text, wait_cost_by_build_time(minutes_now, minutes_target, people, waits_per_day, hourly_cost, context_switch_minutes)

    return _explorer(sliders, draw)


def risk_explorer(revenue_per_minute: float, fix_cost: float, seed: int = 6, incidents_likely: int = 39,
                  minutes_likely: int = 90, share_lost: float = 0.5, margin: float = 1.0, share_prevented: float = 1.0):
    """The yearly loss a fix prevents, as a distribution, against the cost of the fix.

    With ``margin`` and ``share_prevented`` (module 06 passes the company's, through
    ``workshop.facts.explorer_defaults()``) it is the margin the fix saves, not every
    sale of every outage. The model is ``workshop.facts.checkout_saving_simulation``.
    """
    import ipywidgets as w

    from workshop.charts import loss_distribution
    from workshop.facts import checkout_saving_simulation

    sliders = {
        "incidents_likely": w.IntSlider(value=incidents_likely, min=1, max=max(80, 2 * incidents_likely),
                                        description="Incidents a year the fix addresses (most likely)"),
        "minutes_likely": w.IntSlider(value=minutes_likely, min=5, max=480, step=5, description="Minutes to restore (most likely)"),
        "share_lost": w.FloatSlider(value=share_lost, min=0.05, max=1, step=0.05, description="Share of orders lost for good while down"),
    }

    def draw(incidents_likely, minutes_likely, share_lost):
        sim = checkout_saving_simulation(revenue_per_minute, incidents_likely, minutes_likely, share_lost,
                                         margin, share_prevented, fix_cost, seed=seed)
        text = (f"Median yearly loss the fix prevents ${sim.summary['p50']:,.0f}; it exceeds the ${fix_cost:,.0f} fix "
                f"in {sim.summary['prob_above']:.0%} of simulated years")
        return text, loss_distribution(sim.samples, fix_cost=fix_cost)

    return _explorer(sliders, draw)
