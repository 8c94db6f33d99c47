"""Split every corpus by site into a tuning part and a checking part.

Rules fitted to the pages one can see do not carry over to pages nobody
tuned for. So every accuracy change is studied on the *tuning* part only and
confirmed on the *checking* part: a gain the checking part does not show is
noise. The split is by site, not by page, so that two pages of one site never
fall on both sides, and it is a stable hash, so that it never moves.

The site is the URL's host without ``www.`` (WCXB gives it as ``domain``).
Where a page has no real URL (Readability's test pages all run under one fake
host; a few trafilatura-eval keys are labels) the site is the page id without
a trailing number (``nytimes-3`` -> ``nytimes``).
"""

from __future__ import annotations

import hashlib
import re
from typing import Literal
from urllib.parse import urlsplit

Part = Literal["tuning", "checking"]
PARTS: tuple[Part, ...] = ("tuning", "checking")

_FAKE_HOSTS = frozenset({"", "fakehost"})
_TRAILING_NUMBER = re.compile(r"[-_]?\d+$")


def site_of(url: str, page_id: str) -> str:
    """The site a page belongs to: its host without ``www.``, or its id's stem."""
    host = (urlsplit(url).hostname or "") if url.startswith(("http://", "https://")) else ""
    host = host.lower().removeprefix("www.")
    if host not in _FAKE_HOSTS:
        return host
    return _TRAILING_NUMBER.sub("", page_id.lower()) or page_id.lower()


def part_of_site(site: str) -> Part:
    """``tuning`` or ``checking``, from the first byte of the site's SHA-1: stable across runs."""
    return PARTS[hashlib.sha1(site.encode("utf-8")).digest()[0] & 1]


def part_of(url: str, page_id: str) -> Part:
    """The part a page falls in."""
    return part_of_site(site_of(url, page_id))
