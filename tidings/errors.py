"""One exception root for tidings; each stage raises its own subclass.

Errors are picklable (plain message + fields) so that they cross process and
Ray boundaries. A rejected input item becomes a ``models.Rejected`` record with
the error's message as its reason; it never turns silently into ``None``.
"""


class TidingsError(Exception):
    """Root of all tidings errors."""

    stage = "tidings"


class IngestError(TidingsError):
    """An input item could not be read or decoded (binary, bad encoding, malformed record)."""

    stage = "ingest"


class CleanError(TidingsError):
    """An item was read but no article text could be extracted from it (empty page, broken HTML)."""

    stage = "clean"


class StoreError(TidingsError):
    """The store could not be opened or written."""

    stage = "store"


class ConfigError(TidingsError):
    """A setting, model name or user data file is invalid."""

    stage = "config"
