"""Chrome rules as data: every rule has an id, a removal kind and a reason.

The registry ``RULES`` lists every rule that can remove something, from the
prune stage's tag rules to the textual phrase rules, so that a caller can
switch any of them off by id (``Options.disabled_rules``) and every entry of
``Article.removed`` names one of them.

Families, by id prefix:

* ``prune.*``  tags and attributes that are never content (prune stage)
* ``struct.*`` class/id/role keywords, link density, widget shapes
* ``func.*``   widgets by what they do: e-mail forms, share endpoints, sums of money
* ``text.*``   phrase tables in several languages, tested on short blocks
* ``line.*``   plain-text heuristics for UI fragments
* ``score.*``  what scoring leaves outside the article container
* ``user.*``   rules the caller adds (``PhraseRule``, ``SelectorRule``)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import OptionsError
from ..options import Options


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: ``id`` for switches and reports, ``kind`` for ``Removal.kind``."""

    id: str
    kind: str
    doc: str


RULES: dict[str, Rule] = {}


def register(rule_id: str, kind: str, doc: str) -> Rule:
    """Add a rule to the registry; ids are unique."""
    if rule_id in RULES:
        raise ValueError(f"duplicate rule id {rule_id}")
    rule = RULES[rule_id] = Rule(rule_id, kind, doc)
    return rule


def check_rule_ids(options: Options) -> None:
    """Fail loudly on a disabled-rule id that names no rule (a typo would do nothing)."""
    known = set(RULES) | {rule.id for rule in options.extra_rules}
    for rule_id in options.disabled_rules:
        if rule_id.endswith("*") and any(known_id.startswith(rule_id[:-1]) for known_id in known):
            continue
        if rule_id not in known:
            raise OptionsError(f"unknown rule id {rule_id!r}; see cleanpress.rules.RULES")
