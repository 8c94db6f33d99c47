"""The rule catalogue: one row per rule, rendered for the README and ``cleanpress rules`` from one function."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanpress.rules import RULES, STAGES, catalogue_markdown, catalogue_rows

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
HEADER = catalogue_markdown().splitlines()[0]


def test_the_table_has_one_row_per_rule_in_pipeline_order() -> None:
    rows = catalogue_markdown().splitlines()[2:]
    assert len(rows) == len(RULES)
    assert [row.split("`")[1] for row in rows] == [rule.id for rule in catalogue_rows()]
    stages = [STAGES.index(rule.stage) for rule in catalogue_rows()]
    assert stages == sorted(stages)


def test_a_pipe_in_a_doc_line_does_not_break_the_table() -> None:
    for row in catalogue_markdown().splitlines()[2:]:
        assert row.replace("\\|", "").count("|") == 6, row


def test_the_readme_rule_table_is_the_catalogue() -> None:
    """Once the README carries the generated table, it must be the catalogue as it is now."""
    if HEADER not in README:
        pytest.skip("README.md does not carry the generated rule table yet (see rules.catalogue_markdown)")
    start = README.index(HEADER)
    lines = README[start:].splitlines()
    table = lines[:next((i for i, line in enumerate(lines) if not line.startswith("|")), len(lines))]
    generated = catalogue_markdown().splitlines()
    assert table[:len(generated)] == generated, "regenerate it: python -c 'from cleanpress.rules import catalogue_markdown as c; print(c())'"
