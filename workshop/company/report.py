"""``workshop company``: which companies the bank ships, which one is in use, and why.

Instructors switch with ``WORKSHOP_COMPANY=NAME`` or ``company: NAME`` in the settings
file (workshop/settings.py); this report says which of those won, checks the chosen
profile and its data tables, and names the file and field of any mistake, so a
problem shows up here rather than as a message in a learner's notebook.
"""
from __future__ import annotations

from pathlib import Path


def describe(company: str | None = None) -> tuple[str, bool]:
    """The report's text, and whether the company in use is ready (profile valid, data loadable)."""
    from workshop.company.profiles import ProfileError, choice, companies, data_dir, load_profile, own_data_dir, profile_path
    from workshop.company.data import SCHEMAS, DataError, data_path, load

    chosen, why = choice(company)
    active = profile_path(company)
    lines = ["Companies in this bank:"]
    for name in companies():
        path = profile_path(name)
        marker = "*" if path.resolve() == active.resolve() else " "
        try:
            title = f"{load_profile(path).name}"
        except ProfileError:
            title = "(profile has problems)"
        lines.append(f" {marker} {name:<12} {title}")
    if active.parent.resolve() != profile_path("larkspur").parent.resolve():
        lines.append(f" * {active} (a profile outside the bank)")
    lines.append(f"\nIn use: {chosen} (chosen by {why}).")
    try:
        load_profile(active)
    except ProfileError as exc:
        lines.append(f"Its profile can't be used: {exc}")
        return "\n".join(lines), False
    overridden = [n for n in SCHEMAS if data_path(n) != data_dir(company) / f"{n}.csv"] if company is None else []
    lines.append(f"Data tables: {_shown(data_dir(company))}" + (f" (overridden for {', '.join(overridden)})" if overridden else ""))
    if data_dir(company) != own_data_dir(company):
        lines.append(f"  ({_shown(own_data_dir(company))} does not exist, so these are Larkspur's tables; make its own with"
                     f" `python scripts/make_larkspur_data.py --company {chosen}`)")
    if company is None:
        problems = []
        for name in SCHEMAS:
            try:
                load(name)
            except DataError as exc:
                problems.append(str(exc))
        if problems:
            lines.append("Its data can't be used:\n" + "\n".join(problems)
                         + f"\nGenerate it with: python scripts/make_larkspur_data.py --company {chosen}")
            return "\n".join(lines), False
    lines.append("Switch with WORKSHOP_COMPANY=NAME, or `company: NAME` in the settings file.")
    return "\n".join(lines), True


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
