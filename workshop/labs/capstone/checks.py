"""Checks that teach: each reads one part of a case the way a finance director reads a page.

Every check is a pure function ``check(case) -> Result``; ``check_case`` runs them all, and
"correct" means exactly that: every one of this case's own checks passes. The learner's own
problem has no company facts to hold it to, so the checks hold the case to itself: the
headline's number is the saving box, a stated payback is cost ÷ saving, the low case is a
real doubt, doing nothing has its cost, the ask is the fix's cost. Each check repairs a
belief real people hold (``MISCONCEPTIONS``: id -> belief); the exercise's YAML lists the
same ids with examples that must be caught.

The page's preview lists what is still to do from these same checks (``to_do``), so the
page and the checks share one definition of finished.
"""
from __future__ import annotations

import math
import re
from typing import Callable

from workshop.answers import AnswerProblem
from workshop.labs.capstone.amounts import amounts_in, close
from workshop.labs.capstone.case import Case
from workshop.company.currency import amount as _money  # money in the company's currency
from workshop.result import Result

DO_NOTHING = re.compile(
    r"\b(do(?:ing)? nothing|status quo|no change|leave (?:it|things) as (?:it is|they are)|as it is|"
    r"don'?t fix|do not fix|not fixing|accept the (?:risk|cost|loss)|live with it)\b",
    re.IGNORECASE,
)

# id -> the belief a failing check names (the exercise's YAML misconceptions use these ids).
MISCONCEPTIONS = {
    "problem-without-evidence": "The numbers speak for themselves; the problem and where they come from can stay unsaid.",
    "whole-problem": "The fix is worth the whole problem.",
    "more-than-the-problem": "A fix is worth more than the problem it removes.",
    "headline-sells-the-problem": "The headline should carry the biggest number.",
    "headline-not-the-saving": "The headline's number can be rounded up, or come from somewhere other than the case's own saving.",
    "no-number-in-headline": "A good description is enough to decide.",
    "payback-contradiction": "A payback can be stated without doing the division.",
    "low-case-too-close": "A low case is the same estimate said again.",
    "one-estimate": "One estimate is enough.",
    "one-option": "There is only one way to solve it.",
    "doing-nothing-is-free": "Doing nothing is free.",
    "vague-reversibility": "A decision is reversible because we say it is.",
    "no-risks": "A fix has no risks of its own.",
    "revenue-as-saving": "The revenue a problem touches is what the business saves by fixing it.",
    "problem-not-in-evidence": "The problem's cost can be stated without the sum behind it.",
    "running-cost-ignored": "A fix's running cost can be left out of its payback.",
    "payback-guaranteed": "A payback can be promised as certain.",
    "vague-risks": "Saying there are some risks is the same as naming them.",
    "vague-ask": "A general request is easier to approve.",
    "ask-not-the-cost": "The ask can be a different amount from the cost the case was built on.",
    "time-as-cash": "Engineers' time saved is money off the budget.",
    "return-not-the-sum": "A return multiple can be stated without dividing the saving by the cost.",
    "invented-number": "A gain nobody measured can go in the headline.",
}
_BY_BELIEF = {belief: key for key, belief in MISCONCEPTIONS.items()}

# Money as people write it: a currency sign or word, or a scale word ("$16,200", "16.2k", "£1.2 million", "12000 dollars").
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_MONEY = re.compile(
    rf"(?:(?P<sign>(?:US|C|A)?\$|[€£])\s?(?P<n1>{_NUM})(?:\s?(?P<s1>k|thousand|mn|m|million|bn|billion)\b)?"
    rf"|(?<![\w.,])(?P<n2>{_NUM})\s?(?:(?P<s2>k|thousand|mn|million|bn|billion)\b\s?(?:(?:us\s)?dollars|pounds|euros|usd|gbp|eur)?"
    rf"|(?:(?:us\s)?dollars|pounds|euros|usd|gbp|eur)\b))"
    r"(?P<per>\s*(?:a|per|each|every|/)\s*(?P<period>year|yr|annum|month|mo|week|wk|day)\b)?",
    re.IGNORECASE,
)
_PER_YEAR = {"year": 1, "yr": 1, "annum": 1, "month": 12, "mo": 12, "week": 52, "wk": 52, "day": 365}


def money_in(text: str) -> list[tuple[float, float | None]]:
    """Each money amount a text states: (as written, per year if it names a period else None)."""
    found = []
    for m in _MONEY.finditer(text or ""):
        number = float((m.group("n1") or m.group("n2")).replace(",", ""))
        scale = (m.group("s1") or m.group("s2") or "").lower()
        value = number * _SCALE.get(scale, 1)
        period = (m.group("period") or "").lower()
        found.append((value, value * _PER_YEAR[period] if period else None))
    return found


_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20,
    "twenty-four": 24, "thirty": 30, "thirty-six": 36, "half a": 0.5, "a half": 0.5,
}
_SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 1e6}


def _digits(text: str) -> str:
    """Numbers written in words as digits ("nine thousand" -> "9000", "twelve-fold" -> "12-fold")."""
    def scaled(m):
        value = _WORD_NUMBERS[m.group(1).lower()] * _SCALE_WORDS[m.group(2).lower()]
        return str(int(value)) if value == int(value) else str(value)
    text = re.sub(rf"\b({_WORD})\s+(hundred|thousand|million)\b", scaled, text or "", flags=re.IGNORECASE)
    return re.sub(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)(?=[\s-](?:fold|times)\b)",
                  lambda m: str(_WORD_NUMBERS[m.group(1).lower()]), text, flags=re.IGNORECASE)


_WORD = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_COUNT = rf"(?P<n>\d+(?:\.\d+)?|{_WORD})"
_UNIT = r"(?P<unit>months?|mos?|weeks?|wks?|years?|yrs?)\b"
_BOUND = r"(?P<bound>under|less than|within|inside|below|at most|over|more than|above|at least)?\s*"
_PAYBACK = [
    re.compile(r"\b(?:pay(?:s|ing)?\s+(?:for\s+)?(?:itself\s+|themselves\s+)?(?:back|off)|pays?\s+for\s+(?:itself|themselves)|"
               r"payback(?:\s+period)?|pay-back|break(?:s|ing)?\s+even|recoup(?:s|ed)?\s+(?:its|the)\s+cost)"
               rf"(?:\s+(?:is|of|in|after|:|around|about|roughly|approximately|just|~|≈|only|takes))*\s*{_BOUND}"
               rf"(?:about\s+|around\s+|roughly\s+|~)?{_COUNT}[\s-]*{_UNIT}", re.IGNORECASE),
    re.compile(rf"{_BOUND}{_COUNT}[\s-]+(?P<unit>months?|weeks?|years?)[\s-]+(?:payback|pay-?back|break-?even)\b", re.IGNORECASE),
]
_MONTHS = {"m": 1.0, "w": 12 / 52, "y": 12.0}


def stated_paybacks(text: str) -> list[tuple[float, str]]:
    """Each payback a text states, in months, with its bound: '' (about), 'under' or 'over'."""
    found = []
    for pattern in _PAYBACK:
        for m in pattern.finditer(text or ""):
            n = m.group("n").lower()
            count = _WORD_NUMBERS[n] if n in _WORD_NUMBERS else float(n)
            months = count * _MONTHS[m.group("unit")[0].lower()]
            bound = (m.group("bound") or "").lower()
            found.append((months, "under" if bound in ("under", "less than", "within", "inside", "below", "at most")
                          else "over" if bound else ""))
    return found


def _result(name: str, status: str, feedback: str, misconception: str | None = None) -> Result:
    belief = MISCONCEPTIONS.get(misconception, misconception) if misconception else None
    return Result(exercise_id=name, status=status, feedback=feedback, misconception=belief,
                  score=1.0 if status == "correct" else 0.5 if status == "partial" else 0.0)


def misconception_id(result: Result) -> str | None:
    """The id (a key of ``MISCONCEPTIONS``) of the belief a check's result names."""
    return _BY_BELIEF.get(result.misconception) if result.misconception else None


def _amount(case: Case, name: str) -> float | None:
    """An amount that a check only compares against: None when blank or unreadable (its own check says why)."""
    try:
        value = case.amount(name)
    except AnswerProblem:
        return None
    return value if value is not None and math.isfinite(value) else None


def _months(cost: float, per_year: float) -> float:
    return cost / per_year * 12


def _about_months(months: float) -> str:
    if not math.isfinite(months):
        return "never"
    if months < 0.95:
        weeks = max(1, round(months * 52 / 12))
        return "about 1 week" if weeks == 1 else f"about {weeks} weeks"
    if months < 1.5:
        return "about 1 month"
    return f"about {months:,.0f} months" if months < 60 else f"about {months / 12:,.0f} years"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", text.lower())


# --- the checks, in the order a finance director reads the page -----------------------

_NOT_EVIDENCE = re.compile(
    r"\b(made (?:it|this|them|that|the \w+) up|my gut|gut feel(?:ing)?|(?:my|a|our|pure|wild) guess|guesstimate|trust me|"
    r"everyone knows|vibes?|hunch|out of thin air|the moon|i reckon|reckon(?:ing)?|(?:rough|roughly a) guess|"
    r"off the top of my head|ballpark(?:ed)?|from memory|guess(?:ed|work)|guesstimat\w*|made-up|plucked|out of the air|"
    r"picked a number|invented|assumed rate|(?:a|an|my)\s+(?:rough\s+)?assumption)\b", re.IGNORECASE)


# Evidence is something counted: a source (a log, tickets, records) and a period it covers.
_SOURCE = re.compile(r"\b(logs?|logged|tickets?|incidents?|reports?|invoices?|records?|dashboards?|monitoring|alerts?|"
                     r"pages?|paged|pager\w*|on-?call|rota|timesheets?|jira|surveys?|surveyed|counted|measured|data|"
                     r"spreadsheets?|exports?|history|post-?mortems?|csv|metrics?|graphs?|billing|statements?|audits?|"
                     r"tracker|queue|calendar|ci|builds?|pipeline|runs?|crm|support|complaints?|orders?|accounts|ledger|"
                     r"payroll|rota|sheet|minutes|changelog|git|commits?|events?)\b", re.IGNORECASE)
_PERIOD = re.compile(r"\b(last|past|previous|this|since)\b|\b(in|during|over|for|of)\s+(20\d\d|q[1-4])\b|\b20\d\d\b|"
                     r"\b(\d+|one|two|three|four|six|nine|twelve|eighteen)\s+(days?|weeks?|months?|quarters?|years?|sprints?)\b|"
                     r"\b(a|per|each|every)\s+(day|week|month|quarter|year)\b", re.IGNORECASE)


def problem_and_evidence(case: Case) -> Result:
    """The problem and where the numbers come from, both written, both with numbers."""
    name = "the problem and its evidence"
    problem, evidence = case.text("problem").strip(), case.text("evidence").strip()
    if len(_words(problem)) < 6:
        return _result(name, "incorrect", "Describe the problem in a few sentences: what goes wrong, how often, who notices, "
                       "and what each time costs. The reader decides on the problem before the fix.",
                       "problem-without-evidence")
    if not re.search(r"\d", problem):
        return _result(name, "partial", "Put numbers in the problem: how often it happens and what each time costs "
                       "(\"fails about twice a month; each failure takes two engineers six hours\").",
                       "problem-without-evidence")
    if len(_words(evidence)) < 4:
        return _result(name, "incorrect", "Say where the numbers come from: which log, report or count, over what period, "
                       "and the rate you used for an hour of people's time. Without it, every amount is your word.",
                       "problem-without-evidence")
    if _NOT_EVIDENCE.search(evidence):
        return _result(name, "incorrect", "A guess or a feeling is not evidence, and a finance director will ask. Count "
                       "something real (a log, tickets, an invoice) and say what, over what period.",
                       "problem-without-evidence")
    if not re.search(r"\d", evidence):
        return _result(name, "partial", "Give the evidence's own numbers: how many events in what period, and the rate per "
                       "hour, so the reader can redo your sum.", "problem-without-evidence")
    if not (_SOURCE.search(evidence) and _PERIOD.search(evidence)):
        return _result(name, "partial", "Say where the numbers come from: which log, tickets or records you counted, and "
                       "over what period (\"the job's logs for the last 12 months: 24 failures\"). An estimate with no "
                       "source is your word, and a finance director asks whose count it is.", "problem-without-evidence")
    problem_cost = _amount(case, "problem_per_year")
    if problem_cost and problem_cost > 0 and not _supported(problem_cost, problem + "\n" + evidence, evidence):
        return _result(name, "partial", f"Your problem box says {_money(problem_cost)} a year, but no sum in the problem or "
                       "the evidence comes to it. A finance director redoes that sum first: write it out (events a year × "
                       f"time each × people × cost an hour = {_money(problem_cost)} a year), or correct the box.",
                       "problem-not-in-evidence")
    return _result(name, "correct", "The problem and its evidence are written down, with numbers the reader can redo.")


_RATE = re.compile(r"\s*(?:an?|per|each|/)\s*(?:engineer[- ]|person[- ]|staff[- ])?(?:hour|hr|h)\b", re.IGNORECASE)


def _supported(amount: float, text: str, evidence: str | None = None) -> bool:
    """Whether a text's totals agree with ``amount``: some amount it states (or a year of it) is within 10%;
    with no total, whether the evidence's counts × its hourly rate reach it (``_product_supports``)."""
    totals = []
    for m in _MONEY.finditer(text or ""):
        if _RATE.match(text, m.end()):
            continue  # "$75 an hour" is a rate, not a total
        number = float((m.group("n1") or m.group("n2")).replace(",", ""))
        value = number * _SCALE.get((m.group("s1") or m.group("s2") or "").lower(), 1)
        period = (m.group("period") or "").lower()
        totals += [value] + ([value * _PER_YEAR[period]] if period else [])
    if totals:
        return any(close(x, amount) for x in totals)
    return _product_supports(amount, text if evidence is None else evidence)


_COUNT_NUM = re.compile(r"(?<![\w$£€.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*\s*%)")


def _product_supports(amount: float, evidence: str) -> bool:
    """With no total written, whether the evidence's own counts and hourly rate multiply to about ``amount``
    (events × people × hours × rate, for a year, or by the month or week, or minutes as hours). Round 4: a
    $500,000 box passed on evidence whose counts make $21,600. No rate, or fewer than two counts: nothing to redo."""
    rates = [float((m.group("n1") or m.group("n2")).replace(",", "")) for m in _MONEY.finditer(evidence)
             if _RATE.match(evidence, m.end())]
    money_spans = [m.span() for m in _MONEY.finditer(evidence)]
    counts = []
    for m in _COUNT_NUM.finditer(evidence):
        if any(a <= m.start() < b for a, b in money_spans):
            continue
        if re.match(r"\s*(?:months?|years?|yrs?)\b", evidence[m.end():], re.IGNORECASE):
            continue  # "the last 12 months" is the window, not a count
        value = float(m.group(1).replace(",", ""))
        if 0 < value and not (1900 <= value <= 2100 and "." not in m.group(1)):
            counts.append(value)
    counts = counts[:8]
    if not rates or len(counts) < 2:
        return True
    products = {1.0}
    for c in counts:
        products |= {x * c for x in products}
    extras = (1.0, 12.0, 52.0, 1 / 60)  # a year's sum; by the month or the week; minutes as hours
    return any(close(rate * prod * extra, amount) for rate in rates for prod in products for extra in extras)


_REVENUE = re.compile(r"\b(revenue|turnover|sales|invoiced|gross\s+bookings|bookings|gmv|lost\s+orders?|orders?\s+(?:lost|worth)|"
                      r"failed\s+orders?|(?:customer\s+)?purchases|payments\s+(?:lost|missed|taken)|lost\s+payments|abandoned\s+carts?|"
                      r"carts?\s+(?:lost|abandoned)|takings|(?:a\s+year\s+|per\s+year\s+|annually\s+)?of\s+(?:lost\s+|failed\s+)?orders|"
                      r"orders?\s+(?:each\s+)?at\b|order\s+values?|aov|average\s+basket|basket\s+(?:size|value)s?)\b", re.IGNORECASE)
_MARGIN = re.compile(r"\b(margin|profit|contribution)\b", re.IGNORECASE)


_REVENUE_AND_MARGIN = re.compile(
    r"\b(revenue|sales|turnover|orders?|purchases|takings)\s+(?:and|&|plus|as\s+well\s+as)\s+(?:our\s+|the\s+|its\s+)?(margin|profit)\b",
    re.IGNORECASE)


def counts_revenue(text: str) -> bool:
    """Whether a text counts revenue (sales, orders, order value) and never says margin or profit, or counts
    revenue AND margin together ("sales revenue and our margin"), which adds the margin in twice."""
    text = text or ""
    return bool(_REVENUE.search(text)) and (not _MARGIN.search(text) or bool(_REVENUE_AND_MARGIN.search(text)))
_NO_RISK = re.compile(r"^\W*(no|none|nothing|n/?a|nil)\b|\bno\s+(real\s+|significant\s+|major\s+|serious\s+)?risks?\b"
                      r"|\brisk[- ]free\b|\bnothing\s+(can|could)\s+go\s+wrong\b", re.IGNORECASE)


_SHARE_SENTENCE = re.compile(r"\b(cur\w*|fix\w*|remov\w*|caus\w*|stop\w*|prevent\w*|of\s+them|of\s+the\s+\d)", re.IGNORECASE)
_SHARE_WORDS = {"a half": 0.5, "half": 0.5, "a third": 1 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "three quarters": 0.75}


def evidence_shares(text: str) -> list[float]:
    """The shares a case's evidence or options give for what the fix cures ("18 of them", "3 in 4", "64%",
    "two thirds"), read only in sentences that speak of curing, fixing, removing or causing. Round 5: a
    saving of 93% of the problem passed beside evidence that says the fix removes 3 in 4."""
    shares = []
    for sentence in re.split(r"(?<=[.;\n])\s*", text or ""):
        if not _SHARE_SENTENCE.search(sentence):
            continue
        for m in re.finditer(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:%|per\s*cent)", sentence, re.IGNORECASE):
            shares.append(float(m.group(1)) / 100)
        for m in re.finditer(r"(?<![\d.,$£€])(\d+)\s+(?:in|of|out\s+of)\s+(?:the\s+|every\s+)?(\d+)\b(?!\s*(?:months?|years?|weeks?|days?)\b)",
                             sentence, re.IGNORECASE):
            part, whole = float(m.group(1)), float(m.group(2))
            if 0 < part <= whole:
                shares.append(part / whole)
        for m in re.finditer(r"(?<![\d.,$£€])(\d+)\s+([a-z][\w-]*\s+){0,2}?[a-z]+s?,\s+(\d+)\s+of\s+them\b", sentence, re.IGNORECASE):
            whole, part = float(m.group(1)), float(m.group(3))
            if 0 < part <= whole:
                shares.append(part / whole)
        for word, value in _SHARE_WORDS.items():
            if re.search(rf"\b{word}\b", sentence, re.IGNORECASE):
                shares.append(value)
    return [x for x in shares if 0 < x <= 1]


_ALL_GONE = re.compile(r"(?<!\bnot\s)\b(eliminat\w+|remov\w+|stop\w*|end\w*|prevent\w*|fix\w*|cur\w+|get\s+rid\s+of)\s+"
                       r"(?:all|every|each)\s+(?:of\s+)?(?:the\s+|these\s+|those\s+|our\s+)?(?:\w+\s+)?(failures?|outages?|incidents?|errors?|problems?)\b"
                       r"|\bnever\s+(fails?|breaks?|goes\s+down)\s+again\b|\b(no|zero)\s+more\s+(failures|outages|incidents|errors)\b"
                       r"|\b(failures?|outages?|incidents?|errors?)\s+(?:go|goes|drop|drops|fall|falls)\s+to\s+(zero|nothing|none)\b"
                       r"|\b(failures?|outages?|incidents?|errors?|problems?|it|them)\b[^.;\n]{0,30}\b(for\s+good|once\s+and\s+for\s+all|permanently|forever|for\s+ever)\b"
                       r"|\b(eliminat\w+|remov\w+|stop\w*|end\w*|prevent\w*|fix\w*|cur\w+|get\s+rid\s+of)\s+(?:the\s+|these\s+|those\s+|our\s+)?(?:\w+\s+){0,3}(failures?|outages?|incidents?|errors?)\b[^.;\n]{0,20}\b(for\s+good|once\s+and\s+for\s+all|permanently|forever|entirely|completely|altogether)\b"
                       r"|\b(permanently|completely|entirely)\s+(eliminat\w+|remov\w+|stop\w*|end\w*|prevent\w*|fix\w*|cur\w+)\b"
                       r"|\b(wip(?:e|es|ed|ing)\s+out|eradicat\w+|banish\w*|abolish\w*)\s+(?:all\s+)?(?:the\s+|these\s+|those\s+|our\s+)?(?:[a-z]+\s+){0,3}(failures?|outages?|incidents?|errors?)\b"
                       r"|\b(failures?|outages?|incidents?|errors?|problems?|it|them)\b[^.;\n]{0,30}\b(a\s+thing\s+of\s+the\s+past|(?:consign\w*|go\w*)\s+(?:down\s+)?(?:to\s+|in\s+)?history)\b"
                       r"|\bzero\s+(?:[a-z]+\s+){0,2}(failures|outages|incidents|errors)\b"
                       r"|\b(put\s+an\s+end\s+to|the\s+end\s+of)\s+(?:the\s+|these\s+|those\s+|our\s+)?(?:\w+\s+){0,3}(failures?|outages?|incidents?|errors?)\b",
                       re.IGNORECASE)


def avoided_not_total(case: Case) -> Result:
    """The benefit of a fix is the loss it avoids, a share of the problem, never more than all of it."""
    name = "the saving, not the whole problem"
    problem, saving = case.amount("problem_per_year"), case.amount("saving_per_year")
    if problem is None or saving is None:
        return _result(name, "incorrect", "Fill in what the problem costs a year today **and** what the fix saves a year: "
                       "the case turns on the difference between them.")
    if problem <= 0 or saving <= 0:
        return _result(name, "incorrect", "Both amounts should be above zero: a cost today and a saving the fix buys.")
    if saving > problem * 1.001:
        return _result(name, "incorrect", f"The fix saves {_money(saving)} a year, more than the whole problem costs "
                       f"({_money(problem)}). A fix can only avoid loss that exists: check both numbers.",
                       "more-than-the-problem")
    said = " ".join(case.lines("headline") + case.lines("evidence") + case.lines("problem"))
    if counts_revenue(said):
        return _result(name, "partial", "Your case counts revenue (sales, orders or their value). Most of it is not lost "
                       "or saved: what the business keeps is the margin on the orders that never come back. State the "
                       "saving as margin, or as cash or time, and say which.", "revenue-as-saving")
    if saving >= problem * 0.99:
        return _result(name, "partial", f"Your fix saves the whole problem ({_money(problem)} a year). Few fixes remove "
                       "every cause: which causes does it address, and what share of the loss do they make? "
                       "The saving is that share, the avoided loss.", "whole-problem")
    if saving < problem * 0.9 and _ALL_GONE.search(" ".join(case.lines("headline") + case.lines("ask"))):
        return _result(name, "partial", f"The headline promises every failure gone, but your own saving is "
                       f"{saving / problem:.0%} of the problem ({_money(saving)} of {_money(problem)} a year): the fix removes "
                       "some causes, not all. Say which failures it stops, and claim that share.", "whole-problem")
    shares = evidence_shares("\n".join(case.lines("evidence") + case.lines("options")))
    if shares and saving / problem > max(shares) + 0.10:
        return _result(name, "partial", f"You claim the fix saves {saving / problem:.0%} of the problem ({_money(saving)} "
                       f"of {_money(problem)} a year), but your own evidence or options say it cures at most "
                       f"{max(shares):.0%}. The saving is that share of the problem, about {_money(problem * max(shares))} a year: "
                       "a finance director reads both boxes and takes the smaller.", "whole-problem")
    return _result(name, "correct", f"The fix saves {_money(saving)} of the {_money(problem)} a year "
                   f"({saving / problem:.0%}): the avoided loss, the number that pays the fix back.")


def headline_states_the_saving(case: Case) -> Result:
    """The headline's number is the case's own saving (within 10%), and the headline is strong by the framing checker."""
    from workshop.framing import assess

    name = "the headline's number is the saving"
    headline = case.text("headline")
    if not headline:
        return _result(name, "incorrect", "Write the headline: the one sentence a budget holder reads first.")
    a = assess(headline)
    if not a.elements["magnitude"]:
        return _result(name, "incorrect", "Put a number in the headline: what the fix saves a year, and when it pays back. "
                       "Without one, the reader can't weigh it against anything.", "no-number-in-headline")
    problem, saving, low, cost = (_amount(case, n) for n in ("problem_per_year", "saving_per_year", "low_saving_per_year", "fix_cost"))
    if saving is None or saving <= 0:
        return _result(name, "incorrect", "Fill in the saving box: the headline's number is checked against it.")
    money = money_in(headline)
    numbers = amounts_in(headline) + [y for _, y in money if y is not None]
    running = _amount(case, "running_cost_per_year") or 0.0
    net = saving - running
    low_net = (low - running) if low else None
    # The rule: the headline weighs what the business keeps, the saving net of what the fix costs to run.
    if running and net > 0 and not close(saving, net) and any(close(x, saving) for x in numbers) \
            and not any(close(x, net) for x in numbers):
        return _result(name, "partial", f"The headline gives the saving before running cost ({_money(saving)} a year), but "
                       f"the fix costs {_money(running)} a year to run. What the business keeps is the net, about "
                       f"{_money(net)} a year: lead with that, and its payback.", "running-cost-ignored")
    if running and net > 0:
        saving, low = net, (low_net if low_net and low_net > 0 else None)
    states_low = bool(low) and low < saving and any(close(x, low) for x in numbers)
    if any(close(x, saving) for x in numbers) or states_low:
        wrong = _headline_money_problem(case, headline, saving, low, cost)
        if wrong:
            return wrong
        if not a.strong:
            return _result(name, "partial", f"The headline states the saving but is not yet strong (score {a.score}/100). "
                           + (a.feedback[0] if a.feedback else ""))
        if states_low and not any(close(x, saving) for x in numbers):
            return _result(name, "correct", f"The headline leads with the sceptic's low case ({_money(low)} a year), the "
                           f"floor a finance director trusts most, and is strong (score {a.score}/100). Good: now give the "
                           f"estimate too, about {_money(saving)} a year, so the reader sees the range.")
        return _result(name, "correct", f"The headline states the saving{' net of running cost' if running else ''} ({_money(saving)} a year) and is strong "
                       f"(score {a.score}/100).")
    if problem and not close(saving, problem) and any(close(x, problem) for x in numbers):
        return _result(name, "partial", f"The headline leads with the whole problem ({_money(problem)} a year). The fix buys "
                       f"{_money(saving)} of it; that is the number a budget holder weighs against the cost of the fix.",
                       "headline-sells-the-problem")
    known = [v for v in (problem, saving, low, cost) if v]
    stray = [x for x, _ in money if x > 0 and not any(close(x, v) for v in known)]
    if stray:
        return _result(name, "incorrect", f"The headline says {_money(stray[0])}, but your saving box says {_money(saving)} "
                       "a year, and no box on the page gives the headline's figure. The first number a finance director "
                       f"checks is the headline's: make it the saving, about {_money(saving)} a year.",
                       "headline-not-the-saving")
    return _result(name, "partial", f"The headline's number is not the saving. Lead with what the fix saves, about "
                   f"{_money(saving)} a year (your saving box), beside what it costs.", "headline-not-the-saving")


_BUDGET = re.compile(r"\b(?:off|from|out\s+of)\s+(?:the\s+|our\s+|its\s+)?(?:\w+\s+)?budget\b|\bbudget\s+(?:cut|saving)s?\b"
                     r"|\bcash\s+(?:back|saving|savings|saved)\b|\b(?:save|saves|saving)\s+(?:us\s+)?[^.]{0,25}\bin\s+cash\b"
                     r"|\b(?:spend|pay)\s+[^.]{0,25}\bless\b|\b(?:reduces?|reducing|cuts?|cutting|lowers?|lowering)\s+(?:our\s+|the\s+|its\s+)?(?:\w+\s+)?(?:costs?|spend(?:ing)?|bills?)\b"
                     r"|\b(?:operating|operational|overhead)\s+(?:costs?|expenses?|spend)\b|\bopex\b|\boverheads\b"
                     r"|\bcost\s+(?:reductions?|savings?)\b|\bsavings?\s+(?:to|on|in)\s+(?:the\s+|our\s+)?budget\b"
                     r"|\b(?:no\s+longer|never\s+again|stop)\s+(?:spend|spending|pay|paying)\b|\bmoney\s+(?:we|we'll|we\s+will)\s+(?:no\s+longer|not)\s+spend\b"
                     r"|\bfree(?:s|d|ing)?\s+up\b[^.]{0,40}\bbudget\b|\bof\s+(?:the\s+|our\s+)?budget\b|\bbottom\s+line\b|\bstraight\s+(?:to|into)\s+profit\b"
                     r"|\b(?:save|saves|saving)\s+the\s+(?:company|business|firm|organi[sz]ation)\b(?![^.]{0,50}\b(?:time|hours|engineer|staff)\b)",
                     re.IGNORECASE)


def claims_cash(text: str) -> bool:
    """Whether a text promises cash or budget, not counting a denied one ("not money off the budget")."""
    for m in _BUDGET.finditer(text or ""):
        before = text[max(0, m.start() - 30):m.start()].lower()
        if not re.search(r"\b(not|no|nor|never|isn'?t|won'?t|doesn'?t)\b", before):
            return True
    return False
_MULTIPLE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:x|×|-?fold|times)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:return|roi|payoff|pay-off)\b"
                       r"|\b(?:return|roi)\s+of\s+(\d+(?:\.\d+)?)\s?(?:x|×|times)\b"
                       r"|(?<![\w.])(\d+(?:\.\d+)?)\s?(?:%|per\s?cent)\s+(?:a\s+year\s+|annual\s+|yearly\s+)?(?:return|roi)\b"
                       r"|\b(?:return|roi)\s+(?:of\s+)?(\d+(?:\.\d+)?)\s?(?:%|per\s?cent)", re.IGNORECASE)


_SEVERAL_TIMES = re.compile(r"\b(?:several|many|multiple|countless)\s+times\s+(?:over|its\s+cost|what\s+it\s+costs)\b", re.IGNORECASE)
_FLOOR = re.compile(r"\b(?:at\s+least|at\s+a\s+minimum|a\s+minimum\s+of|no\s+less\s+than|not\s+less\s+than|as\s+a\s+floor|a\s+floor\s+of|guaranteed\s+minimum\s+of)\s+", re.IGNORECASE)


def _headline_money_problem(case: Case, headline: str, saving: float, low: float | None, cost: float | None) -> Result | None:
    """A headline that states the saving but claims what its own page contradicts: a time saving as budget
    or cash, or a return multiple that isn't the saving ÷ the cost."""
    from workshop.labs.capstone.case import _kind_of_money

    name = "the headline's number is the saving"
    said = " ".join(case.text(n) for n in ("problem", "evidence"))
    if (claims_cash(headline) or claims_cash(said)) and _kind_of_money(_BUDGET.sub(" ", said)) == "staff":
        return _result(name, "partial", "The headline promises money off the budget (or cash back), but your evidence "
                       "counts engineers' time: people already paid. Their hours go to other work; nobody's budget "
                       "shrinks unless overtime, contractors or hiring change. Say 'engineer time', and what it goes to.",
                       "time-as-cash")
    m = _MULTIPLE.search(_digits(headline))
    vague = _SEVERAL_TIMES.search(headline)
    if (m or vague) and cost and cost > 0:
        if not m:
            claimed = 3.0  # "several times over": at least two or three times its cost
        else:
            claimed = float(m.group(1) or m.group(2)) if (m.group(1) or m.group(2)) else float(m.group(3) or m.group(4)) / 100
        truths = [saving / cost] + ([low / cost] if low else [])
        if not any(abs(claimed - t) <= max(0.25 * t, 0.15) for t in truths):
            said_claim = f"a {claimed:g}x return" if m else f"a return of {vague.group(0)}"
            return _result(name, "partial", f"The headline claims {said_claim}, but your own boxes give "
                           f"{_money(saving)} a year ÷ {_money(cost)} = {saving / cost:.1f}x a year. A finance director "
                           "does that division first: state the return your numbers give, or the payback.",
                           "return-not-the-sum")
    for f in _FLOOR.finditer(headline):
        after = money_in(headline[f.end():f.end() + 25])
        if after and low and low < saving * 0.95 and close(after[0][1] or after[0][0], saving) and not close(after[0][1] or after[0][0], low):
            return _result(name, "partial", f"The headline sells the estimate ({_money(saving)} a year) as a floor ('"
                           f"{f.group(0).strip()}'), but your own low case is {_money(low)}: the estimate could be less, "
                           "which is why the low case is there. Say 'about', or put the low case as the floor.",
                           "payback-guaranteed")
    page = " ".join(case.text(n) for n in ("problem", "evidence", "options", "risks"))
    known = {round(float(x), 1) for x in re.findall(r"(\d+(?:\.\d+)?)\s?(?:%|per\s?cent)", page, re.IGNORECASE)}
    ratios = [saving / problem_ for problem_ in [_amount(case, "problem_per_year")] if problem_] \
        + ([low / saving] if low else []) + ([saving / cost, (saving - cost) / cost] if cost else []) \
        + ([low / cost] if low and cost else [])
    for pm in re.finditer(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:%|per\s?cent)", headline, re.IGNORECASE):
        value = float(pm.group(1))
        if m and pm.start() >= m.start() - 5 and pm.end() <= m.end() + 5:
            continue  # a return, checked above
        if round(value, 1) in known or any(abs(value - 100 * r) <= max(2, 0.05 * value) for r in ratios):
            continue
        return _result(name, "partial", f"The headline promises {pm.group(0)}, but nothing on the page gives it: not the "
                       "evidence, the options or your boxes. A number a finance director can't trace is the one they "
                       "strike out, and the rest of the page with it. Give its source in the evidence, or leave it out.",
                       "invented-number")
    return None


_GUARANTEED = re.compile(r"(?<!\bnot\s)(?<!\bno\s)\b(guarantee[ds]?|guaranteeing|certain\s+to|definitely|is\s+sure\s+to|will\s+certainly)\b"
                         r"[^.;\n]{0,60}\b(pay|pays|paying|payback|saves?|saving)\b"
                         r"|\b(pay|pays|payback|saves?|saving)\b[^.;\n]{0,40}\b(guaranteed|for\s+certain|definitely)\b", re.IGNORECASE)
_IN_WEEKS = re.compile(r"\b(pays?|paying|paid)\s+(for\s+itself\s+|back\s+|off\s+)?(with)?in\s+(a\s+few\s+|just\s+|mere\s+)?weeks\b"
                       r"|\bpayback\s+(of|in|within)\s+(a\s+few\s+|just\s+)?weeks\b", re.IGNORECASE)
_WORST_CASE_PAYBACK = re.compile(r"[^.;\n]*\b(worst|low|sceptic'?s?|pessimistic)[\s-]+case\b[^.;\n]*|[^.;\n]*\beven\s+if\b[^.;\n]*",
                                 re.IGNORECASE)
PAYBACK_FIELDS = ("headline", "problem", "evidence", "ask")  # options may state other options' paybacks


def payback_adds_up(case: Case) -> Result:
    """Any payback the case states agrees with its own cost ÷ saving (or the low case's)."""
    name = "the payback adds up"
    stated = [p for field in PAYBACK_FIELDS for p in stated_paybacks(case.text(field))]
    cost, saving, low = case.amount("fix_cost"), case.amount("saving_per_year"), case.amount("low_saving_per_year")
    running = _amount(case, "running_cost_per_year") or 0.0
    said_all = " ".join(case.text(f) for f in PAYBACK_FIELDS)
    if _GUARANTEED.search(said_all):
        return _result(name, "partial", "The case promises the payback as certain, but the saving is an estimate, and "
                       "your own low case is there because it could be less. Say 'about', and give the low case's payback "
                       "beside it.", "payback-guaranteed")
    if _IN_WEEKS.search(said_all):
        stated.append((2.0, "under"))
    worst_said = [w.group(0) for w in _WORST_CASE_PAYBACK.finditer(said_all)]
    if worst_said and cost and low and low > running:
        low_months = _months(cost, low - running)
        claims = [p for w in worst_said for p in stated_paybacks(w)]
        fits = any((b == "under" and low_months <= m * 1.1) or (not b and abs(m - low_months) <= max(1.0, 0.2 * low_months))
                   or b == "over" for m, b in claims)
        for months, bound in ([] if fits else claims):
            if (bound == "under" and low_months > months * 1.1) or (not bound and abs(months - low_months) > max(1.0, 0.2 * low_months)):
                return _result(name, "incorrect", f"The case says it pays back in {_about_months(months)} even in the "
                               f"worst case, but your own low case gives {_money(cost)} ÷ {_money(low - running)} a year × 12 = "
                               f"{_about_months(low_months)}. State the low case's payback as it is.", "payback-contradiction")
    unpriced = _unpriced_running_cost(case) if not running else None
    if unpriced:
        return _result(name, "partial", f"The case mentions a running cost (\u201c{unpriced}\u201d) but the running-cost "
                       "box is empty, so the payback is gross. Put what the fix costs a year to run in the box: the "
                       "payback is the cost ÷ (saving − running cost).", "running-cost-ignored")
    if not stated and cost and saving and cost > 0 and saving > running:
        net = f"({_money(saving)} − {_money(running)} running cost)" if running else _money(saving)
        return _result(name, "correct", f"The page works out the payback from your numbers: {_money(cost)} ÷ "
                       f"{net} a year is {_about_months(_months(cost, saving - running))}.")
    if not stated:
        return _result(name, "incorrect", "Fill in what the fix costs and what it saves a year: the payback is worked out "
                       "from them (cost ÷ saving a year × 12 months).")
    if not cost or not saving or cost <= 0 or saving <= 0:
        return _result(name, "incorrect", "The case states a payback; fill in what the fix costs and what it saves a year, "
                       "so the reader can check it (cost ÷ saving a year × 12 months).")
    running = _amount(case, "running_cost_per_year") or 0.0
    if saving <= running:
        return _result(name, "incorrect", f"The fix costs {_money(running)} a year to run, at least what it saves "
                       f"({_money(saving)} a year): it never pays back. Cut the running cost, or make the case on what "
                       "else it buys.", "running-cost-ignored")
    truths = [_months(cost, saving - running)] + ([_months(cost, low - running)] if low and low > running else [])

    def agrees(months: float, bound: str) -> bool:
        if bound == "under":
            return any(t <= months * 1.1 for t in truths)
        if bound == "over":
            return any(t >= months * 0.9 for t in truths)
        return any(abs(months - t) <= max(1.0, 0.2 * t) for t in truths)

    wrong = [(m, b) for m, b in stated if not agrees(m, b)]
    headline = case.text("headline")
    said = [y if y is not None else x for x, y in money_in(headline)]
    mine = [v for v in (saving, low) if v]
    own = [x for x in said if x > running and any(close(x, v) for v in mine)
           and min(abs(x - v) for v in mine) < abs(x - cost)]
    if not wrong and own and stated_paybacks(headline):
        truths_before = truths
        truths = [_months(cost, x - running) for x in own]
        wrong = [(m, b) for m, b in stated_paybacks(headline) if not agrees(m, b)]
        if wrong:
            months, bound = wrong[0]
            said_m = {"under": "under ", "over": "over "}.get(bound, "") + _about_months(months).replace("about ", "")
            return _result(name, "incorrect", f"The headline says it pays back in {said_m}, but the saving the headline "
                           f"itself gives, {_money(own[0])} a year, makes {_money(cost)} ÷ {_money(own[0] - running)} × 12 = "
                           f"{_about_months(truths[0])}. A reader checks a sentence against its own numbers: give the "
                           "payback of the saving you lead with.", "payback-contradiction")
        truths = truths_before
    if wrong:
        months, bound = wrong[0]
        said = {"under": "under ", "over": "over "}.get(bound, "") + _about_months(months).replace("about ", "")
        return _result(name, "incorrect", f"The case says it pays back in {said}, but its own numbers say "
                       f"{_money(cost)} ÷ {_money(saving - running)} a year{' (net of its running cost)' if running else ''} × 12 = {_about_months(truths[0])}. "
                       "A finance director does that division first: state the payback your numbers give.",
                       "payback-contradiction")
    net = f"({_money(saving)} − {_money(running)} running cost)" if running else _money(saving)
    return _result(name, "correct", f"The payback stated agrees with the numbers: {_money(cost)} ÷ {net} a year "
                   f"is {_about_months(truths[0])}.")


_RUNNING = re.compile(r"\b(?:(?:licen[cs]e|subscription|hosting|servers?|cloud|saas|vendor|support\s+contract)\b[^.\n]{0,40}?"
                      r"(?:a|per|each|every|/)\s*(?:month|mo|year|yr|annum)\b|running\s+costs?\b(?![^.\n]{0,20}\b(?:none|nil|zero|0)\b)"
                      r"|\d[\d,.]*\s*k?(?:\s*(?:dollars|pounds|euros|usd|gbp|eur))?\s*(?:a|per|/)\s*(?:month|mo)\b"
                      r"|\b(?:licen[cs]e|subscription|hosting|host|servers?|cloud|saas|vendor|fee|queue|to\s+run|runs?\s+to)\b[^.\n]{0,40}?"
                      r"\d[\d,.]*\s*k?(?:\s*(?:dollars|pounds|euros|usd|gbp|eur))?\s*(?:annually|yearly|p\.?\s?a\.?|(?:a|per|/|each|every)\s*(?:year|yr|annum))(?!\w)"
                      r"|\d[\d,.]*\s*k?(?:\s*(?:dollars|pounds|euros|usd|gbp|eur))?\s*(?:annually|yearly|p\.?\s?a\.?|(?:a|per|/|each|every)\s*(?:year|yr|annum))(?!\w)[^.\n]{0,30}?\b(?:bill|cloud|hosting|licen[cs]e|subscription|to\s+run|running|servers?|vendor|fee)\b)", re.IGNORECASE)


def _unpriced_running_cost(case: Case) -> str | None:
    """Words about the fix itself that name a running cost (a licence a month, servers a year), when its box is blank."""
    cost = _amount(case, "fix_cost")
    chosen = [o for o in case.lines("options") if not DO_NOTHING.search(o)
              and cost and any(close(x, cost) for x in [v for v, _ in money_in(o)] + amounts_in(o))]
    for text in [case.text("fix_cost"), case.text("ask"), *case.lines("risks"), *chosen]:  # the chosen option, not the others
        m = _RUNNING.search(_digits(text or ""))
        if m:
            return " ".join(m.group(0).split())[:60]
    return None


_LOW_REASON = re.compile(r"\b(low|sceptic'?s?|skeptic'?s?|worst|pessimistic|cautious|conservative|bad)[\s-]+(case|end|estimate|figure|number)\b"
                         r"|\bassum\w*|\bif\s+only\b|\bonly\s+(\d+|half|a\s+third|a\s+quarter|some|two\s+thirds)\b|\bat\s+worst\b"
                         r"|\bat\s+least\b", re.IGNORECASE)


def sceptic_low_case(case: Case) -> Result:
    """The sceptic's low saving (a real doubt, at most 80% of the estimate) and the payback it still gives."""
    name = "the sceptic's low case"
    saving, low, cost = (case.amount(n) for n in ("saving_per_year", "low_saving_per_year", "fix_cost"))
    if cost is None or cost <= 0:
        return _result(name, "incorrect", "Fill in what the fix costs (people × weeks × rate is enough): payback needs it.")
    if low is None:
        return _result(name, "incorrect", "What would a sceptic say the fix saves? Put in their low number; a case that "
                       "still pays back at the low end is one a finance director signs.", "one-estimate")
    if low <= 0:
        return _result(name, "incorrect", "The low case should still be a saving above zero; if the sceptic's honest answer "
                       "is zero, say why in the risks.")
    if saving is not None and saving > 0 and low >= saving:
        return _result(name, "partial", f"The low case ({_money(low)}) should be lower than your estimate "
                       f"({_money(saving)}): what would the sceptic doubt?", "low-case-too-close")
    if saving is not None and saving > 0 and low > 0.8 * saving:
        return _result(name, "partial", f"The low case ({_money(low)}) is {low / saving:.0%} of your estimate "
                       f"({_money(saving)}): that is the same estimate rounded down, not a doubt. Take the assumption a "
                       "sceptic would question (only some of the failures stop, the fix takes twice as long) and work "
                       f"it through; this workshop asks for a low case of at most 80% of the estimate, here {_money(0.8 * saving)} or less.",
                       "low-case-too-close")
    page = " ".join(case.text(n) for n in ("evidence", "problem", "options", "risks", "headline", "ask"))
    # The reason usually lives in the evidence: while the evidence itself is to do, that check speaks first.
    evidence_done = problem_and_evidence(case).status == "correct"
    if saving is not None and saving > 0 and evidence_done and not _LOW_REASON.search(page):
        return _result(name, "partial", f"Your low case ({_money(low)} a year) has no reason on the page. Say which "
                       "assumption the sceptic doubts and how far (\"the low case assumes retries cure only 12 of the 18 "
                       "timeouts\"): a number with no reason is the estimate rounded down.", "low-case-too-close")
    running = _amount(case, "running_cost_per_year") or 0.0
    if low <= running:
        return _result(name, "partial", f"In the sceptic's low case the fix saves {_money(low)} a year and costs "
                       f"{_money(running)} a year to run: it never pays back. Say so, and look for a cheaper way to run it.",
                       "running-cost-ignored")
    months = _months(cost, low - running)
    if months > 36:
        return _result(name, "partial", f"In the sceptic's low case the {_money(cost)} fix takes {_about_months(months)} "
                       "to pay back. Say so, and look for a smaller first step.")
    return _result(name, "correct", f"Even in the sceptic's low case ({_money(low)} a year) the {_money(cost)} fix pays back "
                   f"in {_about_months(months)}.")


def do_nothing_option(case: Case) -> Result:
    """Doing nothing is an option with a cost: the one every other option is compared with."""
    name = "the options, with doing nothing and its cost"
    options = case.lines("options")
    if len(options) < 2:
        return _result(name, "incorrect", "A decision needs a choice: list at least two options, one per line, "
                       "and make doing nothing one of them.", "one-option")
    nothing = [o for o in options if DO_NOTHING.search(o)]
    if not nothing:
        return _result(name, "partial", "Add **doing nothing** as an option, with what it costs a year. It is the option "
                       "the budget holder compares everything else with.", "doing-nothing-is-free")
    problem = _amount(case, "problem_per_year")
    costs = [x for o in nothing for x in [v for v, _ in money_in(o)] + amounts_in(o)
             if x > 1 and not (1900 <= x <= 2100 and float(x).is_integer() and not re.search(r"[$£€]\s?" + f"{x:.0f}", o))]
    if not costs:
        also = f" Your own problem box says it is {_money(problem)} a year." if problem else ""
        return _result(name, "partial", "Your do-nothing option has no cost. Doing nothing keeps the problem, and what the "
                       f"problem costs: write it on that line (\"Do nothing: the repairs continue, about ... a year\").{also}",
                       "doing-nothing-is-free")
    bare = [o for o in options if not DO_NOTHING.search(o) and not _described(o)]
    if bare:
        return _result(name, "partial", f"{len(bare)} option{'s' * (len(bare) > 1)} {'has' if len(bare) == 1 else 'have'} "
                       "only a name. Give each option a pro and a con (what it gains, what it costs), so the reader "
                       "can compare them: \"Retries: pro: removes the timeout failures; con: two engineers for two weeks\".")
    return _result(name, "correct", f"{len(options)} options, each with what it costs or changes, including doing nothing "
                   "and its cost.")


def _described(option: str) -> bool:
    """An option line that says more than a name: 'Name: what it costs and changes', or a sentence of six words."""
    if re.search(r"\b(?:pros?|cons?)\s*:\s*\w", option, re.IGNORECASE):  # the form's "Name: pro: ...; con: ..."
        return True
    name, sep, note = _split(option)
    return (len(_words(note)) >= 3 or bool(re.search(r"\d", note))) if sep else len(_words(option)) >= 6


def _split(option: str) -> tuple[str, str, str]:
    parts = re.split(r"(:|\u2013|\u2014| - )", option, maxsplit=1)
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else (option, "", "")


_MECHANISM = re.compile(
    r"\b(flag|feature[- ]flag|toggle|switch(?:ing)?\s+(?:it\s+)?(?:back|off)|setting|config(?:uration)?\s+(?:change|setting|value)|roll(?:ed|ing)?[- ]?back|rollback|"
    r"revert\w*|redeploy\w*|previous version|old (?:job|version|system|code|path|service|one)|side by side|in parallel|"
    r"old\s+\w+|previous\s+\w+|alongside|canary|pilot|trial|per ?cent|%|backup|snapshot|copy|restore|"
    r"exit clause|cancel\w*|notice period|tags?|re-?enabl\w*|remov\w+\s+(?:the|one|a|that)\s+\w+|migrat\w*|dual[- ]writes?|shadow|blue[- ]green|"
    r"behind a|kill[- ]switch|turn(?:ed|ing)? (?:it )?off)", re.IGNORECASE)
_GENERIC = set("""a an the it this that we i you they us our can could would will should may might be is are was were
if then so and or but to of in on at for with by as from any all some things thing it's its just easily easy always
undo undone reverse reversible reversed back go going change changed later needed need necessary wrong goes risk risks
there manage handle handled carefully careful mitigate mitigated issue issues problem problems usual possible potential
unforeseen minimal low small some few several many do done not no none fine ok okay really""".split())


def _specific(text: str) -> int:
    """How many words say something beyond the generic ('we can undo it', 'there are some risks')."""
    return sum(1 for w in _words(text) if w not in _GENERIC)


# "One-way" and "two-way" are labels, not mechanisms (module 07: a door is made two-way by a flag, dual writes, an exit clause).
_CANT_UNDO = re.compile(r"\b(one-way|can(?:no|')t be (?:undone|recalled|reversed)|cannot undo|irreversible)\b", re.IGNORECASE)
_LABEL_ONLY = re.compile(r"(?i)\W*(it'?s\s+)?(a\s+)?(one|two)-way(\s+door)?\W*")


def reversibility(case: Case) -> Result:
    """How the decision could be undone (a flag, a rollback, side by side), or why it can't."""
    name = "reversibility"
    text = case.text("reversibility")
    mechanism = _MECHANISM.search(text) and _specific(text) >= 1 and len(_words(text)) >= 3  # "Behind a flag." names how; "Feature flag." is a label
    timed = re.search(r"\d", text) and _specific(text) >= 2 and not _LABEL_ONLY.fullmatch(text.strip())
    why_not = _CANT_UNDO.search(text) and _specific(text) >= 4  # one-way, and why: the reason is the content
    if not (mechanism or timed or why_not):
        return _result(name, "incorrect", "Say how, concretely, you would undo the change: a flag, a rollback, running old "
                       "and new side by side, a pilot on a share of the traffic, and how long switching back takes; or why "
                       "it can't be undone. \"We can undo it\" tells the reader nothing they can check, and nor does \"a two-way door\" on its own.",
                       "vague-reversibility")
    return _result(name, "correct", "You say how the step could be undone, so the reader knows how much proof it needs.")


def risks_of_the_fix(case: Case) -> Result:
    """The fix's own risks, each named specifically: a case that names them is one a sceptic trusts."""
    name = "risks of the fix itself"
    lines = case.lines("risks")
    if not any(_words(r) for r in lines):
        return _result(name, "incorrect", "Name at least one risk of the fix itself (what could go wrong while you make it) "
                       "and what you would do about it.", "no-risks")
    if all(_NO_RISK.search(r) for r in lines if _words(r)):
        return _result(name, "incorrect", "Every fix has risks of its own: what could it break, and who would notice "
                       "first? A case that claims none is the one a finance director trusts least.", "no-risks")
    risks = [r for r in lines if _specific(r) >= 2]
    if not risks:
        return _result(name, "incorrect", "Name the risk itself: what could go wrong, to what, and what you would do "
                       "(\"a retry could send an invoice twice; each run checks for an existing invoice first\"). "
                       "\"There are some risks\" is a risk nobody can plan for.", "vague-risks")
    named = "One risk" if len(risks) == 1 else f"{len(risks)} risks"
    return _result(name, "correct", f"{named} of the fix named: a sceptic trusts a case that names its own.")


_WHO = re.compile(r"(?i:\b(\d+|one|two|three|four|five|six|a|an)?\s*(engineers?|developers?|devs?|people|persons?|team|squad|"
                  r"contractors?|consultants?|staff|sres?|designers?|analysts?|testers?|qa|admins?|me|myself|us|we|"
                  r"i|pair|specialists?|vendor|agency|budget)\b)|\b[A-Z][a-z]+ and [A-Z][a-z]+\b")  # or two people's names
_WHEN = re.compile(
    r"\b(?:from|by|starting|start|next|this|before|until|in|on|over|during)\s+(?:the\s+)?(?:next\s+|this\s+|early\s+|"
    r"late\s+|mid-?\s*|(?:the\s+)?end of\s+(?:the\s+)?|(?:the\s+)?start of\s+(?:the\s+)?|first\s+)?"
    r"(?:\d+\s+|one\s+|two\s+|three\s+|four\s+|six\s+)?(?:sprint|week|month|quarter|year|monday|tuesday|wednesday|thursday|friday|"
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|q[1-4]|\d{1,2}(?:st|nd|rd|th)?\b|"
    r"20\d\d|tomorrow|today|now)|\b(?:q[1-4]|20\d\d-\d\d(?:-\d\d)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?|next sprint|"
    r"(?:this|next) (?:week|month|quarter)|sprint \d+|week \d+)\b", re.IGNORECASE)


def specific_ask(case: Case) -> Result:
    """An ask a budget holder can say yes to: who, how much (the fix's cost, roughly), by when."""
    name = "the ask"
    ask = case.text("ask")
    if not ask.strip():
        return _result(name, "incorrect", "End with the ask: who you need, how much it costs, and from when.", "vague-ask")
    missing = [part for part, found in (("who (how many people, or which team)", _WHO.search(ask)),
                                        ("how much it costs", money_in(ask)),
                                        ("from when", _WHEN.search(ask))) if not found]
    if missing:
        return _result(name, "partial", "Make the ask specific: how many people, for how many weeks, from when, and what "
                       f"that costs. It does not yet say {' or '.join(missing)}.", "vague-ask")
    cost = _amount(case, "fix_cost")
    asked = [x for x, _ in money_in(ask) if x > 0]
    if cost and asked and not any(abs(x - cost) <= 0.25 * cost for x in [*asked, sum(asked)]):
        return _result(name, "incorrect", f"The ask is for {_money(asked[0])}, but the fix costs {_money(cost)} in your "
                       "numbers, and the payback was worked out on that. Ask for what the case costs, or change the cost "
                       "box and the payback with it.", "ask-not-the-cost")
    team = re.search(rf"\b(?P<p>\d+|{_WORD})\s+(?:engineers?|developers?|people|persons?)\s+(?:for\s+)?(?:about\s+)?(?P<w>\d+|{_WORD})\s+weeks?\b",
                     ask, re.IGNORECASE)
    rates = [float((m.group("n1") or m.group("n2")).replace(",", "")) for text in (ask, case.text("evidence"))
             for m in _MONEY.finditer(text) if _RATE.match(text, m.end())]
    if team and rates and asked:
        def n(x: str) -> float:
            return _WORD_NUMBERS.get(x.lower(), None) or float(x)
        hours = n(team.group("p")) * n(team.group("w")) * 40
        time_cost = hours * rates[0]
        if not any(abs(x - time_cost) <= 0.25 * time_cost for x in [*asked, sum(asked)]):
            return _result(name, "incorrect", f"The ask names {team.group(0)}: about {hours:,.0f} hours at 40 a week, × "
                           f"{_money(rates[0])} an hour = {_money(time_cost)}, not the {_money(asked[0])} it asks for. "
                           "Make the people, the weeks and the money agree, and the cost box with them.", "ask-not-the-cost")
    return _result(name, "correct", "A specific ask, for what the fix costs: someone can say yes to it in the meeting.")


CHECKS: tuple[Callable[[Case], Result], ...] = (
    problem_and_evidence, avoided_not_total, headline_states_the_saving, payback_adds_up, sceptic_low_case,
    do_nothing_option, reversibility, risks_of_the_fix, specific_ask,
)


# The name each check reports, also when an unreadable amount stops it early.
TITLES = {
    problem_and_evidence: "the problem and its evidence",
    avoided_not_total: "the saving, not the whole problem", headline_states_the_saving: "the headline's number is the saving",
    payback_adds_up: "the payback adds up", sceptic_low_case: "the sceptic's low case",
    do_nothing_option: "the options, with doing nothing and its cost",
    reversibility: "reversibility", risks_of_the_fix: "risks of the fix itself", specific_ask: "the ask",
}


def _safely(check, case: Case) -> Result:
    try:
        return check(case)
    except AnswerProblem as problem:
        return _result(TITLES[check], "incorrect", str(problem))
    except (ArithmeticError, ValueError):  # a huge or strange amount: explained, never raised
        return _result(TITLES[check], "incorrect", "One of the amounts is too large or too strange to compute with; "
                       "type plain amounts such as 12000 or $16.2k.")


def results(case: Case) -> list[Result]:
    """Every check's result, in page order."""
    return [_safely(check, case) for check in CHECKS]


def to_do(case: Case) -> list[str]:
    """The checks still to pass, by name: what the page's preview lists as still to fill in."""
    return [r.exercise_id for r in results(case) if not r.correct]


def check_case(answer, exercise_id: str = "10.my-case") -> Result:
    """Every check over a case: correct when all of the case's own checks pass; each listed as done or to do."""
    case = Case.from_answer(answer)
    found = results(case)
    passed = sum(r.correct for r in found)
    details = tuple(f"{'done' if r.correct else 'to do'}: {r.exercise_id}. {r.feedback.replace('**', '')}" for r in found)
    first = next((r for r in found if not r.correct), None)
    if first is None:
        return Result(exercise_id, "correct", f"All {len(found)} of this case's own checks pass: its numbers agree with "
                      "each other and every part a finance director asks for is there. Now let a sceptic read it.",
                      score=1.0, details=details)
    status = "incorrect" if passed <= len(found) // 3 else "partial"
    return Result(exercise_id, status, f"{passed} of {len(found)} checks pass. Next: **{first.exercise_id}**. {first.feedback}",
                  misconception=first.misconception, score=passed / len(found), details=details)
