"""Running the pipeline over many articles: in this process, in a process pool, or on Ray."""

from .local import IngestSummary, ingest

__all__ = ["ingest", "IngestSummary"]
