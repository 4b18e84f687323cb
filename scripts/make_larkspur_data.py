"""Generate a company's data from its profile and a fixed seed: `python scripts/make_larkspur_data.py`.

`--company harbour` (or `$WORKSHOP_COMPANY`) generates another company's tables into
its own folder, `exercises/companies/harbour/data/`; with no company it makes
Larkspur Outfitters' tables in `exercises/data/` (byte-identical, a test checks).

Every parameter comes from the company profile (exercises/companies/larkspur.yaml,
read through workshop.company.profiles.profile), where each is labelled: a published figure
with its source, or an assumption about this fictional company. The CSVs are
committed; a test regenerates them and checks they are byte-identical, so the
profile and this script stay the truth. Backlog costs of delay marked `derived` in
the profile are computed here from the generated data (workshop.company.facts).
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from workshop.company.profiles import profile

SEED = 2026
OUT = Path(__file__).resolve().parent.parent / "exercises" / "data"  # Larkspur's; others: workshop.company.profiles.data_dir()



def p(name):
    """A parameter of the active company's profile (exercises/companies/<company>.yaml).

    A missing one is the instructor's to add, so it is a ProfileError naming it (main prints
    one sentence), never a KeyError traceback.
    """
    from workshop.company.profiles import ProfileError

    try:
        return profile()[name]
    except KeyError:
        raise ProfileError(f"the profile has no parameter '{name}', which the data generator needs: "
                           f"add it under parameters:, with its value and where it comes from.") from None


def ci_runs(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.bdate_range(p("ci_start"), periods=p("ci_weeks") * 5)
    rows = []
    for day in days:
        for engineer in range(1, p("engineers") + 1):
            for _ in range(rng.poisson(p("builds_per_engineer_day"))):
                start = day + pd.Timedelta(minutes=int(rng.integers(9 * 60, 18 * 60)))
                busy = start.hour in (10, 11, 14, 15)
                queue = rng.exponential(p("queue_minutes_mean") * (1.75 if busy else 1))
                build = rng.lognormal(np.log(p("build_minutes_median")), 0.35)
                failed = rng.random() < p("ci_failure_rate")
                rows.append((start, f"e{engineer:02d}", queue, build, "failed" if failed else "passed", False))
                if failed and rng.random() < 0.5:  # a flaky failure, run again
                    rerun_start = (start + pd.Timedelta(minutes=queue + build + 2)).floor("min")
                    rows.append((rerun_start, f"e{engineer:02d}", rng.exponential(p("queue_minutes_mean")),
                                 rng.lognormal(np.log(p("build_minutes_median")), 0.35), "passed", True))
    table = pd.DataFrame(rows, columns=["started_at", "engineer", "queue_minutes", "build_minutes", "status", "is_rerun"])
    table = table.sort_values("started_at", kind="stable").reset_index(drop=True)
    table.insert(0, "run_id", np.arange(1, len(table) + 1))
    return table.round({"queue_minutes": 1, "build_minutes": 1})


def is_peak(ts: pd.Timestamp) -> bool:
    """Peak season: Black Friday to Cyber Monday week (late November)."""
    return ts.month == 11 and ts.day >= 20 or ts.month == 12 and ts.day <= 2


def black_friday_of(year: int) -> pd.Timestamp:
    """The day after the fourth Thursday of November."""
    first = pd.Timestamp(year=year, month=11, day=1)
    thursday = first + pd.Timedelta(days=(3 - first.weekday()) % 7 + 21)
    return thursday + pd.Timedelta(days=1)


def traffic(date: pd.Timestamp) -> float:
    """A day's traffic over an ordinary day: the holiday season, Cyber Week, and the two spike days.

    Black Friday and Cyber Monday reach ``peak_day_multiplier`` times an ordinary holiday-season
    day (Adobe's 3.4 for Cyber Monday 2023); Cyber Week's other days ``cyber_week_multiplier``.
    """
    date = pd.Timestamp(date).normalize()
    season = p("holiday_season_multiplier") if (date.month == 11 and date.day >= 15) or date.month == 12 and date.day <= 24 else 1
    if not is_peak(date):
        return season
    friday = black_friday_of(date.year)
    if date in (friday, friday + pd.Timedelta(days=3)):
        return season * p("peak_day_multiplier")
    return season * p("cyber_week_multiplier")


def deploys_and_incidents(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    weeks = pd.date_range(p("history_start"), periods=p("history_weeks"), freq="W-MON")
    deploys, incidents = [], []
    for week in weeks:
        for _ in range(rng.poisson(p("deploys_per_week"))):
            deployed = week + pd.Timedelta(days=int(rng.integers(0, 5)), hours=int(rng.integers(9, 18)))
            lead = pd.Timedelta(hours=float(rng.lognormal(np.log(p("lead_time_days_median") * 24), 0.6)))
            rate = p("deploy_failure_probability") * (p("peak_deploy_failure_multiplier") if is_peak(deployed) else 1)
            failed = bool(rng.random() < rate)
            deploys.append((deployed - lead, deployed, failed))
            if failed:
                incidents.append((deployed + pd.Timedelta(minutes=int(rng.integers(5, 240))), "deploy", len(deploys) - 1))
        # capacity and dependency incidents: in proportion to the day's traffic, and more than in
        # proportion at peak, when checkout runs past its headroom
        for offset in range(7):
            day = week + pd.Timedelta(days=offset)
            if day >= pd.Timestamp(p("today")):
                break
            load = traffic(day) * (p("peak_incident_multiplier") if is_peak(day) else 1)
            for _ in range(rng.poisson(p("other_incidents_per_week") / 7 * load)):
                incidents.append((day + pd.Timedelta(hours=int(rng.integers(7, 23)), minutes=int(rng.integers(0, 60))),
                                  str(rng.choice(["capacity", "dependency"])), -1))
    incident_table = pd.DataFrame(incidents, columns=["started_at", "cause", "deploy"]).sort_values("started_at", kind="stable")
    incident_table = incident_table.reset_index(drop=True)
    medians = np.where(incident_table["cause"] == "deploy", p("deploy_restore_minutes_median"), p("restore_minutes_median"))
    # an overload at peak takes longer to clear than a quiet week's outage: everything is busy
    at_peak = incident_table["started_at"].map(is_peak).to_numpy() & (incident_table["cause"] != "deploy").to_numpy()
    medians = medians * np.where(at_peak, p("peak_restore_multiplier"), 1.0)
    minutes = rng.lognormal(np.log(medians), p("restore_minutes_spread"))
    incident_table["minutes_to_restore"] = np.maximum(5, minutes).round(0).astype(int)
    incident_table = one_outage_at_a_time(incident_table)
    # A failed deploy whose outage merged into one already open caused no incident of its own:
    # the deploy log must say so, or "N deploys caused an incident" disagrees with the incident log.
    recorded = set(incident_table["deploy"])
    deploys = [(committed, deployed, failed and index in recorded) for index, (committed, deployed, failed) in enumerate(deploys)]
    incident_table = incident_table.drop(columns="deploy")
    incident_table.insert(0, "incident_id", np.arange(1, len(incident_table) + 1))
    incident_table["peak_season"] = incident_table["started_at"].map(is_peak)
    deploy_table = pd.DataFrame(deploys, columns=["committed_at", "deployed_at", "caused_incident"])
    deploy_table = deploy_table.sort_values("deployed_at", kind="stable").reset_index(drop=True)
    deploy_table.insert(0, "deploy_id", np.arange(1, len(deploy_table) + 1))
    deploy_table["committed_at"] = deploy_table["committed_at"].dt.floor("min")
    return deploy_table, incident_table


def one_outage_at_a_time(incidents: pd.DataFrame) -> pd.DataFrame:
    """Drop an incident that starts while an earlier one is still open: it is the same outage.

    A real incident log records one outage once; two rows for one outage would count it
    twice in every "went down N times" a learner reads.
    """
    keep, open_until = [], pd.Timestamp.min
    for started, minutes in zip(incidents["started_at"], incidents["minutes_to_restore"]):
        keep.append(started >= open_until)
        if keep[-1]:
            open_until = started + pd.Timedelta(minutes=int(minutes))
    return incidents[keep].reset_index(drop=True)


def checkout_funnel(rng: np.random.Generator) -> pd.DataFrame:
    dates = pd.date_range(p("history_start"), pd.Timestamp(p("today")) - pd.Timedelta(days=1), freq="D")
    rows = []
    for date in dates:
        busy = traffic(date)
        sessions = int(rng.normal(p("sessions_per_day") * busy, p("sessions_per_day") * 0.05))
        load = max(1.0, rng.normal(p("page_load_seconds") + 0.25 * (busy - 1), 0.15))
        slowdown = p("sales_per_100ms") * (load - p("page_load_seconds")) / 0.1
        conversion = p("conversion_rate") * (1 - slowdown) * rng.normal(1, 0.04)
        orders = int(max(0, sessions * conversion))
        revenue = round(orders * p("average_order_value") * rng.normal(1, 0.03), 2)
        rows.append((date.date(), sessions, round(load, 2), orders, revenue))
    return pd.DataFrame(rows, columns=["date", "sessions", "page_load_seconds", "orders", "revenue"])


def backlog(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Larkspur's competing work; cost of delay per week in dollars, sizes in weeks of the team.

    Items marked `derived` in the profile take their numbers from the data, so the
    backlog agrees with what modules 05 and 06 compute.
    """
    from workshop.company import facts

    derived = {
        "checkout-resilience": (facts.checkout_fix_saving_per_year(tables) / 52, p("checkout_fix_weeks")),
        "checkout-mitigation": (facts.mitigation_saving_per_year(tables) / 52, p("mitigation_weeks")),
        # both per calendar week: a year's value ÷ 52 (the CI saving net of the runners' running cost)
        "ci-speedup": ((facts.ci_saving_per_year(tables["ci_runs"]) - facts.ci_running_cost_per_year()) / 52, p("ci_fix_weeks")),
    }
    from workshop.company.profiles import ProfileError

    rows = []
    for entry in profile().backlog:
        cost, weeks = entry.cost_of_delay_per_week, entry.duration_weeks
        if "derived" in (cost, weeks) and entry.item not in derived:
            raise ProfileError(f"backlog item '{entry.item}' is marked derived, but only {', '.join(sorted(derived))} "
                               "can take their numbers from the data: give its cost_of_delay_per_week and "
                               "duration_weeks as numbers, or use one of those item names.")
        if cost == "derived":
            cost = round(derived[entry.item][0], -2)
        if weeks == "derived":
            weeks = derived[entry.item][1]
        rows.append((entry.item, entry.description, int(cost), int(weeks)))
    return pd.DataFrame(rows, columns=["item", "description", "cost_of_delay_per_week", "duration_weeks"])


def generate() -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(SEED)
    deploys, incidents = deploys_and_incidents(rng)
    tables = {
        "ci_runs": ci_runs(rng),
        "deploys": deploys,
        "incidents": incidents,
        "checkout_funnel": checkout_funnel(rng),
    }
    tables["backlog"] = backlog(tables)
    return tables


def write(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in generate().items():
        path = out / f"{name}.csv"
        table.to_csv(path, index=False, lineterminator="\n", date_format="%Y-%m-%d %H:%M:%S")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """``[OUT] [--company NAME|PATH]``: write the company's tables to OUT (default: its data folder)."""
    import argparse
    import os

    from workshop.company.profiles import COMPANY_ENV, ProfileError, own_data_dir

    parser = argparse.ArgumentParser(description="Generate a company's data tables from its profile.")
    parser.add_argument("out", nargs="?", default=None, help="folder to write (default: the company's data folder)")
    parser.add_argument("--company", default=None,
                        help="a profile name in exercises/companies/ or a profile's path (default: $WORKSHOP_COMPANY or larkspur)")
    args = parser.parse_args(argv)
    if args.company:
        os.environ[COMPANY_ENV] = args.company
    try:
        target = Path(args.out) if args.out else own_data_dir()
        for path in write(target):
            print(f"{path} ({path.stat().st_size // 1000} KB)")
    except ProfileError as exc:
        print(f"Company profile problem: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
