"""The Dask integration on a real distributed.LocalCluster with two worker processes.

Whatever the extractor returns, the cluster must return exactly what one
process returns for the same WARC files.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

for module in ("dask.bag", "dask.dataframe", "distributed", "pandas", "pyarrow", "fastwarc"):
    pytest.importorskip(module, reason="the cleanpress[dask] and cleanpress[warc] extras are not installed")

import dask.bag as db  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402
from test_warc import html_page, sample_records, write_warc  # noqa: E402  tests/ is on sys.path under pytest

from cleanpress import extract_many, read_warc  # noqa: E402
from cleanpress.batch import ROW_COLUMNS  # noqa: E402
from cleanpress.distributed import extract_bag, to_dataframe, warc_bag, warc_dataframe  # noqa: E402

COLUMNS = [name for name, _ in ROW_COLUMNS]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="768MiB",
                      dashboard_address=None) as cluster, Client(cluster) as connected:
        yield connected


@pytest.fixture()
def warcs(tmp_path: Path) -> list[str]:
    paths = [write_warc(tmp_path / f"crawl-{n}.warc.gz", sample_records(f"c{n}", pages=3 + n)) for n in range(3)]
    return [str(path) for path in paths]


def single_process_rows(paths: list[str]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for result in extract_many(read_warc(path), jobs=1):
            row = result.to_row()
            row["source"] = path
            rows.append(row)
    return rows


def normalise(row: dict[str, Any]) -> dict[str, Any]:
    """Pandas gives NA for missing values and arrays for lists; compare as plain Python."""
    out = {}
    for name, value in row.items():
        if value is None or (isinstance(value, float) and math.isnan(value)) or repr(value) == "<NA>":
            value = None
        elif hasattr(value, "tolist"):
            value = value.tolist()
        out[name] = value
    return out


def test_warc_bag_has_one_partition_per_file_and_equals_one_process(client: Client, warcs: list[str]) -> None:
    bag = warc_bag(warcs)
    assert bag.npartitions == len(warcs)
    rows = bag.compute()
    assert rows == single_process_rows(warcs)
    assert [row["key"] for row in rows][:3] == ["<urn:uuid:c0-0>", "<urn:uuid:c0-1>", "<urn:uuid:c0-2>"]


def test_warc_dataframe_equals_one_process_and_writes_parquet(client: Client, warcs: list[str], tmp_path: Path) -> None:
    frame = warc_dataframe(warcs, columns=["key", "url", "status", "authors", "text", "error_type"])
    assert frame.npartitions == len(warcs)
    got = [normalise(row) for row in frame.compute().to_dict("records")]
    expected = [{name: row[name] for name in ["key", "url", "status", "authors", "text", "error_type"]}
                for row in single_process_rows(warcs)]
    assert got == expected
    frame.to_parquet(tmp_path / "articles", write_index=False)
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "articles").num_rows == len(expected)


def test_an_unreadable_file_is_an_error_row_not_a_failed_job(client: Client, warcs: list[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.warc.gz")
    rows = warc_bag([warcs[0], missing], columns=["key", "error_type"]).compute()
    assert rows[-1] == {"key": missing, "error_type": "UnreadableInput"}


def test_a_bag_of_pages_equals_extract_many(client: Client) -> None:
    pages = [(f"p{n}", html_page(n)) for n in range(12)]
    bag = extract_bag(db.from_sequence(pages, npartitions=3), columns=COLUMNS)
    expected = [result.to_row() for result in extract_many(pages, jobs=1)]
    assert bag.compute() == expected
    frame = to_dataframe(bag, columns=["key", "text"])
    assert [normalise(row) for row in frame.compute().to_dict("records")] == [
        {"key": row["key"], "text": row["text"]} for row in expected]


def test_unknown_columns_and_options_fail_on_the_client() -> None:
    with pytest.raises(ValueError, match="unknown column"):
        warc_bag(["x.warc"], columns=["key", "nope"])
    with pytest.raises(ValueError):
        warc_dataframe(["x.warc"], no_such_option=True)
