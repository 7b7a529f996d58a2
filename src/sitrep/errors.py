"""Every error sitrep raises, each with a code and a message that says how to fix it."""

from __future__ import annotations


class SitrepError(Exception):
    """Base class of sitrep's errors. ``code`` is stable and documented."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)


class InputError(SitrepError):
    """An input document cannot be read: empty, binary, undecodable, broken or unsupported."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class EncodingInput(InputError):
    code = "E103"


class TooLargeInput(InputError):
    code = "E104"


class BrokenInput(InputError):
    code = "E105"


class LanguageInput(InputError):
    code = "E106"


class ExtractError(SitrepError):
    """An extractor failed on a document (a bug: the document is recorded as failed)."""

    code = "E200"


class StoreError(SitrepError):
    """The DuckDB store cannot be opened or written."""

    code = "E300"


class ModelError(SitrepError):
    """The spaCy model or the gazetteer cannot be loaded."""

    code = "E400"


class EvalDataError(SitrepError):
    """Gold data for ``sitrep eval`` is missing, empty or in a format the task cannot read."""

    code = "E500"
