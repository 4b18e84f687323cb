"""The company profile: one validated file, every parameter labelled, the generator reads it."""
import shutil

import pytest
import yaml

from workshop.company import profiles as company

from workshop.company import facts
from workshop.company.profiles import ProfileError, load_profile, profile, profile_path, sources


def test_larkspur_profile_validates_and_every_parameter_is_labelled():
    p = profile()
    assert p.name == "Larkspur Outfitters" and p.currency == "USD"
    for name, param in p.parameters.items():
        assert (param.source is None) != (param.assumption is None), name
        if param.source:
            assert param.source in sources(), name


def test_the_active_company_is_chosen_in_one_place(tmp_path, monkeypatch):
    copy = tmp_path / "acme.yaml"
    data = yaml.safe_load(profile_path().read_text())
    data["name"], data["parameters"]["engineers"]["value"] = "Acme", 12
    copy.write_text(yaml.safe_dump(data))
    monkeypatch.setenv(company.COMPANY_ENV, str(copy))
    assert profile_path() == copy
    assert profile().name == "Acme" and profile()["engineers"] == 12
    monkeypatch.setenv(company.COMPANY_ENV, "larkspur")
    assert profile()["engineers"] == 30


def test_unlabelled_or_miscited_parameters_are_refused(tmp_path):
    data = yaml.safe_load(profile_path().read_text())
    data["parameters"]["engineers"] = {"value": 30}
    data["parameters"]["gross_margin"] = {"value": 0.4, "source": "a-blog-i-read"}
    del data["parameters"]["today"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(ProfileError) as caught:
        load_profile(bad)
    assert "engineers" in str(caught.value) and "exactly one of 'source'" in str(caught.value)
    data["parameters"]["engineers"] = {"value": 30, "assumption": "x"}
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(ProfileError) as caught:
        load_profile(bad)
    assert "missing parameter 'today'" in str(caught.value)
    assert "unknown source 'a-blog-i-read'" in str(caught.value)


def test_unknown_company_names_the_known_ones(monkeypatch):
    monkeypatch.setenv(company.COMPANY_ENV, "nobody")
    with pytest.raises(ProfileError, match="larkspur"):
        profile()


def test_data_runs_up_to_the_story_s_today_not_past_it():
    from workshop.company.data import load

    today = profile()["today"]
    for table, column in (("incidents", "started_at"), ("deploys", "deployed_at"), ("checkout_funnel", "date"),
                          ("ci_runs", "started_at")):
        assert load(table)[column].max().date() < today, table


def test_backlog_derived_costs_of_delay_agree_with_modules_05_and_06():
    from workshop.company.data import load

    f = facts.current()
    backlog = load("backlog").set_index("item")
    # both per calendar week: a year's value ÷ 52 (the CI saving net of the runners' running cost)
    assert backlog.loc["ci-speedup", "cost_of_delay_per_week"] == pytest.approx(f["ci_fix_net_saving_per_year"].value / 52, abs=50)
    assert backlog.loc["checkout-resilience", "cost_of_delay_per_week"] == pytest.approx(
        f["checkout_fix_saving_per_year"].value / 52, abs=50)
    assert backlog.loc["checkout-resilience", "duration_weeks"] == profile()["checkout_fix_weeks"]


def test_the_fix_is_credited_only_with_the_causes_it_addresses_and_with_margin():
    from workshop.company.data import load

    p, f = profile(), facts.current()
    incidents, funnel = load("incidents"), load("checkout_funnel")
    hit = incidents[incidents["cause"].isin(p["checkout_fix_causes"])]
    assert 0 < len(hit) < len(incidents)
    revenue_a_minute = funnel["revenue"].sum() / (len(funnel) * 1440)
    # each outage minute priced in its own season (peak: 20 November to 2 December)
    peak = funnel["date"].map(lambda d: (d.month == 11 and d.day >= 20) or (d.month == 12 and d.day <= 2)).astype(bool)
    season = {True: funnel.loc[peak, "revenue"].sum() / (peak.sum() * 1440),
              False: funnel.loc[~peak, "revenue"].sum() / ((~peak).sum() * 1440)}
    revenue_lost = (hit["minutes_to_restore"] * hit["peak_season"].map(season)).sum()
    margin_saved = (revenue_lost / (len(funnel) / 365)
                    * p["share_of_orders_lost_while_down"] * p["gross_margin"] * p["checkout_fix_share_prevented"])
    assert f["checkout_fix_saving_per_year"].value == pytest.approx(margin_saved)
    every_incident_as_revenue = len(incidents) / 2 * incidents["minutes_to_restore"].mean() * revenue_a_minute
    assert f["checkout_fix_saving_per_year"].value < every_incident_as_revenue / 4
