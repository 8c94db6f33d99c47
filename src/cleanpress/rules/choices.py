"""``option.*``: blocks the caller chose to drop through ``Options`` (applied in assembly)."""

from __future__ import annotations

from .catalogue import register

CAPTION_OPTION = register("option.keep-captions", "dropped-by-option",
                          "captions, when the caller sets keep_captions=False (the default)",
                          family="choices", stage="option")
TABLE_OPTION = register("option.keep-tables", "dropped-by-option",
                        "data tables, when the caller sets keep_tables=False",
                        family="choices", stage="option")
