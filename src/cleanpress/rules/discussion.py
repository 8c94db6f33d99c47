"""``discussion.*``: what goes from the reader comments a caller keeps (``keep_comments=True``)."""

from __future__ import annotations

from .. import thresholds as t
from ..candidates import Candidate
from .catalogue import register

COMMENT_CONTROL = register("discussion.control", "comments",
                           "in kept comments, a block that is only a short linked label (Reply, Permalink)",
                           family="discussion", stage="discussion")


def is_control(candidate: Candidate) -> bool:
    """A short label that is all link: an action on a comment, not words of one."""
    text = candidate.text
    return (candidate.link_density >= t.LINKS_ALL and len(text) <= t.LABEL_CHARS
            and len(text.split()) <= t.LABEL_WORDS)
