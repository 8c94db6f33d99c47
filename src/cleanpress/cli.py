"""The ``cleanpress`` command: one page to text/JSON/Markdown/HTML, plus subcommands.

``cleanpress PAGE|-`` extracts one page. ``cleanpress batch ...`` and
``cleanpress explain ...`` are subcommands, each in its own module, loaded
only when named so that the one-page path stays fast to start.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NamedTuple

from ._pipeline import Format
from .errors import CleanpressError
from .options import Options

# subcommand name -> module whose ``main(argv) -> int`` runs it
SUBCOMMANDS = {"batch": "cleanpress.batch_cli", "explain": "cleanpress.explain"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpress",
        description="Extract the article from a saved web page. "
        "Subcommands: 'cleanpress batch --help', 'cleanpress explain --help'.",
    )
    parser.add_argument("page", help="path of the page (HTML or flattened text), or - for stdin")
    parser.add_argument("--url", help="the page's URL, to resolve relative links")
    parser.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text",
                        help="what to print (default: text)")
    parser.add_argument("--explain", action="store_true",
                        help="after the output, list what was removed and by which rule (on stderr)")
    add_extraction_arguments(parser)
    return parser


class Extraction(NamedTuple):
    """What the shared arguments ask of extraction: input format, encoding override, options."""

    format: Format
    encoding: str | None
    options: Options


def add_extraction_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments every command shares (read back with :func:`extraction_arguments`).

    One definition, so that the single-page, batch and explain commands cannot
    drift apart in names, choices or help.
    """
    group = parser.add_argument_group("extraction")
    group.add_argument("--input-format", choices=("auto", "html", "text"), default="auto",
                       help="what the input is: HTML, flattened page text, or detect (default)")
    group.add_argument("--encoding",
                       help="the page's encoding, overriding what it declares as an HTTP header would "
                       "(batch: for records that carry none of their own)")
    group.add_argument("--disable", action="append", default=[], metavar="RULE",
                       help="switch a rule off by id (or 'prefix*'); repeatable")


def extraction_arguments(args: argparse.Namespace) -> Extraction:
    """The input format, encoding and :class:`Options` that the shared arguments stand for."""
    return Extraction(args.input_format, args.encoding, Options(disabled_rules=frozenset(args.disable)))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS:
        module = importlib.import_module(SUBCOMMANDS[args_list[0]])
        return int(module.main(args_list[1:]))
    args = _parser().parse_args(args_list)
    from . import extract

    try:
        how = extraction_arguments(args)
        page = sys.stdin.buffer.read() if args.page == "-" else _read(args.page)
        article = extract(page, url=args.url, format=how.format, encoding=how.encoding, options=how.options)
    except (OSError, CleanpressError) as exc:
        print(f"cleanpress: {exc}", file=sys.stderr)
        return 2
    output = {
        "text": lambda: "\n\n".join(filter(None, [article.title, article.text])),
        "json": lambda: article.to_json(indent=2),
        "markdown": lambda: article.markdown,
        "html": lambda: article.html,
    }[args.format]()
    sys.stdout.write(output + "\n")
    if args.explain:
        sys.stdout.flush()  # the article first, then the list, even when both go to one pipe
        for removal in article.removed:
            snippet = " ".join(removal.text.split())[:100]
            print(f"removed  {removal.kind:<20} {removal.rule:<32} {snippet}", file=sys.stderr)
    return 0


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()
