"""Extract many pages: the library side of batch work, and the parts the command builds on.

* :mod:`~cleanpress.batch.records`: ``PageRecord`` in, ``BatchResult`` out, the row layout
* :mod:`~cleanpress.batch.runner`: :func:`extract_many`, the worker pool
* :mod:`~cleanpress.batch.inputs`: files, directories, globs, WARC and JSONL as records
* :mod:`~cleanpress.batch.writers`: JSONL, Parquet and one-file-per-article outputs
* :mod:`~cleanpress.batch.progress`: the progress line and summary

The ``cleanpress batch`` command (:mod:`cleanpress.batch_cli`) only parses its
arguments and wires these together; nothing here imports it.
"""

from .records import (
           DEFAULT_FIELDS,
           RECORD_FIELDS,
           ROW_COLUMNS,
           BatchResult,
           PageRecord,
           arrow_schema,
)
from .runner import available_cores, extract_many

__all__ = ["DEFAULT_FIELDS", "RECORD_FIELDS", "ROW_COLUMNS", "BatchResult", "PageRecord", "arrow_schema",
           "available_cores", "extract_many"]
