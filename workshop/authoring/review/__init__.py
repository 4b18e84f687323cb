"""Checks a sceptical reviewer runs over the exercise bank, as pure functions.

The bank's validation (``workshop.bank.loader``) refuses content that cannot work; these
checks find content that works but teaches badly: a hint ladder that stops short of
the worked step, two distractors that diagnose the same belief, a "Next" link to a
module that does not exist. Each returns a list of problems (empty when all is well),
so a test can hold every module to them, including modules written later.
"""
from workshop.authoring.review.distractors import duplicate_misconceptions
from workshop.authoring.review.ladders import ladder_problem
from workshop.authoring.review.links import module_references

__all__ = ["duplicate_misconceptions", "ladder_problem", "module_references"]
