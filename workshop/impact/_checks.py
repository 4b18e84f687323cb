"""Argument checks shared by the calculators: one clear sentence per impossible input."""
from __future__ import annotations

import math
import numbers


def number(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a number, not {type(value).__name__}")
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{name} must be a finite number, not {value}")
    return value


def non_negative(name: str, value) -> float:
    value = number(name, value)
    if value < 0:
        raise ValueError(f"{name} cannot be negative (got {value:g})")
    return value


def positive(name: str, value) -> float:
    value = number(name, value)
    if value <= 0:
        raise ValueError(f"{name} must be greater than zero (got {value:g})")
    return value


def probability(name: str, value) -> float:
    value = number(name, value)
    if not 0 <= value <= 1:
        raise ValueError(f"{name} is a probability, so it must be between 0 and 1 (got {value:g}); write 5% as 0.05")
    return value
