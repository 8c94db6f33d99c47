"""The ``cleanpress`` command: one page to text/JSON/Markdown/HTML, plus subcommands.

``cleanpress PAGE|-`` extracts one page. ``cleanpress batch ...``,
``cleanpress explain ...`` and ``cleanpress rules`` are subcommands, the first
two in their own modules, loaded only when named so that the one-page path
stays fast to start. :func:`add_extraction_arguments` is the one definition of
the arguments every command shares.

Exit status, the same for every command: :data:`EXIT_OK` (including a page
that holds no article: a note says so on stderr), :data:`EXIT_INPUT` when an
input cannot be read, :data:`EXIT_USAGE` for arguments, rule ids and options
that are not understood and outputs that cannot be written,
:data:`EXIT_INTERRUPTED` when a batch run is stopped by Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from typing import NamedTuple

from . import __version__
from ._pipeline import Format
from .errors import CleanpressError, LimitExceeded, OptionsError
from .options import Options, check_encoding

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

# subcommand name -> "module:function" whose ``function(argv) -> int`` runs it
SUBCOMMANDS = {"batch": "cleanpress.batch_cli:main", "explain": "cleanpress.explain:main",
               "rules": "cleanpress.cli:rules_main"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpress",
        description="Extract the article from a saved web page (cleanpress never fetches: save the page "
        "first). Subcommands: 'cleanpress batch --help', 'cleanpress explain --help', 'cleanpress rules'.",
        epilog="Exit status: 0 done (a page with no article is not an error: a note says so on stderr), "
        "1 the page could not be read, 2 usage error (bad argument, unknown rule id, bad option).",
    )
    parser.add_argument("--version", action="version", version=f"cleanpress {__version__}")
    parser.add_argument("page", help="path of the saved page (HTML or flattened text), or - for stdin")
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
                       help="switch a rule off by id (or 'prefix*'); repeatable; 'cleanpress rules' lists them")
    group.add_argument("--keep-captions", action="store_true",
                       help="keep figure and image captions as caption blocks")
    group.add_argument("--keep-comments", action="store_true",
                       help="keep reader comments, as comment blocks after the article")
    group.add_argument("--no-tables", dest="keep_tables", action="store_false", help="drop tables")
    group.add_argument("--no-links", dest="keep_links", action="store_false",
                       help="keep link text but not the links, in HTML and Markdown")
    group.add_argument("--no-images", dest="keep_images", action="store_false",
                       help="leave images out of HTML and Markdown")


def extraction_arguments(args: argparse.Namespace) -> Extraction:
    """The input format, encoding and :class:`Options` that the shared arguments stand for.

    Everything is checked here, before any page is read: an unknown rule id,
    say, raises :class:`OptionsError` pointing to ``cleanpress rules``.
    """
    from .rules import check_rule_ids

    check_encoding(args.encoding)
    options = Options(disabled_rules=frozenset(args.disable), keep_captions=args.keep_captions,
                      keep_comments=args.keep_comments,
                      keep_tables=args.keep_tables, keep_links=args.keep_links, keep_images=args.keep_images)
    try:
        check_rule_ids(options)
    except OptionsError as exc:
        raise OptionsError(f"{exc}; 'cleanpress rules' lists every rule id") from exc
    return Extraction(args.input_format, args.encoding or None, options)


def read_page(path: str) -> bytes:
    """The bytes of the page at ``path`` (``-``: standard input); OSError with a helpful message."""
    if path == "-":
        return sys.stdin.buffer.read()
    if not os.path.exists(path):
        from .batch.inputs import not_found

        raise FileNotFoundError(f"cannot read {path}: {not_found(path)}")
    with open(path, "rb") as handle:
        return handle.read()


def exit_status(exc: BaseException) -> int:
    """The documented exit status for an error that stopped a command."""
    if isinstance(exc, CleanpressError) and not isinstance(exc, LimitExceeded):
        return EXIT_USAGE
    return EXIT_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``cleanpress`` command with ``argv`` (default: the process's); return the exit status."""
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except BrokenPipeError:
        # The reader went away (``cleanpress rules | head``): stop quietly, as other tools do,
        # and keep Python from reporting the same error again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _main(args_list: list[str]) -> int:
    if args_list and args_list[0] in SUBCOMMANDS:
        module, function = SUBCOMMANDS[args_list[0]].split(":")
        return int(getattr(importlib.import_module(module), function)(args_list[1:]))
    args = _parser().parse_args(args_list)
    from . import extract

    try:
        how = extraction_arguments(args)
        page = read_page(args.page)
        article = extract(page, url=args.url, format=how.format, encoding=how.encoding, options=how.options)
    except (OSError, CleanpressError) as exc:
        print(f"cleanpress: {exc}", file=sys.stderr)
        return exit_status(exc)
    output = {
        "text": lambda: "\n\n".join(filter(None, [article.title, article.text])),
        "json": lambda: article.to_json(indent=2),
        "markdown": lambda: article.markdown,
        "html": lambda: article.html,
    }[args.format]()
    sys.stdout.write(output + "\n")
    if not article.text:
        sys.stdout.flush()
        name = "standard input" if args.page == "-" else args.page
        print(f"cleanpress: no article text in {name} (empty, not a web page, or no main content)",
              file=sys.stderr)
    if args.explain:
        sys.stdout.flush()  # the article first, then the list, even when both go to one pipe
        for removal in article.removed:
            snippet = " ".join(removal.text.split())[:100]
            print(f"removed  {removal.kind:<20} {removal.rule:<32} {snippet}", file=sys.stderr)
    return EXIT_OK


def _rules_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpress rules",
        description="List every rule that can remove something: its id (for --disable), the kind of "
        "chrome it removes (Removal.kind), the pipeline stage where it acts, the module of "
        "cleanpress.rules that declares it, and what it does; in pipeline order.",
    )
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                        help="an aligned table (default), a JSON list of {id, kind, stage, family, doc}, "
                        "or the README's Markdown table")
    return parser


def rules_main(argv: Sequence[str]) -> int:
    """``cleanpress rules [--format text|json|markdown]``: the rule catalogue."""
    args = _rules_parser().parse_args(list(argv))
    from .rules import catalogue_markdown, catalogue_rows

    rules = catalogue_rows()
    if args.format == "markdown":
        sys.stdout.write(catalogue_markdown())
    elif args.format == "json":
        listing = [{"id": rule.id, "kind": rule.kind, "stage": rule.stage, "family": rule.family, "doc": rule.doc}
                   for rule in rules]
        sys.stdout.write(json.dumps(listing, ensure_ascii=False, indent=2) + "\n")
    else:
        columns = [(rule.id, rule.kind, rule.stage, rule.family) for rule in rules]
        widths = [max(len(row[i]) for row in columns) for i in range(4)]
        for row, rule in zip(columns, rules):
            sys.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + f"  {rule.doc}\n")
    return EXIT_OK
