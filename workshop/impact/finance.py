"""Return on investment, payback and net present value: the standard definitions."""
from __future__ import annotations

from collections.abc import Sequence

from workshop.impact import _checks as check


def roi(benefit, cost) -> float:
    """(benefit - cost) / cost, as a fraction: 0.5 means a 50% return."""
    return (check.number("benefit", benefit) - check.positive("cost", cost)) / cost


def payback_period(upfront_cost, net_benefit_per_period) -> float:
    """Upfront cost / net benefit per period: periods until the investment has paid for itself."""
    upfront_cost = check.non_negative("upfront_cost", upfront_cost)
    net = check.number("net_benefit_per_period", net_benefit_per_period)
    if net <= 0:
        raise ValueError("net_benefit_per_period must be positive: with no net benefit the investment never pays back")
    return upfront_cost / net


def npv(rate, cashflows: Sequence) -> float:
    """Σ cashflow_t / (1 + rate)^t, with cashflows[0] at time 0 (undiscounted)."""
    rate = check.number("rate", rate)
    if rate <= -1:
        raise ValueError(f"rate must be greater than -1 (got {rate:g}); write 8% as 0.08")
    flows = [check.number(f"cashflows[{t}]", c) for t, c in enumerate(cashflows)]
    if not flows:
        raise ValueError("cashflows needs at least one value (the cash flow at time 0)")
    return sum(c / (1 + rate) ** t for t, c in enumerate(flows))
