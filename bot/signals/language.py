"""Language of a comment: py3langid (offline, about 50k short texts/s), or the locale.

Short texts ("ok", "gracias!") carry too little to tell, and a detector guesses; there the
requester's Zendesk locale is the better answer. The detector is restricted to the languages
support teams most often meet, which makes it faster and more accurate on short messages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: Languages with a sentiment lexicon and signal patterns.
SUPPORTED = ("en", "es", "fr", "de", "pt")
#: Languages the detector chooses among (other European languages keep it honest).
DETECTABLE = (*SUPPORTED, "it", "nl", "ca", "sv", "da", "no", "pl")
MIN_CHARS = 20  # below this, the locale wins when there is one
MIN_CONFIDENCE = 0.8
MAX_CHARS = 300  # the detector's cost grows with length; the start of a message is enough

# Function words that tell the supported languages apart. Counting them is ten times faster
# than the detector and as good on support messages; the detector decides when they do not.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "is",
            "my",
            "it",
            "you",
            "to",
            "this",
            "not",
            "was",
            "have",
            "for",
            "with",
            "but",
            "your",
            "thanks",
            "please",
            "what",
            "of",
            "i'm",
            "it's",
            "don't",
            "can't",
            "doesn't",
            "would",
            "could",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "los",
            "las",
            "y",
            "es",
            "mi",
            "pero",
            "por",
            "con",
            "una",
            "del",
            "ya",
            "muy",
            "gracias",
            "sigue",
            "qué",
            "cómo",
            "hola",
            "lo",
            "se",
            "pedido",
            "tengo",
            "puedo",
            "podéis",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "les",
            "et",
            "est",
            "je",
            "mais",
            "pour",
            "avec",
            "pas",
            "une",
            "des",
            "du",
            "très",
            "merci",
            "ça",
            "vous",
            "mon",
            "ma",
            "c'est",
            "bonjour",
            "j'ai",
            "n'est",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "ich",
            "nicht",
            "mit",
            "für",
            "ein",
            "eine",
            "mein",
            "sie",
            "danke",
            "aber",
            "noch",
            "bitte",
            "hallo",
            "zu",
            "ihr",
            "auf",
            "wie",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "os",
            "e",
            "é",
            "meu",
            "minha",
            "mas",
            "com",
            "não",
            "um",
            "uma",
            "do",
            "da",
            "já",
            "muito",
            "obrigado",
            "obrigada",
            "você",
            "olá",
            "foi",
            "isso",
            "pedido",
        ]
    ),
}
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _vocabulary in _FUNCTION_WORDS.items():
    for _word in _vocabulary:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# A lower-case ASCII text's words, as `_WORD` reads them, read as bytes: its runs of a-z
# (every other byte made a space, for a split) or, holding a "'", `_WORD` over bytes. A tenth
# of `_WORD`'s time over the text.
_ASCII_SPLIT = bytes(code if 97 <= code <= 122 else 32 for code in range(256))
_ASCII_WORD = re.compile(rb"[a-z]+(?:'[a-z]+)?")
_ASCII_LANGUAGES_OF = {
    word.encode("ascii"): languages for word, languages in _LANGUAGES_OF.items() if word.isascii()
}
_ASCII_NOT_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(DETECTABLE))
    return identifier


def locale_language(locale: str | None) -> str | None:
    """ "es-419" -> "es"; None or empty -> None."""
    if not locale:
        return None
    return locale.replace("_", "-").split("-")[0].lower() or None


@lru_cache(maxsize=65_536)
def detect_language(text: str, locale: str | None = None) -> str | None:
    """ISO 639-1 code of `text`; the locale's language when the text is too short to tell."""
    preferred = locale_language(locale)
    head = text[: MIN_CHARS * 4]
    # An ASCII letter is what str.isalpha says it is: counted by deleting the other bytes,
    # five times faster than asking each character.
    letters = (
        len(head.encode("ascii").translate(None, _ASCII_NOT_LETTERS))
        if head.isascii()
        else sum(map(str.isalpha, head))
    )
    if letters == 0:
        return preferred
    if preferred and letters < MIN_CHARS:
        return preferred
    lowered = text[:MAX_CHARS].lower()
    words: list[str] | list[bytes]
    if lowered.isascii():
        raw = lowered.encode("ascii")
        words = _ASCII_WORD.findall(raw) if b"'" in raw else raw.translate(_ASCII_SPLIT).split()
        languages_of: dict[Any, tuple[str, ...]] = _ASCII_LANGUAGES_OF
    else:
        words, languages_of = _WORD.findall(lowered), _LANGUAGES_OF
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    # Most words are no function word: only those that are reach the loop.
    for languages in filter(None, map(languages_of.get, words)):
        for lang in languages:
            counts[lang] += 1
    hits = sorted(((n, lang) for lang, n in counts.items()), reverse=True)
    (best, best_lang), (second, _) = hits[0], hits[1]
    if best >= 2 and best >= 2 * second:
        return best_lang
    language, confidence = _identifier().classify(text[:MAX_CHARS])
    if preferred and confidence < MIN_CONFIDENCE:
        return preferred
    return str(language)
