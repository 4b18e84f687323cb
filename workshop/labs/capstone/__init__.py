"""The capstone: a learner's own one-page case, the checks that teach, and the growth of the day.

``Case`` holds the case, ``check_case`` runs every check (each a pure function returning a
``Result``), ``Case.save()`` writes Markdown and HTML only when the learner asks, and
``growth()`` shows the morning's baseline beside the afternoon's rewrite.
"""
from workshop.labs.capstone.case import FIELDS, Case
from workshop.labs.capstone.checks import CHECKS, check_case
from workshop.labs.capstone.growth import Growth, growth
from workshop.labs.capstone.numbers import latest_case, per_year, read_own

__all__ = ["CHECKS", "FIELDS", "Case", "Growth", "check_case", "growth", "latest_case", "per_year", "read_own"]
