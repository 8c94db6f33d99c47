"""The metadata stage: what the page says about itself, read from the parsed tree.

Sources, best first for each field: JSON-LD (schema.org ``Article`` and kin,
``@graph`` and lists included), Open Graph, Dublin Core, Twitter cards, plain
``<meta>`` names, ``<link rel>``, microdata (``itemprop``), ``<time>``, and as a
last resort visible text (``<title>``, ``<h1>``, a byline element in the body).

The stage only reads the tree, which later stages share, and it never raises:
a page with broken JSON-LD or a nonsense date simply yields an empty field.
It costs one C-level ``iter`` over the tags that carry metadata and short
ancestor walks for the few candidates it finds. The body is searched only for
what the page does not say in its head or structured data: the byline XPath
runs only when no author is named there, the microdata and visible dates only
when no better date is given, the first paragraph only when no description is
(which the pipeline checks against the article: see :func:`lead_description`).

Where conventions differ, the stage follows those of Mozilla's Readability
(whose test pages are the reference the project measures against): a
structured title is taken as the page gives it, a structured byline is the
author names joined by ", ", a byline found in the body is its text as
readers see it, and the description of last resort is the first paragraph.

The package, one module per concern:

- ``collect``: the one walk over the tags that carry metadata (``Found``) and
  the visibility tests shared by the body searches;
- ``jsonld``: tolerant JSON-LD parsing and reading schema.org values;
- ``dates``: date normalisation and the publication date's sources;
- ``authors``: author names and the byline (also used by plain-text input);
- ``titles``: the headline and the site name;
- ``lang``: the page's language;
- ``decide``: the entry points and the choice of every field;
- ``text``: small string helpers shared by the others.
"""

from __future__ import annotations

from .dates import normalize_date
from .decide import extract_metadata, lead_description, page_lead
from .lang import normalize_lang

__all__ = ["extract_metadata", "lead_description", "normalize_date", "normalize_lang", "page_lead"]
