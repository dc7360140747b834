"""Policies: stale detection, proactive updates, nudges. They decide and queue; the outbox
delivers."""
