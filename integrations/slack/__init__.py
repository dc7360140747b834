"""Slack: `client.SlackChat` (the `bot.chat.Chat` port on slack_sdk), `render` (Block Kit as
terminal text) and `sandbox.SlackSandbox` (a local Slack Web API). docs/slack.md is the guide.
"""
