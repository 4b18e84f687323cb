"""Session 5, module 05: a break-even share above the one its horizon needs is true (if conservative)."""
from __future__ import annotations

from workshop.kinds import judge as J
from workshop.kinds.judgement import GivenFact

FACTS = [GivenFact(fact=f, role="context") for f in (
    "ci_breakeven_share_quarter_pct", "ci_breakeven_share_year_pct", "ci_breakeven_share_quarter_low_case_pct",
    "ci_breakeven_share_year_low_case_pct")] + [GivenFact(fact="ci_fix_cost", role="fix_cost")]


def t(name: str) -> str:
    return J._current_facts()[name].text


def names(text: str) -> set[str]:
    return {f.detector for f in J.judge(text, facts=FACTS).findings}


def test_a_share_above_the_horizons_break_even_is_true_and_only_a_share_too_low_is_caught():
    fix = f"The {t('ci_fix_cost')} fix pays for itself"
    quarter, year = t("ci_breakeven_share_quarter_pct"), t("ci_breakeven_share_year_pct")
    # more than the year needs: a true, conservative sentence
    assert "inconsistent_numbers" not in names(f"{fix} within a year if {quarter} of that time becomes work.")
    assert "inconsistent_numbers" not in names(f"{fix} within a quarter if half of that time becomes work.")
    # too low for the horizon named: caught
    assert "inconsistent_numbers" in names(f"{fix} within a quarter if {year} of that time becomes work.")
    # "if only" says the share is the minimum, so it must be the break-even itself
    assert "inconsistent_numbers" in names(f"{fix} within a year if only {quarter} of that time becomes work.")
    assert "inconsistent_numbers" in names(f"{fix} within a quarter if only 60% of that time becomes work.")
    # no share pays back within a week
    assert "inconsistent_numbers" in names(f"{fix} within a week even if {quarter} of that time becomes work.")
