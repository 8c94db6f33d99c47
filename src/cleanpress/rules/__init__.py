"""Chrome rules as data: the one home of every rule that can remove something.

The catalogue ``RULES`` (see :mod:`.catalogue`) lists each rule with its id,
removal kind, a line saying what it removes, the family module below that
declares it and the pipeline stage where it acts, so that a caller can switch
any of them off by id (``Options.disabled_rules``) and every entry of
``Article.removed`` names one of them.

Families, one module each:

* ``tags``       ``prune.*``: tags and attributes that are never content (prune stage)
* ``structural`` ``struct.class-*``, ``struct.role``: class/id/role keywords, and the
  guards that keep a big element from going on its class alone (prune stage)
* ``container``  ``score.*``: what lies outside the container that scoring chose
* ``textual``    ``text.*``: phrase tables in several languages, tested on short blocks
* ``lines``      ``line.*``: the headline of plain-text input and what stands above it
* ``sequence``   ``struct.link-dense``, ``struct.short-stack``, ``struct.teaser``,
  ``assemble.*``: what a block's place among its neighbours says (assembly)
* ``functional`` ``func.*``: widgets by what they do: e-mail forms, share endpoints,
  sums of money, dismiss and feedback controls, ad slots (before the prune walk)
* ``choices``    ``option.*``: captions and tables the caller chose to drop
* ``discussion`` ``discussion.*``: controls inside the reader comments a caller keeps
* ``user.*``     rules the caller adds (``PhraseRule``, ``SelectorRule``), not catalogued

Thresholds that several stages share are in :mod:`cleanpress.thresholds`.
"""

from __future__ import annotations

from . import choices, container, discussion, lines, sequence, structural, tags, textual
from .catalogue import (
           RULES,
           STAGES,
           Rule,
           Stage,
           catalogue_markdown,
           catalogue_rows,
           check_rule_ids,
           register,
)

__all__ = [
           "RULES",
           "STAGES",
           "Rule",
           "Stage",
           "catalogue_markdown",
           "catalogue_rows",
           "check_rule_ids",
           "choices",
           "container",
           "discussion",
           "lines",
           "register",
           "sequence",
           "structural",
           "tags",
           "textual",
]
