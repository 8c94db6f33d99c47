"""``line.*``: plain-text input's headline and what stands above it (text mode only).

Text copied out of a browser starts with the site's name, menus and banners;
the headline is the first heading-like line before the first long paragraph,
and everything above it is chrome.
"""

from __future__ import annotations

from .catalogue import register

TITLE_RULE = register("line.title", "metadata", "plain text: the headline, reported as Article.title",
                      family="lines", stage="text-mode")
BEFORE_TITLE_RULE = register("line.before-title", "navigation",
                             "plain text: lines before the headline (site name, menus, banners)",
                             family="lines", stage="text-mode")
