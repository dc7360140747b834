"""Conversation signals: pure functions from a comment (and its conversation) to signals.

`customer_signals` and `agent_signals` compute every signal of one message; the modules
beside them hold one concept each. `analyze.analyze` runs them over the store.
"""

from bot.signals.message import AgentSignals, CustomerSignals, agent_signals, customer_signals
from bot.signals.repetition import EarlierMessage
from bot.signals.sentiment import (
    LexiconBackend,
    Sentiment,
    SentimentBackend,
    ZendeskFieldBackend,
)
from bot.signals.text import own_words

__all__ = [
    "AgentSignals",
    "CustomerSignals",
    "EarlierMessage",
    "LexiconBackend",
    "Sentiment",
    "SentimentBackend",
    "ZendeskFieldBackend",
    "agent_signals",
    "customer_signals",
    "own_words",
]
