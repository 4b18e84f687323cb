"""A read-out window stated in days, judged by the payments it carries.

"After three days, if the new provider's failures are above 3.5%, we turn the flag off": whether three
days is enough depends on the traffic. With the company's ``flag_payments_per_day`` given, the days
(or weeks) named times the payments a day is the number of payments the read-out rests on; fewer than
``payments_to_read`` (the 1,500 a one-point rise needs to show above noise) is a window the data
cannot settle, whatever the threshold.
"""
from __future__ import annotations

import re

from workshop.kinds.judge.quantities import I
from workshop.kinds.judge.findings import Finding
from workshop.kinds.judge.clauses import Context, sentence_of
from workshop.kinds.judge.red_flags import _quote

_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "a couple of": 2, "a few": 3, "eleven": 11, "twelve": 12, "fourteen": 14}
WINDOW = re.compile(r"\b(?:after|within|in|over|for|once|first|by[ \t]+day)[ \t]+(?:the[ \t]+first[ \t]+|about[ \t]+|roughly[ \t]+"
                    r"|some[ \t]+|only[ \t]+|just[ \t]+)?(?P<n>\d{1,3}|a[ \t]+couple[ \t]+of|a[ \t]+few|a|one|two|three|four|five|six"
                    r"|seven|eight|nine|ten|eleven|twelve|fourteen)[ \t]+(?:full[ \t]+|working[ \t]+)?(?P<unit>days?|weeks?)\b", I)
READ_OUT = re.compile(r"\b(?:fail\w*|flag|compar\w*|switch[ \t]+back|turn\w*[ \t]+(?:it|the[ \t]+flag)?[ \t]*off|roll\w*[ \t]+back"
                      r"|error|decline\w*|rate)\b", I)


def detect_short_window(ctx: Context) -> list[Finding]:
    per_day = ctx.facts.get("flag_payments_per_day")
    if per_day is None or not per_day.value or "flag_payments_per_day" not in {k.name for k in ctx.given}:
        return []
    needed_fact = ctx.facts.get("payments_to_read")
    needed = float(needed_fact.value) if needed_fact is not None else 1500.0
    for m in WINDOW.finditer(ctx.text):
        lo, hi = sentence_of(ctx.text, m.start(), m.end())
        if not READ_OUT.search(ctx.text, lo, hi):
            continue
        n_said = " ".join(m.group("n").lower().split())
        n = float(n_said) if n_said.isdigit() else _WORDS.get(n_said)
        if not n:
            continue
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        carried = days * float(per_day.value)
        if carried >= 0.9 * needed:
            continue
        return [Finding("short_window",
                        f"I read \u201c{_quote(m.group(0))}\u201d: at about {per_day.text} payments a day that is about "
                        f"{round(carried, -1):,.0f} payments, fewer than the {needed:,.0f} a difference needs to show.",
                        "A few days of data is enough to read a failure rate.",
                        f"Days are not the measure: payments are. At about {per_day.text} payments a day, name the "
                        f"window the data needs (about {needed:,.0f} payments) and convert it to days from the traffic.")]
    return []
