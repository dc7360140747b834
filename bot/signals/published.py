"""Published sentiment lexicons shipped inside alignbot, merged under its own lexicons.

alignbot's hand-written lexicons (`lexicons.py`) know support vocabulary; a published lexicon
knows many more everyday words. Where a published lexicon with a licence that allows
redistribution in an MIT product measurably helps, its data ships in `bot/signals/data/`
(with its licence and a NOTICE naming source, version and checksum; no download at run
time) and fills the gaps of ours:

- ours wins: a published word is used only when our lexicon has no entry for it, neither
  exact nor a `*` stem that matches it (so "ok" stays an acknowledgement, not praise);
- grammar stays ours: negators, boosters and "but" words of our rules, and the language's
  function words, are never valence words (a translated lexicon gives "sur" or "part" a
  valence its English source word had);
- weak entries (|valence| < `MIN_VALENCE`) are left out: in a translated lexicon they are
  mostly nouns with an incidental connotation ("soldes"), and they tip neutral messages.

Only French uses one today (vaderSentiment-fr); docs/signals.md says which resources were
measured and why the others were not adopted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from bot.signals.lexicons import BOOSTERS, BUT_WORDS, NEGATORS, POST_NEGATORS


@dataclass(frozen=True)
class PublishedLexicon:
    """One vendored lexicon: `file` in `bot/signals/data/` holds `word<TAB>valence` lines,
    words folded (lower case, no accents), valences on VADER's -4..+4 scale."""

    language: str
    file: str
    source: str
    licence: str


PUBLISHED: dict[str, PublishedLexicon] = {
    "fr": PublishedLexicon(
        language="fr",
        file="fr-vader.tsv",
        source="vaderSentiment-fr 1.3.4 (a French translation of VADER's lexicon)",
        licence="MIT",
    ),
}

MIN_VALENCE = 0.8  # VADER's raters put "slightly" near 1; below this is connotation, not opinion
MIN_LENGTH = 3  # shorter tokens are abbreviations or elisions ("s", "v", "pb")

#: Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries) and
#: frequent neutral words that a translated lexicon scores because an English word they
#: translate has a valence ("sur" from "sure", "prix" from "prize", "part" from "share").
_FR_FUNCTION_WORDS = """
a au aux avec ce ces cet cette chez comme dans de des du elle elles en entre et eux il ils je
la le les leur leurs lui ma mais me meme mes moi mon ne ni nos notre nous on ou par pas pour qu
que qui sa sans se ses si son sous sur ta te tes toi ton tous tout toute toutes tu un une vos
votre vous y est sont etait ete etre avoir ai as avons avez ont fait faire fois part prix mode
peu plus moins tres trop bien aussi alors donc car quand comment pourquoi oui non unique
"""
FUNCTION_WORDS: dict[str, frozenset[str]] = {"fr": frozenset(_FR_FUNCTION_WORDS.split())}


@cache
def published_lexicon(language: str) -> dict[str, float]:
    """Every entry of the vendored lexicon of `language` (empty when there is none)."""
    lexicon = PUBLISHED.get(language)
    if lexicon is None:
        return {}
    text = (files("bot.signals") / "data" / lexicon.file).read_text(encoding="utf-8")
    entries: dict[str, float] = {}
    for line in text.splitlines():
        word, _, valence = line.partition("\t")
        if word and valence:
            entries[word] = float(valence)
    return entries


def _grammar_words(language: str) -> frozenset[str]:
    return (
        NEGATORS.get(language, frozenset())
        | frozenset(BOOSTERS.get(language, {}))
        | BUT_WORDS.get(language, frozenset())
        | POST_NEGATORS.get(language, frozenset())
        | FUNCTION_WORDS.get(language, frozenset())
    )


def _ours_has(ours: dict[str, float], stems: tuple[str, ...], word: str) -> bool:
    return word in ours or word.startswith(stems)


def with_published(language: str, ours: dict[str, float]) -> dict[str, float]:
    """`ours` plus the usable published entries of `language` that `ours` says nothing of."""
    published = published_lexicon(language)
    if not published:
        return ours
    stems = tuple(key[:-1] for key in ours if key.endswith("*"))
    skip = _grammar_words(language)
    merged = dict(ours)
    for word, valence in published.items():
        if (
            abs(valence) >= MIN_VALENCE
            and len(word) >= MIN_LENGTH
            and word not in skip
            and not _ours_has(ours, stems, word)
        ):
            merged[word] = valence
    return merged
