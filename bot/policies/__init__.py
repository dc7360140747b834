"""Policies: decisions about tickets, not their delivery.

- `bot.policies.stale`: which tickets wait on us for too long (one definition, read by the
  proactive updates and by the `stale_tickets` metric's thresholds).
- `bot.policies.updates`: the proactive update a stale ticket's customer gets, its
  guardrails and its review by the assignee.

Everything here decides and queues through the outbox; nothing here talks to a network.
"""
