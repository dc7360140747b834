"""Slack's mrkdwn, made safe: every piece of text that did not come from us is escaped.

Slack reads `<...>` as a link, a mention (`<@U123>`) or a broadcast (`<!channel>`), and `&`
starts an entity. Customer text (a ticket subject, a quote) and names from Zendesk pass
through `escape` before they go into any message, so a customer cannot ping a channel or
disguise a link; `link` builds the one kind of `<url|label>` we do mean.
"""

from __future__ import annotations

__all__ = ["escape", "link", "truncate"]


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


def link(url: str, label: str) -> str:
    """A mrkdwn link whose label is escaped text; `url` must be one we built."""
    safe_url = url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C")
    return f"<{safe_url}|{escape(label).replace('|', '¦')}>"
