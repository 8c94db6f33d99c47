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
from pathlib import Path

from .batch.inputs import UNREADABLE, expand_inputs, iter_records, with_default_encoding
from .batch.progress import Progress
from .batch.records import BatchError
from .batch.runner import available_cores, extract_many
from .batch.writers import OUTPUT_FORMATS, OutputFormat, make_writer, render
from .cli import add_extraction_arguments, extraction_arguments
from .errors import CleanpressError

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpress batch",
        description="Extract the article of every page in files, directories (their .html/.htm/.xhtml/"
        ".shtml pages, optionally gzipped, WARC and JSONL files), globs, WARC/WARC.gz "
        "archives and JSONL files (one object per line with an 'html' field, optional 'key'/'id', "
        "'url', 'encoding'). Results are written in input order, one record at a time.",
        epilog="Exit status: 0 when every input was read (pages without an article and pages that "
        "failed to extract are recorded, not fatal), 1 when an input could not be read or --fail-fast "
        "stopped the run, 2 for usage errors, 130 when interrupted (resume with --resume).",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, glob, .warc[.gz] or .jsonl")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="JSONL file ('-' for standard output), or directory for the txt/md/json/parquet formats")
    parser.add_argument("--output-format", choices=OUTPUT_FORMATS,
                        help="jsonl (default; parquet when OUT ends in .parquet), parquet (needs "
                        "cleanpress[parquet]), or txt/md/json: one file per article plus manifest.jsonl")
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
    try:
        how = extraction_arguments(args)
        sources = expand_inputs(args.inputs, exclude=output)
        writer = make_writer(output_format, output)
        done, last_key = writer.open(resume=args.resume, overwrite=args.overwrite)
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
        results = extract_many(records, jobs=args.jobs, format=how.format, options=how.options,
                               transform=functools.partial(render, output_format), timeout=args.timeout)
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
    if not args.quiet:
        resumed = f" (resumed after {done} records already in {output})" if done else ""
        say(progress.summary() + resumed)
    return status
