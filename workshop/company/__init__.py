"""The instructor's company: its one profile, the simulated data, the facts every exercise quotes,
money formatting, and the number guard that keeps every number in the text true to them."""

from workshop.company.profiles import profile  # public (docs/public-api.md): workshop.company.profile
