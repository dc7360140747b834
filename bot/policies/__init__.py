"""Policies: decisions about tickets and agents, not their delivery.

- `bot.policies.stale`: which tickets wait on us for too long (one definition, read by the
  proactive updates, the nudges and the `stale_tickets` metric's thresholds).
- `bot.policies.updates`: the sweep deciding the proactive update a stale ticket's
  customer gets, and its guardrails; `bot.policies.update_text` writes the update from
  editable templates, `bot.policies.review` keeps review mode's drafts and clicks.
- `bot.policies.nudges`: the agents' Slack nudges (stale tickets, context cards, coaching)
  and their restraint; `bot.policies.people` maps Zendesk agents to Slack users.

Everything here decides and queues through the outbox; nothing here talks to a network.
"""
