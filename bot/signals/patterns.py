"""Compile per-language phrase lists into one regex over folded text (lower case, no accents).

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


def compile_phrases(by_language: Mapping[str, Iterable[str]]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any phrase (each a regex) at word boundaries.

    Groups are made non-capturing: nothing reads them, and the engine skips a phrase faster
    when it does not have to record group marks.
    """
    phrases = [
        _CAPTURING.sub("(?:", phrase) for phrases in by_language.values() for phrase in phrases
    ]
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in phrases) + r")(?![\w])")
