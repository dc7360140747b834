"""Repetition across channels: a customer restating on a new channel what they already said
on another (the same identifiers, or much the same problem description).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from bot.signals.context import identifiers
from bot.signals.text import fold

_WORD = re.compile(r"[^\W\d_]{4,}")
SIMILARITY = 0.3  # share of content words in common (Jaccard) that reads as a restatement


@dataclass(frozen=True)
class EarlierMessage:
    text: str
    channel: str


class Earlier(Protocol):
    """An earlier message as restatements read it: an `EarlierMessage`, or the analysis
    job's own record of it (`bot.signals.history.Said`), passed without a copy."""

    @property
    def text(self) -> str: ...

    @property
    def channel(self) -> str: ...


@lru_cache(maxsize=65_536)
def _content_words(text: str) -> frozenset[str]:
    # Four letters or more, cut to a five-letter stem: crude, but language-neutral.
    return frozenset(word[:5] for word in _WORD.findall(fold(text)))


def restates(text: str, earlier: str) -> bool:
    """Does `text` restate `earlier`: a shared identifier, or mostly the same words?"""
    return _restates(identifiers(text), _content_words(text), earlier)


def _restates(ids: frozenset[str], mine: frozenset[str], earlier: str) -> bool:
    if not ids.isdisjoint(identifiers(earlier)):
        return True
    if len(mine) < 3:
        return False
    theirs = _content_words(earlier)
    if len(theirs) < 3:
        return False
    shared = len(mine & theirs)
    return shared / (len(mine) + len(theirs) - shared) >= SIMILARITY  # Jaccard


def restatements(text: str, channel: str, history: Sequence[Earlier]) -> int:
    """How many earlier messages on other channels this message restates."""
    if not text or not history:
        return 0
    # This message's identifiers and words are read once, not once per earlier message, and
    # `_restates` is spelt out over the earlier texts, their identifiers and their words each
    # read in one pass (`map`): the job compares a customer message with up to
    # `RESTATEMENT_WINDOW` earlier ones, and a call per comparison was most of its cost.
    earlier = [item.text for item in history if item.channel != channel and item.text]
    if not earlier:
        return 0
    ids, mine = identifiers(text), _content_words(text)
    count = 0
    if ids:
        # An earlier message naming one of these identifiers restates it.
        rest = [
            other
            for other, found in zip(earlier, map(identifiers, earlier), strict=True)
            if ids.isdisjoint(found)
        ]
        count, earlier = len(earlier) - len(rest), rest
    size = len(mine)
    if size < 3:
        return count
    for theirs in map(_content_words, earlier):
        if len(theirs) < 3:
            continue
        shared = len(mine & theirs)
        if shared / (size + len(theirs) - shared) >= SIMILARITY:  # Jaccard, as `_restates`
            count += 1
    return count
