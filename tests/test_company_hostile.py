"""Issue 23, findings 10 and 11: a bad company profile never reaches a learner, and the bank follows the company.

Every bad value is one sentence naming the field, from ``workshop company``, ``workshop validate``
and a learner's check alike; never a traceback, never "$-75 an hour" in front of a learner.
"""
import copy
import datetime as dt
import time
from pathlib import Path

import pytest
import yaml

from workshop import cli
from workshop.company.profiles import ProfileError, load_profile, profile_path

LARKSPUR = yaml.safe_load(profile_path("larkspur").read_text())


@pytest.fixture
def clean(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_CONFIG", str(tmp_path / "settings.yaml"))
    monkeypatch.delenv("WORKSHOP_COMPANY", raising=False)
    monkeypatch.delenv("WORKSHOP_DATA_DIR", raising=False)
    return tmp_path


def _profile(tmp_path: Path, text: str | None = None, **values) -> Path:
    data = copy.deepcopy(LARKSPUR)
    for name, value in values.items():
        data["parameters"][name]["value"] = value
    path = tmp_path / "bad.yaml"
    path.write_text(text if text is not None else yaml.safe_dump(data))
    return path


BAD = [
    ({"loaded_hourly_cost": float("nan")}, "loaded_hourly_cost"),
    ({"loaded_hourly_cost": float("inf")}, "loaded_hourly_cost"),
    ({"loaded_hourly_cost": 0}, "loaded_hourly_cost"),
    ({"loaded_hourly_cost": -75}, "loaded_hourly_cost"),
    ({"working_weeks_per_year": 0}, "working_weeks_per_year"),
    ({"working_weeks_per_year": 60}, "working_weeks_per_year"),
    ({"engineers": 0}, "engineers"),
    ({"gross_margin": 2.5}, "gross_margin"),
    ({"ci_failure_rate": -0.1}, "ci_failure_rate"),
    ({"hours_per_week": 200}, "hours_per_week"),
    ({"change_freeze_end": dt.date(2025, 11, 1)}, "change_freeze_end"),
]


@pytest.mark.parametrize("values, field", BAD)
def test_a_bad_value_is_one_sentence_naming_the_field_everywhere(clean, monkeypatch, capsys, values, field):
    path = _profile(clean, **values)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert field in message and "Traceback" not in message
    monkeypatch.setenv("WORKSHOP_COMPANY", str(path))
    assert cli.main(["company"]) == 1
    out = capsys.readouterr()
    assert field in out.out + out.err and "Traceback" not in out.out + out.err
    assert cli.main(["validate"]) == 1
    out = capsys.readouterr()
    assert field in out.err and "Traceback" not in out.err
    from workshop import check

    result = check("05.payback", 10)  # the learner's first check: a sentence, never an exception
    assert result.status == "not_attempted" and field in result.feedback


@pytest.mark.parametrize("value", [float("nan"), -5, 0])
def test_a_backlog_item_with_a_bad_number_is_named(clean, value):
    data = copy.deepcopy(LARKSPUR)
    item = next(i for i in data["backlog"] if i["cost_of_delay_per_week"] != "derived")
    item["cost_of_delay_per_week"] = value
    path = clean / "bad.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(ProfileError, match="cost_of_delay_per_week"):
        load_profile(path)


def test_an_alias_bomb_is_refused_quickly_without_exhausting_memory(clean):
    levels = "".join(f"  l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 10))
    bomb = profile_path("larkspur").read_text() + "bomb:\n  l0: &l0 [x, x, x, x, x, x, x, x, x]\n" + levels
    path = _profile(clean, text=bomb)
    start = time.perf_counter()
    with pytest.raises(ProfileError, match="alias"):
        load_profile(path)
    assert time.perf_counter() - start < 2


def test_a_huge_profile_is_refused(clean):
    path = _profile(clean, text="name: " + "x" * 3_000_000 + "\n")
    with pytest.raises(ProfileError, match="too large"):
        load_profile(path)


def test_a_300_character_company_name_is_one_sentence(clean, monkeypatch, capsys):
    monkeypatch.setenv("WORKSHOP_COMPANY", "x" * 300)
    from workshop import check
    from workshop.company.profiles import profile

    with pytest.raises(ProfileError):
        profile()
    assert cli.main(["company"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert check("05.payback", 10).status == "not_attempted"


def test_switching_company_in_a_running_kernel_reloads_the_bank(clean, monkeypatch):
    from workshop import check
    from workshop.bank.loader import get_bank

    lark_key = get_bank().exercises["05.payback"].answer
    data = copy.deepcopy(LARKSPUR)
    data["name"], data["short_name"] = "Acme Outfitters", "Acme"
    data["parameters"]["loaded_hourly_cost"]["value"] = 90  # another hourly cost: another payback
    acme = clean / "acme.yaml"
    acme.write_text(yaml.safe_dump(data))
    monkeypatch.setenv("WORKSHOP_COMPANY", str(acme))
    acme_key = get_bank().exercises["05.payback"].answer
    assert acme_key != lark_key
    assert check("05.payback", acme_key).status == "correct"
    monkeypatch.setenv("WORKSHOP_COMPANY", "larkspur")
    assert get_bank().exercises["05.payback"].answer == lark_key


def test_a_facilitator_on_another_company_than_the_learners_is_warned(clean, monkeypatch, capsys):
    from workshop.progress import log as progress
    from workshop.room import mirror

    room = clean / "room"
    room.mkdir()
    monkeypatch.setenv("WORKSHOP_ROOM", str(room))
    monkeypatch.setenv("WORKSHOP_COMPANY", "northway")
    mirror._warned.clear()
    progress.record("check", "02.mentor-metric", clean / "p.jsonl", answer="b", status="correct")
    monkeypatch.setenv("WORKSHOP_COMPANY", "larkspur")
    assert cli.main(["room", str(room)]) == 0
    assert "northway" in capsys.readouterr().err
