"""Language of a comment: py3langid (offline, about 50k short texts/s), or the locale.

Short texts ("ok", "gracias!") carry too little to tell, and a detector guesses; there the
requester's Zendesk locale is the better answer. The detector is restricted to the languages
support teams most often meet, which makes it faster and more accurate on short messages.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

#: Languages with a sentiment lexicon and signal patterns.
SUPPORTED = ("en", "es", "fr", "de", "pt")
#: Languages the detector chooses among (other European languages keep it honest).
DETECTABLE = (*SUPPORTED, "it", "nl", "ca", "sv", "da", "no", "pl")
MIN_CHARS = 20  # below this, the locale wins when there is one
MIN_CONFIDENCE = 0.8


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
    letters = sum(ch.isalpha() for ch in text)
    if letters == 0:
        return preferred
    if preferred and letters < MIN_CHARS:
        return preferred
    language, confidence = _identifier().classify(text)
    if preferred and confidence < MIN_CONFIDENCE:
        return preferred
    return str(language)
