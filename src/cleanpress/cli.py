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

from .errors import CleanpressError

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
    parser.add_argument("--input-format", choices=("auto", "html", "text"), default="auto",
                        help="what the page is (default: detect)")
    parser.add_argument("--encoding", help="override the page's encoding, as an HTTP header would")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="switch a rule off by id (or 'prefix*'); repeatable")
    parser.add_argument("--explain", action="store_true",
                        help="after the output, list what was removed and by which rule (on stderr)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS:
        module = importlib.import_module(SUBCOMMANDS[args_list[0]])
        return int(module.main(args_list[1:]))
    args = _parser().parse_args(args_list)
    from . import extract

    try:
        page = sys.stdin.buffer.read() if args.page == "-" else _read(args.page)
        article = extract(page, url=args.url, format=args.input_format, encoding=args.encoding,
                          disabled_rules=frozenset(args.disable))
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
