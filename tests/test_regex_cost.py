"""Every pattern the extractor runs, and the class/id splitting and Markdown escapes, are linear in their input.

``benchmarks/regex_cost.py`` finds the subjects and builds the hostile texts
(its own pieces, near-misses, long runs); here they are timed at a small size
and at ten times that. A linear subject grows about 10x, a quadratic one about
100x. A growth past the limit is measured again, more carefully and larger,
before it fails, so that a busy machine does not fail the test.
"""

from __future__ import annotations

from benchmarks.regex_cost import LIMIT, growth, subjects


def test_subjects_cover_the_rules_and_the_text_functions() -> None:
    names = {subject.name for subject in subjects()}
    assert "cleanpress.rules.structural._CAMEL" in names
    assert "cleanpress.metadata.authors._NAME_SPLIT" in names
    assert "text.cookie (union)" in names and "text.cookie phrase 0" in names
    assert {"structural.class_id_words", "markdown._escape", "markdown._plain_line"} <= names
    assert any(":" in name for name in names)  # patterns written inline in a function
    assert len(names) > 250


def test_every_subject_grows_linearly() -> None:
    superlinear = []
    for subject in subjects():
        for kind, (small, large) in growth(subject, 1_000, 10_000, budget=0.0, repeats=3).items():
            if large / max(small, 1e-7) <= LIMIT:
                continue
            again = growth(subject, 10_000, 100_000, budget=0.01, repeats=3, only=kind)[kind]
            if again[1] / max(again[0], 1e-7) > LIMIT:
                superlinear.append(f"{subject.name} on {kind}: {again[1] / again[0]:.0f}x")
    assert not superlinear, superlinear
