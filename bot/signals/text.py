"""Cleaning: the customer's own words out of a comment body.

Email replies carry the agent's earlier message below (or above) the customer's new words,
HTML, and a signature. Signals must read only what this author wrote in this comment, so
`own_words` turns HTML into text, cuts quoted earlier emails (`On ... wrote:`,
`El ... escribió:`, `Le ... a écrit :`, `Am ... schrieb ...:`, `Em ... escreveu:`, lines
starting with `>`, `-----Original Message-----`, `From:/De:/Von:` header blocks) and drops a
trailing signature (`-- `, `Best,`, `Saludos,`, `Sent from my iPhone`, ...).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_TAG_BREAK = re.compile(r"<\s*(br|/p|/div|/li|/tr|/h\d|p|div|li|tr)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BLOCKQUOTE = re.compile(r"<blockquote\b.*?</blockquote\s*>", re.IGNORECASE | re.DOTALL)
_GMAIL_QUOTE = re.compile(
    r"<div[^>]*class=\"?[^\">]*(gmail_quote|moz-cite-prefix)[^>]*>.*", re.IGNORECASE | re.DOTALL
)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_LOOKS_HTML = re.compile(r"<\s*/?\s*(p|div|br|span|b|i|a|html|body|table|blockquote)\b", re.I)

# A line that opens a quoted earlier message: everything from it on is not this author's.
_QUOTE_HEADER = re.compile(
    r"^\s*(?:"
    r"on\b.{0,200}\bwrote\s*:?"
    r"|el\b.{0,200}\bescribi[oó]\s*:?"
    r"|le\b.{0,200}\ba\s+[ée]crit\s*:?"
    r"|am\b.{0,200}\bschrieb\b.{0,80}:?"
    r"|em\b.{0,200}\bescreveu\s*:?"
    r"|-{2,}\s*(?:original message|mensaje original|message d'origine|urspr[üu]ngliche nachricht"
    r"|mensagem original|forwarded message|mensaje reenviado)\s*-{2,}"
    r"|_{5,}"
    r")\s*$",
    re.IGNORECASE,
)
# An Outlook-style header block: "From: ..." followed within two lines by "Sent:/Date:/To:".
_HEADER_FIELD = re.compile(
    r"^\s*(from|de|von|sent|enviado|envoy[ée]|gesendet|date|fecha|datum|data|to|para|[àa]|an"
    r"|subject|asunto|objet|betreff|assunto)\s*:",
    re.IGNORECASE,
)
_FROM_FIELD = re.compile(r"^\s*(from|de|von)\s*:", re.IGNORECASE)
_SIGNATURE_START = re.compile(
    r"^\s*(?:--\s*|—\s*"
    r"|(?:best|kind|warm)?\s*regards,?|best,|thanks,|cheers,|sincerely,|br,"
    r"|(?:un\s+)?saludos?(?:\s+cordiales)?,?|atentamente,?|un abrazo,?"
    r"|cordialement,?|bien [àa] vous,?|bonne journ[ée]e,?"
    r"|(?:mit\s+)?(?:freundlichen|besten|liebe)\s+gr[üu](?:ß|ss)en,?|viele gr[üu](?:ß|ss)e,?|lg,?"
    r"|atenciosamente,?|abra[çc]os?,?|att,?\.?"
    r"|sent from my \w+.*|enviado desde mi \w+.*|envoy[ée] de mon \w+.*"
    r"|von meinem \w+ gesendet.*|enviado do meu \w+.*|get outlook for \w+.*)\s*$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_HTML_GAPS = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+")


def html_to_text(markup: str) -> str:
    """Plain text of an HTML body: quoted blocks dropped, block tags become line breaks."""
    markup = _SCRIPT.sub(" ", markup)
    markup = _BLOCKQUOTE.sub("\n", markup)
    markup = _GMAIL_QUOTE.sub("\n", markup)
    markup = _TAG_BREAK.sub("\n", markup)
    markup = _TAG.sub("", markup)
    return _HTML_GAPS.sub("\n", html.unescape(markup))


def _strip_quotes(lines: list[str]) -> list[str]:
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _QUOTE_HEADER.match(line):
            if kept and any(part.strip() for part in kept):
                break
            # Top-posted quote with nothing above it: the author's words may follow the quote.
            rest = [x for x in lines[index + 1 :] if not x.lstrip().startswith(">")]
            return _strip_quotes(rest)
        if _FROM_FIELD.match(line) and any(
            _HEADER_FIELD.match(following) for following in lines[index + 1 : index + 3]
        ):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return kept


def _strip_signature(lines: list[str]) -> list[str]:
    # Only look in the last lines: "Thanks," at the top of a message is a greeting.
    for index in range(max(1, len(lines) - 8), len(lines)):
        if _SIGNATURE_START.match(lines[index]):
            return lines[:index]
    return lines


@lru_cache(maxsize=65_536)
def own_words(body: str, html_body: str | None = None) -> str:
    """The text this author wrote in this comment: no HTML, quotes or signature."""
    text = body or ""
    if html_body:
        text = html_to_text(html_body)
    elif _LOOKS_HTML.search(text):
        text = html_to_text(text)
    elif "&" in text:
        text = html.unescape(text)
    if "\n" not in text and "\r" not in text:
        # One line (most chat and short replies): what the general way below makes of it,
        # without its lists. A lone line is never a signature (only a line after the
        # first can open one); a quote header or a quoted line leaves nothing.
        if _QUOTE_HEADER.match(text) or text.lstrip().startswith(">"):
            return ""
        return _squeezed(text).strip()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _strip_signature(_strip_quotes(lines))
    cleaned = "\n".join(_squeezed(line).strip() for line in lines)
    # Most messages hold no run of blank lines (nor of spaces): the searches are skipped.
    return (_BLANK_LINES.sub("\n\n", cleaned) if "\n\n\n" in cleaned else cleaned).strip()


def _squeezed(line: str) -> str:
    """The line with each run of spaces, tabs and no-break spaces made one space (a line
    with none but single spaces is itself)."""
    if "  " in line or "\t" in line or "\u00a0" in line:
        return _SPACES.sub(" ", line)
    return line


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        base = "".join(
            ch for ch in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(ch)
        )
        if base != chr(code):
            table[code] = base
    table[ord("ß")] = "ss"
    return table


_FOLD = _fold_table()


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower case without accents, for matching lexicon patterns written without them."""
    # `_FOLD` maps no ASCII character: an ASCII text is its lower case.
    return text.lower() if text.isascii() else text.lower().translate(_FOLD)
