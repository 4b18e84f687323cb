"""Larkspur Outfitters' data, loaded and checked, or an instructor's own CSV in its place.

``load("ci_runs")`` reads ``exercises/data/ci_runs.csv``; an instructor points it at
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
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "exercises" / "data"


class DataError(ValueError):
    """A data file that cannot be used, with every reason; shown without a traceback in a notebook."""

    def _render_traceback_(self):  # IPython shows this instead of a traceback
        return [f"Data problem: {self}"]


def data_path(name: str, path: str | Path | None = None) -> Path:
    return _source(name, path)[0]


def _source(name: str, path: str | Path | None = None) -> tuple[Path, str]:
    """The file for a table, and a phrase saying where that choice came from (for messages)."""
    if path is not None:
        return Path(path).expanduser(), "the path you passed"
    variable = f"WORKSHOP_DATA_{name.upper()}"
    specific = os.environ.get(variable)
    if specific:
        return _expand(specific), f"${variable} (set to {specific!r})"
    folder = os.environ.get("WORKSHOP_DATA_DIR")
    if folder:
        return _expand(folder) / f"{name}.csv", f"$WORKSHOP_DATA_DIR (set to {folder!r})"
    return company_data_dir() / f"{name}.csv", "the company's data folder (workshop company says which)"


def company_data_dir() -> Path:
    """The active company's data folder (Larkspur's is ``exercises/data/``); see workshop/company/profiles.py."""
    from workshop.company.profiles import data_dir

    return data_dir()


def _expand(text: str) -> Path:
    try:
        return Path(text).expanduser()
    except RuntimeError:  # "~nosuchuser/...": keep it as written; reading it then fails with a clear message
        return Path(text)



def _mixed_zones(series) -> str | None:
    """Where a datetime column mixes time zones: the first two rows whose zones differ."""
    import pandas as pd

    first = None
    for index, value in series.items():
        try:
            stamp = pd.Timestamp(value)
        except (ValueError, TypeError):
            continue
        if pd.isna(stamp):
            continue
        zone = stamp.utcoffset()
        if first is None:
            first = (index, value, zone)
        elif zone != first[2]:
            return (f"row {int(first[0]) + 2} has {first[1]!r} but row {int(index) + 2} has {value!r}: "
                    "mixed time zones; write every time in one zone (UTC is simplest)")
    return "mixed time zones; write every time in one zone (UTC is simplest)"


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


def _read(name: str, file: Path, where: str):
    import pandas as pd

    if not file.exists():
        folder = file.parent
        if where.startswith("$WORKSHOP_DATA_DIR") and not folder.is_dir():
            raise DataError(f"{where} names a folder that does not exist, so {file.name} cannot be read. "
                            "Point it at the folder with your CSV files, or unset it to use Larkspur's data.")
        if where.startswith("$"):
            raise DataError(f"{file} does not exist; it comes from {where}. Check the path, or unset the variable "
                            "to use Larkspur's data.")
        if where == "the path you passed":
            raise DataError(f"{file} does not exist. Check the path you passed.")
        raise DataError(f"{file} does not exist: the workshop's own data is missing. Reinstall the workshop, "
                        "or point $WORKSHOP_DATA_DIR at a folder of CSV files.")
    if file.is_dir():
        raise DataError(f"{file} is a folder, not a CSV file ({where}). Point at the .csv file itself.")
    if not file.is_file():  # a FIFO or a device: reading it would block or never end
        raise DataError(f"{file} is not a regular file ({where}). Point at a .csv file.")
    try:
        # index_col=False: a row with trailing empty fields ("a,b,c,,") must not shift every column by one.
        table = pd.read_csv(file, index_col=False)
    except PermissionError:
        raise DataError(f"{file} cannot be read: permission denied ({where}). Make it readable, or use a copy.") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise DataError(f"{file} could not be read as CSV ({exc}).") from None
    except (OSError, ValueError) as exc:
        raise DataError(f"{file} could not be read ({getattr(exc, 'strerror', None) or exc}; {where}).") from None
    if table.empty and len(table.columns):
        raise DataError(f"{file} has its column names but no rows ({where}); add the data, or point at another file.")
    return table


def load(name: str, path: str | Path | None = None):
    """The named table as a DataFrame with checked columns and types."""
    if name not in SCHEMAS:
        raise DataError(f"there is no dataset {name!r}; choose one of {sorted(SCHEMAS)}")
    file, where = _source(name, path)
    table = _read(name, file, where)
    schema = SCHEMAS[name]
    problems = [f"missing column '{c}' ({kind})" for c, kind in schema.items() if c not in table.columns]
    for column, kind in schema.items():
        if column not in table.columns:
            continue
        try:
            converted = _convert(table[column], kind)
        except (ValueError, TypeError, OverflowError):
            problems.append(f"column '{column}' should be {kind}, but " + (
                _mixed_zones(table[column]) if kind == "datetime" else "its values could not be read"))
            continue
        bad = converted.isna() & table[column].notna()
        why = ""
        if kind == "int":
            bad |= converted.notna() & (converted % 1 != 0)
            too_big = converted.notna() & (converted.abs() > 2**53)  # beyond this, float64 has already rounded it
            if too_big.any():
                bad |= too_big
                why = f"; whole numbers here must be under {2**53:,}"
        if bad.any():
            example = table[column][bad].iloc[0]
            problems.append(f"column '{column}' should be {kind}, but row {int(bad.idxmax()) + 2} has {example!r}"
                            f" ({int(bad.sum())} bad value{'s' * (int(bad.sum()) > 1)}){why}")
        else:
            table[column] = converted.astype("int64") if kind == "int" and not converted.isna().any() else converted
    if problems:
        raise DataError(f"{file} doesn't fit the '{name}' table:\n  - " + "\n  - ".join(problems)
                        + "\nSee docs/data-dictionary.md for the columns each table needs.")
    return table
