"""The number guard: every number a learner reads agrees with the company's facts.

A number in a prompt, hint, feedback, model answer, explanation, notebook Markdown
cell or a string in a notebook's code passes when it is

* a named fact (workshop/company/facts.py: profile parameters and numbers computed from the
  data) within the rounding it is written with ("about $1.2 million", "3 weeks"); a
  dollar amount must match a money fact, and "N weeks" (hours, minutes...) a fact that
  counts weeks;
* a published figure (exercises/sources.yaml) in a text that also cites its source;
* on the small allowlist (exercises/number_allowlist.yaml): unit conversions and
  structure, each with its reason;
* a year, a module number, an id or part of a word (e01, 05.payback, h4).

Anything else is reported, by file and exercise field or notebook cell, with the
nearest fact, so that ``workshop validate`` can say "this sentence's number no longer
matches; it should now be X".
"""
from __future__ import annotations

import io
import math
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWLIST = ROOT / "exercises" / "number_allowlist.yaml"

# $1,234.5 million | 12.5% | 1,440 | 0.4 | 36k
NUMBER = re.compile(
    r"(?<![\w.\-/#])(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:million|billion|trillion)\b|[kKMB]\b)?(?P<pct>\s?%)?(?![\w\-]|\.\d)"
)
SCALES = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "million": 1e6, "billion": 1e9, "trillion": 1e12}
LEARNER_FIELDS = {"prompt", "hints", "explanation", "feedback", "text", "label", "model_answers", "statement",
                  "missed_feedback", "title", "facilitator_notes",
                  "situation", "reveal", "debrief", "model_answer", "placeholder"}  # scenario and record kinds
STRUCTURE = [
    re.compile(r"\*\*Teaching:\*\* \d+ min · \*\*Exercises:\*\* \d+ min"),  # the module header
    re.compile(r"\b(?:module|modules|Module)\s+\d{2}(?:\s*(?:-|and|to|,)\s*\d{2})*"),  # module 05, modules 07-10
    re.compile(r"\[?\d{2} · [^\]\n]*\]?(?:\([^)]*\))?"),  # "05 · Put a number on it" headings and links
    re.compile(r"^#+ \d+ · ", re.M),  # section numbers "## 2 · One blank"
    re.compile(r"\bstep \d\b|\(step \d\)"),  # ordering steps
    re.compile(r"`[^`]*`"),  # code spans: checked as code, not as claims
    re.compile(r"\((?:0\d|10)(?:\s*(?:-|–|and|,)\s*(?:0\d|10))*\)"),  # "(07)", "(05 and 06)": which module taught it
    re.compile(r"^[ \t]*\d{1,2}\.[ \t]", re.M),  # Markdown numbered-list markers "7. The ask"
    re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])(?:\s?[ap]\.?m\.?)?", re.I),  # clock times "11:30", "9:05 am"
]


@dataclass(frozen=True)
class Written:
    """A number as a learner reads it."""

    text: str
    value: float
    step: float  # the rounding it is written with
    percent: bool
    money: bool
    unit: str = ""  # the time unit written after it ("3 weeks"), if any


@dataclass(frozen=True)
class Mismatch:
    where: str
    number: str
    context: str
    nearest: str

    def __str__(self) -> str:
        return f"{self.where}: '{self.number}' matches no fact ({self.nearest}) in: {self.context}"


@dataclass(frozen=True)
class NameMention(Mismatch):
    """A sentence naming a shipped company other than the one in use: ``number`` holds the name."""

    def __str__(self) -> str:
        return f"{self.where}: names '{self.number}' ({self.nearest}) in: {self.context}"


def numbers_in(text: str) -> list[Written]:
    """Every number in a text, with the rounding it is written with and its time unit; structure is skipped."""
    from workshop.company.facts import time_unit

    for pattern in STRUCTURE:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    found = []
    for m in NUMBER.finditer(text):
        raw = m.group("num").replace(",", "")
        scale = SCALES.get((m.group("scale") or "").strip(), 1.0)
        value = float(raw) * scale
        if "." in raw:
            step = 10 ** -len(raw.split(".")[1]) * scale
        else:
            zeros = len(raw) - len(raw.rstrip("0")) if raw.strip("0") else 0
            step = 10**zeros * scale if zeros and len(raw) > zeros else scale
        after = re.match(r"\s*([A-Za-z]+)", text[m.end():])
        unit = time_unit(after.group(1)) if after else ""
        found.append(Written(m.group(0).strip(), value, step, bool(m.group("pct")), bool(m.group("cur")), unit))
    return found


def _is_year(w: Written) -> bool:
    return not w.money and not w.percent and w.value.is_integer() and 1900 <= w.value <= 2100 and "," not in w.text


def agrees(w: Written, value: float) -> bool:
    """Within the rounding it is written with, and no more than 6% off (or half a unit)."""
    if value is None or math.isnan(value):
        return False
    diff = abs(w.value - value)
    if diff <= 1e-9 * max(1.0, abs(value)):
        return True
    within_rounding = diff <= w.step / 2 + 1e-9
    close = diff <= 0.5 or (value and diff / abs(value) <= 0.06)
    return within_rounding and close


def _is_money_fact(fact) -> bool:
    how = fact.how.lower()
    return fact.text[:1] in "$£€" or any(word in how for word in ("dollar", "pound", "euro")) or "hourly cost" in how


def _symbol() -> str:
    from workshop.company.profiles import profile

    return profile().currency_symbol


def _facts_values(facts: dict, money_only: bool = False) -> list[tuple[str, float]]:
    """(name, value, unit) of the facts a number may match; a dollar amount only matches money."""
    return [(name, f.value, f.unit) for name, f in facts.items()
            if not math.isnan(f.value) and (not money_only or _is_money_fact(f))]


def _cited_figures(text: str) -> set[str]:
    """Figures of the published sources this text cites (by first name and year)."""
    from workshop.company.profiles import sources

    allowed: set[str] = set()
    for source in sources().values():
        first = source.cite.split(",")[0].strip()
        year = re.findall(r"(?:19|20)\d\d", source.cite)
        if first.lower() in text.lower() and (not year or year[-1] in text):
            allowed.update(source.figures)
    return allowed


class AllowlistError(ValueError):
    """The allowlist file cannot be trusted as written (a duplicate key would silently drop entries)."""


def load_allowlist() -> dict:
    from workshop.bank.yaml_lines import YamlProblem, load_with_nodes

    try:
        data = load_with_nodes(ALLOWLIST.read_text(encoding="utf-8"))[0] or {}
    except YamlProblem as problem:
        line = f", line {problem.line}" if problem.line else ""
        raise AllowlistError(f"{ALLOWLIST.name}{line}: {problem.message}") from None
    return {"anywhere": {str(k): v for k, v in (data.get("anywhere") or {}).items()},
            "at": {str(k): {str(n): r for n, r in v.items()} for k, v in (data.get("at") or {}).items()}}


def check_text(text: str, where: str, facts: dict, allow: dict | None = None) -> list[Mismatch]:
    """Numbers in one text unit (a field, a cell) that match no fact, citation or allowlist entry."""
    allow = allow if allow is not None else load_allowlist()
    values, money_values = _facts_values(facts), _facts_values(facts, money_only=True)
    cited = _cited_figures(text)
    here = {**allow["anywhere"], **next((v for k, v in allow["at"].items() if _within(where, k)), {})}
    here.update({k.lstrip("$£€"): v for k, v in list(here.items())})  # "$75" also allows "£75": the currency follows the company
    problems = []
    symbol = _symbol()
    # A figure exactly as the tool prints a fact ("€2,000" for 2,200 rounded to the thousand) is that fact.
    printed = {f.text.lstrip("$£€") for f in facts.values() if isinstance(getattr(f, "text", None), str) and _is_money_fact(f)}
    for w in numbers_in(text):
        if (w.money and not w.text.startswith(symbol) and w.text not in here and w.text.lstrip("$£€") not in here
                and not any(w.text.replace(" ", "") == fig.replace(" ", "") for fig in cited)):
            amount = w.text.lstrip("$£€")
            problems.append(Mismatch(where, w.text, _context(text, w.text),
                                     f"the company counts in {symbol}: {symbol}{amount}, or a fact in {symbol}"))
            continue
        if _is_year(w) or w.text.lstrip("$£€") in here or w.text in here or (w.money and w.text.lstrip("$£€") in printed):
            continue
        if any(w.text.replace(" ", "") == fig.replace(" ", "") or w.text.lstrip("$£€") == fig.lstrip("$£€")
               for fig in cited):
            continue
        target = w.value
        pool = [(n, v) for n, v, u in (money_values if w.money else values) if not w.unit or u == w.unit]
        if any(agrees(w, v) for _, v in pool):
            continue
        if w.percent and any(agrees(Written(w.text, w.value / 100, w.step / 100, True, False), v) for _, v in pool):
            continue
        problems.append(Mismatch(where, w.text, _context(text, w.text), _nearest(target, facts)))
    return problems


def _within(where: str, key: str) -> bool:
    """An allowlist key covers a place and what is inside it: "cell 1" covers "cell 1", not "cell 12"."""
    return where == key or where.startswith(key + ",") or where.startswith(key + ".")


def _context(text: str, number: str) -> str:
    i = text.find(number)
    start, end = max(0, i - 60), min(len(text), i + len(number) + 60)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def _nearest(value: float, facts: dict) -> str:
    best = min(((abs(math.log(abs(f.value) + 1e-9) - math.log(abs(value) + 1e-9)), f) for f in facts.values()
                if not math.isnan(f.value) and f.value), key=lambda pair: pair[0], default=None)
    if best is None:
        return "no facts"
    fact = best[1]
    return f"nearest fact: {fact.name} = {fact.text}, {fact.how}"


def _learner_strings(data, path=()):
    """(field path, text) for every learner-facing string in an exercise-bank structure."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _learner_strings(value, (*path, str(key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _learner_strings(value, (*path, str(i)))
    elif isinstance(data, str) and any(part in LEARNER_FIELDS for part in path):
        yield path, data


def bank_texts(folder: str | Path | None = None, facts: dict | None = None):
    """(where, text) for every learner-facing text in the bank's module files, placeholders filled."""
    from workshop.bank.loader import default_bank_dir
    from workshop.company.placeholders import fill
    from workshop.bank.yaml_lines import safe_load

    folder = Path(folder) if folder is not None else default_bank_dir()
    for file in sorted(folder.glob("[0-9][0-9]_*.yaml")):
        data = fill(safe_load(file.read_text(encoding="utf-8")), facts)
        for index, exercise in enumerate(data.get("exercises") or []):
            ex_id = exercise.get("id", f"#{index + 1}") if isinstance(exercise, dict) else f"#{index + 1}"
            for path, text in _learner_strings(exercise):
                yield f"{file.name}, {ex_id}, {'.'.join(path)}", text
        for i, note in enumerate(data.get("facilitator_notes") or []):
            yield f"{file.name}, facilitator_notes.{i}", str(note)
        for i, passage in enumerate(data.get("passages") or []):
            if isinstance(passage, dict):
                yield f"{file.name}, passage {passage.get('id', f'#{i + 1}')}", str(passage.get("text", ""))


def _code_strings(source: str) -> str:
    """The string literals of a code cell (what a learner reads in it), joined.

    ``Module("07")`` names a module, not a company number, so it is left out.
    """
    source = re.sub(r"""Module\(\s*["']\d{2}["']\s*\)""", "Module()", source)
    try:
        tokens = tokenize.generate_tokens(io.StringIO(source).readline)
        return "\n".join(t.string for t in tokens if t.type == tokenize.STRING)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return ""


def notebook_texts(folder: str | Path | None = None, code: bool = False):
    """(where, text) for every notebook Markdown cell and the string literals of each code cell.

    With ``code``, a code cell's whole source (its comments and names too), for the name check.
    """
    import nbformat

    folder = Path(folder) if folder is not None else ROOT / "notebooks"
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "markdown":
                text = cell.source
            else:
                text = cell.source if code else _code_strings(cell.source)
            yield f"{path.name}, cell {index}", text


def check_bank(folder: str | Path | None = None, facts: dict | None = None) -> list[Mismatch]:
    """Every unmatched number in the bank's module files, after ``{{fact}}`` placeholders are filled."""
    from workshop.company import facts as facts_module

    facts = facts if facts is not None else facts_module.current()
    allow = load_allowlist()
    return [m for where, text in bank_texts(folder, facts) for m in check_text(text, where, facts, allow)]


def check_notebooks(folder: str | Path | None = None, facts: dict | None = None) -> list[Mismatch]:
    """Every unmatched number in the notebooks' Markdown cells and code-cell strings."""
    from workshop.company import facts as facts_module

    facts = facts if facts is not None else facts_module.current()
    allow = load_allowlist()
    return [m for where, text in notebook_texts(folder) for m in check_text(text, where, facts, allow)]


def other_company_names() -> dict[str, str]:
    """{word: whose} for the names of every shipped company but the one in use: a learner must not read them."""
    from workshop.company.profiles import COMPANIES_DIR, ProfileError, load_profile, profile

    active = profile()
    names = {}
    for path in sorted(COMPANIES_DIR.glob("*.yaml")):
        try:
            other = load_profile(path)
        except ProfileError:
            continue
        if other.name != active.name:
            for word in {other.short_name, other.name}:
                if word not in (active.short_name, active.name):
                    names[word] = other.short_name
    return names


def check_names(bank_dir: str | Path | None = None, notebooks: str | Path | None = None,
                facts: dict | None = None) -> list[Mismatch]:
    """Every sentence that names another shipped company than the one in use, by file and field or cell."""
    from workshop.company import facts as facts_module
    from workshop.company.profiles import profile

    facts = facts if facts is not None else facts_module.current()
    names = other_company_names()
    money_words = other_currency_words()
    if not names and not money_words:
        return []
    words = sorted([*names, *money_words], key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in words) + r")s?\b", re.IGNORECASE)
    active = profile()
    whose_name = {name.lower(): who for name, who in names.items()}  # the pattern matches any case
    problems = []
    texts = [*bank_texts(bank_dir, facts)]
    if notebooks is None or Path(notebooks).is_dir():
        texts += notebook_texts(notebooks, code=True)
    for where, text in texts:
        for match in {m.group(0): m for m in pattern.finditer(text)}.values():
            found, stem = match.group(0), match.group(1)
            whose = whose_name.get(stem.lower())
            if whose:
                advice = (f"it names {whose}; the company in use is {active.short_name}: write {{{{company}}}} "
                          "in the bank, or move the sentence into a passage (m.passage)")
            else:
                advice = (f"{active.short_name} counts in {active.currency_symbol}: write {{{{money_unit}}}} "
                          "(or {{currency}}) in the bank, or a word such as 'money' in a notebook")
            problems.append(NameMention(where, found, _context(text, found), advice))
        for found in dict.fromkeys(m.group(0) for m in BLANK_AMOUNT.finditer(text) if m.group(1) != active.currency_symbol):
            problems.append(NameMention(where, found, _context(text, found),
                                        f"{active.short_name} counts in {active.currency_symbol}: write {{{{currency}}}}{found[1:]}"))
    return problems


# "$…" or "$X" in a worked shape: an amount with no digits for the number guard to read.
BLANK_AMOUNT = re.compile(r"(?<![\w\\])([$£€])(?:…|\.\.\.|X\b|N\b)")


def other_currency_words() -> set[str]:
    """Currency words a learner of the company in use must not read: "dollar" for a company in pounds."""
    from workshop.company.currency import MONEY_WORDS, words

    own = words().lower()
    return {word for word in MONEY_WORDS if word not in own and word != "sterling"}


def check_all() -> list[Mismatch]:
    return check_bank() + check_notebooks() + check_names()
