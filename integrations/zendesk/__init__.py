"""Zendesk: the client alignbot uses, its sync streams, webhooks, and a local sandbox."""
