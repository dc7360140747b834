"""Zendesk's `via.channel` values mapped onto the channels alignbot groups conversations by.

Zendesk has dozens of channel names (and adds more); alignbot's metrics need seven
(`bot.store.models.CHANNELS`). A value not in the table below is stored as "other" and
logged once per sync run by the caller, so a new Zendesk channel shows up in the log.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CHANNEL_MAP", "EVENT_VIA_LABELS", "channel_for", "raw_channel"]

CHANNEL_MAP: dict[str, str] = {
    # email
    "email": "email",
    "mail": "email",
    # web forms and the help center
    "web": "web",
    "web_form": "web",
    "web_widget": "web",
    "help_center": "web",
    "mobile": "web",
    # live chat
    "chat": "chat",
    "chat_transcript": "chat",
    "chat_offline_message": "chat",
    # phone
    "voice": "phone",
    "phone": "phone",
    "phone_call_inbound": "phone",
    "phone_call_outbound": "phone",
    "voicemail": "phone",
    # messaging: Zendesk messaging and the social and chat apps it bridges
    "native_messaging": "messaging",
    "messaging": "messaging",
    "sunshine_conversations": "messaging",
    "whatsapp": "messaging",
    "sms": "messaging",
    "facebook": "messaging",
    "messenger": "messaging",
    "instagram_dm": "messaging",
    "twitter": "messaging",
    "twitter_dm": "messaging",
    "line": "messaging",
    "wechat": "messaging",
    "telegram": "messaging",
    "viber": "messaging",
    "google_rcs": "messaging",
    "apple_business_chat": "messaging",
    "any_channel": "messaging",
    # integrations
    "api": "api",
    "web_service": "api",
    "mobile_sdk": "api",
    "sdk": "api",
    # made by Zendesk itself, not a contact channel
    "rule": "other",
    "system": "other",
    "closed_ticket": "other",
    "merge": "other",
    "linked_problem": "other",
    "sample_ticket": "other",
    "side_conversation": "other",
    "batch": "other",
    "import": "other",
}

#: The ticket event export names an audit's channel with a label instead of a channel.
EVENT_VIA_LABELS: dict[str, str] = {
    "mail": "email",
    "web form": "web",
    "chat": "chat",
    "voice": "voice",
    "web service": "api",
    "messaging": "native_messaging",
    "whatsapp": "whatsapp",
    "rule": "rule",
    "closed ticket": "closed_ticket",
    "mobile sdk": "mobile_sdk",
}

#: Channels whose comments are written by Zendesk's business rules, not by a person.
SYSTEM_CHANNELS = frozenset({"rule", "system", "merge", "closed_ticket", "linked_problem"})


def raw_channel(via: Any) -> str | None:
    """Zendesk's channel name from a `via` object (or an audit's via label), lower case."""
    if isinstance(via, dict):
        channel = via.get("channel")
        if isinstance(channel, str) and channel.strip():
            return channel.strip().lower()
        if isinstance(channel, int):
            return str(channel)
        return None
    if isinstance(via, str) and via.strip():
        label = via.strip().lower()
        return EVENT_VIA_LABELS.get(label, label.replace(" ", "_"))
    return None


def channel_for(raw: str | None) -> tuple[str, bool]:
    """(alignbot channel, known): an unknown or missing value maps to ("other", False)."""
    if raw is None:
        return "other", False
    mapped = CHANNEL_MAP.get(raw)
    return (mapped, True) if mapped is not None else ("other", False)
