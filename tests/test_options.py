"""Options: validated once when built, switches by id or prefix, overrides, limits."""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

import pytest

import cleanpress
from cleanpress import (
    Limits,
    Options,
    OptionsError,
    PageTooLarge,
    PhraseRule,
    SelectorRule,
)
from cleanpress.rules import RULES, STAGES

P1 = ("The harbour was closed on Saturday as the storm drove waves over the sea wall, and the port "
      "authority said no ferries would sail before Monday at the earliest.")
P2 = ("Fishermen who had tied up their boats in the inner basin spent the night checking the lines, and "
      "several said they had not seen seas like it in twenty years.")
PAGE = (f"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article><p>{P1}</p>"
        f"<p>Share this article</p><figure><img src='a.jpg'><figcaption>The sea wall on Sunday.</figcaption></figure>"
        f"<table><tr><th>Port</th><th>Status</th></tr><tr><td>Inner</td><td>Closed</td></tr></table>"
        f"<p>{P2}</p></article></body></html>")


def test_defaults() -> None:
    options = Options()
    assert options.disabled_rules == frozenset() and options.extra_rules == ()
    assert not options.keep_captions  # captions are not body text unless asked for
    assert options.keep_tables and options.keep_links and options.keep_images
    assert options.limits == Limits()


def test_collections_are_frozen_on_build() -> None:
    options = Options(disabled_rules=["text.share", "text.share"],  # type: ignore[arg-type]
                      extra_rules=[PhraseRule("user.x", "x")])  # type: ignore[arg-type]
    assert options.disabled_rules == frozenset({"text.share"})
    assert isinstance(options.extra_rules, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.keep_tables = False  # type: ignore[misc]


def test_one_string_instead_of_a_collection_is_an_error() -> None:
    with pytest.raises(OptionsError, match="collection"):
        Options(disabled_rules="text.share")  # type: ignore[arg-type]


@pytest.mark.parametrize("rule", ["text.share", r"\bshare\b", ("user.x", "x"), None])
def test_extra_rules_must_be_rule_records(rule: object) -> None:
    with pytest.raises(OptionsError):
        Options(extra_rules=(rule,))  # type: ignore[arg-type]


def test_rule_enabled_by_id_and_prefix() -> None:
    options = Options(disabled_rules=frozenset({"text.share", "prune.*"}))
    assert not options.rule_enabled("text.share")
    assert options.rule_enabled("text.share-extra") is True
    assert options.rule_enabled("text.read-more")
    assert not options.rule_enabled("prune.nav") and not options.rule_enabled("prune.hidden")
    assert options.rule_enabled("struct.role")


def test_every_registered_rule_can_be_switched_off() -> None:
    for rule_id in RULES:
        assert not Options(disabled_rules=frozenset({rule_id})).rule_enabled(rule_id)
        cleanpress.extract("<p>x</p>", disabled_rules={rule_id})


def test_overrides_replace_fields_and_validate() -> None:
    base = Options(keep_tables=False)
    assert base.with_overrides({}) is base
    changed = base.with_overrides({"keep_captions": False})
    assert (changed.keep_tables, changed.keep_captions) == (False, False)
    with pytest.raises(OptionsError, match="keep_table"):
        base.with_overrides({"keep_table": True})
    with pytest.raises(OptionsError):
        base.with_overrides({"extra_rules": (PhraseRule("user.bad", "(unclosed"),)})


def test_overrides_apply_on_top_of_an_options_object() -> None:
    base = Options(keep_tables=False)
    article = cleanpress.extract(PAGE, options=base, keep_captions=False)
    assert "Port" not in article.text and "The sea wall on Sunday." not in article.text
    assert P1 in article.text


def test_keep_captions_and_tables_through_extract() -> None:
    kept = cleanpress.extract(PAGE, keep_captions=True)
    assert "The sea wall on Sunday." in kept.text and "Port\tStatus" in kept.text
    assert "The sea wall on Sunday." not in cleanpress.extract(PAGE).text  # captions are not body text by default
    dropped = cleanpress.extract(PAGE, keep_captions=False, keep_tables=False)
    assert "The sea wall on Sunday." not in dropped.text and "Port" not in dropped.text
    assert {(r.kind, r.rule) for r in dropped.removed} >= {("dropped-by-option", "option.keep-captions"),
                                                          ("dropped-by-option", "option.keep-tables")}


def test_switching_every_rule_off_keeps_the_chrome() -> None:
    article = cleanpress.extract(PAGE, disabled_rules={"*"}, keep_captions=True)
    assert "Share this article" in article.text and "Home" in article.text
    assert article.removed == ()


def test_disabled_family_prefix_must_name_rules() -> None:
    with pytest.raises(OptionsError):
        cleanpress.extract(PAGE, disabled_rules={"txt.*"})


def test_selector_rule_validation() -> None:
    assert Options(extra_rules=(SelectorRule("user.ok", "div.promo > p:first-child"),)).extra_rules
    with pytest.raises(OptionsError, match="user.bad"):
        Options(extra_rules=(SelectorRule("user.bad", "div[class="),))


def test_page_over_the_byte_limit() -> None:
    limits = Limits(max_bytes=200)
    with pytest.raises(PageTooLarge) as info:
        cleanpress.extract(PAGE, limits=limits)
    assert isinstance(info.value, ValueError) and isinstance(info.value, cleanpress.LimitExceeded)
    assert (info.value.limit, info.value.maximum) == ("max_bytes", 200)
    assert info.value.value == len(PAGE)


def test_page_cut_to_the_limit_when_truncation_is_allowed() -> None:
    article = cleanpress.extract(PAGE.encode(), limits=Limits(max_bytes=len(PAGE) - 40, truncate=True))
    assert article.truncated
    assert P1 in article.text
    assert not cleanpress.extract(PAGE).truncated


def test_every_rule_has_a_known_kind_and_a_reason() -> None:
    """The registry is what --disable and Removal.rule refer to: each entry must explain itself."""
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id
        assert rule.kind in cleanpress.REMOVAL_KINDS, rule_id
        assert rule.doc.strip(), rule_id
        assert rule_id.split(".")[0] in {"prune", "struct", "func", "text", "line", "score", "assemble", "option",
                                            "discussion"}, rule_id
        assert rule.stage in STAGES, rule_id
        assert importlib.import_module(f"cleanpress.rules.{rule.family}").__name__, rule_id


# --- options are checked when built, like rule ids ------------------------------------

@pytest.mark.parametrize("build", [
    lambda: PhraseRule("user.x", "x", kind="bogus"),
    lambda: SelectorRule("user.x", "div", kind="bogus"),
    lambda: PhraseRule("", "x"),
    lambda: PhraseRule("user.x", "x", max_chars=0),
    lambda: SelectorRule("user.x", None),  # type: ignore[arg-type]
    lambda: Options(keep_tables="no"),  # type: ignore[arg-type]
    lambda: Options(html=1),  # type: ignore[arg-type]
    lambda: Options(limits={"max_bytes": 10}),  # type: ignore[arg-type]
    lambda: Limits(max_bytes=0),
    lambda: Limits(max_depth=-1),
    lambda: Limits(max_nodes=1.5),  # type: ignore[arg-type]
    lambda: Limits(truncate="yes"),  # type: ignore[arg-type]
])
def test_malformed_options_raise_at_once(build: Any) -> None:
    with pytest.raises(OptionsError):
        build()


def test_user_rule_kinds_come_from_the_removal_vocabulary() -> None:
    assert PhraseRule("user.x", "x", kind="advertisement").kind == "advertisement"
    with pytest.raises(OptionsError, match="known kinds"):
        PhraseRule("user.x", "x", kind="bogus")


@pytest.mark.parametrize("encoding", ["klingon", "utf-9", 8])
def test_unknown_encoding_is_an_options_error(encoding: Any) -> None:
    with pytest.raises(OptionsError):
        cleanpress.extract(PAGE.encode(), encoding=encoding)
    with pytest.raises(OptionsError):
        cleanpress.trace(PAGE.encode(), encoding=encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", " 'cp1251' ", "latin-1", "", None])
def test_known_encodings_are_accepted(encoding: str | None) -> None:
    assert P1 in cleanpress.extract(PAGE.encode(), encoding=encoding).text


def test_a_records_unknown_encoding_is_ignored_in_a_batch_not_fatal() -> None:
    """A WARC header's charset is data, not the caller's option: the record is extracted as if it had none."""
    from cleanpress.batch import PageRecord

    [result] = cleanpress.extract_many([PageRecord("k", PAGE.encode(), encoding="klingon")], jobs=1)
    assert result.ok and result.article == cleanpress.extract(PAGE.encode())
