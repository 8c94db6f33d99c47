"""Discussion stage: the reader comments a caller keeps, as ``comment`` blocks after the article.

Only with ``Options(keep_comments=True)``: prune then sets aside, whole, the
regions that ``struct.class-comments`` would remove. Each is pruned on its
own (forms, sort menus and share bars go; the comment classes and each
comment's header and footer, its author and date, stay),
flattened with every list in it walked, so that each comment is a block, and
read by the textual rules, so that comment counters and "Leave a reply"
prompts still go. What stays is the discussion, in page order, after
everything the article path kept.
"""

from __future__ import annotations

from dataclasses import replace

from lxml.html import HtmlElement

from .article import Removal
from .candidates import Candidate
from .flatten import flatten
from .options import Options
from .prune import prune
from .rules.discussion import COMMENT_CONTROL, is_control
from .rules.structural import CLASS_RULES
from .rules.tags import TAG_RULES
from .rules.textual import label_sequence
from .tags import LIST_TAGS

# Inside a kept region the comment classes are the content, and a comment's own <header> or <footer>
# holds who wrote it and when.
_KEPT_INSIDE = frozenset({CLASS_RULES["comments"].id, TAG_RULES["header"].id, TAG_RULES["footer"].id})


def comment_candidates(regions: list[HtmlElement], options: Options,
                       after: int) -> tuple[list[Candidate], list[tuple[int, Removal]]]:
    """The candidates of the comment ``regions`` (kind ``comment``) and the chrome removed inside them,
    positioned after ``after``, the last position of the page."""
    inner = replace(options, keep_comments=False, disabled_rules=options.disabled_rules | _KEPT_INSIDE)
    candidates: list[Candidate] = []
    removals: list[tuple[int, Removal]] = []
    for region in regions:
        pruned = prune(region, inner)
        removals.extend((after + index, removal) for index, removal in pruned.removals)
        for candidate in flatten(region, [region, *region.iter(*LIST_TAGS)], pruned.order):
            candidate.order += after
            candidates.append(candidate)
        after += len(pruned.order) + 1
    label_sequence(candidates, options)
    controls = options.rule_enabled(COMMENT_CONTROL.id)
    for candidate in candidates:
        candidate.kind = "comment"
        if controls and candidate.removal is None and is_control(candidate):
            candidate.removal = Removal(COMMENT_CONTROL.kind, COMMENT_CONTROL.id, candidate.text)
    return candidates, removals
