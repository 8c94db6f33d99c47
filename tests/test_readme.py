"""The README is part of the product: its commands and tables must stay true."""

from __future__ import annotations

import re
from pathlib import Path

import cleanpress
import cleanpress.assemble
import cleanpress.second_opinion
import cleanpress.text_mode
from cleanpress.rules import RULES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_rule_id_is_documented() -> None:
    missing = [rule_id for rule_id in RULES if f"`{rule_id}`" not in README]
    assert missing == []


def test_every_removal_kind_is_documented() -> None:
    missing = [kind for kind in cleanpress.REMOVAL_KINDS if f"| `{kind}` |" not in README]
    assert missing == []


def test_the_two_commands_open_the_readme() -> None:
    commands = re.findall(r"^python3 -m venv .*$", README, flags=re.MULTILINE)[:2]
    assert "fixtures/pages/" in commands[0] and "cleanpress " in commands[0]
    assert "pytest" in commands[1]
    page = commands[0].split("cleanpress ", 1)[1].split()[0]
    assert (Path(__file__).resolve().parents[1] / page).is_file()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/pip install --quiet -e '.[dev]'" in ci and ".venv/bin/python -m pytest" in ci
