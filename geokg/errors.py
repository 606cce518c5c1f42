"""One exception tree for geokg, with coded messages."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EvaluationError",
    "ExtractionError",
    "GeokgError",
    "InputError",
    "StoreError",
    "StoreUnavailableError",
]


class GeokgError(Exception):
    """Base of every error geokg raises on purpose. ``code`` is stable for scripts and docs."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class ConfigError(GeokgError):
    """A bad option, missing model or missing resource."""

    code = "E001"


class InputError(GeokgError):
    """An input file that cannot be read or decoded: the message names the file."""

    code = "E100"


class ExtractionError(GeokgError):
    """A document failed inside the NLP pipeline."""

    code = "E200"


class StoreError(GeokgError):
    """A graph store rejected a statement or a load failed."""

    code = "E300"


class StoreUnavailableError(StoreError):
    """The database is not running or cannot be reached."""

    code = "E301"


class EvaluationError(GeokgError):
    """A gold file that cannot be read or does not match its documents."""

    code = "E400"
