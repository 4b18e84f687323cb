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
EXERCISES_DIR = Path(__file__).resolve().parents[2] / "exercises"
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


MAX_COMPANY_CHARS = 255  # a company's name or a profile's path; longer is a mistake (or an attack), said as one
MAX_PROFILE_BYTES = 256 * 1024  # a profile is a few kB


def profile_path(company: str | None = None) -> Path:
    """The one place the active company is looked up: an argument, ``$WORKSHOP_COMPANY``, the settings file, or Larkspur."""
    chosen, why = choice(company)
    if len(chosen) > MAX_COMPANY_CHARS or "\0" in chosen:
        raise ProfileError(f"The company chosen by {why} is {len(chosen)} characters long; name a company "
                           f"({', '.join(companies())}) or give a profile's path.")
    try:
        candidate = Path(chosen).expanduser()
    except RuntimeError:  # ~nosuchuser
        candidate = Path(chosen)
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
        if path.exists() and not path.is_file():  # a FIFO would block every kernel that reads it
            raise ProfileError(f"{path} is not a regular file; a company profile is a YAML file.")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_PROFILE_BYTES + 1)
    except FileNotFoundError:
        known = ", ".join(sorted(p.stem for p in COMPANIES_DIR.glob("*.yaml")))
        raise ProfileError(f"{path} does not exist. Set ${COMPANY_ENV} to one of: {known}, or to a profile's path.") from None
    except OSError as exc:
        raise ProfileError(f"{path} could not be read ({exc.strerror or type(exc).__name__}).") from None
    if len(raw) > MAX_PROFILE_BYTES:
        raise ProfileError(f"{path} is too large for a company profile (over {MAX_PROFILE_BYTES // 1024} kB).")
    try:
        text = raw.decode("utf-8")
        _no_aliases(text)
        data = yaml.load(text, Loader=_loader())
    except UnicodeDecodeError:
        raise ProfileError(f"{path} is not UTF-8 text.") from None
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
    problems += _value_problems(company)
    known_sources = sources()
    problems += [f"parameter '{n}' cites unknown source '{p.source}' (see {SOURCES_FILE.name})"
                 for n, p in company.parameters.items() if p.source and p.source not in known_sources]
    if problems:
        raise ProfileError(f"{path}:\n  - " + "\n  - ".join(problems))
    return company


def _no_aliases(text: str) -> None:
    """Refuse YAML anchors and aliases: a profile never needs them, and nine nested aliases
    (a "billion laughs") expand to billions of values in whatever walks the profile later."""
    import yaml

    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = getattr(event, "start_mark", None)
            where = f" (line {mark.line + 1})" if mark is not None else ""
            raise ProfileError(f"the profile uses YAML anchors or aliases (&, *){where}; write each value out instead.")


# What each parameter may be, beyond "a number": whole counts, shares between 0 and 1, bounded calendars.
COUNTS = ("engineers", "ci_fix_engineers", "checkout_fix_engineers", "mitigation_engineers", "history_weeks", "ci_weeks")
SHARES = ("gross_margin", "share_of_orders_lost_while_down", "ci_failure_rate", "deploy_failure_probability",
          "sales_per_100ms", "conversion_rate", "checkout_fix_share_prevented", "mitigation_share_prevented",
          "black_friday_failure_probability")
AT_MOST = {"hours_per_week": 168, "working_weeks_per_year": 52, "refocus_minutes": 24 * 60}
ORDER = (  # (earlier, later): the story's calendar
    ("change_freeze_start", "change_freeze_end"), ("today", "black_friday"), ("history_start", "today"),
    ("ci_start", "today"),
)


def _value_problems(company: "Company") -> list[str]:
    """Every value a learner would read as nonsense ("$-75 an hour", a 250% margin), one sentence each."""
    import math

    problems = []
    for name, param in company.parameters.items():
        value = param.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        where = f"parameters.{name}.value"
        if not math.isfinite(value):
            problems.append(f"{where}: should be a finite number, not {value}.")
        elif name in SHARES and not 0 < value <= 1:
            problems.append(f"{where}: is a share, so it should be more than 0 and at most 1 (0.4 for 40%), not {value}.")
        elif value <= 0:
            problems.append(f"{where}: should be more than 0{' ' + param.unit if param.unit else ''}, not {value}.")
        elif name in AT_MOST and value > AT_MOST[name]:
            problems.append(f"{where}: should be at most {AT_MOST[name]} {param.unit}, not {value}.")
        elif name in COUNTS and value != int(value):
            problems.append(f"{where}: should be a whole number of {param.unit}, not {value}.")
        elif abs(value) > 1e12:
            problems.append(f"{where}: {value} is too large to be real.")
    for index, item in enumerate(company.backlog):
        for name in ("cost_of_delay_per_week", "duration_weeks"):
            value = getattr(item, name)
            if value != "derived" and not (math.isfinite(value) and 0 < value <= 1e12):
                problems.append(f"backlog.{index}.{name}: should be a positive number (or 'derived'), not {value}.")
    for earlier, later in ORDER:
        first, second = (company.parameters.get(n) for n in (earlier, later))
        if first and second and isinstance(first.value, dt.date) and isinstance(second.value, dt.date) \
                and not first.value < second.value:
            problems.append(f"parameters.{later}.value: {second.value} should come after {earlier} ({first.value}).")
    return problems


@lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> Company:
    return load_profile(path)


def profile(company: str | None = None) -> Company:
    """The active company's profile, validated once per file version."""
    path = profile_path(company)
    try:
        mtime = path.stat().st_mtime if path.exists() else 0.0
    except OSError as exc:
        raise ProfileError(f"{path} could not be read ({exc.strerror or type(exc).__name__}).") from None
    return _cached(str(path), mtime)


@lru_cache(maxsize=2)
def _sources(path: str, mtime: float) -> dict[str, Source]:
    import yaml

    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_loader()) or {}
    return {key: Source.model_validate(value) for key, value in data.items()}


def sources() -> dict[str, Source]:
    """Published sources the workshop cites, by key (``exercises/sources.yaml``)."""
    return _sources(str(SOURCES_FILE), SOURCES_FILE.stat().st_mtime)
