"""Larkspur Outfitters' data, loaded and checked, or an instructor's own CSV in its place.

``load("ci_runs")`` reads the active company's ``ci_runs.csv`` (Larkspur's is in
``exercises/data/``, another company's in ``exercises/companies/<name>/data/``, chosen
by ``$WORKSHOP_COMPANY``); an instructor points it at
their own file with ``load("ci_runs", path=...)``, ``$WORKSHOP_DATA_CI_RUNS`` or a
whole folder with ``$WORKSHOP_DATA_DIR``. Missing or mistyped columns are listed,
all at once, in a ``DataError``. Column meanings: docs/data-dictionary.md.
"""
from __future__ import annotations

import os
from pathlib import Path

SCHEMAS: dict[str, dict[str, str]] = {
    "ci_runs": {"run_id": "int", "started_at": "datetime", "engineer": "str", "queue_minutes": "float",
                "build_minutes": "float", "status": "str", "is_rerun": "bool"},
    "deploys": {"deploy_id": "int", "committed_at": "datetime", "deployed_at": "datetime", "caused_incident": "bool"},
    "incidents": {"incident_id": "int", "started_at": "datetime", "cause": "str", "minutes_to_restore": "float",
                  "peak_season": "bool"},
    "checkout_funnel": {"date": "datetime", "sessions": "int", "page_load_seconds": "float", "orders": "int",
                        "revenue": "float"},
    "backlog": {"item": "str", "description": "str", "cost_of_delay_per_week": "float", "duration_weeks": "float"},
}
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "exercises" / "data"


class DataError(ValueError):
    """A data file that cannot be used, with every reason; shown without a traceback in a notebook."""

    def _render_traceback_(self):  # IPython shows this instead of a traceback
        return [f"Data problem: {self}"]


def data_path(name: str, path: str | Path | None = None) -> Path:
    if path is not None:
        return Path(path).expanduser()
    specific = os.environ.get(f"WORKSHOP_DATA_{name.upper()}")
    if specific:
        return Path(specific).expanduser()
    folder = os.environ.get("WORKSHOP_DATA_DIR")
    return (Path(folder).expanduser() if folder else company_data_dir()) / f"{name}.csv"


def company_data_dir() -> Path:
    """The active company's data folder (Larkspur's is ``exercises/data/``); see workshop/company.py."""
    from workshop.company import data_dir

    return data_dir()


def _convert(series, kind: str):
    import pandas as pd

    if kind == "datetime":
        return pd.to_datetime(series, errors="coerce")
    if kind in ("int", "float"):
        return pd.to_numeric(series, errors="coerce")
    if kind == "bool":
        mapped = series.astype(str).str.strip().str.lower().map(
            {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}
        )
        return mapped
    return series.astype("string").str.strip()


def load(name: str, path: str | Path | None = None):
    """The named table as a DataFrame with checked columns and types."""
    import pandas as pd

    if name not in SCHEMAS:
        raise DataError(f"there is no dataset {name!r}; choose one of {sorted(SCHEMAS)}")
    file = data_path(name, path)
    try:
        table = pd.read_csv(file)
    except FileNotFoundError:
        raise DataError(f"{file} does not exist. Check the path, or unset $WORKSHOP_DATA_{name.upper()}.") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise DataError(f"{file} could not be read as CSV ({exc}).") from None
    schema = SCHEMAS[name]
    problems = [f"missing column '{c}' ({kind})" for c, kind in schema.items() if c not in table.columns]
    for column, kind in schema.items():
        if column not in table.columns:
            continue
        converted = _convert(table[column], kind)
        bad = converted.isna() & table[column].notna()
        if kind == "int":
            bad |= converted.notna() & (converted % 1 != 0)
        if bad.any():
            example = table[column][bad].iloc[0]
            problems.append(f"column '{column}' should be {kind}, but row {int(bad.idxmax()) + 2} has {example!r}"
                            f" ({int(bad.sum())} bad value{'s' * (int(bad.sum()) > 1)})")
        else:
            table[column] = converted.astype("int64") if kind == "int" and not converted.isna().any() else converted
    if problems:
        raise DataError(f"{file} doesn't fit the '{name}' table:\n  - " + "\n  - ".join(problems)
                        + "\nSee docs/data-dictionary.md for the columns each table needs.")
    return table
