"""``prune.*``: tags and attributes that say an element is never article content.

Applied in the prune stage's one walk over the tree (``prune.py``), under the
size guard of :mod:`.structural` (``protected``): a page laid out inside one
``<form>`` keeps its article.
"""

from __future__ import annotations

from .catalogue import Rule, register

# Tags that never hold article text: dropped without a record. <rt>/<rp> are ruby annotations (the
# reading of a Japanese or Chinese character), which plain text cannot set above its base.
SILENT_TAGS = frozenset({
    "script", "style", "noscript", "template", "link", "meta", "iframe", "object", "embed", "svg", "math",
    "canvas", "audio", "video", "source", "track", "map", "area", "param", "head", "title", "base", "frame",
    "frameset", "applet", "dialog", "rt", "rp",
})


def _tag_rule(rule_id: str, kind: str, doc: str) -> Rule:
    return register(rule_id, kind, doc, family="tags", stage="prune")


_WIDGET_RULE = _tag_rule("prune.widget", "widget", "buttons, inputs and selects")
#: tag -> the rule that removes it
TAG_RULES: dict[str, Rule] = {
    "nav": _tag_rule("prune.nav", "navigation", "<nav> menus and link bars"),
    "header": _tag_rule("prune.header", "navigation",
                        "<header> of the site (an article's own header is kept for later rules)"),
    "footer": _tag_rule("prune.footer", "footer", "<footer>: site or article footer"),
    "aside": _tag_rule("prune.aside", "related-links", "<aside>: sidebars, pull-outs and teaser boxes"),
    "form": _tag_rule("prune.form", "widget", "<form>: search boxes, sign-ups, comment forms"),
    "button": _WIDGET_RULE,
    "input": _WIDGET_RULE,
    "select": _WIDGET_RULE,
    "textarea": _WIDGET_RULE,
    "label": _WIDGET_RULE,
    "option": _WIDGET_RULE,
}
HIDDEN_RULE = _tag_rule("prune.hidden", "hidden", "hidden, aria-hidden='true' or inline display:none/visibility:hidden")
