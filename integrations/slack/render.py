"""Block Kit as plain text for a terminal: what a Slack message would show, readable in a log.

`render_message` takes a message the Slack sandbox recorded (or any Slack message dict, as
chat.postMessage sends it or conversations.history returns it) and lays out its blocks:
headers underlined, sections with their fields in two columns, context lines, dividers,
images and buttons as `[label] (url)`, rich text with its lists and quotes. mrkdwn links
`<url|label>` become `label (url)`, mentions become `@user` / `#channel`, and Slack's escapes
(`&lt;`, `&gt;`, `&amp;`) are undone for display. Emphasis marks (`*bold*`, `_italic_`) stay,
as a reader of the raw message would see them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from integrations.slack.sandbox.server import RecordedMessage

__all__ = ["mrkdwn_to_text", "render_blocks", "render_message"]

WIDTH = 72
COLUMN = 34  # width of the left column of a section's fields
_CONTROL = re.compile(r"<([^<>]+)>")


def render_message(message: RecordedMessage | Mapping[str, Any]) -> str:
    """A message's blocks (or, without blocks, its text) as plain text, lines joined by \\n."""
    if isinstance(message, Mapping):
        blocks = message.get("blocks")
        text = message.get("text")
    else:
        blocks = message.blocks
        text = message.text
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            blocks = None
    if blocks:
        return render_blocks(blocks)
    return mrkdwn_to_text(text) if isinstance(text, str) else ""


def render_blocks(blocks: Sequence[Any]) -> str:
    """Block Kit blocks as plain text; unknown blocks show as `[type]`."""
    parts: list[str] = []
    for block in blocks:
        if not isinstance(block, Mapping):
            continue
        rendered = _render_block(block)
        if rendered is not None:
            parts.append(rendered)
    return "\n".join(parts).rstrip("\n")


def mrkdwn_to_text(text: str) -> str:
    """Slack mrkdwn as plain text: links, mentions and dates resolved, escapes undone."""

    def control(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "@" + (label or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!subteam^"):
            return label or "@" + target.removeprefix("!subteam^")
        if target.startswith("!date^"):
            return label or target
        if target.startswith("!"):
            return "@" + target[1:]
        url = _unescape(target)
        if not label:
            return url.removeprefix("mailto:")
        label = _unescape(label)
        if label in (url, url.removeprefix("mailto:")):
            return label
        return f"{label} ({url})"

    # Links are resolved before the escapes are undone, so an escaped `&lt;x&gt;` in the
    # text stays literal text instead of turning into a link.
    pieces = []
    last = 0
    for match in _CONTROL.finditer(text):
        pieces.append(_unescape(text[last : match.start()]))
        pieces.append(control(match))
        last = match.end()
    pieces.append(_unescape(text[last:]))
    return "".join(pieces)


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text(obj: Any) -> str:
    """A text object (plain_text or mrkdwn) as plain text."""
    if isinstance(obj, str):
        return obj
    if not isinstance(obj, Mapping):
        return ""
    text = obj.get("text")
    if not isinstance(text, str):
        return ""
    return mrkdwn_to_text(text) if obj.get("type") == "mrkdwn" else text


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n"))


def _render_block(block: Mapping[str, Any]) -> str | None:
    kind = block.get("type")
    if kind == "header":
        title = _text(block.get("text"))
        return f"{title}\n{'=' * min(max(len(title), 3), WIDTH)}"
    if kind == "section":
        return _section(block)
    if kind == "divider":
        return "─" * WIDTH
    if kind == "context":
        items = []
        for element in block.get("elements") or ():
            if isinstance(element, Mapping) and element.get("type") == "image":
                items.append(f"[{element.get('alt_text') or 'image'}]")
            else:
                items.append(_text(element))
        return "  ·  ".join(item for item in items if item)
    if kind == "image":
        title = _text(block.get("title"))
        alt = block.get("alt_text") or "image"
        url = block.get("image_url")
        line = f"[image: {alt}]" + (f" ({url})" if url else "")
        return f"{title}\n{line}" if title else line
    if kind == "actions":
        buttons = [_element(e) for e in block.get("elements") or ()]
        return "  ".join(b for b in buttons if b)
    if kind == "rich_text":
        return "\n".join(_rich_container(c) for c in block.get("elements") or ())
    if kind == "markdown":
        text = block.get("text")
        return text if isinstance(text, str) else ""
    if kind == "input":
        return f"{_text(block.get('label'))}: ____"
    if kind == "video":
        return f"[video: {_text(block.get('title'))}] ({block.get('video_url', '')})"
    return f"[{kind}]"


def _section(block: Mapping[str, Any]) -> str:
    lines: list[str] = []
    if block.get("text") is not None:
        lines.append(_text(block.get("text")))
    fields = [_text(f) for f in block.get("fields") or ()]
    for left, right in zip(fields[0::2], [*fields[1::2], ""], strict=False):
        if "\n" in left or "\n" in right or len(left) > COLUMN - 2:
            lines.append(left)
            if right:
                lines.append(right)
        else:
            lines.append(f"{left:<{COLUMN}}{right}".rstrip())
    accessory = block.get("accessory")
    if isinstance(accessory, Mapping):
        rendered = _element(accessory)
        if rendered:
            lines.append(rendered)
    return "\n".join(lines)


def _element(element: Any) -> str:
    """An interactive element (a button, a menu, an image) as a short bracketed label."""
    if not isinstance(element, Mapping):
        return ""
    kind = element.get("type")
    if kind == "button":
        label = f"[ {_text(element.get('text'))} ]"
        url = element.get("url")
        return f"{label} ({url})" if url else label
    if kind == "image":
        return f"[image: {element.get('alt_text') or 'image'}]"
    placeholder = _text(element.get("placeholder")) or str(kind).replace("_", " ")
    return f"[{placeholder} ▾]"


def _rich_inline(elements: Any) -> str:
    out: list[str] = []
    for element in elements or ():
        if not isinstance(element, Mapping):
            continue
        kind = element.get("type")
        if kind == "text":
            text = str(element.get("text", ""))
            style = element.get("style") or {}
            if isinstance(style, Mapping) and style.get("code"):
                text = f"`{text}`"
            out.append(text)
        elif kind == "link":
            url = str(element.get("url", ""))
            label = element.get("text")
            out.append(f"{label} ({url})" if label and label != url else url)
        elif kind == "emoji":
            out.append(_emoji(element))
        elif kind == "user":
            out.append(f"@{element.get('user_id', '')}")
        elif kind == "channel":
            out.append(f"#{element.get('channel_id', '')}")
        elif kind == "usergroup":
            out.append(f"@{element.get('usergroup_id', '')}")
        elif kind == "broadcast":
            out.append(f"@{element.get('range', 'here')}")
        elif kind == "date":
            out.append(str(element.get("fallback") or element.get("timestamp", "")))
        elif kind == "color":
            out.append(str(element.get("value", "")))
        elif kind == "team":
            out.append(f"@{element.get('team_id', '')}")
    return "".join(out)


def _emoji(element: Mapping[str, Any]) -> str:
    code = element.get("unicode")
    if isinstance(code, str) and code:
        try:
            return "".join(chr(int(part, 16)) for part in code.split("-"))
        except ValueError:
            pass
    return f":{element.get('name', '')}:"


def _rich_container(container: Any) -> str:
    if not isinstance(container, Mapping):
        return ""
    kind = container.get("type")
    if kind == "rich_text_list":
        depth = int(container.get("indent") or 0)
        ordered = container.get("style") == "ordered"
        start = int(container.get("offset") or 0)
        lines = []
        for index, item in enumerate(container.get("elements") or (), start=start + 1):
            marker = f"{index}." if ordered else ("•", "◦", "▪")[depth % 3]
            text = _rich_inline(item.get("elements") if isinstance(item, Mapping) else ())
            lines.append(f"{'  ' * depth}{marker} {text}")
        return "\n".join(lines)
    text = _rich_inline(container.get("elements"))
    if kind == "rich_text_preformatted":
        return _indent(text, "    ")
    if kind == "rich_text_quote":
        return _indent(text, "> ")
    return text
