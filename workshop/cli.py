"""``workshop``: the command line for instructors, facilitators and learners."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bank_errors_exit_1(command):
    """A broken bank is the instructor's to fix: print every problem, exit 1, no traceback."""

    def run(args) -> int:
        from workshop.bank.loader import BankError
        from workshop.company.profiles import ProfileError
        from workshop.company.data import DataError

        try:
            return command(args)
        except (BankError, ProfileError, DataError) as exc:
            print(exc, file=sys.stderr)
            return 1

    return run


def _with_working_keys(bank):
    """A bank whose computed answer keys all run on the current data; else a BankError naming each broken one."""
    from workshop.bank.loader import BankError
    from workshop.kinds.computed import key_problems

    problems = key_problems(bank)
    if problems:
        raise BankError(problems)
    return bank


@_bank_errors_exit_1
def _validate(args) -> int:
    from workshop.authoring.notebook_checks import check_notebooks, default_notebooks_dir
    from workshop.bank.loader import default_bank_dir, load_bank
    from workshop.company.profiles import profile

    profile()  # a broken company profile is the one problem worth reporting, by file and field
    bank = _with_working_keys(load_bank(args.path))
    bank_dir = Path(args.path) if args.path else default_bank_dir()
    notebooks = Path(args.notebooks) if args.notebooks else default_notebooks_dir(bank_dir)
    checked = ""
    if bank_dir.is_dir() and notebooks.is_dir():
        problems = check_notebooks(bank, notebooks)
        if problems:
            return _report(f"The notebooks disagree with the bank in {len(problems)} place(s):", problems)
        checked = f", and the notebooks in {notebooks} agree with it"
        from workshop.company.factcheck import AllowlistError

        try:
            numbers = _company_numbers(bank_dir, notebooks)
        except AllowlistError as exc:
            return _report("The number guard's allowlist cannot be read:", [exc])
        if numbers:
            return _report(f"{len(numbers)} company number(s) or name(s) do not match the company in use:", numbers)
        checked += "; every company number matches the profile and the data, and no other company is named"
    print(f"OK: {len(bank.exercises)} exercises in {len(bank.modules)} modules{checked}.")
    return 0


def _company_numbers(bank_dir: Path, notebooks: Path) -> list:
    """The number guard (workshop/company/factcheck.py) over the bank and the notebooks, and the other companies' names."""
    from workshop.company import factcheck

    from workshop.company.drift import explain

    numbers = factcheck.check_bank(bank_dir) + factcheck.check_notebooks(notebooks)
    return explain(numbers) + factcheck.check_names(bank_dir, notebooks)


@_bank_errors_exit_1
def _company(args) -> int:
    from workshop.company.report import describe

    text, ready = describe()
    print(text)
    return 0 if ready else 1


def _report(heading: str, problems) -> int:
    """Every problem on its own line under one heading, for the instructor; exit status 1."""
    print(heading, file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def _new(args) -> int:
    from workshop.authoring import AuthoringError, add_exercise, create_module, notebook_cell

    try:
        if args.what == "exercise":
            path, full_id = add_exercise(args.module, args.kind, args.id, bank_dir=args.bank, title=args.title)
            print(f"Added {full_id} ({args.kind}) to {path}. Fill in its text, then run `workshop validate`.")
            print("Show it in the module's notebook with this code cell (tag it nbval-check-output, then run `workshop clean`):\n")
            print(notebook_cell(args.kind, full_id))
        else:
            yaml_path, nb_path = create_module(args.code, args.title, bank_dir=args.bank, notebooks_dir=args.notebooks)
            print(f"Wrote {yaml_path} and {nb_path}. Replace the placeholder text, then run `workshop validate`.")
    except AuthoringError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def _progress(args) -> int:
    from workshop.bank.loader import BankError, get_bank
    from workshop.progress.log import events, progress_path, standing
    from workshop.progress.report import report

    try:
        bank = get_bank()
        modules = {code: (spec.title, [e.id for e in bank.module_exercises(code)]) for code, spec in bank.modules.items()}
    except BankError:
        modules = {code: ("", sorted(rows)) for code, rows in standing().items()}
    print(f"Progress from {progress_path()} (each exercise's best result; the same answer checked again is not a new attempt)")
    print(report(list(events()), modules))
    from workshop.labs.capstone.growth import growth

    print("\nThe growth of the day (the same request, morning and afternoon, checked now by the same judge):")
    print(growth().text())
    return 0


def _export(args) -> int:
    from workshop.progress.export import ExportError, export_progress

    try:
        out = export_progress(Path(args.out), learner=args.name, force=args.force)
    except ExportError as exc:
        print(exc, file=sys.stderr)
        return 1
    if '"events": []' in out.read_text(encoding="utf-8"):
        print("Warning: your progress log has no answers yet, so this export is empty.", file=sys.stderr)
    print(f"Saved your progress to {out}. Hand this file to your facilitator.")
    return 0


@_bank_errors_exit_1
def _build(args) -> int:
    from workshop.bank.loader import get_bank
    from workshop.bank.notebooks.editions import build_solutions

    _with_working_keys(get_bank())
    written = build_solutions(Path(args.src), Path(args.solutions))
    print(f"Wrote {len(written)} solution notebooks to {args.solutions}")
    return 0


def _clean(args) -> int:
    from workshop.bank.notebooks.editions import clean

    changed = clean(Path(args.folder))
    print(f"Cleaned {len(changed)} notebook(s)." if changed else "Notebooks already clean.")
    return 0


def _room(args) -> int:
    from workshop.room.commands import run

    return run(args)


def _framing(args) -> int:
    from workshop.framing import assess

    print(assess(" ".join(args.statement)))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="workshop", description="Lead with Impact workshop tools.")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check the exercise bank (or one file) and explain any problem")
    v.add_argument("path", nargs="?", default=None)
    v.add_argument("--notebooks", default=None, help="the notebooks folder to check against the bank (default: beside it)")
    v.set_defaults(run=_validate)
    n = sub.add_parser("new", help="instructors: add an exercise skeleton or start a module")
    new = n.add_subparsers(dest="what", required=True)
    ne = new.add_parser("exercise", help="append a commented skeleton of KIND to module MODULE's YAML")
    ne.add_argument("module", help="the two-digit module code, e.g. 05")
    ne.add_argument("kind", help="the exercise kind, e.g. single_choice")
    ne.add_argument("id", help="the exercise id, e.g. payback-period")
    ne.add_argument("--title", default=None)
    ne.add_argument("--bank", default=None, help="the exercises folder (default: $WORKSHOP_EXERCISES or the repo's)")
    ne.set_defaults(run=_new)
    nm = new.add_parser("module", help="make a module's YAML and notebook with the standard header")
    nm.add_argument("code", help="the two-digit module code, e.g. 11")
    nm.add_argument("title", help="the module title, in quotes")
    nm.add_argument("--bank", default=None, help="the exercises folder (default: $WORKSHOP_EXERCISES or the repo's)")
    nm.add_argument("--notebooks", default=None, help="the notebooks folder (default: beside the exercises folder)")
    nm.set_defaults(run=_new)
    sub.add_parser("company", help="instructors: list the companies and say which is in use, and why").set_defaults(run=_company)
    sub.add_parser("progress", help="show where you stand in each module").set_defaults(run=_progress)
    e = sub.add_parser("export", help="save your progress as one file for your facilitator")
    e.add_argument("out", nargs="?", default="my-progress.json")
    e.add_argument("--name", default=None, help="your name as the facilitator knows you")
    e.add_argument("--force", action="store_true", help="replace the file if it exists")
    e.set_defaults(run=_export)
    b = sub.add_parser("build", help="build the solution edition of the notebooks")
    b.add_argument("--solutions", required=True, metavar="OUTDIR")
    b.add_argument("--src", default=str(ROOT / "notebooks"))
    b.set_defaults(run=_build)
    c = sub.add_parser("clean", help="strip outputs from the participant notebooks")
    c.add_argument("folder", nargs="?", default=str(ROOT / "notebooks"))
    c.set_defaults(run=_clean)
    r = sub.add_parser("room", help="facilitators: the room's answers (summary, --html report, live view, poll)",
                       description="workshop room FOLDER... | room FOLDER --html report.html | room live FOLDER | "
                                   "room poll FOLDER on|off | room init FOLDER")
    r.add_argument("paths", nargs="+", help="room folders or export files (or: live/poll/init FOLDER)")
    r.add_argument("--html", metavar="REPORT", help="write the self-contained HTML report to this file")
    r.add_argument("--port", type=int, default=None, help="live view: the port to serve on")
    r.add_argument("--no-browser", action="store_true", help="live view: print the URL, open no browser")
    r.add_argument("--names", action="store_true", help="show learners' chosen names instead of pseudonyms")
    r.add_argument("--capstone", default=None, help="the capstone framing exercise id for score growth")
    r.set_defaults(run=_room)
    f = sub.add_parser("framing", help="score a business-impact statement, as the framing checker would")
    f.add_argument("statement", nargs="+", help="the statement, in quotes")
    f.set_defaults(run=_framing)
    return p


def _plain_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings as one sentence for the person at the terminal: no internal file paths or class names."""
    print(f"Warning: {message}", file=file or sys.stderr)


def main(argv: list[str] | None = None) -> int:
    import warnings

    args = parser().parse_args(argv)
    shown = warnings.showwarning
    warnings.showwarning = _plain_warning
    try:
        return args.run(args)
    except BrokenPipeError:  # `workshop framing ... | head` closed the pipe early: not an error to report
        sys.stderr.close()
        return 0
    finally:
        warnings.showwarning = shown


if __name__ == "__main__":
    raise SystemExit(main())
