"""Money on the page is in the company's currency: charts, sliders, proposals, the capstone form.

A Northway learner (pounds) who reads "$" on a chart or "US$" on a slider has been told
the wrong thing; these tests switch company and read every place that formats money.
"""
import pytest

from workshop.labs import charts

from workshop.company import currency
from workshop.labs.capstone.case import AMOUNTS, FIELDS, Case, field_label
from workshop.labs.proposal import money
from workshop.labs.whatif import risk_explorer, wait_cost_explorer


@pytest.fixture(params=[("larkspur", "$", "US$", "US dollars"), ("northway", "£", "£", "pounds")], ids=["larkspur", "northway"])
def company(request, monkeypatch):
    name, symbol, label, words = request.param
    monkeypatch.setenv("WORKSHOP_COMPANY", name)
    return symbol, label, words


def test_the_currency_follows_the_company(company):
    symbol, label, words = company
    assert (currency.symbol(), currency.label(), currency.words()) == (symbol, label, words)
    assert currency.amount(70_400) == f"{symbol}70,400" and currency.amount(-1234.6) == f"{symbol}-1,235"


def test_charts_state_money_in_the_company_currency(company):
    symbol, label, _ = company
    cost = charts.wait_cost_by_build_time(22, 10, 30, 4.8, 75)
    assert cost.layout.title.text.startswith(f"Faster builds would save about {symbol}")
    assert f"({label})" in cost.layout.yaxis.title.text
    assert all(t.startswith(symbol) for t in cost.data[0].text)
    loss = charts.loss_distribution([1, 2, 3, 200], fix_cost=100)
    assert loss.layout.title.text == f"In 25% of simulated years the loss exceeds the {symbol}100 fix"
    assert f"({label})" in loss.layout.xaxis.title.text
    other = {"$": "£", "£": "$"}[symbol]
    assert other not in str(cost.to_plotly_json()) and other not in str(loss.to_plotly_json())


def test_the_what_if_sliders_and_headlines_state_the_company_currency(company):
    symbol, label, words = company
    box = wait_cost_explorer(minutes_now=22, people=30, waits_per_day=4.8, hourly_cost=75)
    pay = next(s for s in box.children if "engineer-hour" in getattr(s, "description", ""))
    assert pay.description == f"Cost per engineer-hour ({label})" and pay.unit == words
    headline = next(c for c in box.children if "lwi-headline" in c._dom_classes)
    assert f"about {symbol}" in headline.value
    risk = risk_explorer(revenue_per_minute=60.0, fix_cost=90_000)
    headline = next(c for c in risk.children if "lwi-headline" in c._dom_classes)
    assert f"the {symbol}90,000 fix" in headline.value


def test_proposals_and_the_capstone_form_state_the_company_currency(company):
    symbol, label, _ = company
    assert money(36_000) == f"{symbol}36,000" and money(...) == "(compute it above first)"
    for name in FIELDS:
        assert field_label(name).endswith(f"({label})") == (name in AMOUNTS)
    case = Case({"title": "T", "saving_per_year": "16,200", "fix_cost": "12000"})
    page = case.proposal().markdown()
    assert f"{symbol}16,200" in page and f"{symbol}12,000" in page


@pytest.mark.parametrize("unit, is_money", [("US dollars a year", True), ("pounds", True), ("£", True), ("euros", True),
                                            ("hours", False), ("weeks", False), ("", False), (None, False)])
def test_a_money_unit_is_recognised_in_any_currency(unit, is_money):
    assert currency.is_money_unit(unit) is is_money


def test_a_broken_profile_falls_back_without_raising(monkeypatch, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [", encoding="utf-8")
    monkeypatch.setenv("WORKSHOP_COMPANY", str(broken))
    assert currency.amount(5) == "$5" and currency.label() == "$" and currency.words() == "money"


def test_with_unit_keeps_a_value_already_shown_with_its_honest_digits():
    """numeric.about() rounds a key to the digits that matter; with_unit must not choke on that text."""
    from workshop.company.currency import symbol, with_unit

    assert with_unit("587,000", "US dollars a year") == f"{symbol()}587,000 a year"
    assert with_unit("2.8", "weeks") == "2.8 weeks"
    assert with_unit("-4.5", "US dollars") == f"-{symbol()}4.5"


def test_an_estimate_on_the_page_has_three_significant_figures_at_most():
    from workshop.company.currency import about

    assert about(441_791) == "$442,000"
    assert about(496_800) == "$497,000"
    assert about(12_345) == "$12,300"
    assert about(0) == "$0"


def test_chart_titles_state_estimates_without_false_precision():
    import re

    from workshop.labs import charts

    title = charts.wait_cost_by_build_time(22, 10, 30, 4.8, 75).layout.title.text
    figure = re.search(r"\$([\d,]+)", title)[1].replace(",", "")
    assert len(figure.rstrip("0")) <= 3, title
