"""Computed answers, charts, what-if explorers and the proposal behind modules 05-06."""
import pandas as pd
import pytest

import workshop
from workshop import Module
from workshop.labs import charts
from workshop.bank.loader import get_bank
from workshop.company.data import load
from workshop.labs.proposal import Option, Proposal, money


def test_computed_key_follows_an_instructors_own_data(tmp_path, monkeypatch):
    before = get_bank().exercises["05.hours-waited"].key()
    mine = load("ci_runs").iloc[::2]  # half the runs: a different total, and a fix that still pays back
    mine.to_csv(tmp_path / "ci.csv", index=False)
    monkeypatch.setenv("WORKSHOP_DATA_CI_RUNS", str(tmp_path / "ci.csv"))
    after = get_bank().exercises["05.hours-waited"].key()
    assert after == pytest.approx((mine["queue_minutes"] + mine["build_minutes"]).sum() / 60)
    assert after != pytest.approx(before)
    assert workshop.check("05.hours-waited", after).status == "correct"


def test_computed_with_broken_data_is_explained_not_raised(tmp_path, monkeypatch):
    (tmp_path / "ci.csv").write_text("run_id,engineer\n1,e1\n")
    monkeypatch.setenv("WORKSHOP_DATA_CI_RUNS", str(tmp_path / "ci.csv"))
    result = workshop.check("05.hours-waited", 100)
    assert result.status == "not_attempted" and "missing column 'queue_minutes'" in result.feedback


def test_computed_diagnoses_the_usual_slips():
    from workshop.company.facts import current

    ci = load("ci_runs")
    per_week = (ci["build_minutes"] - 10).clip(lower=0).sum() / 60 / 12 * 75
    result = workshop.check("05.fix-saving", per_week)
    assert result.misconception == "Reporting a per-week figure as the yearly one."
    whole_problem = workshop.check("05.fix-saving", current()["ci_wait_cost_per_year"].value)
    assert whole_problem.misconception == "A fix saves the whole cost of the problem."


def test_the_yearly_cost_judgement_names_the_real_slips():
    """05.cost-per-year is a judgement: 52 weeks and the refocus on top are the slips a finance director strikes out."""
    assert workshop.check("05.cost-per-year", "a").status == "correct"
    assert workshop.check("05.cost-per-year", "b").misconception == "A year of engineer time is 52 weeks."
    assert "second, unmeasured assumption" in workshop.check("05.cost-per-year", "c").feedback


def test_expected_loss_slips_are_mistakes_people_make():
    from workshop.company.facts import current

    f = current()
    assert workshop.check("06.expected-loss", f["bf_day_impact"].value).misconception == "Forgetting the probability."
    assert workshop.check("06.expected-loss", f["bf_day_expected_loss_revenue"].value).misconception == "Lost revenue is lost money."
    assert workshop.check("06.expected-loss", f["bf_day_expected_loss"].value * 10).feedback.startswith("Close, but off by a factor of 10")
    assert workshop.check("06.expected-loss", f["bf_day_expected_loss"].value).status == "correct"
    # the module's own rule, each minute in its own season: the Black Friday minute unrounded is right too
    spike = f["spike_day_revenue_per_minute"].value * f["share_of_orders_lost_while_down"].value * f["gross_margin"].value
    own_minute = f["black_friday_failure_probability"].value * f["black_friday_outage_minutes"].value * spike
    assert workshop.check("06.expected-loss", own_minute).status == "correct"
    assert workshop.check("06.expected-loss", f["bf_expected_loss"].value).misconception == \
        "An average minute is a fair price for every minute."
    feedback = " ".join(s.feedback for s in get_bank().exercises["06.expected-loss"].slips)
    assert "an hour" not in feedback.replace("an **hour**", "")  # the rate is per minute


def test_the_fix_is_credited_only_with_what_it_addresses_in_margin():
    from workshop.company.facts import current

    every_incident = workshop.check("06.annual-loss", get_bank().exercises["06.annual-loss"].evaluate(
        get_bank().exercises["06.annual-loss"].slips[0].code))
    assert every_incident.misconception == "A fix prevents every outage."
    key = get_bank().exercises["06.annual-loss"].key()
    assert key == pytest.approx(current()["addressed_margin_lost_per_year"].value)


def test_learner_code_answers_go_through_module_check():
    m = Module("05")
    assert m.check("hours-waited", ...).status == "not_attempted"
    ci = load("ci_runs")
    assert m.check("hours-waited", (ci["queue_minutes"] + ci["build_minutes"]).sum() / 60).status == "correct"


def test_chart_titles_state_the_finding_and_axes_have_units():
    ci = load("ci_runs")
    fig = charts.weekly_wait(ci)
    total = (ci["queue_minutes"] + ci["build_minutes"]).sum() / 60
    assert fig.layout.title.text.startswith("Engineers waited on CI every one of the 12 weeks, never under ")
    assert f"{total:,.0f}" not in fig.layout.title.text  # the title does not give away 05.hours-waited
    assert "Hours" in fig.layout.yaxis.title.text
    cost = charts.wait_cost_by_build_time(22, 10, 30, 4.8, 75)
    assert cost.layout.title.text.startswith("Faster builds would save about $")
    assert "US$" in cost.layout.yaxis.title.text
    loss = charts.loss_distribution([1, 2, 3, 200], fix_cost=100)
    assert loss.layout.title.text == "In 25% of simulated years the loss exceeds the $100 fix"
    for fig in (fig, cost, loss, charts.incidents_by_month(load("incidents"))):
        assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
        assert list(fig.layout.colorway) == charts.PALETTE


def test_peak_months_are_marked_by_pattern_not_colour_alone():
    fig = charts.incidents_by_month(load("incidents"))
    peak = [t for t in fig.data if "peak" in t.name]
    assert peak and peak[0].marker.pattern.shape == "/"


def test_wait_cost_explorer_updates_headline_and_chart_when_a_slider_moves():
    from workshop.labs.whatif import wait_cost_explorer
    box = wait_cost_explorer(minutes_now=22, people=30, waits_per_day=4.8, hourly_cost=75)
    sliders = {s.description: s for s in box.children if hasattr(s, "min")}
    headline = next(c for c in box.children if "lwi-headline" in c._dom_classes)
    before = headline.value
    sliders["Engineers waiting"].value = 10
    assert headline.value != before and "Saving: about $" in headline.value
    assert all(s.description for s in sliders.values())


def test_risk_explorer_reports_the_share_of_years_above_the_fix():
    from workshop.labs.whatif import risk_explorer
    box = risk_explorer(revenue_per_minute=67.5, fix_cost=90_000)
    headline = next(c for c in box.children if "lwi-headline" in c._dom_classes)
    assert "of simulated years" in headline.value
    slider = next(s for s in box.children if getattr(s, "description", "").startswith("Incidents"))
    slider.value = 1
    assert "exceeds the $90,000 fix in 0%" in headline.value


def test_proposal_markdown_file_and_html(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_OUTPUT_DIR", str(tmp_path))
    p = Proposal(
        title="Speed up CI", headline="Our engineers lose about $1.2 million a year waiting for builds.",
        problem="Builds are slow.", numbers={"Cost per year": money(1_247_818.5)},
        options=[Option("Do nothing", cons=["Cost continues"]), Option("Faster runners", pros=["4-week payback"], cost="$36,000")],
        ask="Approve 3 weeks.", risks=["Fewer builds, smaller saving."],
    )
    assert p.missing() == []
    path = p.save()
    text = path.read_text()
    assert path.parent == tmp_path and "## Options" in text and "- Con: Cost continues" in text and "$1,247,818" in text
    html = p._repr_html_()
    assert "Strong" in html and "<h1>Speed up CI</h1>" in html


def test_unfinished_proposal_lists_what_is_missing_and_escapes_html():
    p = Proposal(title="<script>x</script>", headline=..., numbers={"Cost": money(...)})
    assert {"headline", "problem", "ask", "numbers"} - set(p.missing()) == {"numbers"}
    html = p._repr_html_()
    assert "<script>" not in html and "Still to fill in" in html and "(compute it above first)" in html


def test_the_template_proposal_prefills_nothing_the_learner_writes():
    """05's proposal is a form: the options, their pros and cons, and the ask are the learner's to write."""
    import nbformat

    from workshop.labs import proposal as proposal_module
    from workshop.bank.notebooks.editions import module_notebooks
    from pathlib import Path

    nb = next(p for p in module_notebooks(Path(__file__).resolve().parent.parent / "notebooks") if p.name.startswith("05"))
    cell = next(c for c in nbformat.read(nb, as_version=4).cells if "proposal_form(" in c.source)
    assert len(cell.source.splitlines()) <= 4  # a form, not a nested Python constructor
    proposal_module._drafts.clear()
    namespace = {"headline": ..., "hours_waited": ..., "cost_per_year": ..., "fix_saving": ...}
    form = eval(cell.source.rsplit("\n", 1)[1], {**namespace, "proposal_form": proposal_module.proposal_form})
    proposal = form.proposal()
    gaps = proposal.missing()
    assert {"problem", "ask", "numbers", "at least two options (doing nothing counts)"} <= set(gaps)
    assert "Ellipsis" not in proposal.markdown() and "(yours to write)" in proposal.markdown()
    assert "weeks" not in str(proposal.numbers.get("Payback of the fix"))  # the payback is 05.payback's answer
    assert ".save(" not in cell.source.split("#")[0]  # nothing is written before the learner asks
