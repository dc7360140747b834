"""Simulated requesters: how customers answer alignbot's "is your issue resolved?" comment.

When an agent's (or the API user's) public comment on a ticket asks for confirmation (it
links to `/r/{ticket_id}/`, or the update tags the ticket `alignbot_awaiting_confirmation`),
the ticket's requester is scheduled to answer after a delay on the sandbox's clock:

- `yes`: a confirmation ("Yes, it works now, thank you!");
- `no`: it still fails;
- `question`: a new question or more information, neither yes nor no;
- `silence`: never answers.

The behaviour is drawn per ticket from the sandbox's seed with `weights` (so a run repeats),
unless a test `script`s it. Answers are written in the requester's locale (en, es, fr, de,
pt; English otherwise) and posted by the sandbox when its clock is advanced, as end-user
comments (which reopen a pending or solved ticket, as in Zendesk). Off unless `enabled`.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["BEHAVIOURS", "REPLIES", "Answer", "Requesters", "asks_for_confirmation"]

BEHAVIOURS = ("yes", "no", "question", "silence")
DEFAULT_WEIGHTS: Mapping[str, float] = {"yes": 0.5, "no": 0.2, "question": 0.1, "silence": 0.2}
DEFAULT_DELAY_SECONDS = (1800, 36 * 3600)  # half an hour to a day and a half
AWAITING_TAG = "alignbot_awaiting_confirmation"

#: What requesters write, per language and behaviour (`silence` writes nothing).
REPLIES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "en": {
        "yes": (
            "Yes, it works now, thank you!",
            "Yes, that fixed it. Thanks a lot.",
            "All good now, it works. Thank you!",
        ),
        "no": (
            "Still the same error, it did not help.",
            "No, it is still not working.",
            "Unfortunately the problem is still there.",
        ),
        "question": (
            "Thanks. One more question: can I also change the invoice address?",
            "Before I confirm: where do I find the settings page you mentioned?",
        ),
    },
    "es": {
        "yes": ("Sí, ya funciona, gracias.", "Sí, quedó resuelto. ¡Muchas gracias!"),
        "no": ("Sigue sin funcionar, me sale el mismo error.", "No, el problema continúa."),
        "question": ("Gracias. Una pregunta más: ¿puedo cambiar también la dirección de factura?",),
    },
    "fr": {
        "yes": ("Oui, ça marche maintenant, merci !", "Oui, c'est réglé. Merci beaucoup."),
        "no": ("Ça ne marche toujours pas, même erreur.", "Non, toujours le même problème."),
        "question": (
            "Merci. Une autre question : puis-je aussi changer l'adresse de facturation ?",
        ),
    },
    "de": {
        "yes": ("Ja, es funktioniert jetzt, danke!", "Ja, jetzt klappt es wieder. Vielen Dank."),
        "no": (
            "Funktioniert immer noch nicht, derselbe Fehler.",
            "Nein, es geht immer noch nicht.",
        ),
        "question": ("Danke. Noch eine Frage: kann ich auch die Rechnungsadresse ändern?",),
    },
    "pt": {
        "yes": ("Sim, já funciona, obrigado!", "Sim, resolveu. Muito obrigada."),
        "no": ("Continua sem funcionar, o mesmo erro.", "Não, o problema continua."),
        "question": ("Obrigado. Mais uma pergunta: posso mudar também o endereço de cobrança?",),
    },
}


def asks_for_confirmation(ticket_id: int, body: str, tags_added: set[str]) -> bool:
    """Whether a public staff comment (with the tags its update added) asks the requester
    to confirm: it links to the ticket's answer page, or tags the ticket as awaiting."""
    return f"/r/{ticket_id}/" in body or AWAITING_TAG in tags_added


@dataclass(frozen=True)
class Answer:
    """A requester's scheduled answer: `text` is None for silence."""

    ticket_id: int
    requester_id: int
    behaviour: str
    due: float
    text: str | None


@dataclass
class Requesters:
    """The sandbox's simulated requesters (`ZendeskSandbox.requesters`)."""

    seed: int = 0
    enabled: bool = False
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    delay_seconds: tuple[float, float] = DEFAULT_DELAY_SECONDS
    #: Answers waiting for the clock, by ticket (one per ticket: a new request replaces it).
    pending: dict[int, Answer] = field(default_factory=dict)
    _scripts: dict[int, tuple[str, float | None]] = field(default_factory=dict)

    def script(self, ticket_id: int, behaviour: str, after_seconds: float | None = None) -> None:
        """Make the ticket's requester answer `behaviour` to the next request (after
        `after_seconds`, else a delay drawn from the seed). Switches the requesters on."""
        if behaviour not in BEHAVIOURS:
            raise ValueError(f"a requester answers one of {BEHAVIOURS}, not {behaviour!r}")
        self._scripts[ticket_id] = (behaviour, after_seconds)
        self.enabled = True

    def schedule(self, ticket_id: int, requester_id: int, locale: str | None, now: float) -> Answer:
        """Decide and keep the answer to a confirmation request made at `now`."""
        rng = random.Random(f"{self.seed}:{ticket_id}:{len(self.pending)}")
        scripted, after = self._scripts.pop(ticket_id, (None, None))
        names = [b for b in BEHAVIOURS if self.weights.get(b, 0) > 0]
        behaviour = scripted or rng.choices(names, [self.weights[b] for b in names])[0]
        delay = after if after is not None else rng.uniform(*self.delay_seconds)
        text = None
        if behaviour != "silence":
            language = (locale or "en").split("-")[0].lower()
            options = REPLIES.get(language, REPLIES["en"])[behaviour]
            text = options[rng.randrange(len(options))]
        answer = Answer(ticket_id, requester_id, behaviour, now + delay, text)
        self.pending[ticket_id] = answer
        return answer

    def due(self, now: float) -> list[Answer]:
        """Take the answers due by `now` (silent ones included, so they are forgotten)."""
        ready = sorted((a for a in self.pending.values() if a.due <= now), key=lambda a: a.due)
        for answer in ready:
            del self.pending[answer.ticket_id]
        return ready
