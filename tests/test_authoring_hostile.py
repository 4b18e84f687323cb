"""Issue 23, finding 13: the authoring commands, the data loader and Module() against careless input."""
import shutil
from pathlib import Path

import pytest

from workshop.authoring import AuthoringError, add_exercise, create_module
from workshop.bank.loader import load_bank
from workshop.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    return tmp_path


@pytest.mark.parametrize("title", ["C:\\q drive", 'Say "hi" \\n', "Costs {{ci_fix_cost}}", "tab\there", "# not a comment"])
def test_new_module_keeps_any_title_or_refuses_it_and_never_breaks_the_bank(repo, title):
    try:
        yaml_path, _ = create_module("11", title, bank_dir=repo / "exercises", notebooks_dir=repo / "notebooks")
    except AuthoringError as exc:
        assert "{{" in title and "{{" in str(exc)
        assert not list((repo / "exercises").glob("11_*"))
        return
    bank = load_bank(repo / "exercises")  # the whole bank still loads
    assert bank.modules["11"].title == " ".join(title.split())


def test_new_module_with_a_placeholder_title_reports_failure(repo, capsys):
    assert main(["new", "module", "11", "{{nosuch}}", "--bank", str(repo / "exercises"),
                 "--notebooks", str(repo / "notebooks")]) == 1
    assert "Traceback" not in capsys.readouterr().err
    load_bank(repo / "exercises")


@pytest.mark.parametrize("title", ['Say "hi"', "C:\\q drive", "it's: fine # really"])
def test_new_exercise_keeps_a_title_with_quotes_or_backslashes(repo, title):
    path, full_id = add_exercise("05", "single_choice", "quoted-title", bank_dir=repo / "exercises", title=title)
    assert load_bank(repo / "exercises").exercises[full_id].title == title


def test_an_id_too_long_for_the_room_is_refused(repo):
    with pytest.raises(AuthoringError, match="long"):
        add_exercise("05", "single_choice", "a" * 90, bank_dir=repo / "exercises")


def test_csv_rows_with_trailing_empty_fields_load(tmp_path):
    from workshop.company.data import load

    source = (ROOT / "exercises" / "data" / "backlog.csv").read_text().splitlines()
    path = tmp_path / "backlog.csv"
    path.write_text("\n".join([source[0], *(line + ",," for line in source[1:])]) + "\n")
    table = load("backlog", path=path)
    original = load("backlog")
    assert list(table["item"]) == list(original["item"])


def test_a_header_only_csv_is_one_sentence(tmp_path):
    from workshop.company.data import DataError, load

    path = tmp_path / "incidents.csv"
    path.write_text((ROOT / "exercises" / "data" / "incidents.csv").read_text().splitlines()[0] + "\n")
    with pytest.raises(DataError, match="no rows"):
        load("incidents", path=path)


@pytest.mark.parametrize("code", ["²", "٣", "1e3", "-1", "007", "99"])
def test_module_with_an_odd_code_says_so(code):
    from workshop import Module

    m = Module(code)
    assert m.error and "no module" in m.error.lower()


def test_a_fifo_where_a_profile_a_csv_or_a_module_should_be_blocks_nothing(tmp_path, monkeypatch):
    import os
    import signal

    from workshop.bank.loader import BankError
    from workshop.company.profiles import ProfileError, load_profile
    from workshop.company.data import DataError, load

    for name in ("acme.yaml", "ci_runs.csv", "05_fifo.yaml"):
        os.mkfifo(tmp_path / name)

    def fail(*_):
        raise AssertionError("blocked on a FIFO")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(10)
    try:
        with pytest.raises(ProfileError, match="not a regular file"):
            load_profile(tmp_path / "acme.yaml")
        with pytest.raises(DataError, match="not a regular file"):
            load("ci_runs", path=tmp_path / "ci_runs.csv")
        with pytest.raises(BankError, match="not a regular file"):
            load_bank(tmp_path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
