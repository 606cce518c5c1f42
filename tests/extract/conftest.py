"""Fixtures shared by the entity tests on hand-built parses (a module may define its own)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from geokg.extract.entities import EntityComponent


@pytest.fixture(scope="module")
def blank() -> Any:
    """A blank English pipeline: the vocabulary hand-built parses live in."""
    return spacy.blank("en")


@pytest.fixture(scope="module")
def component(blank: Any) -> EntityComponent:
    """The entity component alone, run on hand-built parses."""
    return EntityComponent(blank)
