"""The judge: would a sceptical finance director accept this answer?

The framing checker (``workshop.framing``) says whether a sentence has the parts of a
business statement. It cannot know that a number is invented, that it is the whole
problem credited to a partial fix, a weekly figure called yearly, revenue where margin
is lost, or a payback the answer's own numbers contradict. This module reads the
numbers and units in an answer, matches them against the facts the exercise says the
learner was given (``facts:`` in the YAML, values from ``workshop.facts.current()`` so
they follow the company), and runs:

* the built-in detectors (names in ``workshop.kinds.judgement.Detector``), and
* the exercise's own misconceptions (``detect:`` or ``patterns``/``unless``/``part``).

Everything here is a small pure function returning plain result objects, so a kind
(framing, record, case) can show what the judge saw, and a test can assert on it.
Every regular expression is bounded (no nested repetition over the same characters)
and every text is cut to ``MAX_CHARS``, so a hostile answer stays fast; the judge
never raises on any text (``judge`` catches a failing detector and reports nothing
from it rather than a traceback).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

MAX_CHARS = 6_000        # an answer is a few sentences; judge the opening of anything longer
MAX_QUANTITIES = 40      # no honest answer states more numbers than this
I = re.I

# --- Reading numbers -------------------------------------------------------------------------

_CUR = r"(?:US\$|C\$|A\$|[$£€])"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = re.compile(
    rf"(?P<cur>{_CUR})?[ \t]?(?<![\w.,])(?P<num>{_NUM})(?![\d])"
    r"(?:[ \t]?(?P<scale>thousand|million|billion|mn|bn|[kmb])(?![a-z]))?"
    r"(?P<pct>[ \t]?(?:%|percent\b|per[ \t]cent\b))?",
    I,
)
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                "a couple of": 2, "a dozen": 12, "half a": 0.5}
WORD_DURATION = re.compile(
    r"(?<![\w-])(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|a couple of|a dozen|half a)[ -](?=(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|quarters?)\b)",
    I,
)
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9}
MONEY_AFTER = re.compile(r"[ \t]*(?:US[ \t]+|Canadian[ \t]+|Australian[ \t]+)?"
                         r"(?:dollars?|bucks|pounds?(?:[ \t]+sterling)?|quid|euros?|GBP|USD|EUR|CAD|AUD)\b", I)
TIME_UNITS = {"second": "seconds", "sec": "seconds", "minute": "minutes", "min": "minutes", "hour": "hours",
              "hr": "hours", "h": "hours", "day": "days", "week": "weeks", "wk": "weeks", "month": "months",
              "year": "years", "yr": "years", "quarter": "quarters", "sprint": "sprints"}
TIME_AFTER = re.compile(
    r"[ \t-]*(?:(?:engineer|engineering|developer|person|staff|working|man|team|extra|more|whole|full|lost"
    r"|wasted|idle|waiting|work|build)[ \t-]+){0,2}"
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|years?|yrs?|quarters?"
    r"|sprints?)\b", I)
# A rate's period, read after the quantity ("$9,000 of margin for every hour it is down").
PERIOD_AFTER = re.compile(
    r"\b(?:per|a|an|each|every|in[ \t]+an?|over[ \t]+an?)[ \t]+(?:single[ \t]+|working[ \t]+|calendar[ \t]+)?"
    r"(?P<p>week|year|month|day|hour|minute|quarter|sprint)\b"
    r"|(?P<adj>weekly|yearly|annually|annual|monthly|daily|hourly)\b"
    r"|/[ \t]?(?P<abbr>wk|week|yr|year|hr|hour|mo|month|min|minute|day)\b"
    r"|\b(?P<pa>p\.a\.|per[ \t]+annum)", I)
# Where the quantity's own phrase ends: a later verb or clause belongs to another claim.
PHRASE_END = re.compile(r"[.;:!?\n]|\b(?:and|but|so|which|that|who|while|because|if|than|pays?|paying|paid|payback"
                        r"|fix|fixes|rework|costs?|costing|saves?|saving|would|will|could)\b", I)
PERIOD_BEFORE = re.compile(r"\b(?P<adj>annual|annually|yearly|weekly|monthly|hourly|daily)[ \t]+(?:[\w-]+[ \t]+){0,3}$"
                           r"|\b(?:every|each|per)[ \t]+(?P<p>week|year|month|hour|minute|day)\b[^.;\d]{0,60}$", I)
PERIODS = {"week": "week", "year": "year", "month": "month", "day": "day", "hour": "hour", "minute": "minute",
           "quarter": "quarter", "sprint": "sprint", "weekly": "week", "yearly": "year", "annually": "year",
           "annual": "year", "monthly": "month", "daily": "day", "hourly": "hour", "wk": "week", "yr": "year",
           "hr": "hour", "mo": "month", "min": "minute", "p.a.": "year", "per annum": "year"}
PAYBACK_BEFORE = re.compile(
    r"(?:\bpay(?:s|ing)?[ \t]+(?:for[ \t]+)?(?:itself[ \t]+)?(?:back|off)|\bpays?[ \t]+for[ \t]+itself|\bpaying[ \t]+for"
    r"[ \t]+itself|\bpaid[ \t]+(?:for[ \t]+)?(?:itself[ \t]+)?(?:back|off)|\bpay-?back(?:[ \t]+(?:time|period))?"
    r"|\bbreaks?[ \t]+even|\bbreaking[ \t]+even|\brecoup(?:s|ed)?|\bearns?[ \t]+(?:its|the)[ \t]+cost[ \t]+back)"
    r"[^.;\d]{0,36}$", I)
PAYBACK_AFTER = re.compile(r"^[ \t-]*(?:\w+[ \t]+){0,1}(?:pay-?back|to[ \t]+pay[ \t]+(?:for[ \t]+itself|back|off)"
                           r"|to[ \t]+break[ \t]+even)", I)
BOUND_BEFORE = re.compile(r"\b(?:under|within|less[ \t]+than|inside|in[ \t]+under|no[ \t]+more[ \t]+than"
                          r"|at[ \t]+most|before)[ \t]+(?:about[ \t]+|roughly[ \t]+)?$", I)
DERIVED_AFTER = re.compile(r"^[ \t]*(?:x|×|times)\b", I)  # "3 x $75": a factor of a computation, not a claim


@dataclass(frozen=True)
class Quantity:
    """A number read from an answer, with what it counts and over what period."""

    value: float
    kind: str                 # "money", "time", "percent" or "count"
    unit: str = ""            # for time: "minutes", "hours", "weeks"...
    period: str | None = None  # "week", "year", "hour"...: a rate's period
    payback: bool = False      # "pays back in 3 weeks"
    bound: bool = False        # "within 6 weeks": an upper bound, true for anything shorter
    start: int = 0
    end: int = 0
    said: str = ""            # the words it was read from, for feedback
    currency: str = ""        # the symbol written before it, if any ("$", "£")

    @property
    def is_rate(self) -> bool:
        return self.period is not None


def _period(name: str | None) -> str | None:
    if not name:
        return None
    return PERIODS.get(name.lower().replace(" ", "").replace("\t", "")) or PERIODS.get(name.lower())


def _time_unit(word: str) -> str:
    word = word.lower().rstrip("s") if word.lower() not in ("hrs", "mins", "secs", "wks", "yrs") else word.lower()[:-1]
    return TIME_UNITS.get(word, "")


def _phrase_window(text: str, start: int, stop: int) -> str:
    """The words after a quantity up to where its own phrase ends (at most ``stop``)."""
    window = text[start:stop]
    end = PHRASE_END.search(window)
    return window[: end.start()] if end else window


def read_quantities(text: str) -> list[Quantity]:
    """Every money amount, duration, percentage and count in ``text``, in order, with units and periods.

    "$1.2M a year", "$36k", "£40,000", "1,249,725 dollars", "362 hours a week", "an hour"
    (as the period of the amount before it), "pays back in 3 weeks", "20%". At most
    ``MAX_QUANTITIES`` are read: a hostile wall of digits is not an answer.
    """
    text = (text or "")[:MAX_CHARS]
    raw: list[tuple[int, int, float, str | None, str | None, bool]] = []  # start, end, value, currency, scale, pct
    for m in NUMBER.finditer(text):
        try:
            value = float(m.group("num").replace(",", ""))
        except ValueError:
            continue
        scale = m.group("scale")
        if scale and scale.lower() in ("m", "b") and not m.group("cur"):
            scale = None  # "15m" without a currency is minutes or metres, not millions
        end = m.end() if scale or m.group("pct") else m.end("num")
        raw.append((m.start(), end, value, m.group("cur"), scale, bool(m.group("pct"))))
        if len(raw) >= MAX_QUANTITIES:
            break
    for m in WORD_DURATION.finditer(text):
        if len(raw) >= MAX_QUANTITIES:
            break
        raw.append((m.start(), m.end("word"), WORD_NUMBERS[m.group("word").lower()], None, None, False))
    raw.sort()
    quantities: list[Quantity] = []
    for index, (start, end, value, cur, scale, pct) in enumerate(raw):
        next_start = raw[index + 1][0] if index + 1 < len(raw) else len(text)
        if scale:
            value *= SCALES[scale.lower()]
        kind, unit, after = "count", "", end
        if pct:
            kind = "percent"
        elif cur:
            kind = "money"
        else:
            money = MONEY_AFTER.match(text, end, min(next_start, end + 40))
            time = TIME_AFTER.match(text, end, min(next_start, end + 60))
            if money:
                kind, after = "money", money.end()
            elif time:
                kind, unit, after = "time", _time_unit(time.group("unit")), time.end()
            elif scale:
                kind = "money"  # "36k" alone, in an answer about cost, is money
        window = _phrase_window(text, after, min(next_start, after + 60))
        pm = PERIOD_AFTER.search(window)
        period = None
        if pm and kind in ("money", "time", "count"):
            period = _period(pm.group("p") or pm.group("adj") or pm.group("abbr") or pm.group("pa"))
            after = after + pm.end()
        if period is None and kind in ("money", "time"):
            before = PERIOD_BEFORE.search(text, max(0, start - 80), start)
            if before:
                period = _period(before.group("adj") or before.group("p"))
        payback = bound = False
        if kind == "time" and unit in ("days", "weeks", "months", "years", "quarters", "sprints"):
            payback = bool(PAYBACK_BEFORE.search(text, max(0, start - 60), start)) or bool(
                PAYBACK_AFTER.match(text[after:after + 40]))
        if kind == "time":
            bound = bool(BOUND_BEFORE.search(text, max(0, start - 20), start))
            if period == _singular(unit):
                period = None  # "3 weeks a week" is nonsense; keep the duration
        quantities.append(Quantity(value, kind, unit, period, payback, bound, start, after,
                                   " ".join(text[start:after].split()), (cur or "")[-1:]))
    return quantities


def _singular(unit: str) -> str:
    return unit[:-1] if unit.endswith("s") else unit


# --- Facts as the judge sees them ------------------------------------------------------------

ROLE_WORDS = {
    "whole_problem": "the whole problem", "saving": "the saving the fix buys", "fix_cost": "the fix's cost",
    "running_cost": "the fix's running cost", "payback": "the payback", "revenue": "revenue", "margin": "margin",
    "per_week": "a weekly figure", "per_year": "a yearly figure", "deadline": "the deadline",
    "context": "a fact you were given",
}


@dataclass(frozen=True)
class Known:
    """A number the answer may state: a given fact, a fact derived from them, or another company fact."""

    name: str
    value: float
    text: str
    kind: str
    unit: str = ""
    period: str | None = None
    role: str | None = None   # the role the exercise gives it (None: a company fact it did not give)
    how: str = ""             # for a derived number: how it follows from the given facts
    given: bool = False       # declared by the exercise (a period it leaves unknown is not held against it)

    @property
    def described(self) -> str:
        what = ROLE_WORDS.get(self.role or "", "")
        return f"{self.text} ({what})" if what else self.text


def _fact_kind(name: str, fact) -> tuple[str, str, str | None]:
    """(kind, unit, period) of a company fact, from its text and its name."""
    text = getattr(fact, "text", "") or ""
    unit = getattr(fact, "unit", "") or ""
    lowered = name.lower()
    period = None
    for marker, p in (("per_year", "year"), ("a_year", "year"), ("per_week", "week"), ("per_hour", "hour"),
                      ("per_minute", "minute"), ("per_month", "month"), ("per_day", "day"), ("cost_of_delay", "week"),
                      ("hourly", "hour"), ("sim_saving", "year"), ("last_quarter", "quarter"), ("yearly", "year"),
                      ("weekly", "week"), ("_saving_year", "year")):
        if marker in lowered:
            period = p
            break
    if text[:1] in "$£€" or text.startswith(("US$", "C$", "A$")) or lowered in ("loaded_hourly_cost", "average_order_value"):
        return "money", "", period
    if lowered.endswith("_pct") or text.endswith("%"):
        return "percent", "", None
    if not unit and re.search(r"(?:^|_)hours(?:_|$)", lowered) and text[:1].isdigit():
        unit = "hours"  # "ci_hours_per_week": a count of hours is a time, so "362 hours a week" is read against it
    if "payback" in lowered:
        unit = unit or ("weeks" if "weeks" in lowered else "months" if "months" in lowered else "years")
    if unit in ("seconds", "minutes", "hours", "days", "weeks", "months", "years"):
        return "time", unit, period
    return "count", "", period


def known_facts(given: Iterable, facts: dict) -> list[Known]:
    """The given facts with their values for the company in use (unknown or non-numeric names are skipped)."""
    out = []
    for g in given:
        fact = facts.get(g.fact)
        if fact is None or not isinstance(fact.value, (int, float)) or not math.isfinite(fact.value):
            continue
        kind, unit, period = _fact_kind(g.fact, fact)
        if g.role == "per_week":
            period = "week"
        elif g.role == "per_year":
            period = "year"
        out.append(Known(g.fact, float(fact.value), fact.text, kind, unit, period, g.role, given=True))
    return out


def company_facts(facts: dict) -> list[Known]:
    """Every numeric company fact, with no role: the company's own numbers, even where an exercise did not give them."""
    out = []
    for name, fact in facts.items():
        value = getattr(fact, "value", math.nan)
        if not isinstance(value, (int, float)) or not math.isfinite(value) or "slip" in name or "whole_problem" in name:
            continue
        kind, unit, period = _fact_kind(name, fact)
        role = "revenue" if "revenue" in name else "margin" if "margin" in name else None
        out.append(Known(name, float(value), fact.text, kind, unit, period, role if role else None))
    return out


WEEKS_A_YEAR = (52.0, 50.0, 48.0, 46.0, 44.0)
_PER_YEAR = {"year": 1.0, "quarter": 4.0, "month": 12.0, "week": None, "day": 260.0, "hour": 260.0 * 8,
             "minute": 260.0 * 8 * 60}
_UNIT_WEEKS = {"weeks": 1.0, "months": 52 / 12, "years": 52.0, "days": 1 / 7, "quarters": 13.0}


def _weeks_a_year(facts: dict) -> tuple[float, ...]:
    ww = facts.get("working_weeks_per_year")
    extra = (float(ww.value),) if ww is not None and isinstance(ww.value, (int, float)) else ()
    return tuple(sorted(set(WEEKS_A_YEAR + extra)))


def convert_rate(value: float, from_period: str, to_period: str, weeks: tuple[float, ...] = WEEKS_A_YEAR) -> list[float]:
    """The values a rate per ``from_period`` takes per ``to_period`` (several: weeks a year differ by who counts)."""
    if from_period == to_period:
        return [value]
    if {from_period, to_period} == {"hour", "minute"}:
        return [value * 60] if from_period == "minute" else [value / 60]
    if {from_period, to_period} == {"hour", "day"} and "hour" in (from_period, to_period):
        return [value * 24, value * 8] if from_period == "day" else [value / 24, value / 8]
    yearly = []
    if from_period == "week":
        yearly = [value * w for w in weeks]
    elif _PER_YEAR.get(from_period):
        yearly = [value * _PER_YEAR[from_period]]
        if from_period == "day":
            yearly.append(value * 365)
    out = []
    for y in yearly:
        if to_period == "week":
            out += [y / w for w in weeks]
        elif _PER_YEAR.get(to_period):
            out.append(y / _PER_YEAR[to_period])
            if to_period == "day":
                out.append(y / 365)
    return out


def _variants(a: str, b: str) -> bool:
    """Two estimates of one thing ("mitigation_saving", "mitigation_saving_low"): adding them counts it twice."""
    def stem(name: str) -> str:
        return re.sub(r"_(?:low|high|low_case|high_case|if_half|net|gross)(?=_|$)", "", name)
    return a.startswith(b) or b.startswith(a) or stem(a) == stem(b)


def derived_facts(known: list[Known], facts: dict) -> list[Known]:
    """Numbers an honest answer computes from the given facts: other periods, sums, differences, shares, paybacks."""
    weeks = _weeks_a_year(facts)
    out: list[Known] = []
    money = [k for k in known if k.kind == "money"]
    for k in known:
        if k.period and k.kind in ("money", "time", "count"):
            for to in ("week", "year", "month", "day", "hour", "minute"):
                if to == k.period:
                    continue
                for v in convert_rate(k.value, k.period, to, weeks):
                    out.append(Known(k.name, v, k.text, k.kind, k.unit, to, k.role, f"{k.text} converted to a {to}"))
    hourly = facts.get("loaded_hourly_cost")
    for k in known:
        if k.kind == "time" and k.unit == "hours" and hourly is not None:
            out.append(Known(k.name, k.value * hourly.value, k.text, "money", "", k.period, "context",
                             f"{k.text} hours at {hourly.text} an hour"))
    for i, a in enumerate(money):
        for b in money[i + 1:]:
            if a.period == b.period:
                if (a.role == b.role or "context" in (a.role, b.role)) and not _variants(a.name, b.name):
                    # two savings, two costs; never problem + saving, nor a saving's low case plus its high case
                    out.append(Known(f"{a.name}+{b.name}", a.value + b.value, "", "money", "", a.period, "context", "a sum"))
                out.append(Known(f"{a.name}-{b.name}", abs(a.value - b.value), "", "money", "", a.period, "context",
                                 "a difference"))
            if a.period is None or b.period is None:  # a cost against a yearly saving: net of the first year
                out.append(Known(f"{a.name}-{b.name}", abs(a.value - b.value), "", "money", "", a.period or b.period,
                                 "context", "a difference"))
    people = facts.get("engineers")
    for k in known:  # per person: "each engineer gets back about 6 hours a week", "about 2.4 hours a day"
        if k.kind in ("money", "time") and k.period in ("week", "year", "month") and people is not None and people.value \
                and k.role not in ("revenue", "margin", "payback", "deadline"):
            each = k.value / people.value
            out.append(Known(k.name, each, "", k.kind, k.unit, k.period, "context", "per person"))
            for to in ("week", "year", "month", "day"):
                if to != k.period:
                    out += [Known(k.name, v, "", k.kind, k.unit, to, "context", "per person")
                            for v in convert_rate(each, k.period, to, weeks)]
    for a in known:  # a duration times a rate of the same unit: 148 minutes x $150 a minute
        if a.kind != "time" or a.period or a.unit not in ("minutes", "hours"):
            continue
        for b in money:
            if b.period == _singular(a.unit):
                out.append(Known(f"{a.name}*{b.name}", a.value * b.value, "", "money", "", None, "context", "a product"))
    for m in money:  # the sceptic's case and its kin: half, a third, a quarter, three quarters, double
        for share in (0.5, 1 / 3, 0.25, 2 / 3, 0.75):
            out.append(Known(f"{m.name}*{share:.2f}", m.value * share, "", "money", "", m.period, "context", "a share"))
    for pct in (k for k in known if k.kind == "percent"):
        for m in money:
            out.append(Known(f"{pct.name}*{m.name}", m.value * pct.value / 100, "", "money", "", m.period, "context",
                             "a share"))
    return out


# --- Matching ---------------------------------------------------------------------------------

def round_sig(value: float, figures: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, figures - 1 - int(math.floor(math.log10(abs(value)))))


def close(said: float, fact: float, relative: float = 0.05, strict: bool = False) -> bool:
    """Honest rounding: within 5%, or the fact rounded to one or two significant figures ("about $1.2 million").

    ``strict`` (a derived number, another company fact, or a detector that accuses): within 5%,
    the fact to two significant figures, or a one-figure number within 10% ("about 6 hours" for 5.7).
    """
    if not (math.isfinite(said) and math.isfinite(fact)):
        return False
    if fact == 0:
        return said == 0
    if not 0.6 <= said / fact <= 1.7:  # no honest rounding moves a number further
        return False
    if abs(said - fact) <= relative * abs(fact):
        return True
    if abs(said - round_sig(fact, 2)) <= 1e-9 * max(1.0, abs(said)):
        return True
    if strict:
        return abs(said - round_sig(said, 1)) <= 1e-9 * max(1.0, abs(said)) and abs(said - fact) <= 0.1 * abs(fact)
    return abs(said - round_sig(fact, 1)) <= 1e-9 * max(1.0, abs(said))


def _same_unit(q: Quantity, k: Known) -> float | None:
    """The quantity's value in the fact's time unit, or None when they count different things."""
    if q.kind != k.kind:
        return None
    if q.kind != "time":
        return q.value
    if q.unit == k.unit or not k.unit or not q.unit:
        return q.value
    small = {"seconds": 1 / 60, "minutes": 1.0, "hours": 60.0}
    if q.unit in small and k.unit in small:
        return q.value * small[q.unit] / small[k.unit]
    if q.unit in _UNIT_WEEKS and k.unit in _UNIT_WEEKS:
        return q.value * _UNIT_WEEKS[q.unit] / _UNIT_WEEKS[k.unit]
    return None


class Index:
    """Known numbers sorted by value within each kind, so a lookup reads only the few near the quantity.

    An answer can state dozens of numbers and a company has a hundred facts (and more derived
    from them); comparing every pair would make a wall of digits slow. Honest rounding never
    moves a number by more than a factor of 1.6, so only that window is read.
    """

    def __init__(self, items: Iterable[Known]):
        from bisect import bisect_left, bisect_right

        self._left, self._right = bisect_left, bisect_right
        self.items = list(items)
        self._sorted: dict[tuple[str, str], tuple[list[float], list[Known]]] = {}
        for key in {(k.kind, k.unit if k.kind == "time" else "") for k in self.items}:
            ks = sorted((k for k in self.items if (k.kind, k.unit if k.kind == "time" else "") == key), key=lambda k: k.value)
            self._sorted[key] = ([k.value for k in ks], ks)

    def near(self, q: Quantity) -> list[Known]:
        out: list[Known] = []
        for (kind, unit), (values, ks) in self._sorted.items():
            if kind != q.kind:
                continue
            value = q.value if kind != "time" else _same_unit(q, Known("", 1.0, "", "time", unit))
            if value is None:
                continue
            if value <= 0:
                out += [k for k in ks if k.value <= 0]
            else:
                out += ks[self._left(values, value / 1.8):self._right(values, value * 1.8)]
        return out


def matches(q: Quantity, pool, *, any_period: bool = False, strict: bool = False) -> list[Known]:
    """The facts the quantity states, closest first.

    Same kind, value within honest rounding, and the same period: a rate ("$5,600 a minute")
    only matches a fact with that period, or a given fact whose period is unknown; a figure
    without a period matches any. ``any_period`` drops the period test (to find a weekly fact
    called yearly); ``strict`` allows only close values (5% or the fact's two-figure rounding),
    for detectors that accuse rather than support.
    """
    found = []
    for k in (pool.near(q) if isinstance(pool, Index) else pool):
        value = _same_unit(q, k)
        if value is None:
            continue
        # A derived number or another company fact must be near: with a hundred of them, one-figure
        # rounding would let almost any round number through.
        company = not k.given and not k.how
        if not close(value, k.value, strict=strict or not k.given, relative=0.05) or (
                company and not _near_enough(value, k.value)):
            continue
        if not any_period:
            if not k.given and q.period != k.period:
                continue  # a derived number or another company fact matches only a figure stated for its period
            if q.period and k.period != q.period and k.period is not None:
                continue
            if q.period in ("hour", "minute", "day", "week") and k.period is None and k.kind == "money":
                continue  # a total with no period ("$50,000") is not an hourly or weekly rate
        found.append(k)
    return sorted(found, key=lambda k: abs(math.log(max(_same_unit(q, k) or 1e-12, 1e-12) / k.value)) if k.value > 0 else 0)


def _near_enough(said: float, fact: float) -> bool:
    """Another company fact, not one the exercise gave: within 5%, or the fact to two figures (no one-figure leeway)."""
    return abs(said - fact) <= 0.05 * abs(fact) or abs(said - round_sig(fact, 2)) <= 1e-9 * max(1.0, abs(said))


def best_role(q: Quantity, ctx: "Context") -> Known | None:
    """The fact that best explains the quantity: the closest given (or derived) fact, else the closest company fact."""
    key = (q.start, q.value)
    if key not in ctx.cache:
        ctx.cache[key] = next((found[0] for pool in (ctx.ix_given, ctx.ix_derived, ctx.ix_company)
                               for found in [matches(q, pool)] if found), None)
    return ctx.cache[key]


# --- Findings ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One reason a finance director would stop: what was seen, the belief behind it, and its repair."""

    detector: str               # a Detector name, or "pattern" for an exercise's own patterns
    saw: str                    # "I read “$1.2 million a year” as the whole problem, not the saving"
    belief: str
    repair: str
    misconception: str | None = None  # the exercise misconception's id, when one claims it

    def line(self) -> str:
        return mistaken_belief(self.belief, f"{self.saw} {self.repair}".strip() if self.saw else self.repair)


def mistaken_belief(belief: str, why: str | None = None) -> str:
    """How every misconception is printed: as a belief, never a bare sentence a skimming reader takes as advice."""
    from workshop.result import belief_line

    return belief_line(belief, why)


@dataclass(frozen=True)
class Verdict:
    """What the judge saw in one answer: the numbers it read, what they matched, and the findings."""

    quantities: tuple[Quantity, ...] = ()
    readings: tuple[str, ...] = ()     # "I read “$587,000 a year” as the saving the fix buys."
    findings: tuple[Finding, ...] = ()
    checked_facts: bool = False        # whether the answer was read against given facts

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def first(self) -> Finding | None:
        return self.findings[0] if self.findings else None

    def names(self) -> set[str]:
        return {f.misconception or f.detector for f in self.findings}


# Generic beliefs and repairs, used when no exercise misconception claims the detector.
GENERIC = {
    "unsupported_number": (
        "Any plausible number will do, whether or not it comes from our own data.",
        "A finance director asks where each number came from, and one number nobody can trace discredits the rest. "
        "Quote the figure from our own data (or say how you estimated it); a published average is someone else's company."),
    "whole_problem": (
        "The fix saves the whole cost of the problem.",
        "A fix buys back only the part it removes, and the rest of the problem stays. Credit the fix with the saving it buys; "
        "a budget holder who spots the whole problem credited to a partial fix discounts everything else you say."),
    "revenue_as_margin": (
        "Revenue lost is what the business loses.",
        "An order that never happens costs the business its margin, not its revenue: the goods were never bought, "
        "packed or shipped. Quote the margin lost."),
    "week_as_year": (
        "A figure's period can change without converting it.",
        "A weekly figure is about 45 to 52 times smaller than the yearly one (and a minute's is 60 times smaller than "
        "an hour's). Convert it, or keep the period it was measured in."),
    "payback_contradiction": (
        "A payback can be stated without checking it against the cost and the saving.",
        "Payback is the cost divided by the saving per period; a finance director does that division first, and a "
        "payback that does not follow from your own numbers sinks the page."),
    "before_deadline": (
        "The full fix can land before the deadline.",
        "The fix takes longer than the weeks left before the freeze. Promise only what can land before it (a "
        "mitigation) and schedule the fix after; a date the plan cannot meet is the first thing a sceptic checks."),
    "inconsistent_numbers": (
        "Numbers in the same case don't have to agree with each other.",
        "A finance director multiplies your numbers out; when a weekly figure and its yearly total disagree, "
        "or a payback does not follow from the cost and saving, they stop trusting all of them."),
}

# Verbs of a forecast: "definitely" before one of these claims certainty about the future.
FORECAST = (r"(?:fail|crash|break|collapse|lose|cost|go[ \t]+down|happen|die|sink|explode|be[ \t]+lost|cut|save|double"
            r"|triple|halve|pay|increase|reduce|grow|win|beat|bring|make|deliver|double|stop|prevent|eliminate|fix|solve"
            r"|work|succeed|improve|boost|drive|generate|earn|lift|raise)\w*\b")

RED_FLAGS = {
    "absolute": (
        re.compile(
            r"\bevery[ \t]+(?:single[ \t]+)?(?:one[ \t]+of[ \t]+(?:our|the)[ \t]+)?(?:customer|user|client|player|patient|"
            r"subscriber|shopper|buyer)s?\b(?![ \t]+(?:who|that|which|trying|checking|paying|in|on|during|at|whose|affected|hit))|\b(?:all|every one)[ \t]+(?:of[ \t]+)?(?:our|the|its|their)?[ \t]*(?:customers|users|clients|"
            r"players|patients|subscribers|shoppers|buyers)\b(?![ \t]+(?:who|that|which|trying|checking|paying|in|on|during|at|whose|affected|hit))|(?<![\d.,])100[ \t]?(?:%|percent\b|per[ \t]cent\b)[ \t]+(?:sure|certain|confident|guaranteed|safe|reliable|"
            r"uptime|chance|of[ \t]+(?:the[ \t]+|our[ \t]+|all[ \t]+)?(?:customers|users|clients|time|waiting|wait|loss|losses|"
            r"problem|cost|costs|outages|incidents|downtime|risk|bugs|failures|money|revenue|margin))\b|\b(?:by|a)[ \t]+100[ \t]?"
            r"(?:%|percent\b|per[ \t]cent\b)(?![ \t]+(?:of[ \t]+(?:card|payments|traffic|the[ \t]+traffic)|rollout|increase))"
            r"|\b(?:will|would|is|are|it's|be)[ \t]+100[ \t]?(?:%|percent\b|per[ \t]cent\b)|(?<![\d.,])100[ \t]?%[ \t]+" + FORECAST +
            r"|\bforever\b|\b(?:will|would|could|might|going[ \t]+to|about[ \t]+to|set[ \t]+to|is[ \t]+going[ \t]+to)[ \t]+"
            r"(?:\w+[ \t]+)?collapse\b|\btotal[ \t]+collapse\b|\bcollapses?[ \t]+(?:on|under|if|when|unless)\b|\bwill[ \t]+(?:certainly[ \t]+|surely[ \t]+)?(?:die|implode|explode)\b"
            r"|\b(?:i|we)[ \t]+(?:can[ \t]+)?guarantee\b|\bguaranteed[ \t]+(?:to|that|saving|savings|payback|return|results?|success"
            r"|win)\b|\b(?:is|are|it's|its|be)[ \t]+guaranteed\b|\bguarantee[ \t]+(?:that[ \t]+)?(?:it|this|we|checkout|the[ \t]+\w+)"
            r"[ \t]+will\b|\bzero[ \t]+(?:risk|downtime|outages?|incidents?|bugs|chance)\b|\bno[ \t]+risk\b(?![- ]free)"
            r"|(?<!no[ \t])(?<!not[ \t])\brisk[- ]free\b|\bnever[ \t]+(?:fail|break|go[ \t]+down|again)\b|\bbankrupt\w*|\bout[ \t]+of[ \t]+business\b"
            r"|\bcatastroph\w*|\bdisaster(?!(?:[ \t]+|-)recovery)\w*|\bapocalyp\w*"
            r"|\bend[ \t]+of[ \t]+the[ \t]+(?:company|business|world)\b|\b(?:kill|destroy|ruin|sink)s?[ \t]+(?:the|our)[ \t]+"
            r"(?:company|business)\b|\b(?:definitely|certainly|surely|undoubtedly)[ \t]+(?:\w+[ \t]+){0,2}?" + FORECAST +
            r"|\bcertain[ \t]+to[ \t]+" + FORECAST + r"|\bwithout[ \t]+(?:a|any)[ \t]+doubt\b"
            r"|\bnever[ \t]+(?:\w+[ \t]+){0,4}?again\b", I),
        "An absolute or a catastrophe makes the case stronger.",
        "A finance director checks the biggest claim first. \u201cEvery customer\u201d, \u201c100%\u201d, \u201cforever\u201d "
        "or \u201cwill collapse\u201d is almost never true, and once one claim is overstated the rest of the case loses "
        "credit. Say the size you can show: how many, how much, how often, and how sure you are."),
    "invention": (
        re.compile(
            r"\b(?:i|we|i've|we've|i[ \t]+have|we[ \t]+have)[ \t]+(?:just[ \t]+|basically[ \t]+|kind[ \t]+of[ \t]+)?made[ \t]+"
            r"(?:(?:it|this|that|them|these|those|all[ \t]+of[ \t]+(?:it|this|them))|(?:the|this|that|these|those|my|our)[ \t]+"
            r"(?:[\w-]+[ \t]+){0,2}?(?:number|numbers|figure|figures|estimate|data|stat|stats|statistic))[ \t]+up\b"
            r"|\bmade[- ]up[ \t]+(?:number|figure|estimate|data|stat)|\b(?:number|figure|estimate|data|stats?)s?[ \t]+(?:is|are|was|were)"
            r"[ \t]+(?:just[ \t]+|completely[ \t]+|totally[ \t]+)?made[ \t]+up\b|\bmy[ \t]+gut\b|\bgut[ \t]+(?:feel|feeling|instinct|says|"
            r"tells|check)\b|\b(?:a|my|pure|wild|total|just|educated|rough|blind)[ \t]+(?:[\w-]+[ \t]+)?guess(?:es)?\b|\bguesstimat\w*"
            r"|\bi[ \t]+guess\b|\bguessed\b|\bpulled[ \t]+(?:it|this|that|the[ \t]+\w+|these|them|this[ \t]+\w+)[ \t]+out[ \t]+of"
            r"|\bout[ \t]+of[ \t]+thin[ \t]+air\b|\boff[ \t]+the[ \t]+top[ \t]+of[ \t]+my[ \t]+head\b|\bi[ \t]+just[ \t]+know\b"
            r"|\bi[ \t]+(?:have|had)[ \t]+no[ \t]+(?:data|idea|evidence)\b|\bvibes?\b|\bmade[ \t]+up[ \t]+by[ \t]+me\b"
            r"|\bi[ \t]+invented\b|\binvented[ \t]+(?:it|this|that|the[ \t]+number)", I),
        "A number from my gut (or one I made up) is good enough for a budget holder.",
        "A budget holder acts on numbers they can check, and a number you admit is invented cancels the case it "
        "supports. Use something measured (a log, a dashboard, last quarter's incidents), or give an estimate and "
        "say how you made it, with its range."),
    "non_evidence": (
        re.compile(
            r"\bthe[ \t]+moon\b|\bretrograde\b|\bhoroscope|\bastrolog\w*|\btarot\b|\bthe[ \t]+stars[ \t]+(?:say|align|are)"
            r"|\b(?:every(?:one|body)|we[ \t]+all|all[ \t]+of[ \t]+us|the[ \t]+whole[ \t]+team)[ \t]+knows?\b|\bit'?s[ \t]+"
            r"(?:obvious|common[ \t]+knowledge|common[ \t]+sense)\b|\btrust[ \t]+me\b"
            r"|\bbelieve[ \t]+me\b|\b(?:every(?:one|body)|we[ \t]+all|all[ \t]+of[ \t]+us|the[ \t]+whole[ \t]+team)[ \t]+agrees?\b"
            r"|\b(?:studies|research|experts|science)[ \t]+(?:show|shows|say|says|prove|proves|agree)\b|\bindustry[ \t]+"
            r"(?:data|studies|experts|averages?|benchmarks?)[ \t]+(?:say|says|show|shows)\b|\btake[ \t]+my[ \t]+word\b|\bi'?m[ \t]+(?:just[ \t]+)?(?:sure|certain)[ \t]+(?:of[ \t]+it|it|that)"
            r"|\bi[ \t]+(?:heard|read)[ \t]+(?:somewhere|online|on[ \t]+(?:twitter|reddit|linkedin|hacker[ \t]+news))"
            r"|\brumou?r(?:s|ed)?\b|\bsomeone[ \t]+(?:said|told[ \t]+me)\b|\ba[ \t]+friend[ \t]+(?:said|told)\b"
            r"|\bfortune[ \t]+(?:teller|cookie)\b|\bcrystal[ \t]+ball\b|\bmagic[ \t]+8", I),
        "Something everyone believes (or a source that isn't data) counts as evidence.",
        "Evidence is something already observed that the listener could check: a log, a dashboard, a count of "
        "incidents, a pilot's result. \u201cEveryone knows\u201d, \u201ctrust me\u201d or a source that is not data "
        "asks the budget holder to take it on faith, and they won't."),
}


# Words each kind of red flag cannot match without: the patterns run only around them, so a
# long answer costs a few short searches, not a long alternation at every character.
NEEDLES = {
    "absolute": ("every", "all ", "100", "forever", "surely", "undoubtedly", "collaps", "die", "implode", "explode", "guarantee", "zero",
                 "risk", "never", "bankrupt", "business", "under", "catastroph", "disaster", "apocalyp", "end of",
                 "kill", "destroy", "ruin", "sink", "definitely", "certain", "surely", "doubt"),
    "invention": ("made", "gut", "guess", "pulled", "thin air", "top of my", "just know", "no data", "no idea",
                  "no evidence", "vibe", "invent"),
    "non_evidence": ("agree", "studies", "research", "experts", "science", "industry", "moon", "retrograde", "horoscope", "astrolog", "tarot", "stars", "know", "obvious", "common",
                     "trust me", "believe me", "my word", "sure", "certain", "heard", "read ", "rumo", "someone",
                     "friend", "fortune", "crystal", "magic"),
}
MAX_NEEDLE_HITS = 40


def search_near(pattern: re.Pattern, text: str, lowered: str, needles: Iterable[str]):
    """``pattern.search(text)``, run only in short windows around each needle (the first 40 of them)."""
    hits = 0
    for needle in needles:
        i = lowered.find(needle)
        while i != -1 and hits < MAX_NEEDLE_HITS:
            m = pattern.search(text, max(0, i - 70), min(len(text), i + len(needle) + 100))
            if m:
                return m
            hits += 1
            i = lowered.find(needle, i + len(needle))
    return None


def red_flags(text: str) -> list[Finding]:
    """Absolutes and catastrophes, self-declared invention, and non-evidence: one finding per kind found."""
    found = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered; keep positions true
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for kind, (pattern, belief, repair) in RED_FLAGS.items():
        m = search_near(pattern, text, lowered, NEEDLES[kind])
        if m:
            found.append(Finding("red_flag", f"I read \u201c{_quote(m.group(0))}\u201d.", belief, repair, None))
    return found


def _quote(words: str, limit: int = 80) -> str:
    """The learner's own words, cut short and marked as theirs: a result shows them escaped, never as Markdown."""
    from workshop.answers import learner

    words = " ".join(words.split())
    return learner(words if len(words) <= limit else words[: limit - 1] + "\u2026")


# --- Overstatement: certainty about outcomes nobody controls -----------------------------------

_BAD = r"(?:outages?|incidents?|failures?|downtime|crash(?:es)?|slow[ \t]+(?:releases?|builds?|deploys?|pages?)|bugs|errors|delays?)"
OVERSTATEMENT = re.compile(
    r"\b(?:won'?t|will[ \t]+not|cannot|can'?t|can[ \t]+not|never[ \t]+(?:again[ \t]+)?will|will[ \t]+never|would[ \t]+never"
    r"|wouldn'?t|is[ \t]+not[ \t]+going[ \t]+to|isn'?t[ \t]+going[ \t]+to)[ \t]+(?:\w+[ \t]+)?"
    r"(?:fail|go[ \t]+down|crash|fall[ \t]+over|go[ \t]+offline|be[ \t]+down|happen[ \t]+again)\b"
    r"|\bguarantee[sd]?[ \t]+(?:\w+[ \t]+){0,2}?(?:every|all|no|zero|that|the|our|a|success|uptime|it|we|checkout|sales?)\b"
    r"|\b(?:for[ \t]+good|once[ \t]+and[ \t]+for[ \t]+all|permanently|for[ \t]+ever|forevermore)\b"
    r"|\bno[ \t]+more[ \t]+(?:\w+[ \t]+)?" + _BAD + r"\b"
    r"|\b(?:stop|stops|prevent|prevents|end|ends|eliminate|eliminates|remove|removes|avoid|avoids|fix|fixes|solve|solves)[ \t]+"
    r"(?:all|every|each|any)[ \t]+(?:one[ \t]+)?(?:of[ \t]+)?(?:the[ \t]+|our[ \t]+|those[ \t]+|these[ \t]+|its[ \t]+)?"
    r"(?:\d+[ \t]+|\w+[ \t]+)?(?:\w+[ \t]+)?" + _BAD + r"\b"
    r"|\b(?:checkout|black[ \t]+friday|the[ \t]+peak|peak|the[ \t]+site|we|it)[ \t]+(?:is|are|will[ \t]+be|would[ \t]+be)[ \t]+"
    r"(?:now[ \t]+|then[ \t]+|completely[ \t]+|totally[ \t]+)?safe\b"
    r"|\b(?:never|no\b)[ \t]+(?:\w+[ \t]+)?(?:go(?:es)?[ \t]+down|outages?|downtime)[ \t]+again\b", I)
# A hedge or a negation in front clears it: "no plan can guarantee", "can't rule out", "won't guarantee".
OVERSTATEMENT_UNLESS = re.compile(
    r"\b(?:can'?t|cannot|can[ \t]+not|won'?t|will[ \t]+not|doesn'?t|does[ \t]+not|don'?t|do[ \t]+not|not|no[ \t]+one|nobody"
    r"|nothing|no[ \t]+(?:plan|fix|change|mitigation|rework|work|team|amount)|never)[ \t]+(?:\w+[ \t]+){0,3}?"
    r"(?:guarantee\w*|promise\w*|rule[ \t]+out|ensure\w*|be[ \t]+sure|say|claim\w*)\b"
    r"|\b(?:no|without[ \t]+a|without[ \t]+any|not[ \t]+a)[ \t]+guarantee\b|\b(?:un)?likely\b|\bless[ \t]+likely\b"
    r"|\b(?:fewer|less[ \t]+often|some[ \t]+of|most[ \t]+of|part[ \t]+of)\b|\bif[ \t]+we[ \t]+(?:don'?t|do[ \t]+not)\b"
    r"|\b(?:we|it|checkout)[ \t]+(?:could|might|may)[ \t]+(?:still[ \t]+)?(?:fail|go[ \t]+down|crash)", I)
OVERSTATEMENT_NEEDLES = ("won", "will", "can", "never", "guarantee", "good", "for all", "permanent", "ever", "no more",
                         "all", "every", "each", "any", "safe", "again", "wouldn", "isn", "not")
OVERSTATEMENT_FEEDBACK = (
    "The fix makes the bad outcome impossible, so I can promise it.",
    "Nobody controls whether checkout fails on one day: traffic, suppliers and the next change all get a vote. "
    "A finance director hears \u201cwon't fail\u201d or \u201cno more outages\u201d as a promise you will be held to, and "
    "discounts the rest. Say what the fix changes as a share or a range (\u201cshould prevent about half of last "
    "peak's outage time, $30,000 to $70,000\u201d) and name what it cannot prevent.")


def detect_overstatement(ctx_or_text) -> list[Finding]:
    """Certainty about outcomes nobody controls ("won't fail this Black Friday", "no more outages", "for good")."""
    text = ctx_or_text if isinstance(ctx_or_text, str) else ctx_or_text.text
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    hits = 0
    for needle in OVERSTATEMENT_NEEDLES:
        i = lowered.find(needle)
        while i != -1 and hits < MAX_NEEDLE_HITS:
            hits += 1
            m = OVERSTATEMENT.search(text, max(0, i - 40), min(len(text), i + len(needle) + 90))
            if m:
                lo, hi = clause_of(text, m.start(), m.end())
                sentence_lo, _ = sentence_of(text, m.start(), m.end())
                if not OVERSTATEMENT_UNLESS.search(text, max(sentence_lo, m.start() - 80), min(hi, m.end() + 40)):
                    return [Finding("overstatement", f"I read \u201c{_quote(m.group(0))}\u201d: a certainty about an "
                                    "outcome nobody controls.", *OVERSTATEMENT_FEEDBACK)]
            i = lowered.find(needle, i + len(needle))
    return []


# --- Clauses and context ---------------------------------------------------------------------

CLAUSE_BREAK = re.compile(r"[.;!?\n]+(?!\d)|\s[\u2014\u2013]\s|\s-\s|,\s+(?=(?:but|while|whereas|yet|of\s+which|and\s+the\s+"
                          r"(?:fix|rework|change|mitigation)|which)\b)", I)


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``start..end``: back to the last full stop or semicolon, on to the next."""
    lo = 0
    for m in CLAUSE_BREAK.finditer(text, max(0, start - 400), start):
        lo = m.end()
    m = CLAUSE_BREAK.search(text, end, min(len(text), end + 400))
    hi = m.start() if m else min(len(text), end + 400)
    return lo, hi


SENTENCE_BREAK = re.compile(r"[.;!?\n]+(?!\d)")


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start..end`` (a semicolon ends one too)."""
    lo = 0
    for m in SENTENCE_BREAK.finditer(text, max(0, start - 600), start):
        lo = m.end()
    m = SENTENCE_BREAK.search(text, end, min(len(text), end + 600))
    return lo, (m.start() if m else min(len(text), end + 600))


SAVING_WORDS = re.compile(
    r"\b(?:sav(?:e|es|ed|ing|ings)|recover\w*|recoup\w*|give[sn]?[ \t]+(?:\w+[ \t]+){0,3}?back|gives?[ \t]+back|win[ \t]+back"
    r"|get[ \t]+back|free[sd]?[ \t]+up|eliminat\w*|wipe[sd]?[ \t]+out|remove[sd]?|avoid\w*|prevent\w*|pay(?:s|ing)?[ \t]+"
    r"(?:for[ \t]+itself|back)|stop[ \t]+(?:losing|paying|wasting)|cut(?:s|ting)?[ \t]+(?:the|our|that|this|all)"
    r"|(?:end|ends|ending|stop|stops|stopping|kill|kills|remove|removes)[ \t]+(?:the|our|that|this|all)"
    r"|get(?:s|ting)?[ \t]+rid[ \t]+of|do(?:es)?[ \t]+away[ \t]+with"
    r"|(?:keep|keeps|kept|protect\w*|shield\w*|preserv\w*|safeguard\w*|hold(?:s|ing)?[ \t]+on[ \t]+to)[ \t]+(?:all[ \t]+(?:of[ \t]+)?)?"
    r"(?:that|this|the|those|our|all|it))\b", I)
ALL_OF_IT = re.compile(
    r"\b(?:sav(?:e|es|ed|ing)|recover\w*|eliminat\w*|remov\w*|wipe[sd]?[ \t]+out|prevent\w*|avoid\w*|stop\w*|end\w*|get[ \t]+back"
    r"|give[sn]?[ \t]+(?:us[ \t]+)?back|cut\w*|fix\w*)[ \t]+(?:\w+[ \t]+){0,2}?(?:all[ \t]+(?:of[ \t]+)?(?:it|that|this|those|these"
    r"|the[ \t]+(?:waiting|wait|loss|losses|cost|money|problem|time|outages?|incidents?|downtime))|the[ \t]+(?:whole|entire|full)"
    r"[ \t]+(?:\w+[ \t]+)?(?:cost|loss|problem|amount|bill)|every[ \t]+(?:dollar|pound|euro|penny|cent|minute|hour)"
    r"(?:[ \t]+of[ \t]+(?:it|that|waiting|the[ \t]+\w+))?)\b"
    r"|\b(?:eliminat\w*|remov\w*|wipe[sd]?[ \t]+out|prevent\w*|end(?:s|ing)?|stop\w*|sav\w*|fix\w*)[ \t]+(?:\w+[ \t]+){0,3}?"
    r"(?:entirely|completely|altogether|in[ \t]+full|for[ \t]+good)\b"
    r"|\b(?:entirely|completely|fully)[ \t]+(?:eliminat\w*|remov\w*|prevent\w*|end\w*|stop\w*|wipe[sd]?[ \t]+out)", I)
PART_OF = re.compile(r"\b(?:half|part|some|a[ \t]+third|a[ \t]+quarter|a[ \t]+share|\d+[ \t]?%|most|much|portion|fraction"
                     r"|slice|chunk|share)[ \t]+of[ \t]+(?:the[ \t]+|our[ \t]+|that[ \t]+|this[ \t]+)?$", I)
NEGATED = re.compile(r"\b(?:not|never|won't|wont|will[ \t]+not|wouldn't|can't|cannot|doesn't|don't|isn't|no[ \t]+fix|nor)\b", I)
LOSS_WORDS = re.compile(r"\b(?:cost\w*|los(?:e|es|t|ing|s|ses)|at[ \t]+risk|sav(?:e|es|ed|ing)|damage\w*|bleed\w*"
                        r"|hit|drain\w*|burn\w*|wast\w*|prevent\w*|protect\w*|avoid\w*)\b", I)
MARGIN_WORDS = re.compile(r"\bmargin\b|\bprofit\b", I)
DEADLINE_WORDS = re.compile(
    r"\b(?:before|ahead[ \t]+of|in[ \t]+time[ \t]+for|by)[ \t]+(?:the[ \t]+)?(?:change[ \t]+freeze|code[ \t]+freeze|freeze"
    r"|black[ \t]+friday|cyber[ \t]+(?:monday|week)|peak(?:[ \t]+season)?|the[ \t]+holidays|holiday[ \t]+season|christmas"
    r"|\d{1,2}[ \t]+(?:november|december)|(?:november|december)[ \t]+\d{1,2})\b", I)
FIX_WORDS = re.compile(
    r"\b(?:rework\w*|re-?writ\w*|refactor\w*|rebuil\w*|re-?architect\w*|overhaul\w*|re-?platform\w*|clean(?:ing)?[ \t-]?up"
    r"|(?:the|full|whole|proper|real)[ \t]+fix|fix(?:ing|ed|es)?[ \t]+(?:it|this|that|checkout|the[ \t]+\w+|our[ \t]+\w+)"
    r"|repair\w*|replac\w*|migrat\w*|(?:the|our)[ \t]+\w*[ \t]?project)\b", I)
MITIGATION_WORDS = re.compile(
    r"\b(?:mitigat\w*|stop-?gap|patch\w*|quick\w*|interim|temporar\w*|short[ \t-]term|small|smaller|flags?|load[ \t-]shedding"
    r"|rate[ \t-]limit\w*|runbooks?|rehears\w*|fallback\w*|after[ \t]+(?:the[ \t]+)?(?:freeze|peak|black[ \t]+friday|holidays)"
    r"|once[ \t]+the[ \t]+(?:freeze|peak)|queue|cache|scale[ \t]+up|add(?:ing)?[ \t]+capacity|cannot|can't|can[ \t]+not|won't"
    r"|will[ \t]+not|not[ \t]+(?:land|be[ \t]+ready|make|fit)|too[ \t]+(?:long|late)|january|february|march|next[ \t]+year"
    r"|if[ \t]+we[ \t]+(?:don't|do[ \t]+not|can't|fail[ \t]+to)|unless|without|impossible|not[ \t]+possible"
    r"|no[ \t]+time|not[ \t]+enough[ \t]+time|too[ \t]+late)\b", I)


# --- Detectors --------------------------------------------------------------------------------

@dataclass
class Context:
    """Everything the detectors read: the text, its quantities and the facts as numbers."""

    text: str
    quantities: list[Quantity]
    given: list[Known] = field(default_factory=list)
    derived: list[Known] = field(default_factory=list)
    company: list[Known] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    cache: dict = field(default_factory=dict)
    stated: list[Known] = field(default_factory=list)  # numbers the exercise's prompt shows the learner

    def mentions(self, *needles: str) -> bool:
        return any(n in self.lowered for n in needles)

    def __post_init__(self):
        self.lowered = self.text.lower()
        if len(self.lowered) != len(self.text):
            self.lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
        self.ix_given, self.ix_derived, self.ix_company = Index(self.given), Index(self.derived), Index(self.company)
        self.ix_known = Index(self.given + self.derived)
        self.ix_all = Index(self.given + self.derived + self.company)
        self.ix_real = Index(self.given + self.company)
        # What supports a claim: this exercise's own given facts, numbers derived from them, and the
        # numbers its prompt shows the learner. Never another module's fact that happens to be near.
        self.ix_support = Index(self.given + self.derived + self.stated)
        self.ranges = find_ranges(self)

    def by_role(self, role: str) -> list[Known]:
        return [k for k in self.given if k.role == role]

    def role_of(self, q: Quantity) -> Known | None:
        """The given fact (or one derived from it) this quantity states, if any: given facts first."""
        for pool in (self.ix_given, self.ix_derived):
            found = matches(q, pool)
            if found:
                return found[0]
        return None


# A sentence of the prompt about someone else's company: its numbers support nothing of ours.
PUBLISHED = re.compile(r"\b(?:published|industry|averages?|gartner|ponemon|itic|survey|stud(?:y|ies)|benchmarks?"
                       r"|larger[ \t]+(?:firms|companies)|other[ \t]+companies)\b", I)


def stated_numbers(text: str) -> list[Known]:
    """The numbers an exercise's prompt shows the learner (not a published average's): they may be quoted."""
    text = (text or "")[:MAX_CHARS]
    out = []
    for q in read_quantities(text):
        lo, hi = sentence_of(text, q.start, q.end)
        if PUBLISHED.search(text, lo, hi):
            continue
        out.append(Known(f"prompt:{q.said}", q.value, q.said, q.kind, q.unit, q.period, "context", "stated in the exercise",
                         given=True))  # as the learner read it: a period the prompt leaves unsaid is not held against it
    return out


RANGE_JOIN = re.compile(r"^[ \t]*(?:to|-|\u2013|\u2014|and|or)[ \t]*(?:about[ \t]+|roughly[ \t]+)?$", I)


def find_ranges(ctx: "Context") -> list[Quantity]:
    """The ends of honest ranges ("$30,000 to $70,000"): both ends money, bracketing or near the exercise's saving
    (or, with no saving given, a part of the whole problem). Such ends are read as the saving, whatever unrelated
    fact one end happens to equal."""
    out: list[Quantity] = []
    qs = ctx.quantities
    savings = [k for k in ctx.given + ctx.derived if k.role == "saving" and k.kind == "money"]
    whole = [k for k in ctx.given if k.role == "whole_problem" and k.kind == "money"]
    for a, b in zip(qs, qs[1:]):
        if a.kind != "money" or b.kind != "money" or not (0 < a.value < b.value) or b.value > 4 * a.value:
            continue
        if not RANGE_JOIN.match(ctx.text[a.end:b.start]):
            continue
        period = b.period or a.period
        same = [k for k in savings if k.period in (period, None) or period is None]
        if same:
            top = max(k.value for k in same)
            honest = b.value <= 1.25 * top and any(a.value <= 1.1 * k.value and b.value >= 0.9 * k.value for k in same)
            honest = honest or all(any(close(x, k.value, strict=True) for k in same) for x in (a.value, b.value))
        else:
            parts = [k for k in whole if k.period in (period, None) or period is None]
            honest = bool(parts) and any(b.value <= 0.9 * k.value for k in parts)
        if honest:
            out += [a, b]
    return out


MAX_CLAIMS = 20


def _claims(ctx: Context) -> list[Quantity]:
    """The quantities a finance director would check: money, and time rates ("20 hours a week"); the first 20."""
    return [q for q in ctx.quantities if (q.kind == "money" and q.value > 0) or (q.kind == "time" and q.is_rate)][:MAX_CLAIMS]


def detect_week_as_year(ctx: Context) -> list[Finding]:
    out = []
    for q in _claims(ctx):
        # A real figure with another period beats a derived number that happens to be near
        # (a yearly saving per engineer can equal the weekly saving).
        if not q.period or matches(q, ctx.ix_given, strict=True) or q in ctx.ranges:
            continue
        other = [k for k in matches(q, ctx.ix_given, any_period=True, strict=True) if k.period and k.period != q.period]
        if not other and matches(q, ctx.ix_support):
            continue
        if other:
            k = other[0]
            out.append(Finding("week_as_year",
                               f"I read \u201c{q.said}\u201d: that is the figure for a {k.period} ({k.text}), called a {q.period}'s.",
                               *GENERIC["week_as_year"]))
    return out


def detect_unsupported(ctx: Context) -> list[Finding]:
    out = []
    symbol = getattr(ctx.facts.get("currency"), "text", "") or ""
    for q in _claims(ctx):
        if q.currency and symbol and q.currency != symbol[-1:]:
            out.append(Finding("unsupported_number", f"I read \u201c{q.said}\u201d: that is not in {symbol}, the company's "
                               "currency, so it is not a figure from our own data.", *GENERIC["unsupported_number"]))
            continue
        if q in ctx.ranges or matches(q, ctx.ix_support) or _computation_factor(ctx.text, q):
            continue
        if q.period and any(k.period and k.period != q.period for k in
                            matches(q, ctx.ix_given, any_period=True, strict=True)):
            continue  # a real figure with the wrong period: week_as_year says so
        listed = "; ".join(k.described for k in ctx.given if k.kind in ("money", "time"))[:300]
        facts = f" The figures you were given: {listed}." if listed else ""
        out.append(Finding("unsupported_number",
                           f"I read \u201c{q.said}\u201d, and no fact you were given supports it (within honest rounding).{facts}",
                           *GENERIC["unsupported_number"]))
    return out + _unsupported_chances(ctx)


CHANCE_WORDS = re.compile(r"\b(?:chance|probability|likel(?:y|ihood)|odds|confiden\w*|certain\w*|sure)\b", I)


def _unsupported_chances(ctx: Context) -> list[Finding]:
    """"A 95% chance of paying back": a probability is a claim like any other, and must come from the data."""
    out = []
    for q in ctx.quantities:
        if q.kind != "percent" or not CHANCE_WORDS.search(ctx.text[q.end:q.end + 16] + " " + ctx.text[max(0, q.start - 30):q.start]):
            continue
        if any(k.kind == "percent" and abs(q.value - k.value) <= max(1.5, 0.03 * k.value) for k in ctx.given + ctx.derived + ctx.stated):
            continue
        out.append(Finding("unsupported_number", f"I read \u201c{q.said}\u201d as a probability, and no fact you were given "
                           "supports it.", *GENERIC["unsupported_number"]))
        break
    return out


def _computation_factor(text: str, q: Quantity) -> bool:
    """"3 engineers × 2 weeks × $75": a factor written out in a calculation is checked by its result."""
    near = text[max(0, q.start - 3):q.start] + text[q.end:q.end + 3]
    return any(sign in near for sign in ("×", " x ", "*", "=", "÷", "/"))


# The problem's own size, said as what it costs ("failures that cost us about $14,000"), not what the fix saves.
PROBLEM_SIZE_BEFORE = re.compile(r"\b(?:cost(?:s|ing)?|los(?:e|es|t|ing)|burn(?:s|ed|ing)?|wast(?:e|es|ed|ing))[ \t]+"
                                 r"(?:us[ \t]+|the[ \t]+business[ \t]+|larkspur[ \t]+)?(?:about[ \t]+|around[ \t]+|roughly"
                                 r"[ \t]+|some[ \t]+|nearly[ \t]+|~)?$", I)
# A verb that claims part of a problem, not all of it.
PARTIAL_VERB = re.compile(r"\b(?:cut(?:s|ting)?|reduc\w*|lower\w*|shrink\w*|trim\w*|halv\w*|curb\w*|ease[sd]?|dent)\b", I)


def detect_whole_problem(ctx: Context) -> list[Finding]:
    out = []
    whole = ctx.by_role("whole_problem")
    savings = ctx.by_role("saving")
    saving_pool = [k for k in ctx.given + ctx.derived if k.role == "saving"]
    for q in _claims(ctx):
        k = best_role(q, ctx) if whole else None
        if k is None or k.role != "whole_problem" or not matches(q, [k], strict=not k.given):
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        clause = ctx.text[lo:hi]
        if not SAVING_WORDS.search(clause) or PART_OF.search(ctx.text, max(lo, q.start - 30), q.start) or NEGATED.search(clause):
            continue
        if q in ctx.ranges:
            continue
        if PROBLEM_SIZE_BEFORE.search(ctx.text, max(lo, q.start - 40), q.start) and PARTIAL_VERB.search(clause) \
                and not ALL_OF_IT.search(clause):
            continue  # "could cut the failures that cost us $14,000 a year": the problem's size, and only a cut claimed
        if any(matches(o, saving_pool) for o in ctx.quantities if lo <= o.start < hi and o is not q and o.kind == q.kind):
            continue  # "the fix saves $586,000 of the $1.2 million": the saving beside it (hours beside money is no excuse)
        out.append(Finding("whole_problem", f"I read \u201c{q.said}\u201d as the whole problem, credited to the fix as its saving"
                           + (f" (the fix saves {savings[0].text})." if savings else "."), *GENERIC["whole_problem"]))
        break
    if not out:
        m = search_near(ALL_OF_IT, ctx.text, ctx.lowered, ("all", "whole", "entire", "full", "every", "complete",
                                                            "altogether", "for good"))
        if m and not PART_OF.search(ctx.text, max(0, m.start() - 30), m.start()) and \
                not NEGATED.search(ctx.text, max(0, m.start() - 40), m.start() + 12):
            out.append(Finding("whole_problem", f"I read \u201c{_quote(m.group(0))}\u201d: the whole problem, credited to the fix"
                               + (f" (the fix saves {savings[0].text})." if savings else "."), *GENERIC["whole_problem"]))
    if not out and whole and savings:  # the whole problem stated, then a payback, and the saving never named
        stated = [q for q in _claims(ctx) if any(k.role == "whole_problem" for k in matches(q, ctx.ix_given))]
        paid = [q for q in ctx.quantities if q.payback]
        if stated and paid and stated[0].start < paid[0].start and not NEGATED.search(ctx.text) and \
                not any(matches(o, saving_pool) for o in ctx.quantities if o is not stated[0]):
            out.append(Finding("whole_problem", f"I read \u201c{stated[0].said}\u201d, then a payback, and no saving: the "
                               f"reader takes the whole problem as what the fix buys (the fix saves {savings[0].text}).",
                               *GENERIC["whole_problem"]))
    if not out:
        out += _saving_above_the_facts(ctx)
    if not out:  # a payback worked out from the whole problem
        cost = ctx.by_role("fix_cost")
        for q in ctx.quantities:
            if q.kind != "time" or not q.payback or not cost or not whole:
                continue
            for w in whole:
                if not w.period:
                    continue
                per_unit = convert_rate(w.value, w.period, _singular(q.unit) or "week", _weeks_a_year(ctx.facts))
                own = [cost[0].value / v for v in per_unit if v]
                saving_paybacks = _paybacks(ctx, q)
                if any(close(q.value, p, 0.08) for p in own) and not any(close(q.value, p, 0.08) for p in saving_paybacks):
                    out.append(Finding("whole_problem", f"I read a payback of \u201c{q.said}\u201d: that is {cost[0].text} "
                                       f"divided by the whole problem, not by the saving.", *GENERIC["whole_problem"]))
                    return out
    return out


def _saving_above_the_facts(ctx: Context) -> list[Finding]:
    """"The rework saves about $150,000 a year" when the facts give it $82,000: more than the fix buys.

    Sums, differences and shares of the given figures make almost any round number look
    "supported", so a number claimed AS THE SAVING is held to the saving facts themselves:
    above the highest of them (in its period, with honest rounding) it is an overstatement.
    A smaller figure is a cautious claim, and passes.
    """
    savings = [k for k in ctx.given + ctx.derived if k.role == "saving" and k.kind == "money"]
    if not savings:
        return []
    for q in _claims(ctx):
        if q.kind != "money" or q in ctx.ranges or matches(q, ctx.ix_given):
            continue  # a range is read by its ends; a given figure (a cost, the problem) is another claim
        lo, hi = clause_of(ctx.text, q.start, q.end)
        clause = ctx.text[lo:hi]
        if not SAVING_WORDS.search(clause) or NEGATED.search(clause):
            continue
        if any(matches(o, savings) for o in ctx.quantities if lo <= o.start < hi and o is not q):
            continue  # "saves $82,000 of the $117,000": the saving is beside it
        same_period = [k for k in savings if k.period == q.period]
        best = max(same_period, key=lambda k: k.value, default=None)
        if best is not None and q.value > 1.1 * best.value and not matches(q, savings):
            shown = best.text or number(best.value)
            return [Finding("whole_problem", f"I read \u201c{q.said}\u201d as the saving, and that is more than the facts "
                            f"support: the most the fix buys is about {shown}.", *GENERIC["whole_problem"])]
    return []


# Money labelled as takings, not what the business keeps: "$585,000 of sales", "$450,000 of lost orders".
REVENUE_AFTER = re.compile(r"^[ \t]*(?:a[ \t]+(?:year|week|month|day|peak|season)[ \t]+)?(?:\(?[ \t]*)?(?:(?:of|in)[ \t]+"
                           r"(?:\w+[ \t]+){0,2}?|worth[ \t]+of[ \t]+)(?:sales|revenue|turnover|takings|bookings|gmv|orders"
                           r"|order[ \t]+value|purchases|baskets?|checkouts?)\b", I)
REVENUE_BEFORE = re.compile(r"\b(?:sales|revenue|turnover|takings|bookings|gmv|orders)[ \t]+(?:\w+[ \t]+)?(?:of|worth|totall?ing)"
                            r"[ \t]+(?:about[ \t]+|around[ \t]+|roughly[ \t]+|some[ \t]+|nearly[ \t]+)?$", I)
MARGIN_AFTER = re.compile(r"^[ \t]*(?:a[ \t]+(?:year|week|month|day|hour|minute)[ \t]+)?(?:of|in)[ \t]+(?:\w+[ \t]+){0,2}?"
                          r"(?:margin|profit|gross[ \t]+profit)\b", I)
MARGIN_BEFORE = re.compile(r"\b(?:margin|profit)[ \t]+(?:\w+[ \t]+)?(?:of|worth|totall?ing)[ \t]+(?:about[ \t]+|around[ \t]+)?$", I)


def _labelled(ctx: Context, q: Quantity, after: re.Pattern, before: re.Pattern) -> bool:
    """Whether the words right after the amount (or right before it) name what it is: "$35,000 of margin"."""
    m = NUMBER.match(ctx.text, q.start)
    end = m.end() if m else q.end
    word = MONEY_AFTER.match(ctx.text, end, end + 40)
    end = word.end() if word else end
    return bool(after.match(ctx.text[end:end + 60]) or after.match(ctx.text[q.end:q.end + 60])
                or before.search(ctx.text, max(0, q.start - 40), q.start))


def detect_revenue_as_margin(ctx: Context) -> list[Finding]:
    found = _revenue_labelled(ctx)
    if found:
        return found
    for q in _claims(ctx):
        if q.kind != "money" or q in ctx.ranges:  # an honest range's end is the saving, whatever fact it equals
            continue
        k = best_role(q, ctx)
        if k is None or k.role != "revenue" or not matches(q, [k], strict=not k.given):
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        slo, shi = sentence_of(ctx.text, q.start, q.end)
        if not LOSS_WORDS.search(ctx.text, lo, hi) or MARGIN_WORDS.search(ctx.text, slo, shi):
            continue
        return [Finding("revenue_as_margin", f"I read \u201c{q.said}\u201d as revenue ({k.text}) presented as what we lose.",
                        *GENERIC["revenue_as_margin"])]
    return []


def _revenue_labelled(ctx: Context) -> list[Finding]:
    """Revenue called margin ("$35,000 of margin an hour" when that is the revenue), and sales or lost orders
    counted as the loss or the saving ("$585,000 of sales a year", "$450,000 a year of lost orders"), when the
    exercise's facts give a margin or a revenue. A sentence that also gives the margin ("$15,000 of sales,
    about $6,000 of margin") is honest."""
    if not any(k.role in ("margin", "revenue") for k in ctx.given):
        return []
    revenue = [k for k in ctx.given if k.role == "revenue"]
    margin = [k for k in ctx.given if k.role == "margin"]
    money = [q for q in _claims(ctx) if q.kind == "money"]
    for q in money:
        if q in ctx.ranges:
            continue
        slo, shi = sentence_of(ctx.text, q.start, q.end)
        margin_beside = any(o is not q and slo <= o.start < shi and _labelled(ctx, o, MARGIN_AFTER, MARGIN_BEFORE)
                            for o in money)
        if _labelled(ctx, q, MARGIN_AFTER, MARGIN_BEFORE):
            said_revenue = [k for k in matches(q, revenue, strict=True)]
            if said_revenue and not matches(q, margin, strict=True):
                k = said_revenue[0]
                return [Finding("revenue_as_margin", f"I read \u201c{q.said}\u201d called margin, but {k.text} is revenue "
                                "(what customers pay), not the margin we keep.", *GENERIC["revenue_as_margin"])]
            continue
        if not _labelled(ctx, q, REVENUE_AFTER, REVENUE_BEFORE) or margin_beside:
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        if LOSS_WORDS.search(ctx.text, lo, hi) or SAVING_WORDS.search(ctx.text, lo, hi) or \
                LOST_ORDERS.search(ctx.text, max(lo, q.start - 40), min(hi, q.end + 50)):
            return [Finding("revenue_as_margin", f"I read \u201c{_quote(ctx.text[q.start:min(hi, q.end + 30)])}\u201d: "
                            "sales counted as what we lose or what the fix saves.", *GENERIC["revenue_as_margin"])]
    return []


LOST_ORDERS = re.compile(r"\blost[ \t]+(?:orders|sales|revenue|bookings)\b|\b(?:orders|sales)[ \t]+(?:we[ \t]+)?(?:lost|lose|miss\w*)\b", I)


def _paybacks(ctx: Context, q: Quantity) -> list[float]:
    """Paybacks in ``q``'s unit that the answer's own cost and saving (or, failing those, the given ones) imply."""
    unit = _singular(q.unit) or "week"
    weeks = _weeks_a_year(ctx.facts)
    costs = [o for o in ctx.quantities if o.kind == "money" and not o.period and o.value > 0]
    savings = [o for o in ctx.quantities if o.kind == "money" and o.period and o.value > 0]
    if ctx.given:
        fix = ctx.by_role("fix_cost") + [k for k in ctx.given if k.role == "running_cost" and not k.period]
        costs = [o for o in costs if matches(o, fix)] or costs
        good = [k for k in ctx.given + ctx.derived if k.role == "saving"]
        stated = [o for o in savings if matches(o, good)]
        savings = stated or [o for o in savings if not matches(o, ctx.by_role("whole_problem") + ctx.by_role("revenue"))]
    out = []
    for c in costs[:3]:
        for s in savings[:3]:
            for per in convert_rate(s.value, s.period, unit, weeks):
                if per > 0:
                    out.append(c.value / per)
    return out


HEDGED = re.compile(r"\b(?:half|a[ \t]+third|a[ \t]+quarter|sceptic\w*|skeptic\w*|low[ \t]+case|worst[ \t]+case|pessimistic\w*"
                    r"|conservative\w*|if[ \t]+only|even[ \t]+if|even[ \t]+at|at[ \t]+worst|only[ \t]+\d+[ \t]?%|\d+[ \t]?%[ \t]+of)\b", I)


def detect_payback_contradiction(ctx: Context) -> list[Finding]:
    for q in ctx.quantities:
        if q.kind != "time" or not q.payback or q.value <= 0:
            continue
        implied = _paybacks(ctx, q)
        source = "your own cost and saving"
        if not implied and ctx.given:
            implied = [_in_unit(k, q.unit) for k in ctx.by_role("payback")]
            implied = [v for v in implied if v]
            source = "the cost and saving you were given"
        if not implied:
            continue
        lo, hi = clause_of(ctx.text, q.start, q.end)
        if HEDGED.search(ctx.text, max(0, lo - 200), hi):  # the sceptic's case: only part of the saving counted
            implied = implied + [p * f for p in implied for f in (4 / 3, 1.5, 2.0, 3.0, 4.0)]
        implied = implied + [v for v in (_in_unit(k, q.unit) for k in ctx.by_role("payback")) if v]
        if q.bound:
            ok = any(p <= q.value * 1.1 for p in implied)
        else:
            ok = any(close(q.value, p, 0.25) or close(p, q.value, 0.25) for p in implied)
        if not ok:
            best = min(implied, key=lambda p: abs(math.log(p / q.value)) if p > 0 else math.inf)
            return [Finding("payback_contradiction",
                            f"I read a payback of \u201c{q.said}\u201d, but {source} give about {number(best)} {q.unit or 'weeks'}.",
                            *GENERIC["payback_contradiction"])]
    return []


def _in_unit(k: Known, unit: str) -> float | None:
    if k.kind != "time":
        return None
    if not k.unit or not unit or k.unit == unit:
        return k.value
    if k.unit in _UNIT_WEEKS and unit in _UNIT_WEEKS:
        return k.value * _UNIT_WEEKS[k.unit] / _UNIT_WEEKS[unit]
    return None


def detect_before_deadline(ctx: Context) -> list[Finding]:
    deadlines = ctx.by_role("deadline")
    if not deadlines:
        return []
    limit = next((_in_unit(d, "weeks") for d in deadlines if d.kind == "time" and d.value > 0), None)  # weeks left
    if limit is None:  # a date: the weeks from today to it, when the company's facts say
        for d in deadlines:
            for key in ("change_freeze", "black_friday"):
                weeks = ctx.facts.get(f"weeks_to_{key}")
                if key in d.name and weeks is not None:
                    limit = float(weeks.value)
                    break
            if limit is not None:
                break
    for m in (DEADLINE_WORDS.finditer(ctx.text) if ctx.mentions("before", "ahead of", "in time for", "by ") else ()):
        lo, hi = clause_of(ctx.text, m.start(), m.end())
        clause = ctx.text[lo:hi]
        if not FIX_WORDS.search(clause) or MITIGATION_WORDS.search(clause):
            continue
        spans = [q for q in ctx.quantities if lo <= q.start < hi and q.kind == "time" and not q.is_rate and not q.payback]
        if limit and spans and all(_in_unit(Known("", s.value, "", "time", s.unit), "weeks") is not None
                                   and s.value * _UNIT_WEEKS.get(s.unit, 1) <= limit for s in spans):
            continue  # "spend two weeks cleaning it up before Black Friday" fits
        d = deadlines[0]
        when = f"{d.text} weeks left" if d.kind == "time" else d.text
        return [Finding("before_deadline", f"I read \u201c{_quote(clause.strip())}\u201d: the fix promised before a "
                        f"deadline it cannot meet ({when}).", *GENERIC["before_deadline"])]
    return []


EQUIVALENT = re.compile(r"^(?:[ \t]+(?:of|in|for)(?:[ \t]+[\w'-]+){1,4})?[ \t]*(?:,|\(|\u2014|\u2013|-|:)?[ \t]*(?:or|i\.?e\.?,?|that'?s|that[ \t]+is|which[ \t]+is|which[ \t]+comes"
                        r"[ \t]+to|making|totall?ing|adding[ \t]+up[ \t]+to|=|so)?[ \t]*(?:about|roughly|around|nearly|some|almost"
                        r"|approximately|over|~)?[ \t]*$", I)
_PERIOD_FACTORS = {("week", "year"): (40.0, 53.0), ("month", "year"): (11.5, 12.5), ("day", "year"): (200.0, 366.0),
                   ("day", "week"): (4.5, 7.5), ("week", "month"): (3.9, 4.6), ("minute", "hour"): (55.0, 65.0),
                   ("hour", "day"): (7.0, 25.0), ("quarter", "year"): (3.8, 4.2)}


def detect_inconsistent_numbers(ctx: Context) -> list[Finding]:
    """The answer's own numbers: a weekly figure and "or about X a year" must agree (the payback is checked too)."""
    qs = [q for q in ctx.quantities if q.kind in ("money", "time") and q.period]
    for a, b in zip(qs, qs[1:]):
        if a.kind != b.kind or a.period == b.period or (a.kind == "time" and a.unit != b.unit):
            continue
        between = ctx.text[a.end:b.start]
        if len(between) > 60 or not EQUIVALENT.match(between):
            continue
        key, value_small, value_big = (a.period, b.period), a.value, b.value
        if key not in _PERIOD_FACTORS:
            key, value_small, value_big = (b.period, a.period), b.value, a.value
        if key not in _PERIOD_FACTORS or value_small <= 0:
            continue
        low, high = _PERIOD_FACTORS[key]
        ratio = value_big / value_small
        if not (low * 0.9 <= ratio <= high * 1.1):
            return [Finding("inconsistent_numbers",
                            f"I read \u201c{a.said}\u201d and \u201c{b.said}\u201d as the same figure, but "
                            f"a {key[0]}'s figure times {number(low)} to {number(high)} is not {number(value_big)}.",
                            *GENERIC["inconsistent_numbers"])]
    product = _product_disagrees(ctx) or _share_for_another_horizon(ctx)
    if product:
        return product
    if ctx.given:  # with given facts, payback_contradiction checks the payback against them
        return []
    return [Finding("inconsistent_numbers", f.saw, *GENERIC["inconsistent_numbers"])
            for f in detect_payback_contradiction(ctx)][:1]


HORIZONS = (("quarter", re.compile(r"\bquarter\b|\b(?:3|three)[ \t]+months\b|\b13[ \t]+weeks\b", I)),
            ("year", re.compile(r"\byear\b|\b12[ \t]+months\b|\btwelve[ \t]+months\b", I)))


def _share_for_another_horizon(ctx: Context) -> list[Finding]:
    """"Pays back within a quarter if only 9%": a break-even share given for one horizon, stated for another."""
    for q in ctx.quantities:
        if q.kind != "percent":
            continue
        facts = [k for k in ctx.given if k.kind == "percent" and close(q.value, k.value, 0.06)]
        horizon_of = {k: next((h for h, _ in HORIZONS if f"_{h}" in k.name), None) for k in facts}
        if not facts or not any(horizon_of.values()):
            continue
        lo, _ = sentence_of(ctx.text, q.start, q.end)
        before = ctx.text[max(lo, q.start - 90):q.start]
        said = [h for h, rx in HORIZONS if rx.search(before)]
        if len(said) != 1 or any(horizon_of[k] == said[0] or horizon_of[k] is None for k in facts):
            continue
        k = facts[0]
        right = [g for g in ctx.given if g.kind == "percent" and f"_{said[0]}" in g.name and "_pct" in g.name
                 and g.name.replace(f"_{said[0]}", f"_{horizon_of[k]}") == k.name]
        fix = f" Within a {said[0]} it is {right[0].text}." if right else ""
        return [Finding("inconsistent_numbers",
                        f"I read \u201c{q.said}\u201d with \u201c{said[0]}\u201d, but {k.text} is the share for a "
                        f"{horizon_of[k]}, not a {said[0]}.{fix}",
                        "A break-even share holds for any horizon.",
                        "The shorter the horizon, the more of the saved time must become work to pay the fix back. "
                        "Quote the share for the horizon you name.")]
    return []


EACH = re.compile(r"\beach\b|\bapiece\b|\ba[ \t]+(?:head|piece|pop|time|go)\b|\bper[ \t]+(?:ticket|call|order|incident|outage|"
                  r"deploy|build|run|person|engineer|head|item|case|customer|user|release|failure|request)\b", I)
TOTAL = re.compile(r"\b(?:in[ \t]+total|total(?:ling|ing|s)?|altogether|all[ \t]+told|combined|overall|in[ \t]+all|together)\b", I)


def _product_disagrees(ctx: Context) -> list[Finding]:
    """"300 tickets at $12 each cost $36,000": a count times an amount each must be the total it states."""
    for lo, hi in _sentences(ctx.text):
        qs = [q for q in ctx.quantities if lo <= q.start < hi]
        if len(qs) < 3 or len(qs) > 8:
            continue
        counts = [q for q in qs if q.kind == "count" and q.value >= 2 and not q.period]
        counts += [q for q in qs if q.kind == "count" and q.value >= 2 and q.period]
        each = [q for q in qs if q.kind in ("money", "time")
                and EACH.search(ctx.text, max(lo, q.start - 30), min(hi, q.end + 14))]
        for e in each:
            totals = [t for t in qs if t is not e and t.kind == e.kind and t.start > e.start and t.unit == e.unit]
            totals = [t for t in totals if t.period == e.period or not e.period or not t.period
                      or (counts and t.period == counts[0].period)]
            if not totals or not counts:
                continue
            t = totals[-1] if TOTAL.search(ctx.text, lo, hi) else totals[0]
            products = [c.value * e.value for c in counts if c is not t]
            if not products or any(close(p, t.value, 0.15) or close(t.value, p, 0.15) for p in products):
                continue
            c = counts[0]
            return [Finding("inconsistent_numbers",
                            f"I read \u201c{c.said}\u201d \u00d7 \u201c{e.said}\u201d, which is about {number(c.value * e.value)}, "
                            f"but the answer says \u201c{t.said}\u201d.", *GENERIC["inconsistent_numbers"])]
    return []


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in SENTENCE_BREAK.finditer(text):
        out.append((start, m.start()))
        start = m.end()
        if len(out) > 60:
            break
    out.append((start, len(text)))
    return out


DETECTORS = {
    "red_flag": lambda ctx: red_flags(ctx.text),
    "overstatement": detect_overstatement,
    "week_as_year": detect_week_as_year,
    "unsupported_number": detect_unsupported,
    "whole_problem": detect_whole_problem,
    "revenue_as_margin": detect_revenue_as_margin,
    "payback_contradiction": detect_payback_contradiction,
    "before_deadline": detect_before_deadline,
    "inconsistent_numbers": detect_inconsistent_numbers,
}
WITH_FACTS = ("week_as_year", "whole_problem", "revenue_as_margin", "payback_contradiction", "before_deadline",
              "unsupported_number")
WITHOUT_FACTS = ("inconsistent_numbers",)


# --- Reading answers --------------------------------------------------------------------------

def answer_texts(answer: Any) -> dict[str, str]:
    """An answer as {part: text}: a string is one part (""); a mapping keeps its string values."""
    if isinstance(answer, str):
        return {"": answer[:MAX_CHARS]}
    if isinstance(answer, dict):
        return {str(k): v[:MAX_CHARS] for k, v in answer.items() if isinstance(v, str)}
    return {}


def describe(q: Quantity, k: Known) -> str:
    what = ROLE_WORDS.get(k.role or "", "")
    if not what or k.role == "context":
        return f"I read \u201c{q.said}\u201d as {k.text}, a fact you were given." if k.role else \
            f"I read \u201c{q.said}\u201d as {k.text}, from the company's data."
    return f"I read \u201c{q.said}\u201d as {what}."


def judge(answer: Any, *, facts: Iterable = (), misconceptions: Iterable = (), fact_values: dict | None = None,
          context: str = "") -> Verdict:
    """Read an answer (text, or {part: text}) against the exercise's facts and misconceptions. Never raises.

    ``context`` is what the exercise shows the learner (its prompt and statement): a number stated there
    may be quoted. Nothing else supports a number: not another module's fact, however near.
    """
    texts = answer_texts(answer)
    text = "\n".join(t for t in texts.values() if t)[:MAX_CHARS]
    given_decl, misconceptions = list(facts), list(misconceptions)
    values = fact_values
    if values is None and given_decl:
        values = _current_facts()
    values = values or {}
    given = known_facts(given_decl, values) if given_decl else []
    try:
        stated = stated_numbers(context)
    except Exception:  # pragma: no cover - the reader is total
        stated = []
    derived = derived_facts(given, values) if given else []
    company = company_facts(values) if given else []
    wanted = ["red_flag", "overstatement"] + list(WITH_FACTS if given else WITHOUT_FACTS)
    if given and "inconsistent_numbers" not in wanted:
        wanted.append("inconsistent_numbers")
    built_in = set(wanted)
    wanted += [m.detect for m in misconceptions if m.detect and m.detect not in wanted]
    # A detector that runs only because a misconception names it reads only the parts those misconceptions name.
    only_parts = {name: {m.part for m in misconceptions if m.detect == name}
                  for name in wanted if name not in built_in}
    only_parts = {name: ps for name, ps in only_parts.items() if None not in ps}
    # Each part of a record is judged on its own: a number, a clause or a range never spans two boxes.
    parts = {key: t for key, t in texts.items() if t} or {"": ""}
    quantities: list[Quantity] = []
    readings: list[str] = []
    fired_in: dict[str, dict[str, list[Finding]]] = {}
    for key, part_text in parts.items():
        try:
            part_quantities = read_quantities(part_text)
        except Exception:  # pragma: no cover - the reader is total; this is the last line of defence
            part_quantities = []
        ctx = Context(part_text, part_quantities, given, derived, company, values, stated=stated)
        quantities += part_quantities
        fired_in[key] = {}
        for name in wanted:
            try:
                fired_in[key][name] = DETECTORS[name](ctx)
            except Exception:  # a detector that fails says nothing, rather than a traceback to the learner
                fired_in[key][name] = []
        if given:
            for q in part_quantities:
                k = ctx.role_of(q)
                if k is not None and k.text and (q.kind == "money" or q.is_rate or q.payback):
                    readings.append(describe(q, k))
    fired = {name: [f for key in parts if name not in only_parts or key in only_parts[name]
                    for f in fired_in[key].get(name, [])] for name in wanted}
    findings: list[Finding] = []
    claimed: set[str] = set()
    for m in misconceptions:
        hit = _pattern_hit(m, texts, text)
        if m.detect:
            part = getattr(m, "part", None)
            by_detector = fired_in.get(part, {}).get(m.detect) if part else fired.get(m.detect)
        else:
            by_detector = None
        if by_detector:
            claimed.add(m.detect)
            findings.append(Finding(m.detect, by_detector[0].saw, m.belief, m.feedback, m.id))
        elif hit is not None:
            findings.append(Finding("pattern", f"I read \u201c{_quote(hit)}\u201d.", m.belief, m.feedback, m.id))
    for name in wanted:
        if name in claimed:
            continue
        findings.extend(fired.get(name, []))
    findings = _dedupe(findings)
    return Verdict(tuple(quantities), tuple(dict.fromkeys(readings))[:8], tuple(findings), bool(given))


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.detector, f.belief) if f.detector != "red_flag" else (f.detector, f.belief, f.saw)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _pattern_hit(m, texts: dict[str, str], joined: str) -> str | None:
    """The words an exercise misconception's patterns caught (in its part, if it names one), unless cleared."""
    if not getattr(m, "patterns", None):
        return None
    target = texts.get(m.part, "") if getattr(m, "part", None) else joined
    if not target:
        return None
    for p in m.patterns:
        found = re.search(p, target, I)
        if found:
            if any(re.search(u, target, I) for u in m.unless):
                return None
            return found.group(0) or target[:60]
    return None


def _current_facts() -> dict:
    try:
        from workshop import facts

        return facts.current()
    except Exception:  # the data cannot be read: judge the words only (validate reports the data problem)
        return {}


# --- For the kinds ----------------------------------------------------------------------------

def for_exercise(exercise, answer: Any) -> Verdict:
    """The verdict for an exercise that declares ``facts``/``misconceptions`` (framing, record, case)."""
    return judge(answer, facts=getattr(exercise, "facts", ()) or (),
                 misconceptions=getattr(exercise, "misconceptions", ()) or (), context=exercise_context(exercise))


def exercise_context(exercise) -> str:
    """The words the learner reads in the exercise itself: its prompt and the statement to rewrite."""
    return "\n".join(t for t in (getattr(exercise, "prompt", "") or "", getattr(exercise, "statement", "") or "")
                     if isinstance(t, str))


def complete_example(exercise, example: Any) -> Any:
    """A record's example may give only the parts it is about; the other parts come from the model answer."""
    if isinstance(example, dict):
        key = exercise.key() if hasattr(exercise, "key") else {}
        if isinstance(key, dict):
            return {**key, **example}
    return example


def number(value: float) -> str:
    """A number for feedback, never in scientific notation: 1,249,725; 2.8; 0.061."""
    from workshop.currency import number as fmt

    return fmt(value)
