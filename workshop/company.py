"""The fictional company's profile: every company number in one validated file.

Every number a learner reads about the company comes from its data tables (generated
from this profile by ``scripts/make_larkspur_data.py``) or from this profile itself.
Each parameter says where it comes from: a published source (a key into
``exercises/sources.yaml``, cited where the learner reads it) or a labelled
assumption about the fictional company. Field reference: docs/company-profile.md.

The active company is chosen in exactly one place, :func:`profile_path`:
``$WORKSHOP_COMPANY`` (or ``company:`` in the settings file, workshop/settings.py)
names a profile in ``exercises/companies/`` (``larkspur``, ``harbour``) or gives a path
to a YAML file; the default is Larkspur Outfitters. :func:`data_dir` says where that
company's data tables live.
"""
from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from pathlib import Path
from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

COMPANY_ENV = "WORKSHOP_COMPANY"
DEFAULT_COMPANY = "larkspur"
EXERCISES_DIR = Path(__file__).resolve().parent.parent / "exercises"
COMPANIES_DIR = EXERCISES_DIR / "companies"
SOURCES_FILE = EXERCISES_DIR / "sources.yaml"

Value = Union[bool, int, float, dt.date, str, list[str]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Param(_Strict):
    """One labelled number (or date, or list): where it comes from is part of the value."""

    value: Value
    unit: str = ""
    source: str | None = Field(default=None, description="key of a published source in exercises/sources.yaml")
    assumption: str | None = Field(default=None, description="why this value, for a fictional company")

    @model_validator(mode="after")
    def _labelled(self):
        if (self.source is None) == (self.assumption is None):
            raise ValueError("give exactly one of 'source' (a published figure) or 'assumption' (about the company)")
        return self

    @property
    def label(self) -> str:
        return f"source: {self.source}" if self.source else f"assumption: {self.assumption}"


class Source(_Strict):
    """A published source: its short citation (shown beside the figure) and full reference."""

    cite: str = Field(min_length=1, description="the short citation a learner reads, e.g. 'Gartner, 2014'")
    reference: str = Field(min_length=1)
    url: str = ""
    figures: list[str] = Field(default_factory=list, description="numbers from this source a learner may read, as written")


class BacklogItem(_Strict):
    """A piece of competing work; ``derived`` values are computed by the data generator."""

    item: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    description: str = Field(min_length=1)
    cost_of_delay_per_week: float | Literal["derived"]
    duration_weeks: float | Literal["derived"]
    assumption: str = Field(min_length=1)


class Company(_Strict):
    name: str = Field(min_length=1)
    short_name: str = Field(min_length=1)
    business: str = Field(min_length=1)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    currency_symbol: str = Field(min_length=1)
    parameters: dict[str, Param] = Field(min_length=1)
    backlog: list[BacklogItem] = Field(default_factory=list)

    def __getitem__(self, name: str):
        """The value of a parameter: ``profile()["engineers"]`` is 30."""
        return self.param(name).value

    def param(self, name: str) -> Param:
        try:
            return self.parameters[name]
        except KeyError:
            raise KeyError(f"the company profile has no parameter {name!r}; it has {sorted(self.parameters)}") from None

    def sources_used(self) -> set[str]:
        return {p.source for p in self.parameters.values() if p.source}


class ProfileError(ValueError):
    """A profile that cannot be used, with every reason."""

    def _render_traceback_(self):  # in a notebook, IPython shows this instead of a traceback
        return [f"Company profile problem: {self}"]


REQUIRED = (
    # people and money
    "engineers", "loaded_hourly_cost", "hours_per_week", "working_weeks_per_year", "gross_margin",
    # dates
    "today", "black_friday", "change_freeze_start", "change_freeze_end",
    # fixes and their costs
    "ci_fix_engineers", "ci_fix_weeks", "build_target_minutes", "refocus_minutes",
    "checkout_fix_engineers", "checkout_fix_weeks", "checkout_fix_causes", "checkout_fix_share_prevented",
    "mitigation_engineers", "mitigation_weeks", "share_of_orders_lost_while_down",
)


def choice(company: str | None = None) -> tuple[str, str]:
    """The company in use and why: an argument, ``$WORKSHOP_COMPANY``, ``company:`` in the settings file, or the default."""
    if company:
        return company, "given"
    if os.environ.get(COMPANY_ENV):
        return os.environ[COMPANY_ENV].strip(), f"${COMPANY_ENV}"
    from workshop.settings import company_setting, config_path

    setting = company_setting()
    if setting:
        return setting, f"company: in {config_path()}"
    return DEFAULT_COMPANY, "the default"


DATES = ("today", "black_friday", "change_freeze_start", "change_freeze_end", "history_start", "ci_start")


def _loader():
    """libyaml's safe loader when it is built in (ten times faster), else PyYAML's own."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def profile_path(company: str | None = None) -> Path:
    """The one place the active company is looked up: an argument, ``$WORKSHOP_COMPANY``, the settings file, or Larkspur."""
    chosen, _ = choice(company)
    candidate = Path(chosen).expanduser()
    if candidate.suffix in (".yaml", ".yml"):
        return candidate
    return COMPANIES_DIR / f"{chosen}.yaml"


def data_dir(company: str | None = None) -> Path:
    """Where the company's data tables live: ``<profile folder>/<name>/data/`` beside its profile.

    Larkspur, the default company, keeps its tables in ``exercises/data/`` (where the
    modules always found them). Any other profile's tables sit in a folder named after
    the profile file: ``exercises/companies/harbour/data/`` for ``harbour.yaml``.
    """
    own = own_data_dir(company)
    return own if own.is_dir() else EXERCISES_DIR / "data"


def own_data_dir(company: str | None = None) -> Path:
    """The folder a profile's own tables belong in; a profile without one (a copy of Larkspur's
    with a changed number, say) uses Larkspur's tables until its own are generated."""
    path = profile_path(company)
    if path.resolve() == (COMPANIES_DIR / f"{DEFAULT_COMPANY}.yaml").resolve():
        return EXERCISES_DIR / "data"
    return path.parent / path.stem / "data"


def companies() -> list[str]:
    """The companies the bank ships, by profile name."""
    return sorted(p.stem for p in COMPANIES_DIR.glob("*.yaml"))


def load_profile(path: str | Path) -> Company:
    """Read and validate a profile file; raise ``ProfileError`` listing every problem."""
    import yaml

    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader())
    except FileNotFoundError:
        known = ", ".join(sorted(p.stem for p in COMPANIES_DIR.glob("*.yaml")))
        raise ProfileError(f"{path} does not exist. Set ${COMPANY_ENV} to one of: {known}, or to a profile's path.") from None
    except yaml.YAMLError as exc:
        raise ProfileError(f"{path} is not valid YAML ({exc}).") from None
    try:
        company = Company.model_validate(data)
    except ValidationError as exc:
        lines = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)]
        raise ProfileError(f"{path} has {len(lines)} problem(s):\n  - " + "\n  - ".join(lines)) from None
    problems = [f"missing parameter '{name}'" for name in REQUIRED if name not in company.parameters]
    problems += [f"parameters.{n}.value: should be a number of {p.unit}, not {p.value!r}"
                 for n, p in company.parameters.items()
                 if p.unit and (isinstance(p.value, bool) or not isinstance(p.value, (int, float)))]
    problems += [f"parameters.{n}.value: should be a date (YYYY-MM-DD), not {company.parameters[n].value!r}"
                 for n in DATES if n in company.parameters and not isinstance(company.parameters[n].value, dt.date)]
    known_sources = sources()
    problems += [f"parameter '{n}' cites unknown source '{p.source}' (see {SOURCES_FILE.name})"
                 for n, p in company.parameters.items() if p.source and p.source not in known_sources]
    if problems:
        raise ProfileError(f"{path}:\n  - " + "\n  - ".join(problems))
    return company


@lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> Company:
    return load_profile(path)


def profile(company: str | None = None) -> Company:
    """The active company's profile, validated once per file version."""
    path = profile_path(company)
    mtime = path.stat().st_mtime if path.exists() else 0.0
    return _cached(str(path), mtime)


@lru_cache(maxsize=2)
def _sources(path: str, mtime: float) -> dict[str, Source]:
    import yaml

    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_loader()) or {}
    return {key: Source.model_validate(value) for key, value in data.items()}


def sources() -> dict[str, Source]:
    """Published sources the workshop cites, by key (``exercises/sources.yaml``)."""
    return _sources(str(SOURCES_FILE), SOURCES_FILE.stat().st_mtime)
