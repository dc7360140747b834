"""A local Slack for tests and demos: `SlackSandbox` serves Slack's Web API on 127.0.0.1 so the
real `slack_sdk.WebClient` and `slack_bolt.App` work against it unchanged. It records what was
posted (`RecordedMessage`) and uploaded (`RecordedFile`). docs/slack.md is the guide.
"""

from integrations.slack.sandbox.interactive import (
    AppResponse,
    RecordedResponse,
    form_body,
    interaction_body,
    sign,
)
from integrations.slack.sandbox.server import (
    DEFAULT_FAULTS,
    FAULT_KINDS,
    RecordedFile,
    RecordedMessage,
    SlackSandbox,
)
from integrations.slack.sandbox.views import RecordedView

__all__ = [
    "DEFAULT_FAULTS",
    "FAULT_KINDS",
    "AppResponse",
    "RecordedFile",
    "RecordedMessage",
    "RecordedResponse",
    "RecordedView",
    "SlackSandbox",
    "form_body",
    "interaction_body",
    "sign",
]
