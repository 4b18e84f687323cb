"""The business-impact framing checker: how a business listener would hear a statement.

``assess(text)`` judges a statement by the elements of RUBRIC.md (outcome,
magnitude, timeframe, evidence, jargon) with explainable, local rules: every
element it finds comes with the words that triggered it.
"""
from workshop.framing.assess import ELEMENTS, Assessment, assess

__all__ = ["ELEMENTS", "Assessment", "assess"]
