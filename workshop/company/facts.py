"""Named facts about the company, computed from its profile and its data.

Every company number a learner reads is one of these facts (or a profile parameter,
which is also a fact here), so a sentence can say ``{{ci_fix_payback_weeks}}`` in
the exercise bank and follow the data, and the number guard (workshop/company/factcheck.py)
can say "this number no longer matches; it should now be X".

The model behind the numbers, in one place:

* Module 05, the slow pipeline. A run's wait is its queue time plus its build time.
  The yearly cost of waiting counts every waiting minute as lost: the size of the
  problem. The fix (faster runners and test splitting) cuts each build to the target
  of about 10 minutes; the saving it buys is the build minutes it removes, per week,
  at the loaded hourly cost. The refocus after each wait is *not* counted in the
  saving: faster builds still interrupt, so the same refocus happens before and
  after the fix.
* Module 06, checkout risk. An incident loses the orders of the minutes it lasts, of
  which ``share_of_orders_lost_while_down`` never come back, and the business loses
  their gross margin, not their revenue. The rework prevents
  ``checkout_fix_share_prevented`` of the loss from the causes it addresses
  (``checkout_fix_causes``), not every incident. Its own risk: Larkspur's observed
  change failure rate, applied to a large change landing near the peak.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache

from workshop.company.currency import WORDS as CURRENCY_WORDS


@dataclass(frozen=True)
class Fact:
    """One named number with the text a learner reads and how it was derived."""

    name: str
    value: float
    text: str
    how: str
    unit: str = ""  # a time unit ("weeks", "hours", ...) when the fact counts one


    def __str__(self) -> str:
        return self.text


def money(value: float, places: int = 0) -> str:
    """``$1,234`` (or ``$1.2 million`` for millions, the way people say it)."""
    symbol = _symbol()
    if abs(value) >= 1_000_000:
        return f"{symbol}{value / 1_000_000:.1f} million"
    return f"{symbol}{value:,.{places}f}"


def _symbol() -> str:
    from workshop.company.profiles import profile

    return profile().currency_symbol


TIME_UNITS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years")


def time_unit(label: str) -> str:
    """The time unit a fact's name or a parameter's unit counts, if any ('hours_per_week' counts hours)."""
    words = label.lower().replace("_", " ").split()
    for i, word in enumerate(words):
        if i and words[i - 1] in ("per", "a", "an", "each", "every"):
            continue  # a rate ("hours per week" counts hours; "deploys a week" counts deploys)
        for unit in TIME_UNITS:
            if word in (unit, unit[:-1]):
                return unit
    return ""


def _half_up(value: float) -> int:
    """A count said aloud: 26.5 a year is "about 27", as 13.5 is "about 14" (Python's round-half-even would
    show 26 beside 14)."""
    return int(math.floor(value + 0.5))


def rounded(value: float, step: float) -> float:
    """Round to a step a person would say: 10, 100, 1,000."""
    return round(value / step) * step


# --- Module 05: the slow pipeline ------------------------------------------------

def ci_weeks() -> float:
    from workshop.company.profiles import profile

    return float(profile()["ci_weeks"])


def ci_hours_waited(ci) -> float:
    """Hours waited on CI in the data's weeks: queue plus build, every run."""
    return float((ci["queue_minutes"] + ci["build_minutes"]).sum() / 60)


def ci_build_minutes_saved(ci) -> float:
    """Build minutes the fix removes in the data's weeks: each build cut to the target, none lengthened."""
    from workshop.company.profiles import profile

    target = float(profile()["build_target_minutes"])
    return float((ci["build_minutes"] - target).clip(lower=0).sum())


def ci_fix_saving_per_week(ci) -> float:
    """Dollars of engineer time the fix gives back in an average week."""
    from workshop.company.profiles import profile

    return ci_build_minutes_saved(ci) / 60 / ci_weeks() * profile()["loaded_hourly_cost"]


def ci_saving_per_year(ci, target: float | None = None) -> float:
    """Engineer time (money) a year the fix gives back if builds reach ``target`` minutes (default: the profile's)."""
    from workshop.company.profiles import profile

    p = profile()
    target = float(p["build_target_minutes"] if target is None else target)
    minutes = float((ci["build_minutes"] - target).clip(lower=0).sum())
    return minutes / 60 / ci_weeks() * p["working_weeks_per_year"] * p["loaded_hourly_cost"]


def ci_running_cost_per_year() -> float:
    from workshop.company.profiles import profile

    return float(profile()["ci_fix_running_cost_per_month"]) * 12


def ci_breakeven_share(saving_per_year: float, months: int) -> float:
    """The share of saved minutes that must become work for the fix to pay back within ``months``.

    share × saving over the period = fix cost + running cost over the period.
    """
    period = months / 12
    return (ci_fix_cost() + ci_running_cost_per_year() * period) / (saving_per_year * period)


def ci_fix_cost() -> float:
    from workshop.company.profiles import profile

    p = profile()
    return float(p["ci_fix_engineers"] * p["ci_fix_weeks"] * p["hours_per_week"] * p["loaded_hourly_cost"])


# --- Module 06: checkout risk ----------------------------------------------------

def is_peak(day) -> bool:
    """Peak season: 20 November to 2 December (Black Friday to Cyber Monday week)."""
    return (day.month == 11 and day.day >= 20) or (day.month == 12 and day.day <= 2)


def history_years(funnel) -> float:
    return len(funnel) / 365


def revenue_per_minute(funnel, peak: bool | None = None) -> float:
    """Average revenue a minute: over all days, or only peak-season (True) or other (False) days."""
    days = funnel
    if peak is not None:
        mask = funnel["date"].map(is_peak).astype(bool)
        days = funnel[mask if peak else ~mask]
    return float(days["revenue"].sum() / (len(days) * 24 * 60))


def margin_lost_per_minute_down(funnel, peak: bool | None = None) -> float:
    """Margin a minute of broken checkout loses: revenue × share never recovered × gross margin."""
    from workshop.company.profiles import profile

    p = profile()
    return revenue_per_minute(funnel, peak) * p["share_of_orders_lost_while_down"] * p["gross_margin"]


def addressed(incidents):
    """The incidents whose causes the checkout rework addresses."""
    from workshop.company.profiles import profile

    return incidents[incidents["cause"].isin(profile()["checkout_fix_causes"])]


def yearly_margin_lost(incidents, funnel) -> float:
    """Margin lost a year to the incidents given, each priced at its own season's revenue a minute.

    An outage in Cyber Week loses a peak minute, one in July an ordinary one: Σ(minutes ×
    revenue a minute in that incident's season) ÷ years × share never recovered × gross margin.
    """
    from workshop.company.profiles import profile

    if len(incidents) == 0:
        return 0.0
    p = profile()
    a_minute = season_revenue_a_minute(funnel)
    revenue = (incidents["minutes_to_restore"] * incidents["peak_season"].astype(bool).map(a_minute)).sum()
    return float(revenue / history_years(funnel) * p["share_of_orders_lost_while_down"] * p["gross_margin"])


def season_revenue_a_minute(funnel):
    """Revenue a minute in peak season (True) and on other days (False): workshop.impact's, here for facts."""
    from workshop.impact import season_revenue_a_minute as by_season

    return by_season(funnel)


def checkout_fix_saving_per_year(tables) -> float:
    """The margin the rework saves in a year: its share of the loss from the causes it addresses."""
    from workshop.company.profiles import profile

    loss = yearly_margin_lost(addressed(tables["incidents"]), tables["checkout_funnel"])
    return loss * profile()["checkout_fix_share_prevented"]


MITIGATION_CAUSES = ("capacity",)


def mitigated(incidents):
    """The incidents the mitigation acts on: peak-season capacity outages.

    A load test, pre-scaling and a queue page add headroom; they do nothing for a provider that fails
    (dependency outages need the rework's timeouts and fallbacks), so the mitigation's saving is a share
    of the peak capacity loss, and can never exceed it.
    """
    return incidents[incidents["cause"].isin(MITIGATION_CAUSES) & incidents["peak_season"].astype(bool)]


def mitigation_saving_per_year(tables) -> float:
    """The peak-season margin the mitigation protects: its share of the peak capacity outages' loss."""
    from workshop.company.profiles import profile

    return yearly_margin_lost(mitigated(tables["incidents"]), tables["checkout_funnel"]) * profile()["mitigation_share_prevented"]


def _team_cost(engineers_key: str, weeks_key: str) -> float:
    from workshop.company.profiles import profile

    p = profile()
    return float(p[engineers_key] * p[weeks_key] * p["hours_per_week"] * p["loaded_hourly_cost"])


def weeks_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / 7


def prevented_range(share: float) -> tuple[float, float]:
    """The simulation's low and high share prevented: 0.3 either side of the estimate, but never up to 100%
    (a provider that is hard down still fails checkout, whatever the rework does): capped at 90% and kept
    symmetric, so the mean stays the estimate. Above 90% (a learner's slider) the old ±0.3 range applies."""
    if 0 < share < 0.9:
        w = min(0.3, share, 0.9 - share)
        return share - w, share + w
    return max(0.0, share - 0.3), min(1.0, share + 0.3)


def checkout_saving_simulation(revenue_per_minute: float, incidents_likely: float, minutes_likely: float,
                               share_lost: float, margin: float, share_prevented: float, fix_cost: float,
                               seed: int = 6, n: int = 20_000):
    """Plausible years of the margin the rework saves, from ranges whose means are the observed values.

    ``revenue_per_minute`` is the revenue a minute of the addressed outages, each at its season's
    rate (so the peak is in it). Incidents a year: triangular, half to one and a half times the
    observed rate. Minutes to restore: right-skewed triangular (0.3, 0.5 and 2.2 times the
    observed mean, so its mean *is* the observed mean; most outages are short, a few are long).
    Share of orders lost: triangular, half to one and a half times (at most 1). Share the rework
    prevents: triangular, 0.3 either side of the team's estimate, high end capped at 90% (``prevented_range``). Every range is centred on its
    observed value, so the simulated mean equals the point estimate; the spread is the honest part.
    The what-if explorer in module 06 and the facts quoted in 06.decide both call this.
    """
    from workshop.impact import simulate

    lo_prevented, hi_prevented = prevented_range(share_prevented)
    return simulate(
        lambda incidents, minutes, lost, prevented: incidents * minutes * lost * revenue_per_minute * margin * prevented,
        {"incidents": (incidents_likely * 0.5, incidents_likely, incidents_likely * 1.5),
         "minutes": (minutes_likely * 0.3, minutes_likely * 0.5, minutes_likely * 2.2),
         "lost": (share_lost * 0.5, share_lost, min(1.0, share_lost * 1.5)),
         "prevented": (lo_prevented, share_prevented, hi_prevented)},
        n=n, seed=seed, threshold=fix_cost,
    )


def explorer_defaults(f: dict | None = None) -> dict:
    """The risk explorer's starting values, the same as the facts quoted in the prose."""
    from workshop.company.profiles import profile

    p = profile()
    f = f if f is not None else current()
    return {
        "revenue_per_minute": f["addressed_revenue_per_outage_minute"].value,
        "incidents_likely": f["incidents_addressed_per_year"].value,
        "minutes_likely": f["addressed_minutes_mean"].value,
        "share_lost": p["share_of_orders_lost_while_down"],
        "margin": p["gross_margin"],
        "share_prevented": p["checkout_fix_share_prevented"],
        "fix_cost": f["checkout_fix_cost"].value,
        "fix_weeks": p["checkout_fix_weeks"],
    }


def wait_explorer_defaults(f: dict | None = None) -> dict:
    """Module 05's what-if starting values, from the data: today's average build, runs an engineer-day."""
    from workshop.company.profiles import profile

    from workshop.company.data import load

    p = profile()
    ci = load("ci_runs")
    return {
        "minutes_now": round(float(ci["build_minutes"].mean()), 1),
        "people": int(p["engineers"]),
        "waits_per_day": round(len(ci) / (p["engineers"] * 5 * ci_weeks()), 2),
        "hourly_cost": p["loaded_hourly_cost"],
        "context_switch_minutes": p["refocus_minutes"],
    }


# --- All facts -------------------------------------------------------------------

def _tables() -> dict:
    from workshop.company.data import load

    return {name: load(name) for name in ("ci_runs", "deploys", "incidents", "checkout_funnel", "backlog")}


def compute(tables: dict | None = None) -> dict[str, Fact]:
    """Every named fact, from the active profile and the data (or the tables given)."""
    from workshop.company.profiles import profile

    p = profile()
    t = tables if tables is not None else _tables()
    ci, deploys, incidents, funnel = t["ci_runs"], t["deploys"], t["incidents"], t["checkout_funnel"]
    facts: dict[str, Fact] = {}

    def add(name: str, value: float, text: str, how: str, unit: str | None = None) -> float:
        facts[name] = Fact(name, float(value), text, how, time_unit(name) if unit is None else unit)
        return float(value)

    # Profile parameters that are numbers are facts too, shown as written.
    for name, param in p.parameters.items():
        value = param.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        text = f"{value:g}" if not float(value).is_integer() else f"{int(value):,}"
        add(name, value, text, f"profile parameter{', ' + param.unit if param.unit else ''} ({param.label})",
            time_unit(param.unit))
    for name in ("gross_margin", "share_of_orders_lost_while_down", "checkout_fix_share_prevented",
                 "mitigation_share_prevented", "black_friday_failure_probability"):
        if name in p.parameters:
            add(f"{name}_pct", p[name] * 100, f"{p[name]:.0%}", f"{name} as a percentage")
    # Words that follow the company (no number in them): {{company}}'s, {{currency}}{{loaded_hourly_cost}}, in {{money_unit}}.
    for name, text in (("company", p.short_name), ("company_name", p.name), ("currency", p.currency_symbol),
                       ("money_unit", CURRENCY_WORDS.get(p.currency, p.currency))):
        facts[name] = Fact(name, math.nan, text, "profile text")
    hourly = p["loaded_hourly_cost"]
    weeks_a_year = p["working_weeks_per_year"]

    # Dates.
    add("weeks_to_black_friday", weeks_between(p["today"], p["black_friday"]),
        f"{weeks_between(p['today'], p['black_friday']):.0f}", "weeks from today to Black Friday")
    add("weeks_to_change_freeze", weeks_between(p["today"], p["change_freeze_start"]),
        f"{weeks_between(p['today'], p['change_freeze_start']):.1f}",
        "weeks from today to the change freeze, to a tenth: it is compared with the rework's whole weeks")
    facts["black_friday_date"] = Fact("black_friday_date", float(p["black_friday"].day),
                                      f"{p['black_friday']:%-d %B %Y}", "profile date")
    facts["today_date"] = Fact("today_date", float(p["today"].day), f"{p['today']:%-d %B}", "profile date")
    facts["change_freeze_date"] = Fact("change_freeze_date", float(p["change_freeze_start"].day),
                                       f"{p['change_freeze_start']:%-d %B}", "profile date")

    # Module 05.
    runs = add("ci_runs", len(ci), f"{len(ci):,}", "rows of ci_runs")
    add("ci_runs_per_week", runs / ci_weeks(), f"{runs / ci_weeks():,.0f}", "runs ÷ weeks of data")
    one = ci[ci["engineer"] == ci["engineer"].min()]
    add("ci_example_engineer_hours", ci_hours_waited(one), f"{ci_hours_waited(one):,.0f}",
        f"hours waited by {ci['engineer'].min()} (the worked example)")
    add("ci_example_engineer_runs", len(one), f"{len(one):,}", "runs of the worked example's engineer")
    hours = add("ci_hours_waited", ci_hours_waited(ci), f"{ci_hours_waited(ci):,.0f}", "Σ(queue + build) ÷ 60")
    add("ci_hours_per_week", hours / ci_weeks(), f"{hours / ci_weeks():,.0f}", "hours waited ÷ weeks")
    yearly = hours / ci_weeks() * weeks_a_year * hourly
    add("ci_wait_cost_per_year", yearly, money(rounded(yearly, 1000)), "hours a week × working weeks × hourly cost")
    add("ci_build_median", ci["build_minutes"].median(), f"{ci['build_minutes'].median():.0f}", "median build minutes",
        "minutes")
    add("ci_queue_mean", ci["queue_minutes"].mean(), f"{ci['queue_minutes'].mean():.0f}", "mean queue minutes", "minutes")
    add("ci_wait_median", (ci["queue_minutes"] + ci["build_minutes"]).median(),
        f"{(ci['queue_minutes'] + ci['build_minutes']).median():.0f}", "median queue + build minutes", "minutes")
    refocus = runs * p["refocus_minutes"] / 60 / ci_weeks() * weeks_a_year * hourly
    add("ci_refocus_cost_per_year", refocus, money(rounded(refocus, 1000)),
        "runs ÷ weeks × refocus minutes ÷ 60 × working weeks × hourly cost")
    saved_hours_week = ci_build_minutes_saved(ci) / 60 / ci_weeks()
    add("ci_fix_hours_saved_per_week", saved_hours_week, f"{saved_hours_week:,.0f}",
        "Σ max(build − target, 0) ÷ 60 ÷ weeks")
    weekly = add("ci_fix_saving_per_week", ci_fix_saving_per_week(ci), money(rounded(ci_fix_saving_per_week(ci), 100)),
                 "hours saved a week × hourly cost")
    add("ci_fix_saving_per_year", weekly * weeks_a_year, money(rounded(weekly * weeks_a_year, 1000)),
        "weekly saving × working weeks")
    cost = add("ci_fix_cost", ci_fix_cost(), money(ci_fix_cost()), "engineers × weeks × hours a week × hourly cost")
    # The payback the learner computes from the rounded figures the prompt shows.
    shown_weekly = rounded(weekly, 100)
    add("ci_fix_saving_per_week_shown", shown_weekly, f"{shown_weekly:,.0f}", "the weekly saving, to the nearest 100")
    running_week = rounded(ci_running_cost_per_year() / weeks_a_year, 10)
    net_shown = rounded(shown_weekly - running_week, 100)
    add("ci_fix_payback_weeks", cost / net_shown, f"{cost / net_shown:.1f}",
        "fix cost ÷ net saving a working week shown (saving − running cost): payback on net benefit")
    add("ci_fix_payback_weeks_gross", cost / shown_weekly, f"{cost / shown_weekly:.1f}",
        "the slip: fix cost ÷ the weekly saving before its running cost")
    half_net = shown_weekly / 2 - running_week
    add("ci_fix_payback_weeks_if_half", cost / half_net, f"{cost / half_net:.1f}",
        "fix cost ÷ (half the weekly saving − running cost a week): the sceptic's case that half the wait was used anyway")
    add("ci_fix_payback_years", cost / (net_shown * weeks_a_year), f"{cost / (net_shown * weeks_a_year):.2f}",
        "the slip: fix cost ÷ yearly saving (a payback in years)")
    add("ci_payback_on_whole_problem", cost / (yearly / weeks_a_year), f"{cost / (yearly / weeks_a_year):.1f}",
        "the slip: fix cost ÷ the weekly cost of all the waiting")
    add("ci_payback_weeks_on_whole_problem", cost / (yearly / weeks_a_year), f"{cost / (yearly / weeks_a_year):.1f}",
        "the slip: fix cost ÷ the weekly cost of all the waiting, in weeks", "weeks")
    add("ci_wait_cost_per_week", yearly / weeks_a_year, money(rounded(yearly / weeks_a_year, 100)),
        "the weekly cost of all the waiting")
    # The slips a budget holder catches in "a year of waiting costs ...".
    add("ci_wait_cost_per_year_52", hours / ci_weeks() * 52 * hourly, money(rounded(hours / ci_weeks() * 52 * hourly, 1000)),
        "the slip: hours a week × 52 calendar weeks × hourly cost (nobody works 52 weeks)")
    add("ci_wait_cost_with_refocus", yearly + refocus, money(rounded(yearly + refocus, 1000)),
        "the slip: the waiting cost plus a refocus after every run, as if each minute of refocus were not already inside the wait")
    # Net benefit: the faster runners cost money every month, workdays or not.
    running = add("ci_fix_running_cost_per_year", ci_running_cost_per_year(), money(ci_running_cost_per_year()),
                  "running cost a month × 12")
    gross_year = weekly * weeks_a_year
    net_year = gross_year - running
    add("ci_fix_net_saving_per_year", net_year, money(rounded(net_year, 1000)), "yearly saving − running cost a year")
    shown_net_week = rounded(rounded(weekly, 100) - rounded(running / weeks_a_year, 10), 100)
    add("ci_fix_net_saving_per_week_shown", shown_net_week, f"{shown_net_week:,.0f}",
        "net saving a working week (saving − running cost a year ÷ working weeks), to the nearest 100")
    add("ci_fix_net_saving_per_week_money", shown_net_week, money(shown_net_week), "the net weekly saving shown, as money")
    add("ci_running_cost_per_week_money", rounded(running / weeks_a_year, 10), money(rounded(running / weeks_a_year, 10)),
        "running cost a working week, as money")
    add("ci_running_cost_per_week_shown", rounded(running / weeks_a_year, 10), f"{rounded(running / weeks_a_year, 10):,.0f}",
        "running cost a year ÷ working weeks, to the nearest 10")
    add("ci_breakeven_share_quarter_pct", 100 * ci_breakeven_share(gross_year, 3),
        f"{ci_breakeven_share(gross_year, 3):.0%}",
        "(fix cost + a quarter's running cost) ÷ a quarter's saving: the share of saved minutes that must become work")
    add("ci_breakeven_share_year_pct", 100 * ci_breakeven_share(gross_year, 12), f"{ci_breakeven_share(gross_year, 12):.0%}",
        "(fix cost + a year's running cost) ÷ a year's saving")
    add("ci_breakeven_share_quarter_no_running", 100 * ci_fix_cost() / (gross_year / 4), f"{ci_fix_cost() / (gross_year / 4):.0%}",
        "the slip: fix cost ÷ a quarter's saving, the running cost left out")
    add("ci_breakeven_share_quarter_on_whole", 100 * (ci_fix_cost() + running / 4) / (yearly / 4),
        f"{(ci_fix_cost() + running / 4) / (yearly / 4):.0%}", "the slip: against a quarter of the whole waiting cost")
    add("working_weeks_per_year_gap", 52 - weeks_a_year, f"{52 - weeks_a_year:g}", "52 − working weeks a year")
    add("ci_sample_cost", hours * hourly, money(rounded(hours * hourly, 1000)),
        "the slip: hours in the data's weeks × hourly cost, a quarter reported as a year")
    low_target = float(p["build_minutes_low_case"])
    low_year = ci_saving_per_year(ci, low_target)
    add("ci_fix_saving_per_year_low_case", low_year, money(rounded(low_year, 1000)),
        f"the saving if builds reach {low_target:g} minutes, not the target")
    add("ci_fix_net_saving_per_year_low_case", low_year - running, money(rounded(low_year - running, 1000)),
        "the low case's saving − running cost a year")
    add("ci_breakeven_share_quarter_low_case_pct", 100 * ci_breakeven_share(low_year, 3),
        f"{ci_breakeven_share(low_year, 3):.0%}", "the quarter's break-even share if builds reach the low case")
    add("ci_breakeven_share_year_low_case_pct", 100 * ci_breakeven_share(low_year, 12),
        f"{ci_breakeven_share(low_year, 12):.0%}", "the year's break-even share if builds reach the low case")
    live_weeks = weeks_a_year / 4 - float(p["ci_fix_weeks"])
    for name, year, label in (("ci_breakeven_share_quarter_from_approval_pct", gross_year, "the target"),
                              ("ci_breakeven_share_quarter_from_approval_low_case_pct", low_year, "the low case")):
        share = (ci_fix_cost() + running / 4) / (year / weeks_a_year * live_weeks)
        add(name, 100 * share, f"{share:.0%}",
            f"(fix cost + a quarter's running cost) ÷ the saving in the weeks of a quarter left after the fix's own weeks "
            f"({label}): the break-even share counted from approval, not from go-live")
    add("ci_fix_payback_weeks_low_case", cost / (low_year / weeks_a_year - running / weeks_a_year),
        f"{cost / (low_year / weeks_a_year - running / weeks_a_year):.1f}", "fix cost ÷ the low case's net saving a working week")
    add("ci_build_mean", ci["build_minutes"].mean(), f"{ci['build_minutes'].mean():.1f}", "mean build minutes", "minutes")
    # The sanity ratios a finance director asks first: the wait and the saving against the team's hours.
    team_hours = float(p["engineers"] * p["hours_per_week"])
    add("ci_team_hours_per_week", team_hours, f"{team_hours:,.0f}", "engineers × hours a week: the team's capacity")
    add("ci_wait_share_of_capacity_pct", 100 * hours / ci_weeks() / team_hours, f"{hours / ci_weeks() / team_hours:.0%}",
        "hours waited a week ÷ the team's hours a week")
    add("ci_fix_share_of_capacity_pct", 100 * saved_hours_week / team_hours, f"{saved_hours_week / team_hours:.0%}",
        "hours the fix gives back a week ÷ the team's hours a week")
    share = saved_hours_week / team_hours
    denominator = max(2, min(10, round(1 / share))) if share > 0 else 10
    ordinal = {2: "half", 3: "a third", 4: "a quarter", 5: "a fifth", 6: "a sixth", 7: "a seventh", 8: "an eighth",
               9: "a ninth", 10: "a tenth"}[denominator]
    add("ci_fix_share_of_capacity_fraction", float(denominator), ordinal,
        "the hours the fix gives back as the nearest simple fraction of the team's week (text: 'a seventh')")
    add("ci_fix_hours_saved_per_engineer_week", saved_hours_week / p["engineers"],
        f"{saved_hours_week / p['engineers']:.0f}", "hours the fix gives back a week ÷ engineers")
    # The fix's own commonest risk: it takes twice as long (the explorer's weeks slider).
    add("ci_fix_cost_overrun", 2 * cost, money(2 * cost), "the fix's cost if it takes twice its estimated weeks")
    add("ci_breakeven_share_quarter_overrun_pct", 100 * (2 * cost + running / 4) / (gross_year / 4),
        f"{(2 * cost + running / 4) / (gross_year / 4):.0%}",
        "(twice the fix's cost + a quarter's running cost) ÷ a quarter's saving: the break-even if the fix overruns")
    # The headline's four money figures in thousands, as a person writes them ("586k"): for patterns that
    # tell the cases apart (05.proposal-headline).
    for name, value in (("ci_fix_saving_per_year_thousands", gross_year),
                        ("ci_fix_net_saving_per_year_thousands", net_year),
                        ("ci_fix_saving_per_year_low_case_thousands", low_year),
                        ("ci_fix_net_saving_per_year_low_case_thousands", low_year - running)):
        add(name, rounded(value, 1000) / 1000, f"{rounded(value, 1000) / 1000:,.0f}", "thousands, rounded")
    # The fix's cost and its overrun in thousands ("36k"): for the pattern that reads a wrong fix cost.
    for name, value in (("ci_fix_cost_thousands", cost), ("ci_fix_cost_overrun_thousands", 2 * cost)):
        add(name, value / 1000, f"{value / 1000:,.0f}", "the fix's cost in thousands")

    # Module 06.
    years = history_years(funnel)
    add("history_years", years, f"{years:.0f}", "days of sales ÷ 365")
    rpm = add("revenue_per_minute", revenue_per_minute(funnel), money(revenue_per_minute(funnel)), "revenue ÷ minutes")
    peak = add("peak_revenue_per_minute", revenue_per_minute(funnel, True), money(revenue_per_minute(funnel, True)),
               "revenue ÷ minutes, peak-season days")
    add("offpeak_revenue_per_minute", revenue_per_minute(funnel, False), money(revenue_per_minute(funnel, False)),
        "revenue ÷ minutes, other days")
    add("peak_multiple", peak / rpm, f"{peak / rpm:.1f}", "peak revenue a minute ÷ average")
    add("peak_revenue_per_hour", peak * 60, money(rounded(peak * 60, 1000)), "peak revenue a minute × 60")
    peak_margin_minute = peak * p["gross_margin"]
    add("peak_margin_per_minute", peak_margin_minute, money(peak_margin_minute), "peak revenue a minute × gross margin")
    add("peak_margin_per_hour", peak_margin_minute * 60, money(rounded(peak_margin_minute * 60, 1000)),
        "peak margin a minute × 60")
    # One per-minute figure: the learner multiplies the peak revenue a minute they are shown.
    shown_lost_minute = float(round(round(peak) * p["share_of_orders_lost_while_down"] * p["gross_margin"]))
    lost_minute = shown_lost_minute
    add("peak_margin_lost_per_minute_down", shown_lost_minute, money(shown_lost_minute),
        "peak revenue a minute (whole) × share of orders never recovered × gross margin, to the whole unit")
    add("peak_margin_lost_per_hour_down", rounded(lost_minute * 60, 1000), money(rounded(lost_minute * 60, 1000)),
        "peak margin lost a minute down × 60")
    prob, minutes = p["black_friday_failure_probability"], p["black_friday_outage_minutes"]
    add("bf_impact", minutes * shown_lost_minute, money(minutes * shown_lost_minute),
        "outage minutes × peak margin lost a minute")
    add("bf_expected_loss", prob * minutes * shown_lost_minute, money(prob * minutes * shown_lost_minute),
        "probability × outage minutes × peak margin lost a minute")
    add("bf_expected_loss_revenue", prob * minutes * round(peak), money(prob * minutes * round(peak)),
        "the slip: probability × outage minutes × peak revenue a minute")
    add("bf_expected_loss_hours_slip", prob * minutes / 60 * shown_lost_minute,
        money(prob * minutes / 60 * shown_lost_minute), "the slip: probability × outage hours × a minute's loss")
    add("bf_outage_hours", minutes / 60, f"{minutes / 60:g}", "outage minutes ÷ 60")
    # Black Friday priced at its own minute (the module's rule: each minute in its own season, the spike days most of all).
    import pandas as _pd

    _days = _pd.to_datetime(funnel["date"]).dt.date

    def _bf(year):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 22)

    _spike = _days.map(lambda d: d in (_bf(d.year), _bf(d.year) + dt.timedelta(days=3))).astype(bool)
    spike_rpm_whole = float(round(funnel.loc[_spike, "revenue"].mean() / 1440)) if _spike.any() else float(round(peak))
    bf_lost_minute = float(round(spike_rpm_whole * p["share_of_orders_lost_while_down"] * p["gross_margin"]))
    add("bf_day_margin_lost_per_minute_down", bf_lost_minute, money(bf_lost_minute),
        "Black Friday and Cyber Monday revenue a minute (whole) × share of orders never recovered × gross margin")
    add("bf_day_margin_lost_per_hour_down", rounded(bf_lost_minute * 60, 100), money(rounded(bf_lost_minute * 60, 100)),
        "the Black Friday minute's margin lost × 60, to the hundred (module 04 says the peak-window hour is cheaper)")
    add("bf_day_impact", minutes * bf_lost_minute, money(minutes * bf_lost_minute),
        "outage minutes × the Black Friday minute's margin lost")
    add("bf_day_expected_loss", prob * minutes * bf_lost_minute, money(prob * minutes * bf_lost_minute),
        "probability × outage minutes × the Black Friday minute's margin lost")
    add("bf_day_expected_loss_revenue", prob * minutes * spike_rpm_whole, money(prob * minutes * spike_rpm_whole),
        "the slip: probability × outage minutes × the Black Friday revenue a minute")
    add("bf_day_expected_loss_hours_slip", prob * minutes / 60 * bf_lost_minute,
        money(prob * minutes / 60 * bf_lost_minute), "the slip: probability × outage hours × the Black Friday minute's loss")
    add("bf_day_expected_loss_no_share_slip", prob * minutes * spike_rpm_whole * p["gross_margin"],
        money(prob * minutes * spike_rpm_whole * p["gross_margin"]),
        "the slip: margin taken, but every failed order counted as lost (no share never recovered)")
    add("bf_day_expected_loss_no_margin_slip", prob * minutes * spike_rpm_whole * p["share_of_orders_lost_while_down"],
        money(prob * minutes * spike_rpm_whole * p["share_of_orders_lost_while_down"]),
        "the slip: orders never recovered taken, but priced at revenue (no gross margin)")

    add("incidents", len(incidents), f"{len(incidents)}", "rows of incidents")
    by_cause = incidents["cause"].value_counts()
    for cause in ("deploy", "capacity", "dependency"):
        add(f"incidents_{cause}", int(by_cause.get(cause, 0)), f"{int(by_cause.get(cause, 0))}", f"incidents caused by {cause}")
    hit = addressed(incidents)
    add("incidents_addressed", len(hit), f"{len(hit)}", "incidents whose cause the rework addresses")
    add("incidents_addressed_per_year", len(hit) / years, f"{_half_up(len(hit) / years)}", "addressed incidents ÷ years")
    add("incidents_peak", int(incidents["peak_season"].sum()), f"{int(incidents['peak_season'].sum())}",
        "incidents in peak season")
    add("incidents_peak_last", int(incidents[incidents["started_at"].dt.year == p["today"].year - 1]["peak_season"].sum()),
        f"{int(incidents[incidents['started_at'].dt.year == p['today'].year - 1]['peak_season'].sum())}",
        "incidents in last year's peak season")
    add("addressed_minutes_mean", hit["minutes_to_restore"].mean(), f"{hit['minutes_to_restore'].mean():.0f}",
        "mean minutes to restore, addressed incidents")
    loss = yearly_margin_lost(hit, funnel)
    add("addressed_margin_lost_per_year", loss, money(rounded(loss, 1000)),
        "addressed incidents a year × mean minutes × revenue a minute × share lost × margin")
    dep = incidents[incidents["cause"] == "deploy"]
    dep_loss = yearly_margin_lost(dep, funnel)
    add("deploy_margin_lost_per_year", dep_loss, money(rounded(dep_loss, 1000)),
        "deploy incidents a year × mean minutes × revenue a minute × share lost × margin")
    add("deploy_incidents_per_year", len(dep) / years, f"{len(dep) / years:.1f}", "deploy incidents ÷ years")
    add("deploy_minutes_mean", dep["minutes_to_restore"].mean(), f"{dep['minutes_to_restore'].mean():.0f}",
        "mean minutes to restore, deploy incidents")
    saving = add("checkout_fix_saving_per_year", loss * p["checkout_fix_share_prevented"],
                 money(rounded(loss * p["checkout_fix_share_prevented"], 1000)),
                 "addressed margin lost a year × share prevented")
    fix = add("checkout_fix_cost", _team_cost("checkout_fix_engineers", "checkout_fix_weeks"),
              money(_team_cost("checkout_fix_engineers", "checkout_fix_weeks")), "engineers × weeks × hours × hourly cost")
    add("checkout_fix_payback_years", fix / saving if saving else math.inf,
        f"{fix / saving:.1f}" if saving else "never", "fix cost ÷ yearly saving")
    add("checkout_fix_payback_months", 12 * fix / saving if saving else math.inf,
        f"{12 * fix / saving:.0f}" if saving else "never", "12 × fix cost ÷ yearly saving")
    add("checkout_fix_person_weeks", p["checkout_fix_engineers"] * p["checkout_fix_weeks"],
        f"{p['checkout_fix_engineers'] * p['checkout_fix_weeks']}", "engineers × weeks")
    add("mitigation_cost", _team_cost("mitigation_engineers", "mitigation_weeks"),
        money(_team_cost("mitigation_engineers", "mitigation_weeks")), "engineers × weeks × hours × hourly cost")
    if "framework_trial_engineers" in p.parameters and "framework_trial_weeks" in p.parameters:
        # Module 03's storefront framework trial, sized on its own (not on the checkout mitigation's numbers).
        add("framework_trial_cost", _team_cost("framework_trial_engineers", "framework_trial_weeks"),
            money(_team_cost("framework_trial_engineers", "framework_trial_weeks")), "engineers × weeks × hours × hourly cost")
        add("framework_trial_hours", p["framework_trial_engineers"] * p["framework_trial_weeks"] * p["hours_per_week"],
            f"{p['framework_trial_engineers'] * p['framework_trial_weeks'] * p['hours_per_week']:,.0f}", "engineers × weeks × hours a week")
    peak_hit = hit[hit["peak_season"].astype(bool)]
    peak_loss = (len(peak_hit) / years) * (peak_hit["minutes_to_restore"].mean() if len(peak_hit) else 0) \
        * margin_lost_per_minute_down(funnel, True)
    add("addressed_peak_margin_lost_per_year", peak_loss, money(rounded(peak_loss, 1000)),
        "addressed peak-season incidents a year × mean minutes × peak revenue a minute × share lost × margin")
    # The mitigation (load test, pre-scale, queue page) adds headroom: it acts on peak capacity outages only.
    capacity = mitigated(incidents)
    mit_loss = yearly_margin_lost(capacity, funnel)
    add("mitigation_target_margin_lost_per_year", mit_loss, money(rounded(mit_loss, 1000)),
        "peak-season capacity incidents' margin lost a year: the loss the mitigation acts on (its saving can never exceed it)")
    # Last peak's part of it: how many of last peak's outages were capacity (overload) ones, and their margin lost.

    def capacity_in_peak(years_back: int):
        """One past peak's capacity incidents and their margin lost: the two-peak average hides how peaks differ."""
        chosen = capacity[capacity["started_at"].dt.year == p["today"].year - years_back]
        return chosen, (yearly_margin_lost(chosen, funnel) * history_years(funnel) if len(chosen) else 0.0)

    last_mit, last_mit_loss = capacity_in_peak(1)
    add("incidents_peak_last_capacity", len(last_mit), f"{len(last_mit)}",
        "last year's peak-season capacity incidents: the part of last peak the mitigation acts on")
    add("peak_last_capacity_margin_lost", last_mit_loss, money(rounded(last_mit_loss, 1000)),
        "margin lost in last year's peak season to capacity incidents (minutes × peak revenue a minute × share lost × margin)")
    last_peak = incidents[(incidents["started_at"].dt.year == p["today"].year - 1) & incidents["peak_season"].astype(bool)]
    last_peak_loss = yearly_margin_lost(last_peak, funnel) * history_years(funnel)
    add("peak_last_margin_lost", last_peak_loss, money(rounded(last_peak_loss, 1000)),
        "margin lost in last year's peak season to all its checkout incidents (minutes × peak revenue a minute × share lost × margin)")
    # The peak before last, so a loss averaged over two very different peaks can be shown as both.
    before_mit, before_mit_loss = capacity_in_peak(2)
    add("incidents_peak_before_capacity", len(before_mit), f"{len(before_mit)}",
        "the peak season before last: its capacity incidents")
    add("peak_before_capacity_margin_lost", before_mit_loss, money(rounded(before_mit_loss, 1000)),
        "margin lost in the peak season before last to capacity incidents (minutes × peak revenue a minute × share lost × margin)")
    mit_saving = add("mitigation_saving", mit_loss * p["mitigation_share_prevented"],
                     money(rounded(mit_loss * p["mitigation_share_prevented"], 1000)),
                     "peak capacity loss × share the mitigation prevents")
    mit_cost_once = _team_cost("mitigation_engineers", "mitigation_weeks")
    # The rework against the real alternative: mitigating every peak (its cost each year, its saving each year).
    over_mit = saving - mit_saving + mit_cost_once
    add("checkout_fix_saving_over_mitigation", over_mit, money(rounded(over_mit, 1000)),
        "rework's saving − the mitigation's saving + the mitigation's yearly cost: what the rework adds a year over mitigating every peak")
    add("checkout_fix_payback_over_mitigation_months", 12 * fix / over_mit if over_mit > 0 else math.inf,
        f"{12 * fix / over_mit:.0f}" if over_mit > 0 else "never", "12 × fix cost ÷ the rework's saving over mitigating every peak")
    be_mit = (fix + mit_saving - mit_cost_once) / loss if loss else math.inf
    add("checkout_fix_breakeven_vs_mitigation_pct", 100 * be_mit, f"{be_mit:.0%}",
        "(fix cost + the mitigation's saving − its yearly cost) ÷ the addressed loss: the share the rework must prevent "
        "to pay back in a year against mitigating every peak")

    # Both seasons at their own revenue a minute: the peak share must not be set against an all-year average.
    off_hit = hit[~hit["peak_season"].astype(bool)]
    off_loss = (len(off_hit) / years) * (off_hit["minutes_to_restore"].mean() if len(off_hit) else 0) \
        * margin_lost_per_minute_down(funnel, False)
    seasons = peak_loss + off_loss
    # How concentrated the loss is: a few long peak outages carry much of it.
    if len(hit):
        each = hit["minutes_to_restore"] * hit["peak_season"].astype(bool).map(season_revenue_a_minute(funnel))
        top2 = float(each.nlargest(2).sum() / each.sum()) if each.sum() else 0.0
        add("addressed_top2_share_pct", 100 * top2, f"{top2:.0%}",
            "the two costliest addressed outages' share of the addressed loss (minutes × their season's revenue a minute)")
    peak_rows = incidents[incidents["peak_season"].astype(bool)]
    if len(peak_rows):
        longest = int(peak_rows["minutes_to_restore"].max())
        add("peak_outage_longest_minutes", longest, f"{longest}", "the longest peak-season outage in the log, in minutes")
    # The year in outages, and the two spike days.
    add("outage_hours_per_year", incidents["minutes_to_restore"].sum() / 60 / years,
        f"{incidents['minutes_to_restore'].sum() / 60 / years:.0f}", "Σ minutes to restore ÷ 60 ÷ years")
    add("incidents_per_year", len(incidents) / years, f"{_half_up(len(incidents) / years)}", "incidents ÷ years")
    add("restore_minutes_mean", incidents["minutes_to_restore"].mean(), f"{incidents['minutes_to_restore'].mean():.0f}",
        "mean minutes to restore, all incidents")
    import pandas as pd

    days = pd.to_datetime(funnel["date"])
    peak_mask = days.map(is_peak).astype(bool)
    # The Black Friday guess against the log: how often a peak day had an outage the rework addresses, and how long.
    n_peak_days = int(peak_mask.sum())
    peak_hit_days = hit[hit["peak_season"].astype(bool)]
    hit_day_minutes = peak_hit_days.groupby(peak_hit_days["started_at"].dt.date)["minutes_to_restore"].sum()
    if n_peak_days:
        add("peak_days_with_addressed_outage_pct", 100 * len(hit_day_minutes) / n_peak_days,
            f"{len(hit_day_minutes) / n_peak_days:.0%}", "peak days with an addressed outage ÷ peak days in the log")
        add("peak_days_with_addressed_outage", len(hit_day_minutes), f"{len(hit_day_minutes)}",
            "peak days in the log with an outage the rework addresses")
        add("peak_days_in_log", n_peak_days, f"{n_peak_days}", "peak-season days in the log")
        add("peak_addressed_outage_day_minutes", float(hit_day_minutes.mean()) if len(hit_day_minutes) else 0.0,
            f"{hit_day_minutes.mean():.0f}" if len(hit_day_minutes) else "0", "mean addressed outage minutes on a peak day that had one", unit="minutes")
        add("peak_day_expected_outage_minutes", float(hit_day_minutes.sum()) / n_peak_days,
            f"{hit_day_minutes.sum() / n_peak_days:.0f}", "addressed outage minutes in peak season ÷ peak days: the log's expected minutes a peak day", unit="minutes")

    def black_friday(year):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 22)

    spike = days.dt.date.map(lambda d: d in (black_friday(d.year), black_friday(d.year) + dt.timedelta(days=3)))
    spike_rpm = float(funnel.loc[spike, "revenue"].mean() / 1440) if spike.any() else peak
    other_rpm = float(funnel.loc[peak_mask & ~spike, "revenue"].mean() / 1440) if (peak_mask & ~spike).any() else peak
    add("spike_day_revenue_per_minute", spike_rpm, money(spike_rpm), "mean revenue a minute on Black Friday and Cyber Monday")
    add("cyber_week_other_revenue_per_minute", other_rpm, money(other_rpm), "mean revenue a minute, the peak window's other days")
    add("spike_over_cyber_week_pct", 100 * (spike_rpm / other_rpm - 1), f"{spike_rpm / other_rpm - 1:.0%}",
        "Black Friday and Cyber Monday over the peak window's other days")
    # The break-even line, the outage minute's value, and the share prevented as a range.
    add("checkout_fix_breakeven_share_pct", 100 * fix / loss if loss else math.inf,
        f"{fix / loss:.0%}" if loss else "never", "fix cost ÷ the addressed margin lost a year: the share it must prevent to pay back in a year")
    outage_revenue_minute = (hit["minutes_to_restore"] * hit["peak_season"].astype(bool).map(season_revenue_a_minute(funnel))).sum() \
        / hit["minutes_to_restore"].sum() if len(hit) else 0.0
    avg_loss = (len(hit) / years) * (hit["minutes_to_restore"].mean() if len(hit) else 0) * margin_lost_per_minute_down(funnel)
    add("addressed_margin_lost_per_year_average_minute", avg_loss, money(rounded(avg_loss, 1000)),
        "the slip: every outage minute priced at the all-year average minute, the peak diluted")
    add("checkout_fix_breakeven_share_average_minute_pct", 100 * fix / avg_loss if avg_loss else math.inf,
        f"{fix / avg_loss:.0%}" if avg_loss else "never", "the slip: fix cost ÷ the loss priced at the average minute")
    add("checkout_fix_breakeven_on_saving_pct", 100 * fix / saving if saving else math.inf,
        f"{fix / saving:.0%}" if saving else "never", "the slip: fix cost ÷ the saving (the share prevented counted twice)")
    add("checkout_fix_first_year_return_pct", 100 * (saving - fix) / fix if fix else math.inf,
        f"{(saving - fix) / fix:.0%}" if fix else "never", "the rework's first-year return: (saving a year − cost) ÷ cost")
    rev_loss = loss / p["gross_margin"]
    add("checkout_fix_breakeven_share_revenue_pct", 100 * fix / rev_loss if rev_loss else math.inf,
        f"{fix / rev_loss:.0%}" if rev_loss else "never", "the slip: fix cost ÷ the loss in revenue, not margin")
    add("addressed_peak_share_pct", 100 - (100 * off_loss / seasons if seasons else 0),
        f"{1 - off_loss / seasons:.0%}" if seasons else "0%", "addressed peak-season loss ÷ all addressed loss")
    add("addressed_revenue_per_outage_minute", outage_revenue_minute, money(outage_revenue_minute),
        "revenue a minute of the addressed outages, each at its season's rate (the simulation's minute)")
    sp_lo, sp_hi = prevented_range(p["checkout_fix_share_prevented"])
    add("checkout_fix_share_prevented_low_pct", 100 * sp_lo, f"{sp_lo:.0%}",
        "the team's estimate less up to 0.3 (symmetric, high end capped at 90%): the simulation's low end")
    add("checkout_fix_share_prevented_high_pct", 100 * sp_hi, f"{sp_hi:.0%}",
        "the team's estimate plus up to 0.3, capped at 90%: the simulation's high end")
    peak_deploys = deploys[deploys["deployed_at"].map(is_peak).astype(bool)]
    if len(peak_deploys):
        add("change_failure_rate_peak_pct", 100 * peak_deploys["caused_incident"].astype(bool).mean(),
            f"{peak_deploys['caused_incident'].astype(bool).mean():.0%}", "peak-season deploys that caused an incident")
        add("deploys_peak", len(peak_deploys), f"{len(peak_deploys)}", "deploys in peak season")

    # Module 07: the checkout mitigation as the fixed-date item, with ranges.
    low_share, high_share = max(0.0, p["mitigation_share_prevented"] - 0.2), min(1.0, p["mitigation_share_prevented"] + 0.2)
    add("mitigation_saving_low", mit_loss * low_share, money(rounded(mit_loss * low_share, 1000)),
        "peak capacity loss × the low end of the share the mitigation prevents (estimate − 0.2)")
    add("mitigation_saving_high", mit_loss * high_share, money(rounded(mit_loss * high_share, 1000)),
        "peak capacity loss × the high end of the share the mitigation prevents (estimate + 0.2)")
    # The same share range on each of the two peaks behind the average: one peak can lose several times another.
    # (one_peak_loss, never `loss`: the addressed loss a year is read again below, in the sceptic's figures)
    for name, one_peak_loss, label in (("last", last_mit_loss, "last year's peak"), ("before", before_mit_loss, "the peak before last")):
        add(f"mitigation_saving_peak_{name}_low", one_peak_loss * low_share, money(rounded(one_peak_loss * low_share, 1000)),
            f"{label}'s capacity loss × the low end of the share the mitigation prevents")
        add(f"mitigation_saving_peak_{name}_high", one_peak_loss * high_share, money(rounded(one_peak_loss * high_share, 1000)),
            f"{label}'s capacity loss × the high end of the share the mitigation prevents")
    to_freeze = weeks_between(p["today"], p["change_freeze_start"])
    latest = to_freeze - p["mitigation_weeks_high"]
    add("mitigation_latest_start_weeks", latest, f"{latest:.1f}",
        "weeks to the freeze − the mitigation's longest duration: the last week it can start and still land")
    two_weeks = ("passes the latest safe start" if latest < 2 else
                 "leaves less than a week of slack before the latest safe start" if latest < 3 else
                 "still falls before the latest safe start, but spends most of the slack")
    facts["two_week_wait_effect"] = Fact("two_week_wait_effect", math.nan, two_weeks,
                                         "derived from mitigation_latest_start_weeks: what a two-week wait does to the schedule")
    mit_cost = _team_cost("mitigation_engineers", "mitigation_weeks")
    add("mitigation_cost_high", _team_cost("mitigation_engineers", "mitigation_weeks_high"),
        money(_team_cost("mitigation_engineers", "mitigation_weeks_high")),
        "engineers × the mitigation's longest duration × hours × hourly cost: its cost at the high estimate")
    add("load_test_week_value", p["load_test_no_need_probability"] * mit_cost,
        money(rounded(p["load_test_no_need_probability"] * mit_cost, 100)),
        "chance the load test shows the pre-scale is not needed × the mitigation's cost: what waiting a week can save")
    add("load_test_no_need_probability_pct", 100 * p["load_test_no_need_probability"],
        f"{p['load_test_no_need_probability']:.0%}", "load_test_no_need_probability as a percentage")
    rework_left = to_freeze - p["checkout_fix_weeks"]
    add("checkout_fix_weeks_short", -rework_left, f"{-rework_left:.1f}",
        "the rework's weeks − weeks to the freeze: how far past the freeze it lands even if started today")
    orders_day = float(funnel["orders"].mean())
    flag_day = orders_day * p["payment_flag_share"]
    add("orders_per_day", orders_day, f"{rounded(orders_day, 100):,.0f}", "mean orders a day")
    add("payment_flag_share_pct", 100 * p["payment_flag_share"], f"{p['payment_flag_share']:.0%}", "payment_flag_share as a percentage")
    add("flag_payments_per_day", flag_day, f"{rounded(flag_day, 10):,.0f}", "orders a day × the flag's share")
    add("flag_days_to_1500_payments", math.ceil(1500 / flag_day), f"{math.ceil(1500 / flag_day)}",
        "1,500 ÷ payments a day through the flag, rounded up: days until the failure rate can be read")
    add("flag_days_two_days_payments", 2 * flag_day, f"{rounded(2 * flag_day, 10):,.0f}",
        "payments the flag sends in two days: too few to see a one-point rise in failures")
    add("payment_failure_rate_pct", 100 * p["payment_failure_rate"], f"{p['payment_failure_rate']:.0%}",
        "payment_failure_rate as a percentage")
    fail_sd = math.sqrt(p["payment_failure_rate"] * (1 - p["payment_failure_rate"]) / 1500)
    add("payment_failure_threshold_pct", 100 * (p["payment_failure_rate"] + 2.5 * fail_sd),
        f"{p['payment_failure_rate'] + 2.5 * fail_sd:.1%}",
        "the old failure rate + 2.5 standard errors over 1,500 payments: a rise the flag's data can tell from noise")

    # A better-balanced design for the same 1,500 payments: a one-sided 5% false alarm (1.645 standard errors),
    # and the chance it catches a provider one point worse (normal approximation).
    alarm = p["payment_failure_rate"] + 1.645 * fail_sd
    worse = p["payment_failure_rate"] + 0.01
    worse_sd = math.sqrt(worse * (1 - worse) / 1500)
    power = 0.5 * (1 + math.erf((worse - alarm) / worse_sd / math.sqrt(2)))
    add("payment_failure_alarm_pct", 100 * alarm, f"{alarm:.1%}",
        "the old failure rate + 1.645 standard errors over 1,500 payments: a false alarm about one time in twenty")
    add("payment_alarm_power_pct", 100 * power, f"{power:.0%}",
        "chance that 1,500 payments push a provider one point worse than today above the alarm threshold")
    causes = list(p["checkout_fix_causes"])
    facts["checkout_fix_causes"] = Fact("checkout_fix_causes", math.nan, " and ".join(causes), "profile list")
    facts["checkout_fix_causes_code"] = Fact("checkout_fix_causes_code", math.nan,
                                             "[" + ", ".join(f'"{c}"' for c in causes) + "]", "profile list, as Python")
    add("addressed_offpeak_share_pct", 100 * off_loss / seasons if seasons else 0,
        f"{off_loss / seasons:.0%}" if seasons else "0%",
        "addressed off-peak loss ÷ (off-peak + peak loss), each season at its own revenue a minute")

    quarter_start = (dt.date(p["today"].year, p["today"].month, 1) - dt.timedelta(days=1)).replace(day=1)
    quarter_start = dt.date(quarter_start.year, ((quarter_start.month - 1) // 3) * 3 + 1, 1)
    last_q = incidents[(incidents["started_at"].dt.date >= quarter_start) & (incidents["started_at"].dt.date < p["today"])]
    add("incidents_last_quarter", len(last_q), f"{len(last_q)}", "incidents in the last full quarter before today")
    # Each minute at its own season's revenue: a July outage is not worth an average (peak-inflated) minute.
    q_peak = last_q["peak_season"].astype(bool)
    q_loss = last_q.loc[~q_peak, "minutes_to_restore"].sum() * margin_lost_per_minute_down(funnel, False) \
        + last_q.loc[q_peak, "minutes_to_restore"].sum() * margin_lost_per_minute_down(funnel, True)
    add("last_quarter_margin_lost", q_loss, money(rounded(q_loss, 1000)),
        "last quarter's incident minutes × revenue a minute in their season × share lost × margin")
    reruns = int(ci["is_rerun"].astype(bool).sum())
    add("ci_reruns_per_week", reruns / ci_weeks(), f"{reruns / ci_weeks():.0f}", "re-runs of flaky failures ÷ weeks")
    rerun_hours = reruns / ci_weeks() * facts["ci_wait_median"].value / 60
    add("ci_rerun_hours_per_week", rerun_hours, f"{rerun_hours:.0f}",
        "re-runs a week × the median wait (queue + build) ÷ 60: the hours held up, if every held-up minute were lost")
    rerun_year = rerun_hours * p["working_weeks_per_year"] * p["loaded_hourly_cost"]
    add("ci_rerun_wait_cost_per_year", rerun_year, money(rounded(rerun_year, 1000)),
        "re-run hours a week × working weeks × loaded hourly cost (module 04's spot-elements total)")
    rerun_week = rerun_hours * p["loaded_hourly_cost"]
    add("ci_rerun_wait_cost_per_week", rerun_week, money(rounded(rerun_week, 100)),
        "re-run hours a week × loaded hourly cost: an upper bound, as if every held-up minute were lost")
    add("ci_rerun_wait_cost_per_day", rerun_week / 5, money(rounded(rerun_week / 5, 100)),
        "the week's re-run waiting ÷ 5 working days")

    # The simulation behind the risk explorer, with its starting values.
    defaults = explorer_defaults(facts | {"checkout_fix_cost": facts["checkout_fix_cost"]})
    defaults.pop("fix_weeks", None)
    sim = checkout_saving_simulation(**defaults)
    over = checkout_saving_simulation(**(defaults | {"fix_cost": 1.5 * defaults["fix_cost"]}))
    add("sim_prob_above_fix_overrun_pct", 100 * over.summary["prob_above"], f"{over.summary['prob_above']:.0%}",
        "share of simulated years whose saving exceeds the fix cost if the rework takes half as long again (cost × 1.5)")
    add("checkout_fix_cost_overrun", 1.5 * defaults["fix_cost"], money(1.5 * defaults["fix_cost"]),
        "the rework's cost if it takes half as long again")
    add("checkout_fix_weeks_overrun", 1.5 * p["checkout_fix_weeks"], f"{1.5 * p['checkout_fix_weeks']:g}",
        "the rework's weeks, half as long again")
    add("sim_saving_median", sim.summary["p50"], money(rounded(sim.summary["p50"], 1000)), "median simulated yearly saving")
    add("sim_prob_above_fix_pct", 100 * sim.summary["prob_above"], f"{sim.summary['prob_above']:.0%}",
        "share of simulated years whose saving exceeds the fix cost")
    add("sim_saving_p10", sim.summary["p10"], money(rounded(sim.summary["p10"], 1000)), "10th percentile of the yearly saving")
    add("sim_saving_p90", sim.summary["p90"], money(rounded(sim.summary["p90"], 1000)), "90th percentile of the yearly saving")
    add("sim_saving_mean", float(sim.samples.mean()), money(rounded(float(sim.samples.mean()), 1000)),
        "mean simulated yearly saving: the ranges are centred on the observed values, so it matches the point estimate")

    # A sceptic's share prevented, just above the break-even (the next 5 points up): 06.why-distribution.
    breakeven_pct = facts["checkout_fix_breakeven_share_pct"].value
    if math.isfinite(breakeven_pct):
        sceptic = min(1.0, 0.05 * math.floor(breakeven_pct / 5 + 1))
        sceptic_sim = checkout_saving_simulation(**(defaults | {"share_prevented": sceptic}))
        add("sceptic_share_prevented_pct", 100 * sceptic, f"{sceptic:.0%}",
            "the break-even share rounded up to the next 5 points: a sceptic's share prevented, just above break-even")
        add("sim_prob_above_fix_sceptic_pct", 100 * sceptic_sim.summary["prob_above"], f"{sceptic_sim.summary['prob_above']:.0%}",
            "share of simulated years whose saving exceeds the fix cost, at the sceptic's share prevented")
        add("sim_saving_mean_sceptic", float(sceptic_sim.samples.mean()), money(rounded(float(sceptic_sim.samples.mean()), 1000)),
            "mean simulated yearly saving at the sceptic's share prevented")
        # The sceptic's share against the real alternative, mitigating every peak (06.why-distribution, 06.decide):
        # what the rework adds a year over it, its payback, and its net over a stated three-year horizon.
        sc_over = sceptic * loss - mit_saving + mit_cost_once
        add("sceptic_saving_over_mitigation", sc_over, money(rounded(sc_over, 1000)),
            "sceptic's share × the addressed loss − the mitigation's saving + its yearly cost: what the rework adds a year "
            "over mitigating every peak, on the sceptic's share")
        add("sceptic_payback_over_mitigation_months", 12 * fix / sc_over if sc_over > 0 else math.inf,
            f"{12 * fix / sc_over:.0f}" if sc_over > 0 else "never",
            "12 × fix cost ÷ the rework's saving over mitigating every peak, on the sceptic's share")
        add("sceptic_three_year_net_over_mitigation", 3 * sc_over - fix, money(rounded(3 * sc_over - fix, 1000)),
            "3 × the rework's yearly gain over mitigating every peak (sceptic's share) − the fix cost: the three-year net")
        add("checkout_fix_three_year_net_over_mitigation", 3 * over_mit - fix, money(rounded(3 * over_mit - fix, 1000)),
            "3 × the rework's yearly gain over mitigating every peak (team's share) − the fix cost: the three-year net")

    # The backlog item a learner reads a number of (08's gift-card pages). Only items quoted in text
    # become facts, so that a stray round number does not match some backlog estimate by chance.
    gift = t["backlog"].set_index("item")["cost_of_delay_per_week"].get("gift-cards")
    if gift is not None:
        add("backlog_gift_cards_cost_of_delay", gift, money(gift), "backlog.csv: gift-cards' cost of delay a week")
        add("backlog_gift_cards_margin_cost_of_delay", gift * p["gross_margin"], money(rounded(gift * p["gross_margin"], 100)),
            "gift-cards' cost of delay a week (sales) × gross margin: the margin a week later loses")

    # Module 07: the backlog in listed and in CD3 order.
    b = t["backlog"]
    listed = float((b["cost_of_delay_per_week"] * b["duration_weeks"].cumsum()).sum())
    order = b.assign(cd3=b["cost_of_delay_per_week"] / b["duration_weeks"]).sort_values("cd3", ascending=False, kind="stable")
    by_cd3 = float((order["cost_of_delay_per_week"] * order["duration_weeks"].cumsum()).sum())
    add("backlog_listed_delay_cost", listed, money(rounded(listed, 1000)), "Σ cost of delay × finishing week, listed order")
    add("backlog_cd3_delay_cost", by_cd3, money(rounded(by_cd3, 1000)), "Σ cost of delay × finishing week, CD3 order")
    add("backlog_cd3_saving", listed - by_cd3, money(rounded(listed - by_cd3, 1000)),
        "listed order's cost of delay − CD3 order's: what sorting by CD3 saves")
    finish = order.assign(week=order["duration_weeks"].cumsum()).set_index("item")["week"]
    if "checkout-mitigation" in finish:
        add("mitigation_cd3_finish_week", float(finish["checkout-mitigation"]), f"{finish['checkout-mitigation']:.0f}",
            "the week CD3 order finishes the checkout mitigation", "weeks")
        ahead = order.set_index("item")
        ahead = ahead.loc[: "checkout-mitigation"].iloc[:-1]
        mit_weeks = float(order.set_index("item").loc["checkout-mitigation", "duration_weeks"])
        front = float(ahead["cost_of_delay_per_week"].sum() * mit_weeks)
        add("mitigation_front_delay_cost", front, money(rounded(front, 1000)),
            "cost of delay a week of the items CD3 puts ahead of the mitigation × the mitigation's weeks: "
            "what moving it to the front of a one-team queue costs those items")
    by_value = b.sort_values("cost_of_delay_per_week", ascending=False, kind="stable")
    value_first = float((by_value["cost_of_delay_per_week"] * by_value["duration_weeks"].cumsum()).sum())
    add("backlog_value_first_delay_cost", value_first, money(rounded(value_first, 1000)),
        "Σ cost of delay × finishing week, highest cost of delay first")
    add("backlog_cd3_saving_over_value_first", value_first - by_cd3, money(rounded(value_first - by_cd3, 1000)),
        "highest-value-first order's cost of delay − CD3 order's: what CD3 saves over the order a room would argue for")
    # Engineer time saved (ci-speedup, flaky-tests) is capacity, not cash, until it is spent on work that earns:
    # the CD3 saving over value-first with those items' weekly value halved (a sceptic's "half the freed hours earn").
    time_items = [i for i in ("ci-speedup", "flaky-tests") if i in set(b["item"])]
    if time_items:
        bh = b.assign(cost_of_delay_per_week=b["cost_of_delay_per_week"].where(~b["item"].isin(time_items),
                                                                                b["cost_of_delay_per_week"] / 2))
        vf_h = bh.sort_values("cost_of_delay_per_week", ascending=False, kind="stable")
        cd_h = bh.assign(cd3=bh["cost_of_delay_per_week"] / bh["duration_weeks"]).sort_values("cd3", ascending=False, kind="stable")
        sav_h = float((vf_h["cost_of_delay_per_week"] * vf_h["duration_weeks"].cumsum()).sum()
                      - (cd_h["cost_of_delay_per_week"] * cd_h["duration_weeks"].cumsum()).sum())
        add("backlog_cd3_saving_over_value_first_time_halved", sav_h, money(rounded(sav_h, 1000)),
            "CD3's saving over highest-value-first with the engineer-time items' (ci-speedup, flaky-tests) weekly value halved")
        # The order the slide recommends, kept, and re-costed at the halved values: a sceptic checks the ORDER, not
        # only a re-ranked total. Where ci-speedup ranks under the halved values, and what keeping the old order costs.
        kept_h = order.set_index("item").loc[:, []].join(bh.set_index("item"))
        kept_cost_h = float((kept_h["cost_of_delay_per_week"] * kept_h["duration_weeks"].cumsum()).sum())
        vf_cost_h = float((vf_h["cost_of_delay_per_week"] * vf_h["duration_weeks"].cumsum()).sum())
        cd_cost_h = float((cd_h["cost_of_delay_per_week"] * cd_h["duration_weeks"].cumsum()).sum())
        kept_sav = vf_cost_h - kept_cost_h
        add("backlog_cd3_kept_order_saving_time_halved", kept_sav, money(rounded(abs(kept_sav), 1000)),
            "highest-value-first's cost of delay − the full-value CD3 order's, both at the halved engineer-time values "
            "(shown as a magnitude; negative value: the kept order is WORSE than value-first)")
        add("backlog_cd3_kept_order_loss_time_halved", kept_cost_h - cd_cost_h, money(rounded(kept_cost_h - cd_cost_h, 1000)),
            "full-value CD3 order's cost of delay − the re-ranked CD3 order's, at the halved engineer-time values: what not re-ranking costs")
        if "ci-speedup" in set(b["item"]):
            r_full = order["item"].tolist().index("ci-speedup") + 1
            r_half = cd_h["item"].tolist().index("ci-speedup") + 1
            words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth"}
            add("backlog_ci_speedup_cd3_rank", r_full, words.get(r_full, str(r_full)), "ci-speedup's place in CD3 order", "")
            add("backlog_ci_speedup_cd3_rank_time_halved", r_half, words.get(r_half, str(r_half)),
                "ci-speedup's place in CD3 order with the engineer-time items' weekly value halved", "")
        add("backlog_engineer_time_share_pct", 100 * float(b.loc[b["item"].isin(time_items), "cost_of_delay_per_week"].sum()
                                                           / b["cost_of_delay_per_week"].sum()),
            f"{float(b.loc[b['item'].isin(time_items), 'cost_of_delay_per_week'].sum() / b['cost_of_delay_per_week'].sum()):.0%}",
            "share of the backlog's weekly cost of delay that is engineer time (ci-speedup, flaky-tests), not margin")
    add("ci_failure_one_in", 1 / p["ci_failure_rate"], f"{1 / p['ci_failure_rate']:.0f}",
        "1 ÷ the CI failure rate: one build in N fails")
    add("payments_to_read", 1500, "1,500", "card payments a flag must carry before a one-point rise in failures shows above noise")

    # DORA facts from deploys.
    cfr = float(deploys["caused_incident"].astype(bool).mean())
    add("deploys", len(deploys), f"{len(deploys)}", "rows of deploys")
    add("deploys_failed", int(deploys["caused_incident"].astype(bool).sum()),
        f"{int(deploys['caused_incident'].astype(bool).sum())}", "deploys that caused an incident")
    add("change_failure_rate_pct", cfr * 100, f"{cfr:.0%}", "deploys that caused an incident ÷ deploys")
    add("deploy_incident_share_pct", 100 * len(dep) / len(incidents), f"{len(dep) / len(incidents):.0%}",
        "deploy incidents ÷ incidents")
    # A big change landing in peak season: the chance it breaks checkout, and what that costs then.
    risk = cfr * dep["minutes_to_restore"].mean() * margin_lost_per_minute_down(funnel, True)
    add("peak_deploy_expected_loss", risk, money(rounded(risk, 100)),
        "change failure rate × mean deploy-incident minutes × peak margin lost a minute")
    _add_peak_causes(add, incidents)  # module 10 (c-pm2): kept apart so c-pm1's facts stay easy to read
    return facts


# --- Module 10's facts (added by c-pm2) -------------------------------------------------------
def _add_peak_causes(add, incidents) -> None:
    """Peak-season incidents by cause: a model answer must attribute the peak's outages as the data does."""
    peak = incidents[incidents["peak_season"].astype(bool)]
    counts = peak["cause"].value_counts()
    for cause in ("deploy", "capacity", "dependency"):
        n = int(counts.get(cause, 0))
        add(f"incidents_peak_{cause}", n, f"{n}", f"peak-season incidents caused by {cause}")
    rest = len(peak) - int(counts.get("deploy", 0))
    add("incidents_peak_not_deploy", rest, f"{rest}", "peak-season incidents not caused by a deploy (capacity, dependencies)")


@lru_cache(maxsize=4)
def _cached(key) -> dict[str, Fact]:
    return compute()


def current() -> dict[str, Fact]:
    """The facts for the active profile and data files, computed once per version of them."""
    from workshop.company.profiles import profile_path
    from workshop.company.data import SCHEMAS, data_path

    files = [profile_path(), *(data_path(n) for n in SCHEMAS)]
    return _cached(tuple((str(f), f.stat().st_mtime if f.exists() else 0) for f in files))


def ci_fix_explorer_defaults() -> dict:
    """Module 05's what-if starting values: the profile's, so the first bar is the learner's saving."""
    from workshop.company.profiles import profile
    from workshop.company.data import load

    p = profile()
    return {
        "ci": load("ci_runs"),
        "target_minutes": p["build_target_minutes"],
        "working_weeks": p["working_weeks_per_year"],
        "data_weeks": ci_weeks(),
        "hourly_cost": p["loaded_hourly_cost"],
        "running_per_month": p["ci_fix_running_cost_per_month"],
        "fix_cost": ci_fix_cost(),
        "low_case_minutes": p["build_minutes_low_case"],
    }
