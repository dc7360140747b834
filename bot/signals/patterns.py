"""Compile per-language phrase lists into one regex over folded text (lower case, no accents),
and spread one long pattern the same way (`compile_spread`).

Signal modules keep their phrases per language, as a support expert would write them; they
are matched against every message whatever its detected language, because a misdetected
short message should still be read correctly, and the phrases of different languages rarely
collide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# An opening parenthesis of a capturing group (not escaped, not inside a class, not "(?").
_CAPTURING = re.compile(r"(?<!\\)\((?!\?)")
# Characters that do not stand for themselves at the head of a phrase.
_META = set(".^$*+?{}[]\\|()")
# What `compile_phrases` puts around its alternatives: a word start before, a word end after.
_BEFORE, _WORD_END = r"(?<![\w])(?:", r"(?![\w])"
_AFTER = ")" + _WORD_END
# Past this many variants a phrase stays as it was written.
_MAX_VARIANTS = 24


def _scan(phrase: str, start: int) -> tuple[list[str], int]:
    """The alternatives of `phrase` from `start`, cut at each "|" outside any group or class,
    up to the ")" that closes the group `start` is in (its index) or the end (-1)."""
    depth, i, cut = 0, start, start
    parts: list[str] = []
    while i < len(phrase):
        char = phrase[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = phrase.index("]", i + 2 if phrase[i + 1 : i + 2] == "]" else i + 1) + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return [*parts, phrase[cut:i]], i
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(phrase[cut:i])
            cut = i + 1
        i += 1
    return [*parts, phrase[cut:]], -1


def _top_level(phrase: str) -> list[str]:
    """The phrase cut at each "|" that lies outside any group or class."""
    return _scan(phrase, 0)[0]


def _leading_group(phrase: str) -> tuple[list[str], str, str] | None:
    """A phrase opening on a group: (its alternatives, its quantifier, the rest), or None
    when the phrase does not open on a plain group or the group cannot be split safely."""
    if phrase.startswith("(?:"):
        start = 3
    elif phrase.startswith("(") and not phrase.startswith("(?"):
        start = 1
    else:
        return None
    alternatives, close = _scan(phrase, start)
    if close < 0:
        return None
    quantifier = phrase[close + 1 : close + 2]
    if quantifier in ("*", "+", "{") or phrase[close + 1 : close + 3] == "??":
        return None
    if quantifier == "?":
        return alternatives, "?", phrase[close + 2 :]
    return alternatives, "", phrase[close + 1 :]


def _variants(phrase: str) -> list[str]:
    """The phrase as alternatives that each open on a literal, in the order the engine would
    try them: "(is|are) (now )?back" gives "is (now )?back" and "are (now )?back".

    The engine skips an alternative that opens on a literal with one comparison where the
    text does not start with it, but enters one that opens on a group; so a phrase list
    written naturally, with a group first, costs several times more per word of text.
    """
    parts = _top_level(phrase)
    if len(parts) > 1:
        return [variant for part in parts for variant in _variants(part)]
    split = _leading_group(phrase)
    if split is None:
        return [phrase]
    alternatives, quantifier, rest = split
    # An alternative holds no "|" outside its own groups, so it concatenates as it is.
    heads = list(alternatives)
    if quantifier == "?":
        heads.append("")
    variants: list[str] = []
    for head in heads:
        variants.extend(_variants(head + rest) if head == "" or head[0] == "(" else [head + rest])
        if len(variants) > _MAX_VARIANTS:
            return [phrase]
    return variants


def _by_first_letter(variants: list[str]) -> list[str]:
    """The variants gathered under their first letter: "is x", "it y" and "are z" give
    "i(?:s x|t y)" and "a(?:re z)". Only the group of the letter under the cursor is entered,
    so a longer phrase list costs little more per word of text. Variants that open on a
    class or an escape keep their place after the groups; two variants that open on
    different letters never match at the same place, so nothing else changes.
    """
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for variant in variants:
        head = variant[:1]
        if head and head not in _META and variant[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(head, []).append(variant[1:])
        else:
            others.append(variant)
    merged = [
        re.escape(head) + "(?:" + "|".join(f"(?:{rest})" for rest in rests) + ")"
        for head, rests in groups.items()
    ]
    return merged + [f"(?:{variant})" for variant in others]


def compile_phrases(by_language: Mapping[str, Iterable[str]]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any phrase (each a regex) at word boundaries.

    Groups are made non-capturing: nothing reads them, and the engine skips a phrase faster
    when it does not have to record group marks. A phrase that opens on a group is spread
    into variants that open on a literal (`_variants`), and the variants are gathered under
    their first letter (`_by_first_letter`); what matches is unchanged.
    """
    variants = [
        _CAPTURING.sub("(?:", variant)
        for phrases in by_language.values()
        for phrase in phrases
        for variant in _variants(phrase)
    ]
    return re.compile(_BEFORE + "|".join(_by_first_letter(variants)) + _AFTER)


def compile_named(*named: tuple[str, str]) -> re.Pattern[str]:
    """One pattern of named alternatives, tried in order: `match.lastgroup` says which matched.

    The word-start lookbehind that opens each `compile_phrases` pattern is tested once for a
    run of them rather than once for each: a lookbehind is entered as a sub-match at every
    character of the text, and at a character inside a word every one of them fails. What
    matches, and under which name, is unchanged (the lookahead after each stays in its group).
    """
    parts: list[str] = []
    run: list[str] = []  # consecutive phrase patterns, under one lookbehind
    for name, pattern in named:
        if pattern.startswith(_BEFORE) and pattern.endswith(_AFTER):
            inner = pattern[len(_BEFORE) : -len(_AFTER)]
            run.append(f"(?P<{name}>(?:{inner}){_WORD_END})")
            continue
        if run:
            parts.append(_BEFORE + "|".join(run) + ")")
            run = []
        parts.append(f"(?P<{name}>{pattern})")
    if run:
        parts.append(_BEFORE + "|".join(run) + ")")
    return re.compile("|".join(parts))


def compile_spread(pattern: str) -> re.Pattern[str]:
    """`pattern` spread into variants that open on a literal and gathered under their first
    letter, as `compile_phrases` does (no word boundaries added, groups made non-capturing).

    It matches somewhere in a text exactly when `pattern` does, though not always the same
    span (the variants are tried in another order): for a test with `search`, never for what
    a match holds. A pattern opening on groups of alternatives ("(have you|did you|please)
    (\\w+ ){0,8}(restart|...)") is entered at every character of the text; spread, it is
    skipped wherever no variant's first letter stands, several times faster per message.
    """
    variants = [_CAPTURING.sub("(?:", variant) for variant in _variants(pattern)]
    return re.compile("|".join(_by_first_letter(variants)))
