"""What-if explorers set their chart as the Output widget's state; they never capture output mid-cell.

Capturing (``with out: display(fig)``) makes a client that mirrors Output widgets (nbclient,
as ``make bench`` and Voila use) send the captured figure back to the kernel on the shell
channel during the cell, and the cell then stalls until its timeout (about 120 s for each of
notebooks 05 and 06 in ``make bench``). Setting ``outputs`` directly has no such round trip.
"""
import json

import ipywidgets as w
import pytest

from workshop.labs.charts import use_mimetype_renderer
from workshop.labs.whatif import risk_explorer, wait_cost_explorer

EXPLORERS = {
    "wait_cost_explorer": lambda: wait_cost_explorer(minutes_now=22, people=30, waits_per_day=4.8, hourly_cost=75),
    "risk_explorer": lambda: risk_explorer(revenue_per_minute=60.0, fix_cost=90_000),
}


@pytest.mark.parametrize("name", EXPLORERS)
def test_explorer_chart_is_output_state_and_follows_the_sliders(name, monkeypatch):
    use_mimetype_renderer()
    captured = []
    monkeypatch.setattr(w.Output, "__enter__", lambda self: captured.append(self) or self)
    box = EXPLORERS[name]()
    out = next(child for child in box.children if isinstance(child, w.Output))
    assert len(out.outputs) == 1 and "application/vnd.plotly.v1+json" in out.outputs[0]["data"]
    before = json.dumps(out.outputs[0]["data"], sort_keys=True, default=str)
    from workshop.widgets._anywidget import LabelledSlider  # the what-if sliders: labelled native range inputs

    slider = next(child for child in box.children if isinstance(child, (w.IntSlider, w.FloatSlider, LabelledSlider)))
    slider.value = slider.max
    assert len(out.outputs) == 1
    assert json.dumps(out.outputs[0]["data"], sort_keys=True, default=str) != before
    assert not captured, "the explorer captured output with `with out:`"
    assert out.msg_id == ""
