"""Module 09's tools: a stated, simple model of how a lead's coding share moves the team's output."""
from workshop.labs.leading.model import ASSUMPTIONS, TeamOutput, best_share, hero_wins_below, team_output

__all__ = ["ASSUMPTIONS", "TeamOutput", "best_share", "hero_wins_below", "team_output"]
