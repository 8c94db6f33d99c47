"""Run cleanpress on a Dask cluster (the ``cleanpress[dask]`` extra).

A crawl is already split into files, so a file is the unit of work: every WARC
path becomes one partition, and the worker that runs the partition opens the
file itself (on shared storage: a network file system, or a URL such as
``s3://...`` that FastWARC opens through fsspec when its backend is installed),
so pages never travel through the scheduler. Each partition is
extracted in its worker's process with ``jobs=1``; Dask provides the
parallelism, so run workers as processes with one thread each (extraction is
CPU-bound Python)::

    from dask.distributed import Client
    from cleanpress.distributed import warc_dataframe

    client = Client("tcp://scheduler:8786")        # or LocalCluster(n_workers=8, threads_per_worker=1)
    frame = warc_dataframe(sorted(glob.glob("/data/crawl/*.warc.gz")),
                           columns=["url", "record_id", "title", "text"])
    frame.to_parquet("/data/articles/")           # one part per WARC file

Rows have the columns of :data:`cleanpress.batch.ROW_COLUMNS` (or the chosen
subset); a record that fails is a row with ``error_type``/``error`` set, and an
unreadable WARC file is one such row, so one bad file never fails the job.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from ._pipeline import Format
from .batch import ROW_COLUMNS, arrow_schema, extract_many
from .batch.inputs import warc_records
from .options import DEFAULT_OPTIONS, Options

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas


def _checked(columns: Sequence[str] | None, options: Options | None,
             overrides: dict[str, Any]) -> tuple[tuple[str, ...], Options]:
    """Validate columns and options on the client, before any task is sent."""
    names = tuple(name for name, _ in ROW_COLUMNS)
    chosen = names if columns is None else tuple(columns)
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        raise ValueError(f"unknown column(s): {', '.join(unknown)}; known: {', '.join(names)}")
    return chosen, (options or DEFAULT_OPTIONS).with_overrides(overrides)


def _rows(records: Iterable[Any], columns: tuple[str, ...], format: Format, options: Options) -> list[dict[str, Any]]:
    results = extract_many(records, jobs=1, format=format, options=options)
    return [{name: row[name] for name in columns} for row in (result.to_row() for result in results)]


def _warc_partition(paths: Sequence[str], columns: tuple[str, ...], format: Format, options: Options,
                    ok_only: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in paths:
        rows.extend(_rows(warc_records(path, ok_only=ok_only), columns, format, options))
    return rows


def _warc_frame(path: str, chosen: tuple[str, ...], format: Format, options: Options,
                ok_only: bool) -> pandas.DataFrame:
    # Not named ``columns``: dask.dataframe.from_map would pass its own projection under that name.
    return _frame(_warc_partition([path], chosen, format, options, ok_only), chosen)


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pandas.DataFrame:
    import pandas as pd
    import pyarrow as pa

    schema = pa.schema([arrow_schema().field(name) for name in columns])
    return pa.Table.from_pylist(rows, schema=schema).to_pandas(types_mapper=pd.ArrowDtype)


def warc_bag(paths: Sequence[str | os.PathLike[str]], *, columns: Sequence[str] | None = None,
             ok_only: bool = True, format: Format = "auto", options: Options | None = None,
             **option_overrides: Any) -> dask.bag.Bag:
    """A Dask bag of article rows (dicts), one partition per WARC file, read by the worker that runs it.

    ``columns`` picks a subset of :data:`~cleanpress.batch.ROW_COLUMNS` (leave
    out ``html``/``markdown`` to keep partitions small); ``ok_only`` skips
    non-2xx responses as :func:`cleanpress.read_warc` does. Ready for
    ``.to_textfiles()`` / ``.map(json.dumps)``, or :func:`to_dataframe`.
    """
    import dask.bag as db

    chosen, checked = _checked(columns, options, option_overrides)
    files = [os.fspath(path) for path in paths]
    bag = db.from_sequence(files, partition_size=1)  # type: ignore[no-untyped-call]
    return cast("dask.bag.Bag", bag.map_partitions(_warc_partition, chosen, format, checked, ok_only))


def extract_bag(pages: dask.bag.Bag, *, columns: Sequence[str] | None = None, format: Format = "auto",
                options: Options | None = None, **option_overrides: Any) -> dask.bag.Bag:
    """Extract a Dask bag of pages into a bag of article rows, partition by partition.

    Elements may be anything :func:`cleanpress.extract_many` takes (HTML
    ``bytes``/``str``, ``(key, page)`` pairs, mappings with ``html``, WARC
    pages); keys default to the position within the partition, so give keys
    when they must be unique across the bag.
    """
    chosen, checked = _checked(columns, options, option_overrides)
    return cast("dask.bag.Bag", pages.map_partitions(_rows, chosen, format, checked))  # type: ignore[no-untyped-call]


def to_dataframe(rows: dask.bag.Bag, columns: Sequence[str] | None = None) -> dask.dataframe.DataFrame:
    """A bag from :func:`warc_bag` / :func:`extract_bag` as a Dask DataFrame with Arrow-typed columns."""
    import dask.dataframe as dd
    from dask.delayed import delayed

    chosen, _ = _checked(columns, None, {})
    parts = [delayed(_frame)(part, chosen) for part in rows.to_delayed()]  # type: ignore[no-untyped-call]
    return cast("dask.dataframe.DataFrame", dd.from_delayed(parts, meta=_frame([], chosen), verify_meta=False))


def warc_dataframe(paths: Sequence[str | os.PathLike[str]], *, columns: Sequence[str] | None = None,
                   ok_only: bool = True, format: Format = "auto", options: Options | None = None,
                   **option_overrides: Any) -> dask.dataframe.DataFrame:
    """Like :func:`warc_bag`, straight to a Dask DataFrame (one partition per WARC file).

    Ready for ``.to_parquet(...)`` on shared storage: each worker writes the
    part of the files it read.
    """
    import dask.dataframe as dd

    chosen, checked = _checked(columns, options, option_overrides)
    files = [os.fspath(path) for path in paths]
    frame = dd.from_map(_warc_frame, files, args=(chosen, format, checked, ok_only),  # type: ignore[no-untyped-call]
                        meta=_frame([], chosen), label="cleanpress-warc", enforce_metadata=False)
    return cast("dask.dataframe.DataFrame", frame)
