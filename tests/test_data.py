"""Larkspur's data: reproducible from its seed, small, valid, and replaceable by an instructor's CSV."""
import filecmp
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from workshop.company.data import SCHEMAS, DataError, load

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "exercises" / "data"


def test_committed_csvs_are_what_the_seeded_script_makes(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_larkspur_data.py"), str(tmp_path)], check=True,
                   capture_output=True)
    for name in SCHEMAS:
        assert filecmp.cmp(tmp_path / f"{name}.csv", DATA / f"{name}.csv", shallow=False), name


def test_data_is_small():
    assert sum(p.stat().st_size for p in DATA.glob("*.csv")) < 2_000_000


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_table_loads_with_its_schema(name):
    table = load(name)
    assert list(SCHEMAS[name]) == [c for c in table.columns if c in SCHEMAS[name]]
    assert len(table) > 0


def test_shape_of_larkspur():
    ci = load("ci_runs")
    assert ci["engineer"].nunique() == 30
    assert (ci["started_at"].max() - ci["started_at"].min()).days >= 7 * 11
    incidents = load("incidents")
    assert incidents["peak_season"].any()
    deploys = load("deploys")
    assert (deploys["deployed_at"].max() - deploys["deployed_at"].min()).days > 700
    assert (deploys["deployed_at"] >= deploys["committed_at"]).all()


def _write(tmp_path, text):
    path = tmp_path / "mine.csv"
    path.write_text(text)
    return path


def test_instructor_csv_with_errors_lists_every_problem(tmp_path):
    path = _write(tmp_path, "run_id,started_at,engineer,queue_minutes,build_minutes,is_rerun\n"
                            "1,2025-01-01 09:00,e1,soon,12,maybe\n")
    with pytest.raises(DataError) as caught:
        load("ci_runs", path)
    message = str(caught.value)
    assert "missing column 'status'" in message
    assert "column 'queue_minutes' should be float, but row 2 has 'soon'" in message
    assert "'is_rerun' should be bool" in message
    assert caught.value._render_traceback_()[0].startswith("Data problem:")


def test_environment_variable_points_a_table_at_another_file(tmp_path, monkeypatch):
    path = _write(tmp_path, "item,description,cost_of_delay_per_week,duration_weeks\nx,An item,100,2\n")
    monkeypatch.setenv("WORKSHOP_DATA_BACKLOG", str(path))
    assert load("backlog")["item"].tolist() == ["x"]


def test_missing_file_and_unknown_table(tmp_path):
    with pytest.raises(DataError, match="does not exist"):
        load("deploys", tmp_path / "nope.csv")
    with pytest.raises(DataError, match="no dataset 'sales'"):
        load("sales")


def test_the_incident_log_records_each_outage_once():
    """No incident starts while another is still open: a sceptic counting outages counts each once."""
    incidents = load("incidents").sort_values("started_at").reset_index(drop=True)
    ends = incidents["started_at"] + pd.to_timedelta(incidents["minutes_to_restore"], unit="min")
    still_open = ends.cummax().shift(1)
    overlapping = incidents[incidents["started_at"] < still_open]
    assert overlapping.empty, f"outages recorded twice: {overlapping['incident_id'].tolist()}"
    assert incidents["started_at"].is_unique


@pytest.mark.parametrize("company", ["larkspur", "northway"])
def test_the_deploy_log_and_the_incident_log_agree(company, monkeypatch):
    """"N deploys caused an incident" and "N incidents were caused by deploys" are the same N, for every company.

    A failed deploy whose outage merged into one already open (one outage is logged once)
    caused no incident of its own; Northway's tables once said 33 and 31.
    """
    monkeypatch.setenv("WORKSHOP_COMPANY", company)
    for name in [k for k in __import__("os").environ if k.startswith("WORKSHOP_DATA_")]:
        monkeypatch.delenv(name)
    deploys, incidents = load("deploys"), load("incidents")
    assert int(deploys["caused_incident"].sum()) == int((incidents["cause"] == "deploy").sum()) > 0
