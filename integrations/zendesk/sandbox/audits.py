"""The audits the sandbox keeps of ticket updates: the custom metadata an update may carry,
and an audit as `GET /api/v2/tickets/{id}/audits` serves it.

An audit is stored once, as a record of the ticket event export (`Org.ticket_events`:
`updater_id`, `child_events` with `event_type`, the comment dict itself as a child), with the
update's `via` and custom metadata under the private keys `_via` and `_custom_metadata`.
`served_audit` turns it into the Ticket Audits API's shape.
"""

from __future__ import annotations

import json
from typing import Any

from integrations.zendesk.sandbox.org import html_body_for, public_view

__all__ = ["MAX_CUSTOM_METADATA_BYTES", "MetadataInvalid", "custom_metadata_of", "served_audit"]

Record = dict[str, Any]

# Zendesk takes up to 1 kilobyte of custom metadata on each ticket update's audit.
MAX_CUSTOM_METADATA_BYTES = 1024


class MetadataInvalid(ValueError):
    """An update's metadata Zendesk would refuse (the server answers 422)."""


def custom_metadata_of(value: Any) -> Record:
    """An update's `ticket.metadata`, which Zendesk keeps as its audit's `metadata.custom`."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MetadataInvalid("Metadata must be an object")
    if len(json.dumps(value).encode()) > MAX_CUSTOM_METADATA_BYTES:
        raise MetadataInvalid("Metadata is too large (at most 1 kilobyte)")
    return dict(value)


def served_audit(event: Record) -> Record:
    """A stored audit as GET /api/v2/tickets/{id}/audits serves it: `author_id`, `via`,
    `metadata` with `custom` and `system`, and `events` each with its `type`."""
    events: list[Record] = []
    comment_via: Any = None
    for child in event.get("child_events") or []:
        if not isinstance(child, dict):
            continue
        if child.get("type") == "Comment":
            served = public_view(child)
            served = {
                **served,
                "html_body": served.get("html_body") or html_body_for(str(served.get("body", ""))),
            }
            comment_via = comment_via or served.get("via")
            events.append(served)
        else:
            kind = child.get("event_type") or child.get("type")
            rest = {k: v for k, v in child.items() if k not in ("event_type", "type")}
            events.append({**public_view(rest), "type": kind})
    via = event.get("_via") or comment_via or {"channel": "api", "source": {}}
    return {
        "id": event.get("id"),
        "ticket_id": event.get("ticket_id"),
        "created_at": event.get("created_at"),
        "author_id": event.get("updater_id"),
        "metadata": {
            "system": dict(event.get("system") or {}),
            "custom": dict(event.get("_custom_metadata") or {}),
        },
        "via": via,
        "events": events,
    }
