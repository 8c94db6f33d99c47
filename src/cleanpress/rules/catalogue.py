"""The rule catalogue: every rule that can remove something, with where it acts and why.

A rule is declared once, in the module of its family under ``rules/``, by
:func:`register`; the stage modules import the rule objects they apply. The
catalogue is what ``Options.disabled_rules``, ``Removal.rule``, ``cleanpress
rules`` and the README's rule table all refer to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..errors import OptionsError
from ..options import Options

#: Where in the pipeline a rule acts (see the README's architecture section):
#: ``prune`` the one walk over the tree; ``score`` and ``second-opinion`` the
#: choice of the article container; ``sequence`` the assembly over the flat
#: list of blocks (position, neighbours, link density); ``textual`` the phrase
#: tables over short blocks; ``text-mode`` plain-text input only; ``option``
#: what the caller's options drop; ``discussion`` the reader comments a caller keeps.
Stage = Literal["prune", "score", "second-opinion", "sequence", "textual", "text-mode", "option", "discussion"]
STAGES: tuple[Stage, ...] = ("prune", "score", "second-opinion", "textual", "text-mode", "sequence", "option",
                             "discussion")


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: ``id`` for switches and reports, ``kind`` for ``Removal.kind``.

    ``family`` is the module of ``cleanpress.rules`` that declares it (and
    holds its tables or logic), ``stage`` where in the pipeline it acts.
    """

    id: str
    kind: str
    doc: str
    family: str
    stage: Stage


RULES: dict[str, Rule] = {}


def register(rule_id: str, kind: str, doc: str, *, family: str, stage: Stage) -> Rule:
    """Add a rule to the catalogue; ids are unique."""
    if rule_id in RULES:
        raise ValueError(f"duplicate rule id {rule_id}")
    rule = RULES[rule_id] = Rule(rule_id, kind, doc, family, stage)
    return rule


def check_rule_ids(options: Options) -> None:
    """Fail loudly on a disabled-rule id that names no rule (a typo would do nothing)."""
    known = set(RULES) | {rule.id for rule in options.extra_rules}
    for rule_id in options.disabled_rules:
        if rule_id.endswith("*") and any(known_id.startswith(rule_id[:-1]) for known_id in known):
            continue
        if rule_id not in known:
            raise OptionsError(f"unknown rule id {rule_id!r}; see cleanpress.rules.RULES")


def catalogue_rows() -> list[Rule]:
    """Every rule, by stage in pipeline order, then by id."""
    return sorted(RULES.values(), key=lambda rule: (STAGES.index(rule.stage), rule.id))


def catalogue_markdown() -> str:
    """The catalogue as a Markdown table (the README's rule table, ``cleanpress rules``)."""
    lines = ["| id | kind | stage | declared in | what it removes |", "| --- | --- | --- | --- | --- |"]
    lines.extend(f"| `{rule.id}` | {rule.kind} | {rule.stage} | `rules/{rule.family}.py` | {_cell(rule.doc)} |"
                 for rule in catalogue_rows())
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell."""
    return text.replace("|", "\\|")
