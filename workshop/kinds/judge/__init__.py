"""The judge: would a sceptical finance director accept this answer?

The framing checker (``workshop.framing``) says whether a sentence has the parts of a
business statement. It cannot know that a number is invented, that it is the whole
problem credited to a partial fix, a weekly figure called yearly, revenue where margin
is lost, or a payback the answer's own numbers contradict. This package reads the
numbers and units in an answer, matches them against the facts the exercise says the
learner was given (``facts:`` in the YAML, values from ``workshop.company.facts.current()`` so
they follow the company), and runs:

* the built-in detectors (names in ``workshop.kinds.judgement.Detector``), and
* the exercise's own misconceptions (``detect:`` or ``patterns``/``unless``/``part``).

Everything here is a small pure function returning plain result objects, so a kind
(framing, record, case) can show what the judge saw, and a test can assert on it.
Every regular expression is bounded (no nested repetition over the same characters)
and every text is cut to ``MAX_CHARS``, so a hostile answer stays fast; the judge
never raises on any text (``judge`` catches a failing detector and reports nothing
from it rather than a traceback).

The package has one module per job: ``quantities`` reads numbers, ``known`` and ``matching`` hold the facts
and match numbers to them, ``clauses`` the shared context, one module per detector, and ``core`` runs them.
This file keeps the public names (``from workshop.kinds import judge``; ``judge.for_exercise``).
"""
from __future__ import annotations

from workshop.kinds.judge.quantities import (  # noqa: F401
    MAX_CHARS, MAX_QUANTITIES, I, _CUR, _NUM, NUMBER, WORD_NUMBERS, WORD_DURATION, SCALES, MONEY_AFTER,
    TIME_UNITS, TIME_AFTER, PERIOD_AFTER, PHRASE_END, PERIOD_BEFORE, PERIODS, PAYBACK_BEFORE, PAYBACK_AFTER,
    BOUND_BEFORE, DERIVED_AFTER, Quantity, _period, _time_unit, _phrase_window, read_quantities, _singular,
)
from workshop.kinds.judge.known import (  # noqa: F401
    ROLE_WORDS, Known, _fact_kind, known_facts, company_facts, WEEKS_A_YEAR, _PER_YEAR, _UNIT_WEEKS,
    _weeks_a_year, convert_rate, _variants, derived_facts,
)
from workshop.kinds.judge.matching import (  # noqa: F401
    round_sig, close, _same_unit, Index, matches, _near_enough, best_role,
)
from workshop.kinds.judge.findings import (  # noqa: F401
    Finding, mistaken_belief, Verdict, GENERIC, number,
)
from workshop.kinds.judge.red_flags import (  # noqa: F401
    FORECAST, RED_FLAGS, NEEDLES, MAX_NEEDLE_HITS, search_near, red_flags, _quote,
)
from workshop.kinds.judge.clauses import (  # noqa: F401
    CLAUSE_BREAK, clause_of, SENTENCE_BREAK, sentence_of, SAVING_WORDS, ALL_OF_IT, PART_OF, NEGATED, LOSS_WORDS,
    MARGIN_WORDS, DEADLINE_WORDS, FIX_WORDS, MITIGATION_WORDS, Context, PUBLISHED, stated_numbers, RANGE_JOIN,
    find_ranges, MAX_CLAIMS, _claims,
)
from workshop.kinds.judge.overstatement import (  # noqa: F401
    _BAD, OVERSTATEMENT, OVERSTATEMENT_UNLESS, OVERSTATEMENT_NEEDLES, OVERSTATEMENT_FEEDBACK,
    detect_overstatement,
)
from workshop.kinds.judge.unsupported import (  # noqa: F401
    detect_week_as_year, detect_unsupported, CHANCE_WORDS, _unsupported_chances, _computation_factor,
)
from workshop.kinds.judge.payback import (  # noqa: F401
    _paybacks, HEDGED, detect_payback_contradiction, _in_unit,
)
from workshop.kinds.judge.whole_problem import (  # noqa: F401
    PROBLEM_SIZE_BEFORE, PARTIAL_VERB, detect_whole_problem, _saving_above_the_facts,
)
from workshop.kinds.judge.revenue import (  # noqa: F401
    REVENUE_AFTER, REVENUE_BEFORE, MARGIN_AFTER, MARGIN_BEFORE, _labelled, detect_revenue_as_margin,
    _revenue_labelled, LOST_ORDERS,
)
from workshop.kinds.judge.deadline import (  # noqa: F401
    detect_before_deadline,
)
from workshop.kinds.judge.inconsistent import (  # noqa: F401
    EQUIVALENT, _PERIOD_FACTORS, detect_inconsistent_numbers, HORIZONS, _share_for_another_horizon, EACH, TOTAL,
    _product_disagrees, _sentences,
)
from workshop.kinds.judge.core import (  # noqa: F401
    DETECTORS, ALWAYS, WITH_FACTS, WITHOUT_FACTS, answer_texts, describe, judge, _dedupe, _pattern_hit, _current_facts,
    for_exercise, exercise_context, complete_example,
)
