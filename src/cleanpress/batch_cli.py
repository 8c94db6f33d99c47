"""``cleanpress batch``: extract every page of files, directories, globs, WARC and JSONL inputs.

The output is written and flushed record by record in input order, so after a
kill the output holds a prefix of the results; ``--resume`` counts it, drops a
torn last line and skips that many records of the (deterministically ordered)
input. Pages are extracted in worker processes that render their own output
lines, so the parent only reads inputs and appends lines. The parts live in
:mod:`cleanpress.batch`; this module parses the arguments and wires them together.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import signal
import sys
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .batch.inputs import (
    UNREADABLE,
    MissingInput,
    expand_inputs,
    iter_records,
    with_default_encoding,
)
from .batch.progress import Progress
from .batch.records import DEFAULT_FIELDS, RECORD_FIELDS, BatchError
from .batch.runner import available_cores, extract_many
from .batch.writers import OUTPUT_FORMATS, OutputFormat, make_writer, render, renderings
from .cli import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    add_extraction_arguments,
    extraction_arguments,
)
from .errors import CleanpressError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpress batch",
        description="Extract the article of every page in files, directories (their .html/.htm/.xhtml/"
        ".shtml pages, optionally gzipped, WARC and JSONL files), globs, WARC/WARC.gz "
        "archives and JSONL files (one object per line with an 'html' field, optional 'key'/'id', "
        "'url', 'encoding'), or - for standard input (JSONL, or one page). Results are written in input "
        "order, one record at a time. cleanpress never fetches: give saved pages.",
        epilog="Exit status: 0 when every input was read (pages without an article and pages that "
        "failed to extract are recorded, not fatal), 1 when an input is missing or could not be read, or "
        "--fail-fast stopped the run, 2 for usage errors (bad arguments, unknown rule id, an existing "
        "OUT without --resume or --overwrite, resuming with other inputs), 130 when interrupted "
        "(resume with --resume).",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="file, directory, glob, .warc[.gz], .jsonl, or - for standard input")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="JSONL file ('-' for standard output), or directory for the txt/md/json/parquet formats")
    parser.add_argument("--output-format", choices=OUTPUT_FORMATS,
                        help="jsonl (default; parquet when OUT ends in .parquet), parquet (needs "
                        "cleanpress[parquet]), or txt/md/json: one file per article plus manifest.jsonl")
    parser.add_argument("--fields", default="default", metavar="NAME,...",
                        help="what each JSONL record holds besides its key: 'default' ("
                        + ",".join(DEFAULT_FIELDS) + "), 'all', or names among: " + ", ".join(RECORD_FIELDS)
                        + " (blocks/removed as in Article.to_dict; article: the whole of it); "
                        "e.g. --fields default,removed")
    parser.add_argument("-j", "--jobs", type=int, default=available_cores(),
                        help="worker processes (default: all cores, here %(default)s; 1 = no workers)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="give up on a page after this long (its record gets a Timeout error); "
                        "runs pages in worker processes even with --jobs 1")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run into the same OUT: no record twice, none missed")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing OUT")
    parser.add_argument("--fail-fast", action="store_true", help="stop at the first record that fails")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary")
    parser.add_argument("--all-statuses", action="store_true",
                        help="also extract WARC responses whose HTTP status is not 2xx")
    add_extraction_arguments(parser)
    return parser


def _fields(text: str) -> tuple[str, ...]:
    """The record fields that ``--fields`` names, in order, without repeats ('default' and 'all' expand)."""
    every = tuple(name for name in RECORD_FIELDS if name != "article")
    chosen: list[str] = []
    for name in (part.strip() for part in text.split(",")):
        expanded = DEFAULT_FIELDS if name == "default" else every if name == "all" else (name,)
        chosen.extend(field for field in expanded if field not in chosen and field not in ("key", ""))
    unknown = [name for name in chosen if name not in RECORD_FIELDS]
    if unknown:
        raise BatchError(f"--fields: unknown field(s) {', '.join(unknown)}; known: default, all, "
                         + ", ".join(RECORD_FIELDS))
    if not chosen:
        raise BatchError("--fields names no field")
    return tuple(chosen)


def _output_format(args: argparse.Namespace) -> OutputFormat:
    if args.output_format:
        return args.output_format  # type: ignore[no-any-return]
    return "parquet" if args.output.lower().endswith(".parquet") else "jsonl"


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C so that workers are stopped and output closed."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated()


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cleanpress batch`` with ``argv`` (without the ``batch`` word); return the exit status."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    err = sys.stderr

    def say(message: str) -> None:
        print(f"cleanpress batch: {message}", file=err, flush=True)

    if args.jobs < 1:
        say("--jobs must be at least 1")
        return EXIT_USAGE
    if args.timeout is not None and args.timeout <= 0:
        say("--timeout must be positive")
        return EXIT_USAGE
    output_format = _output_format(args)
    output = Path(args.output)
    if args.fields != "default" and output_format != "jsonl":
        say(f"--fields chooses what JSONL records hold; the {output_format} output has a fixed layout")
        return EXIT_USAGE
    try:
        fields = _fields(args.fields)
        how = extraction_arguments(args)
        html, markdown = renderings(output_format, fields)
        options = replace(how.options, html=html, markdown=markdown)
        sources = expand_inputs(args.inputs, exclude=output)
        writer = make_writer(output_format, output)
        done, last_key = writer.open(resume=args.resume, overwrite=args.overwrite)
    except MissingInput as exc:
        say(str(exc))
        return EXIT_INPUT
    except (BatchError, CleanpressError, OSError) as exc:
        say(str(exc))
        return EXIT_USAGE
    page_only = all(source.kind == "page" for source in sources)
    progress = Progress(len(sources) - done if page_only else None,
                        show=not args.quiet and err.isatty(), stream=err)
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if on_main_thread else None
    status = EXIT_OK
    unreadable: list[str] = []
    index = done
    try:
        records = with_default_encoding(
            iter_records(sources, skip=done, ok_only=not args.all_statuses, expect_key=last_key), how.encoding)
        results = extract_many(records, jobs=args.jobs, format=how.format, options=options,
                               transform=functools.partial(render, output_format, fields=fields),
                               timeout=args.timeout)
        with contextlib.closing(results):
            for key, record_status, message, payload in results:
                writer.write(index, key, payload)
                index += 1
                progress.add(record_status)
                if record_status != "error":
                    continue
                if message.startswith(UNREADABLE):
                    unreadable.append(message)
                    status = EXIT_INPUT
                if args.fail_fast:
                    progress.clear()
                    say(f"stopped at record {index} ({key}): {message} (--fail-fast)")
                    status = EXIT_INPUT
                    break
    except KeyboardInterrupt as exc:
        progress.clear()
        writer.close()
        what = "terminated" if isinstance(exc, _Terminated) else "interrupted"
        say(f"{what} after {index} records in {output}; run the same command with --resume to continue")
        return EXIT_INTERRUPTED
    except (BatchError, CleanpressError, OSError) as exc:
        progress.clear()
        with contextlib.suppress(OSError):  # a full disk fails the close's flush too
            writer.close()
        say(str(exc))
        return EXIT_USAGE if isinstance(exc, (BatchError, CleanpressError)) else EXIT_INPUT
    finally:
        if on_main_thread:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
    writer.close()
    progress.clear()
    for message in unreadable:
        say(message.split(": ", 1)[1])
    if index == 0:
        say("the inputs hold no page to extract")
    if not args.quiet:
        resumed = f" (resumed after {done} records already in {output})" if done else ""
        say(progress.summary() + resumed)
    return status
