"""Text that did not come from us, made safe for every place alignbot shows it.

Customer-supplied strings (ticket subjects, requester, agent and group names: anything from
Zendesk) are shown as what they are, never as formatting:

- `plain(text)` is the text for a Block Kit `plain_text` object and for the terminal, which
  parse no markup: one line (line breaks, tabs and runs of spaces become one space), with
  control characters, bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069),
  zero-width characters (U+200B-200F, U+2060, U+FEFF) and lone surrogates removed. That is
  every character of Unicode's categories Cc, Cf, Cs, Zl and Zp: an RTL override in a
  subject would otherwise reverse the text after it, and a line break would let a subject
  start a line of its own ("• *URGENT* ..." under the digest's own bullets).
- `literal(text)` is the same text for Slack's mrkdwn, where Block Kit allows no
  `plain_text` (inside a link, beside bold text): `plain`, then the markers Slack would read
  replaced by look-alikes that it does not (`*` → `∗`, `_` → `ˍ`, `~` → `∼`, backtick → `ˋ`,
  a leading `>` → `›`, a leading `-`/`•` → `‐`/`∙`), then `&`, `<` and `>` escaped, so no
  `<!channel>`, `<@U123>` or `<http://x|y>` can become a mention or a disguised link.

`escape` is for our own sentences (alerts, figures), which hold no markers but may hold `&`;
`link` builds the one kind of `<url|label>` we do mean, with a `literal` label.
"""

from __future__ import annotations

import unicodedata

__all__ = ["escape", "link", "literal", "plain", "truncate"]

# Categories a customer string never brings along. Cc and the separators become a space
# (they separate words); format characters and surrogates are dropped (they separate none).
_AS_SPACE = frozenset({"Cc", "Zl", "Zp"})
_DROPPED = frozenset({"Cf", "Cs"})
_MARKERS = str.maketrans({"*": "∗", "_": "ˍ", "~": "∼", "`": "ˋ"})
# A line that starts with one of these is a quote or reads as a list item.
_LEADING = {">": "›", "-": "‐", "•": "∙"}
_REMEMBERED = 65_536


class _Invisible(dict[int, int | str | None]):
    """A `str.translate` table that learns each character's fate on first sight (up to a
    bound, so text in every script of Unicode cannot grow it without end)."""

    def __missing__(self, code: int) -> int | str | None:
        category = unicodedata.category(chr(code))
        fate: int | str | None = (
            " " if category in _AS_SPACE else None if category in _DROPPED else code
        )
        if len(self) < _REMEMBERED:
            self[code] = fate
        return fate


_INVISIBLE = _Invisible()


def escape(text: str) -> str:
    """Escape `&`, `<` and `>` the way Slack's docs ask (`&amp;`, `&lt;`, `&gt;`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` cut to at most `limit` characters, ending in `ellipsis` when cut.

    Cuts never split an escape (`&amp;`): a partial entity would show as raw text.
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ellipsis)]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + ellipsis


def plain(text: str, limit: int | None = None) -> str:
    """Customer text as one line without control, bidi or zero-width characters, cut to
    `limit` characters (with "…") when given: for `plain_text` and the terminal."""
    line = " ".join(text.translate(_INVISIBLE).split())
    return truncate(line, limit) if limit is not None else line


def literal(text: str, limit: int | None = None) -> str:
    """Customer text for Slack mrkdwn, shown as written and never as formatting: `plain`,
    markers replaced by look-alikes, `&`, `<`, `>` escaped. `limit` counts what a reader
    sees (before escaping)."""
    line = plain(text, limit).translate(_MARKERS)
    if line[:1] in _LEADING:
        line = _LEADING[line[0]] + line[1:]
    return escape(line)


def link(url: str, label: str) -> str:
    """A mrkdwn link whose label is `literal` text; `url` must be one we built."""
    safe_url = url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C")
    return f"<{safe_url}|{literal(label).replace('|', '¦')}>"
