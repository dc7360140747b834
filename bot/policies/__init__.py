"""Policies: decisions about tickets, not their delivery.

- `bot.policies.stale`: which tickets wait on us for too long (one definition, read by the
  proactive updates and by the `stale_tickets` metric's thresholds).
- `bot.policies.updates`: the sweep deciding the proactive update a stale ticket's
  customer gets, and its guardrails; `bot.policies.update_text` writes the update from
  editable templates, `bot.policies.review` keeps review mode's drafts and clicks.

Everything here decides and queues through the outbox; nothing here talks to a network.
"""
