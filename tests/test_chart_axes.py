"""What-if charts keep their axes while sliders move, and the fix's cost line is always visible."""
from workshop.labs import charts
from workshop.labs.whatif import nice_ceiling, risk_explorer, wait_cost_explorer


def sliders(box):
    return {s.description: s for s in box.children if hasattr(s, "min")}


def test_nice_ceiling_rounds_up_to_a_round_number():
    assert [nice_ceiling(v) for v in (0.7, 1, 1.2, 2.2, 4, 7, 180_000, 1_234_567)] == [
        1, 1, 2, 2.5, 5, 10, 200_000, 2_000_000]


def test_wait_cost_axis_stays_put_so_the_bars_visibly_move():
    box = wait_cost_explorer(minutes_now=22, people=30, waits_per_day=4.8, hourly_cost=75)
    first = box.last_figure
    y_range = tuple(first.layout.yaxis.range)
    target_bar = first.data[0].y[1]
    sliders(box)["Target build time (minutes)"].value = 3
    moved = box.last_figure
    assert tuple(moved.layout.yaxis.range) == y_range  # the old chart rescaled here
    assert moved.data[0].y[1] < target_bar and max(moved.data[0].y) <= y_range[1]
    sliders(box)["Engineers waiting"].value = 100  # bars outgrow the axis: it grows, then stays
    grown = box.last_figure.layout.yaxis.range[1]
    assert grown > y_range[1] and max(box.last_figure.data[0].y) <= grown
    sliders(box)["Engineers waiting"].value = 20
    assert box.last_figure.layout.yaxis.range[1] == grown


def test_fix_cost_line_is_drawn_above_the_bars_with_its_label_above_the_plot():
    fig = charts.loss_distribution([1_000_000, 2_000_000, 3_000_000, 9_000_000], fix_cost=90_000)
    (line,) = fig.layout.shapes
    assert line.x0 == line.x1 == 90_000 and line.layer == "above" and line.line.width >= 2
    assert line.line.color == "#000000"  # not a bar colour: visible over the histogram
    assert line.opacity == 1  # the template's default (0.3) made the line all but invisible
    (label,) = fig.layout.annotations
    assert label.yref == "paper" and label.y == 1 and label.yanchor == "bottom"  # above every bar
    low, high = fig.layout.xaxis.range
    assert low <= 0 < 90_000 < high and high >= 9_000_000  # the fix is on the chart, however small


def test_risk_explorer_keeps_its_loss_axis_while_sliders_move():
    box = risk_explorer(revenue_per_minute=67.5, fix_cost=90_000)
    x_range = tuple(box.last_figure.layout.xaxis.range)
    sliders(box)["Share of orders lost for good while down"].value = 0.1
    assert tuple(box.last_figure.layout.xaxis.range) == x_range


def test_what_if_sliders_are_labelled_and_stay_in_range():
    box = wait_cost_explorer()
    for description, slider in sliders(box).items():
        assert description.strip() and slider.min < slider.max
    people = sliders(box)["Engineers waiting"]
    people.value = 10_000
    assert people.value == people.max
