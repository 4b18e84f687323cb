"""Monte Carlo over uncertain inputs, vectorised with numpy.

Inputs are ranges a person can give: (low, likely, high). "Medium" and "low"
confidence published figures (docs/sources.md) are meant to be used this way.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from workshop.impact import _checks as check


@dataclass(frozen=True)
class Simulation:
    samples: np.ndarray
    draws: dict[str, np.ndarray] = field(repr=False)
    summary: dict[str, float]

    def prob_above(self, threshold: float) -> float:
        return float(np.mean(self.samples > check.number("threshold", threshold)))


def _three_point(name: str, spec) -> tuple[str, float, float, float]:
    if isinstance(spec, Mapping):
        dist = str(spec.get("dist", "triangular")).lower()
        try:
            low, likely, high = spec["low"], spec["likely"], spec["high"]
        except KeyError as missing:
            raise ValueError(f"input {name!r} needs 'low', 'likely' and 'high' (missing {missing})") from None
    else:
        dist, (low, likely, high) = "triangular", spec
    low, likely, high = (check.number(f"{name}.{part}", v) for part, v in zip(("low", "likely", "high"), (low, likely, high)))
    if not low <= likely <= high:
        raise ValueError(f"input {name!r} must have low <= likely <= high (got {low:g}, {likely:g}, {high:g})")
    if dist not in ("triangular", "pert"):
        raise ValueError(f"input {name!r}: dist must be 'triangular' or 'pert', not {dist!r}")
    return dist, low, likely, high


def _draw(name: str, spec, n: int, rng: np.random.Generator) -> np.ndarray:
    if isinstance(spec, (int, float)) and not isinstance(spec, bool):
        return np.full(n, check.number(name, spec))
    if not isinstance(spec, (Mapping, tuple, list)) or (not isinstance(spec, Mapping) and len(spec) != 3):
        raise ValueError(f"input {name!r} must be a number, a (low, likely, high) triple, or a mapping with those keys")
    dist, low, likely, high = _three_point(name, spec)
    if low == high:
        return np.full(n, low)
    if dist == "triangular":
        return rng.triangular(low, likely, high, size=n)
    span = high - low  # PERT: a beta distribution on [low, high] with its mode at likely
    alpha, beta = 1 + 4 * (likely - low) / span, 1 + 4 * (high - likely) / span
    return low + rng.beta(alpha, beta, size=n) * span


def simulate(model: Callable[..., np.ndarray], inputs: Mapping, n: int = 10_000, seed=None,
             threshold: float | None = None) -> Simulation:
    """Draw every input ``n`` times and run ``model(**draws)`` once on the arrays.

    Returns the samples and a summary: mean, p10, p50, p90 and, with ``threshold``,
    the probability the result is above it.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive whole number of draws (got {n!r})")
    rng = np.random.default_rng(seed)
    draws = {name: _draw(name, spec, n, rng) for name, spec in inputs.items()}
    samples = np.broadcast_to(np.asarray(model(**draws), dtype=float), (n,)).copy()
    p10, p50, p90 = np.percentile(samples, [10, 50, 90])
    summary = {"mean": float(samples.mean()), "p10": float(p10), "p50": float(p50), "p90": float(p90)}
    if threshold is not None:
        summary["prob_above"] = float(np.mean(samples > check.number("threshold", threshold)))
    return Simulation(samples=samples, draws=draws, summary=summary)
