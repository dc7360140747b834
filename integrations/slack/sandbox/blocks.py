"""Block Kit in the Slack sandbox: what chat.postMessage, chat.update and views.open accept,
checked as Slack checks it, with Slack's `invalid_blocks` messages and JSON pointers."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from integrations.slack.sandbox.wire import SlackMethodError as _SlackError
from integrations.slack.sandbox.wire import text_param as _text

__all__ = ["BLOCK_TYPES", "ELEMENT_TYPES", "content", "validate_blocks"]

Record = dict[str, Any]
Params = dict[str, Any]

# Slack's limits (https://docs.slack.dev/reference/block-kit/blocks).
MAX_TEXT_CHARS = 40_000
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3_000
MAX_SECTION_FIELDS = 10
MAX_FIELD_TEXT = 2_000
MAX_HEADER_TEXT = 150
MAX_BLOCK_ID = 255
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS_ELEMENTS = 25
MAX_BUTTON_TEXT = 75
MAX_URL = 3_000
MAX_ALT_TEXT = 2_000
MAX_MARKDOWN_BLOCK = 12_000

BLOCK_TYPES = frozenset(
    {
        "actions",
        "context",
        "divider",
        "file",
        "header",
        "image",
        "input",
        "markdown",
        "rich_text",
        "section",
        "video",
    }
)
ELEMENT_TYPES = frozenset(
    {
        "button",
        "channels_select",
        "checkboxes",
        "conversations_select",
        "datepicker",
        "datetimepicker",
        "email_text_input",
        "external_select",
        "file_input",
        "image",
        "multi_channels_select",
        "multi_conversations_select",
        "multi_external_select",
        "multi_static_select",
        "multi_users_select",
        "number_input",
        "overflow",
        "plain_text_input",
        "radio_buttons",
        "rich_text_input",
        "static_select",
        "timepicker",
        "url_text_input",
        "users_select",
        "workflow_button",
    }
)
RICH_TEXT_CONTAINERS = frozenset(
    {"rich_text_section", "rich_text_list", "rich_text_preformatted", "rich_text_quote"}
)
RICH_TEXT_ELEMENTS = frozenset(
    {"broadcast", "channel", "color", "date", "emoji", "link", "team", "text", "user", "usergroup"}
)


def content(params: Params) -> tuple[str | None, list[Record] | None]:
    """A chat.postMessage or chat.update's text and blocks, checked as Slack checks them:
    markdown_text stands alone, something must be said, and text has a length limit."""
    text = _text(params, "text")
    markdown_text = _text(params, "markdown_text")
    blocks = _parse_blocks(params.get("blocks"))
    if markdown_text:
        if text or blocks:
            raise _SlackError("markdown_text_conflict")
        text = markdown_text
    if not text and not blocks and not params.get("attachments"):
        raise _SlackError("no_text")
    if text is not None and len(text) > MAX_TEXT_CHARS:
        raise _SlackError("msg_too_long")
    return text, blocks


def _parse_blocks(raw: Any) -> list[Record] | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            value = json.loads(raw)
        except ValueError:
            raise _SlackError(
                "invalid_blocks_format", ["[ERROR] blocks must be a JSON array of objects"]
            ) from None
    else:
        value = raw
    if not isinstance(value, list):
        raise _SlackError(
            "invalid_blocks_format", ["[ERROR] must provide an array [json-pointer:/blocks]"]
        )
    errors = validate_blocks(value)
    if errors:
        raise _SlackError("invalid_blocks", errors, {"errors": errors})
    return value or None


def validate_blocks(blocks: list[Any]) -> list[str]:
    """Slack's `invalid_blocks` messages for these blocks ([] when they are valid)."""
    errors: list[str] = []

    def fail(message: str, pointer: str) -> None:
        errors.append(f"[ERROR] {message} [json-pointer:{pointer}]")

    if len(blocks) > MAX_BLOCKS:
        fail(f"no more than {MAX_BLOCKS} items allowed", "/blocks")
        return errors
    seen_ids: set[str] = set()
    for index, block in enumerate(blocks):
        at = f"/blocks/{index}"
        if not isinstance(block, dict):
            fail("must be an object", at)
            continue
        kind = block.get("type")
        if kind not in BLOCK_TYPES:
            fail(f"unsupported type: {kind}", f"{at}/type")
            continue
        block_id = block.get("block_id")
        if block_id is not None:
            if not isinstance(block_id, str) or not 0 < len(block_id) <= MAX_BLOCK_ID:
                fail(f"must be a string of 1 to {MAX_BLOCK_ID} characters", f"{at}/block_id")
            elif block_id in seen_ids:
                fail(f"duplicate block_id: {block_id}", f"{at}/block_id")
            else:
                seen_ids.add(block_id)
        _validate_block(kind, block, at, fail)
    return errors


def _validate_text(
    value: Any,
    at: str,
    fail: Callable[[str, str], None],
    *,
    maximum: int,
    plain_only: bool = False,
) -> None:
    if not isinstance(value, dict):
        fail("must be a text object", at)
        return
    kind = value.get("type")
    allowed = ("plain_text",) if plain_only else ("plain_text", "mrkdwn")
    if kind not in allowed:
        fail(f"must be one of: {', '.join(allowed)}", f"{at}/type")
        return
    text = value.get("text")
    if not isinstance(text, str):
        fail("must be a string", f"{at}/text")
    elif not text:
        fail("must be more than 0 characters", f"{at}/text")
    elif len(text) > maximum:
        fail(f"must be less than {maximum + 1} characters", f"{at}/text")
    if "emoji" in value and (kind != "plain_text" or not isinstance(value["emoji"], bool)):
        fail("emoji is a boolean allowed only on plain_text", f"{at}/emoji")
    if "verbatim" in value and (kind != "mrkdwn" or not isinstance(value["verbatim"], bool)):
        fail("verbatim is a boolean allowed only on mrkdwn", f"{at}/verbatim")
    unknown = set(value) - {"type", "text", "emoji", "verbatim"}
    if unknown:
        fail(f"unknown fields: {', '.join(sorted(unknown))}", at)


def _validate_string(
    value: Any, at: str, fail: Callable[[str, str], None], *, maximum: int, required: bool
) -> None:
    if value is None:
        if required:
            fail("missing required field", at)
        return
    if not isinstance(value, str) or not value:
        fail("must be a non-empty string", at)
    elif len(value) > maximum:
        fail(f"must be less than {maximum + 1} characters", at)


def _validate_element(element: Any, at: str, fail: Callable[[str, str], None]) -> None:
    if not isinstance(element, dict):
        fail("must be an object", at)
        return
    kind = element.get("type")
    if kind not in ELEMENT_TYPES:
        fail(f"unsupported type: {kind}", f"{at}/type")
        return
    if kind == "button":
        _validate_text(element.get("text"), f"{at}/text", fail, maximum=MAX_BUTTON_TEXT)
        text = element.get("text")
        if isinstance(text, dict) and text.get("type") != "plain_text":
            fail("must be plain_text", f"{at}/text/type")
        _validate_string(element.get("url"), f"{at}/url", fail, maximum=MAX_URL, required=False)
        _validate_string(element.get("value"), f"{at}/value", fail, maximum=2000, required=False)
        _validate_string(
            element.get("action_id"), f"{at}/action_id", fail, maximum=255, required=False
        )
        style = element.get("style")
        if style is not None and style not in ("primary", "danger"):
            fail("must be one of: primary, danger", f"{at}/style")
    elif kind == "image":
        _validate_image(element, at, fail)


def _validate_image(block: Record, at: str, fail: Callable[[str, str], None]) -> None:
    if "slack_file" not in block:
        _validate_string(
            block.get("image_url"), f"{at}/image_url", fail, maximum=MAX_URL, required=True
        )
    _validate_string(
        block.get("alt_text"), f"{at}/alt_text", fail, maximum=MAX_ALT_TEXT, required=True
    )


def _validate_rich_text(block: Record, at: str, fail: Callable[[str, str], None]) -> None:
    elements = block.get("elements")
    if not isinstance(elements, list) or not elements:
        fail("must provide a non-empty array", f"{at}/elements")
        return
    for index, container in enumerate(elements):
        where = f"{at}/elements/{index}"
        if not isinstance(container, dict) or container.get("type") not in RICH_TEXT_CONTAINERS:
            fail("must be a rich_text section, list, preformatted or quote", where)
            continue
        children = container.get("elements")
        if not isinstance(children, list):
            fail("must provide an array", f"{where}/elements")
            continue
        if container["type"] == "rich_text_list":
            if container.get("style") not in ("bullet", "ordered"):
                fail("must be one of: bullet, ordered", f"{where}/style")
            for n, section in enumerate(children):
                if not isinstance(section, dict) or section.get("type") != "rich_text_section":
                    fail("must be a rich_text_section", f"{where}/elements/{n}")
            continue
        for n, child in enumerate(children):
            spot = f"{where}/elements/{n}"
            if not isinstance(child, dict) or child.get("type") not in RICH_TEXT_ELEMENTS:
                fail("unsupported rich text element", spot)
            elif child["type"] == "text" and not isinstance(child.get("text"), str):
                fail("must be a string", f"{spot}/text")
            elif child["type"] == "link" and not isinstance(child.get("url"), str):
                fail("must be a string", f"{spot}/url")


def _validate_block(kind: str, block: Record, at: str, fail: Callable[[str, str], None]) -> None:
    if kind == "header":
        _validate_text(
            block.get("text"), f"{at}/text", fail, maximum=MAX_HEADER_TEXT, plain_only=True
        )
    elif kind == "section":
        has_text = "text" in block
        fields = block.get("fields")
        if not has_text and fields is None:
            fail("must provide text or fields", at)
        if has_text:
            _validate_text(block.get("text"), f"{at}/text", fail, maximum=MAX_SECTION_TEXT)
        if fields is not None:
            if not isinstance(fields, list) or not fields:
                fail("must provide a non-empty array", f"{at}/fields")
            elif len(fields) > MAX_SECTION_FIELDS:
                fail(f"no more than {MAX_SECTION_FIELDS} items allowed", f"{at}/fields")
            else:
                for index, item in enumerate(fields):
                    _validate_text(item, f"{at}/fields/{index}", fail, maximum=MAX_FIELD_TEXT)
        if "accessory" in block:
            _validate_element(block["accessory"], f"{at}/accessory", fail)
    elif kind == "context":
        elements = block.get("elements")
        if not isinstance(elements, list) or not elements:
            fail("must provide a non-empty array", f"{at}/elements")
        elif len(elements) > MAX_CONTEXT_ELEMENTS:
            fail(f"no more than {MAX_CONTEXT_ELEMENTS} items allowed", f"{at}/elements")
        else:
            for index, element in enumerate(elements):
                where = f"{at}/elements/{index}"
                if isinstance(element, dict) and element.get("type") == "image":
                    _validate_image(element, where, fail)
                else:
                    _validate_text(element, where, fail, maximum=MAX_SECTION_TEXT)
    elif kind == "actions":
        elements = block.get("elements")
        if not isinstance(elements, list) or not elements:
            fail("must provide a non-empty array", f"{at}/elements")
        elif len(elements) > MAX_ACTIONS_ELEMENTS:
            fail(f"no more than {MAX_ACTIONS_ELEMENTS} items allowed", f"{at}/elements")
        else:
            for index, element in enumerate(elements):
                _validate_element(element, f"{at}/elements/{index}", fail)
    elif kind == "image":
        _validate_image(block, at, fail)
        if "title" in block:
            _validate_text(
                block["title"], f"{at}/title", fail, maximum=MAX_ALT_TEXT, plain_only=True
            )
    elif kind == "rich_text":
        _validate_rich_text(block, at, fail)
    elif kind == "markdown":
        _validate_string(
            block.get("text"), f"{at}/text", fail, maximum=MAX_MARKDOWN_BLOCK, required=True
        )
    elif kind == "input":
        _validate_text(block.get("label"), f"{at}/label", fail, maximum=2000, plain_only=True)
        _validate_element(block.get("element"), f"{at}/element", fail)
    elif kind == "file":
        _validate_string(
            block.get("external_id"), f"{at}/external_id", fail, maximum=255, required=True
        )
    elif kind == "video":
        for name in ("video_url", "thumbnail_url", "alt_text"):
            _validate_string(block.get(name), f"{at}/{name}", fail, maximum=MAX_URL, required=True)
        _validate_text(block.get("title"), f"{at}/title", fail, maximum=200, plain_only=True)
