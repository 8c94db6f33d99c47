"""Literal gates for the phrase patterns: words a block must contain before a pattern is worth running.

Most blocks match no textual rule, yet an unanchored search over a long
alternation of phrases costs tens of microseconds per block. Almost every
phrase fragment spells out some words literally ("we use cookies", "sign up
for our ... newsletter"), so a block that contains none of those words cannot
match and the search can be skipped. The words are derived here from the
fragments themselves, so a phrase table never has to list them twice.

:func:`required_strings` reads one fragment and returns strings of which
every match contains at least one (or None when it cannot tell). It
understands the syntax the phrase tables use: literals, escapes, classes,
groups, alternation and quantifiers; anything it does not understand simply
contributes no literal. The gate compares case-folded text with case-folded
words, which agrees with the patterns' IGNORECASE except for a few characters
that ``regex`` matches case-insensitively but ``str.casefold`` keeps apart;
:func:`fold` maps those first (tests/test_literals.py checks every character
the gates use).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import product
from typing import NamedTuple

#: One set of exact strings, or one set of required strings, is kept small.
_MAX_STRINGS = 32
_EMPTY: frozenset[str] = frozenset({""})
_ZERO_WIDTH_ESCAPES = frozenset("bBAZG")
#: What :func:`first_characters` gives for a match that starts with any decimal digit (``\\d``)
#: or any whitespace (``\\s``): a class, not one character (no character is written this way).
DIGIT = "\\d"
SPACE = "\\s"
_CLASS_ESCAPES = {"d": DIGIT, "s": SPACE}
_FLAG_LETTERS = frozenset("-imsxuLaV01")
#: Characters that ``regex`` matches case-insensitively to a letter whose casefold differs.
_FOLD_FIXES = str.maketrans({"\u0130": "i", "\U0001df95": "ss"})

Strings = frozenset[str]
#: A trie of words: each character leads to the rest; the key "" marks a word's end.
_Trie = dict[str, "_Trie"]


class _Summary(NamedTuple):
    """What a piece of a pattern tells without running it."""

    #: The exact strings it matches, when they are few and known.
    exact: Strings | None
    #: Strings one of which each of its matches contains, when known.
    required: Strings | None
    #: The characters a match can start with (None: any); empty when it only matches "".
    first: Strings | None
    #: Whether it can match the empty string.
    nullable: bool


_ANY = _Summary(None, None, None, False)
_ZERO_WIDTH = _Summary(_EMPTY, None, frozenset(), True)


def fold(text: str) -> str:
    """``text`` case-folded the way the gates compare it."""
    if "\u0130" in text or "\U0001df95" in text:
        text = text.translate(_FOLD_FIXES)
    return text.casefold()


class WordFinder:
    """Which of a fixed set of words occur in a text, found in one regex scan.

    A substring test per word costs a step of Python bytecode each, and the
    phrase gates hold some two hundred words. Here the words form one pattern
    shaped as a trie (``sub(?:scri(?:be|ption))``) tried at every position
    through a lookahead, so overlapping words are all seen; what matches at a
    position is the longest word there, which stands for its prefixes too
    (any two words found at one position are a word and its prefix). The
    pattern is compiled on the first search, not at import.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(word for word in words if word)
        self._pattern: re.Pattern[str] | None = None
        self._with_prefixes: dict[str, frozenset[str]] = {}

    def find(self, text: str) -> frozenset[str]:
        """The words that occur in ``text``, as ``{w for w in words if w in text}`` would say."""
        pattern = self._pattern
        if pattern is None:
            if not self.words:
                return frozenset()
            pattern = self._compile()
        found = pattern.findall(text)
        if not found:
            return frozenset()
        return frozenset().union(*map(self._with_prefixes.__getitem__, found))

    def _compile(self) -> re.Pattern[str]:
        self._with_prefixes = {word: frozenset(w for w in self.words if word.startswith(w)) for word in self.words}
        self._pattern = re.compile(f"(?=({_trie(self.words)}))")
        return self._pattern


def _trie(words: frozenset[str]) -> str:
    """A regex matching any of ``words``, longest first at each position, as nested groups."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: _Trie) -> str:
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 and "" not in node else f"(?:{'|'.join(alternatives)})"
        return body + "?" if "" in node else body

    return branch(tree)


def gate_words(fragments: list[str]) -> tuple[str, ...] | None:
    """Case-folded words one of which any match of any fragment contains; None when some fragment has none.

    Each required string gives its longest word; a word that contains another
    gate word is dropped, since testing the shorter one already lets it through.
    """
    words: set[str] = set()
    for fragment in fragments:
        strings = required_strings(fragment)
        if strings is None:
            return None
        for string in strings:
            tokens = fold(string).split()
            if not tokens:
                return None
            words.add(max(tokens, key=len))
    return tuple(sorted(_shortest_forms(frozenset(words))))


def required_strings(fragment: str) -> Strings | None:
    """Strings one of which every match of ``fragment`` contains (as written, not folded); None when unknown."""
    summary = _summarise(fragment)
    strings = _stronger(_nonempty(summary.exact), summary.required)
    return None if strings is None else _shortest_forms(strings)


def first_characters(fragment: str) -> Strings | None:
    """The characters (as written) a match of ``fragment`` can start with; None when any, or when it can match "".

    A match that can start with any digit or any whitespace adds :data:`DIGIT` or :data:`SPACE`.
    """
    summary = _summarise(fragment)
    return None if summary.nullable else summary.first


@cache  # a phrase is read for its rule's gate, its own gate and its first characters: once is enough
def _summarise(fragment: str) -> _Summary:
    parser = _Parser(fragment)
    summary = parser.alternation()
    if parser.pos != len(fragment):
        return _Summary(None, None, None, True)  # syntax this reader does not follow: nothing known
    return summary


def _shortest_forms(strings: Strings) -> Strings:
    """Drop strings that contain another one: a block holding the longer holds the shorter too."""
    return frozenset(s for s in strings if not any(other != s and other in s for other in strings))


def _strength(strings: Strings) -> tuple[int, int]:
    return min(map(len, strings)), -len(strings)


def _stronger(first: Strings | None, second: Strings | None) -> Strings | None:
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if first is None:
        return second
    if second is None:
        return first
    return max(first, second, key=_strength)


def _nonempty(exact: Strings | None) -> Strings | None:
    """Exact strings as a requirement: only when none of them is empty."""
    return exact if exact is not None and all(exact) else None


def _concatenate(left: Strings, right: Strings) -> Strings | None:
    joined = frozenset(a + b for a, b in product(left, right))
    return joined if len(joined) <= _MAX_STRINGS else None


class _Parser:
    """A recursive-descent reader of one fragment that summarises instead of compiling."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0

    def peek(self) -> str:
        return self.source[self.pos] if self.pos < len(self.source) else ""

    def take(self) -> str:
        char = self.peek()
        self.pos += 1
        return char

    def alternation(self) -> _Summary:
        """Branches separated by ``|``: a match is a match of one branch."""
        branches = [self.sequence()]
        while self.peek() == "|":
            self.take()
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        exact: Strings | None = None
        if all(b.exact is not None for b in branches):
            exact = frozenset().union(*(b.exact for b in branches if b.exact is not None))
            if len(exact) > _MAX_STRINGS:
                exact = None
        needs = [_stronger(_nonempty(b.exact), b.required) for b in branches]
        required = frozenset().union(*(n for n in needs if n is not None)) if all(needs) else None
        first = None if any(b.first is None for b in branches) else frozenset().union(
            *(b.first for b in branches if b.first is not None))
        return _Summary(exact, required, first, any(b.nullable for b in branches))

    def sequence(self) -> _Summary:
        """Items one after another: runs of exact items join into longer required strings."""
        whole: Strings | None = _EMPTY
        run: Strings = _EMPTY
        required: Strings | None = None
        first: Strings | None = frozenset()
        nullable = True
        while self.peek() not in ("", "|", ")"):
            item = self.quantified()
            if nullable:  # everything so far can match "": this item can start the match
                first = None if first is None or item.first is None else first | item.first
                nullable = item.nullable
            required = _stronger(required, item.required)
            exact = item.exact
            whole = _concatenate(whole, exact) if whole is not None and exact is not None else None
            joined = _concatenate(run, exact) if exact is not None else None
            if joined is not None:
                run = joined
                continue
            required = _stronger(required, _nonempty(run))
            run = exact if exact is not None else _EMPTY
        return _Summary(whole, _stronger(required, _nonempty(run)), first, nullable)

    def quantified(self) -> _Summary:
        """An atom and its quantifier, if any; an optional atom requires nothing."""
        atom = self.atom()
        char = self.peek()
        if not (char in ("?", "*", "+") or (char == "{" and self._at_counted_quantifier())):
            return atom
        low, high = self._quantifier()
        if self.peek() in ("?", "+"):
            self.take()  # lazy or possessive: the same strings can match
        required = _stronger(_nonempty(atom.exact), atom.required) if low > 0 else None
        nullable = atom.nullable or low == 0
        if atom.exact is None or high is None or high > 3:
            return _Summary(None, required, atom.first, nullable)
        repeated = {"".join(parts) for count in range(low, high + 1) for parts in product(atom.exact, repeat=count)}
        return _Summary(frozenset(repeated) if len(repeated) <= _MAX_STRINGS else None, required, atom.first, nullable)

    def atom(self) -> _Summary:
        char = self.take()
        if char == "(":
            return self._group()
        if char == "[":
            return self._class()
        if char == "\\":
            escaped = self.take()
            if escaped in _ZERO_WIDTH_ESCAPES:
                return _ZERO_WIDTH
            if escaped in ("p", "P"):
                self._skip_property()
                return _ANY
            if escaped in _CLASS_ESCAPES:
                return _Summary(None, None, frozenset({_CLASS_ESCAPES[escaped]}), False)
            if escaped.isalnum() or not escaped:
                return _ANY  # \d, \s, \w, \n and kin: a class of characters
            return _literal(escaped)
        if char in ("^", "$"):
            return _ZERO_WIDTH
        if char == ".":
            return _ANY
        return _literal(char)

    def _group(self) -> _Summary:
        if self.peek() == "?":
            self.take()
            kind = self.take()
            if kind == "<" and self.peek() in ("=", "!"):
                kind = self.take()
            if kind in ("=", "!"):
                self.alternation()  # a lookaround matches no characters of its own
                self.take()
                return _ZERO_WIDTH
            while kind != ":":
                if kind not in _FLAG_LETTERS:
                    return self._unknown()
                kind = self.take()
        summary = self.alternation()
        if self.take() != ")":
            return self._unknown()
        return summary

    def _class(self) -> _Summary:
        """``[...]``: its characters when it lists a few plainly; else any character."""
        members: set[str] = set()
        plain = self.peek() != "^"
        first = True
        while True:
            char = self.take()
            if not char:
                return self._unknown()
            if char == "]" and not first:
                break
            first = False
            if char == "\\":
                escaped = self.take()
                if escaped in ("p", "P"):
                    self._skip_property()
                    plain = False
                elif escaped.isalnum():
                    plain = False
                else:
                    members.add(escaped)
            elif char == "-" and members and self.peek() != "]":
                plain = False  # a range
            elif char == "[":
                plain = False
            else:
                members.add(char)
        if not (plain and members):
            return _ANY
        return _Summary(frozenset(members), None, frozenset(members), False)

    def _skip_property(self) -> None:
        if self.peek() == "{":
            end = self.source.find("}", self.pos)
            self.pos = end + 1 if end >= 0 else len(self.source)
        else:
            self.take()

    def _at_counted_quantifier(self) -> bool:
        end = self.source.find("}", self.pos)
        body = self.source[self.pos + 1:end] if end >= 0 else ""
        return bool(body) and body.replace(",", "", 1).isdigit()

    def _quantifier(self) -> tuple[int, int | None]:
        char = self.take()
        if char == "?":
            return 0, 1
        if char == "*":
            return 0, None
        if char == "+":
            return 1, None
        end = self.source.index("}", self.pos)
        body = self.source[self.pos:end]
        self.pos = end + 1
        low, comma, high = body.partition(",")
        if not comma:
            return int(low), int(low)
        return int(low or 0), (int(high) if high else None)

    def _unknown(self) -> _Summary:
        """Syntax this reader does not follow: give up on the whole fragment."""
        self.pos = len(self.source) + 1
        return _Summary(None, None, None, True)


def _literal(char: str) -> _Summary:
    return _Summary(frozenset({char}), None, frozenset({char}), False)
