"""The errors alignbot raises across its boundaries, each with a message a user can act on."""

from __future__ import annotations


class AlignbotError(Exception):
    """Base of every error alignbot raises on purpose; the CLI prints its message as one line."""


class SettingsError(AlignbotError):
    """A setting is missing or malformed; the message names it."""


class StoreError(AlignbotError):
    """The database cannot be reached or brought up to date."""
