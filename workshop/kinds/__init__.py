"""The registry of exercise kinds: one module per kind, each registering its model.

A new kind (framing, scenario, code) is a new module added to ``KIND_MODULES``;
nothing else in the bank, checker or widgets changes.
"""
from __future__ import annotations

import importlib
from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from workshop.kinds.base import Exercise, check_safely

KIND_MODULES = (
    "single_choice",
    "multiple_select",
    "numeric",
    "matching",
    "ordering",
    "reflection",
    "framing",
    "computed",
    "scenario",
    "record",
    "case",
)

_models: dict[str, type[Exercise]] = {}
_adapter: TypeAdapter | None = None


def models() -> dict[str, type[Exercise]]:
    """Kind name -> exercise model, importing each kind module once."""
    if not _models:
        for name in KIND_MODULES:
            module = importlib.import_module(f"workshop.kinds.{name}")
            _models[name] = module.MODEL
    return _models


def adapter() -> TypeAdapter:
    """Validates a raw exercise mapping into the model its ``kind`` names."""
    global _adapter
    if _adapter is None:
        union = Union[tuple(models().values())]  # type: ignore[valid-type]
        _adapter = TypeAdapter(Annotated[union, Field(discriminator="kind")])
    return _adapter


__all__ = ["Exercise", "KIND_MODULES", "adapter", "check_safely", "models"]
