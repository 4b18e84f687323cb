"""Switching company (issue 12): one setting picks the profile AND its data, everywhere.

``$WORKSHOP_COMPANY`` beats ``company:`` in the settings file, which beats the default
(Larkspur); the data tables follow the profile unless an instructor points at their
own CSVs; a profile with a mistake is reported by file and field, never as a traceback.
"""
import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop import cli

from workshop.company import facts
from workshop.company.profiles import COMPANIES_DIR, ProfileError, choice, companies, data_dir, profile, profile_path
from workshop.company.data import SCHEMAS, load

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """A settings file of the test's own; no company in the environment."""
    path = tmp_path / "settings.yaml"
    monkeypatch.setenv("WORKSHOP_CONFIG", str(path))
    monkeypatch.delenv("WORKSHOP_COMPANY", raising=False)
    for name in ("WORKSHOP_DATA_DIR", *(f"WORKSHOP_DATA_{n.upper()}" for n in SCHEMAS)):
        monkeypatch.delenv(name, raising=False)
    return path


def test_the_bank_ships_two_companies():
    assert {"larkspur", "northway"} <= set(companies())


def test_default_then_settings_then_environment(settings, monkeypatch):
    assert choice() == ("larkspur", "the default")
    settings.write_text("solutions: open\ncompany: northway\n", encoding="utf-8")
    assert choice()[0] == "northway" and "company: in" in choice()[1]
    assert profile().short_name == "Northway"
    monkeypatch.setenv("WORKSHOP_COMPANY", "larkspur")
    assert choice() == ("larkspur", "$WORKSHOP_COMPANY")
    assert profile().short_name == "Larkspur"


def test_the_data_follows_the_company(settings, monkeypatch):
    assert data_dir() == ROOT / "exercises" / "data"
    larkspur_engineers = load("ci_runs")["engineer"].nunique()
    monkeypatch.setenv("WORKSHOP_COMPANY", "northway")
    assert data_dir() == COMPANIES_DIR / "northway" / "data"
    assert load("ci_runs")["engineer"].nunique() == profile()["engineers"] == 45 != larkspur_engineers


def test_own_csvs_still_win_over_the_company_data(settings, monkeypatch):
    monkeypatch.setenv("WORKSHOP_COMPANY", "northway")
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(ROOT / "exercises" / "data"))
    assert load("ci_runs")["engineer"].nunique() == 30  # Larkspur's tables, as asked
    monkeypatch.delenv("WORKSHOP_DATA_DIR")
    monkeypatch.setenv("WORKSHOP_DATA_CI_RUNS", str(ROOT / "exercises" / "data" / "ci_runs.csv"))
    assert load("ci_runs")["engineer"].nunique() == 30
    assert load("deploys").equals(load("deploys", path=COMPANIES_DIR / "northway" / "data" / "deploys.csv"))


def test_facts_follow_the_switch_including_the_currency(settings, monkeypatch):
    lark = facts.current()
    monkeypatch.setenv("WORKSHOP_COMPANY", "northway")
    north = facts.current()
    assert lark["engineers"].value == 30 and north["engineers"].value == 45
    assert lark["ci_fix_cost"].text.startswith("$") and north["ci_fix_cost"].text.startswith("£")
    assert north["ci_runs"].value == len(load("ci_runs"))
    # The story still holds for Northway: both fixes pay for themselves, the rework cannot land before the freeze.
    assert north["checkout_fix_payback_years"].value < 1 and north["mitigation_saving"].value > north["mitigation_cost"].value
    assert profile()["checkout_fix_weeks"] > north["weeks_to_change_freeze"].value


def test_workshop_company_lists_the_companies_and_says_why(settings, monkeypatch, capsys):
    assert cli.main(["company"]) == 0
    out = capsys.readouterr().out
    assert "* larkspur" in out and "  northway" in out and "chosen by the default" in out
    settings.write_text("company: northway\n", encoding="utf-8")
    assert cli.main(["company"]) == 0
    out = capsys.readouterr().out
    assert "* northway" in out and f"company: in {settings}" in out and "companies/northway/data" in out
    monkeypatch.setenv("WORKSHOP_COMPANY", "nosuchco")
    assert cli.main(["company"]) == 1
    out = capsys.readouterr().out
    assert "nosuchco.yaml does not exist" in out and "larkspur, northway" in out


def broken_copy(tmp_path: Path) -> Path:
    """Northway's profile with two mistakes an instructor might make."""
    text = (COMPANIES_DIR / "northway.yaml").read_text(encoding="utf-8")
    text = text.replace("    value: 0.25\n    unit: share of revenue", "    value: about a quarter\n    unit: share of revenue")
    text = text.replace("  ci_fix_weeks:\n", "  ci_fix_wekes:\n")
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_profile_mistake_names_the_file_and_field(settings, tmp_path, monkeypatch, capsys):
    path = broken_copy(tmp_path)
    with pytest.raises(ProfileError) as caught:
        from workshop.company.profiles import load_profile

        load_profile(path)
    assert str(path) in str(caught.value)
    monkeypatch.setenv("WORKSHOP_COMPANY", str(path))
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(COMPANIES_DIR / "northway" / "data"))
    assert profile_path() == path
    assert cli.main(["company"]) == 1
    out = capsys.readouterr().out
    assert str(path) in out and "ci_fix_weeks" in out and "parameters.gross_margin.value: should be a number" in out
    assert cli.main(["validate"]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err


def test_a_typed_value_mistake_is_reported_with_its_field(tmp_path):
    text = (COMPANIES_DIR / "northway.yaml").read_text(encoding="utf-8").replace("value: 2025-11-17", "value: [soon]")
    path = tmp_path / "dates.yaml"
    path.write_text(text, encoding="utf-8")
    from workshop.company.profiles import load_profile

    with pytest.raises(ProfileError, match=r"parameters\.change_freeze_start"):
        load_profile(path)


def test_a_notebook_shows_a_profile_mistake_as_a_message_not_a_traceback(tmp_path):
    """IPython renders ProfileError through _render_traceback_: the file and field, nothing of our code."""
    from workshop.company.profiles import load_profile

    try:
        load_profile(broken_copy(tmp_path))
    except ProfileError as exc:
        shown = "\n".join(exc._render_traceback_())
    assert shown.startswith("Company profile problem:") and "ci_fix_weeks" in shown and "File \"" not in shown


def test_northway_data_is_what_the_generator_makes_from_its_profile(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_larkspur_data.py"), str(tmp_path),
                    "--company", "northway"], check=True, capture_output=True)
    for name in SCHEMAS:
        assert filecmp.cmp(tmp_path / f"{name}.csv", COMPANIES_DIR / "northway" / "data" / f"{name}.csv",
                           shallow=False), name


@pytest.mark.parametrize("break_it, named", [
    (lambda text: text.replace("cyber_week_multiplier:", "cyber_week_multiplier_old:"), "cyber_week_multiplier"),
    (lambda text: text.replace("item: checkout-resilience", "item: checkout-rework"), "checkout-rework"),
])
def test_a_profile_the_generator_cannot_use_is_one_sentence_naming_the_field(tmp_path, break_it, named):
    """An instructor renaming a parameter or a backlog item reads what to fix, never a KeyError traceback."""
    profile_file = tmp_path / "acme.yaml"
    profile_file.write_text(break_it((COMPANIES_DIR / "larkspur.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_larkspur_data.py"), str(tmp_path / "data"),
                          "--company", str(profile_file)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert named in run.stderr and "Traceback" not in run.stderr, run.stderr
