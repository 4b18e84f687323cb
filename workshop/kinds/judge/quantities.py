"""Reading numbers: every amount, duration, share and count in an answer, with its unit and period."""
from __future__ import annotations

import re
from dataclasses import dataclass

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
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
MONTH_AFTER = re.compile(r"[ \t]*(?:st|nd|rd|th)?[ \t]+(?!may\b)" + _MONTHS + r"\b", I)  # "3 may help" is not a date
MONTH_BEFORE = re.compile(r"\b" + _MONTHS + r"[ \t]*$", I)
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
        if kind == "count" and (MONTH_AFTER.match(text, end, end + 12) or MONTH_BEFORE.search(text, max(0, start - 12), start)):
            kind = "date"  # "10 November", "November 10": a date, never a count to multiply
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
