"""Comments analysed per second on one core, for the default (lexicon) backend.

    python bench/signals.py [--comments 20000] [--repeat 3] [--no-readme]

Three figures: the pure signal functions over realistic support messages in five languages
(customer messages with quoted emails, HTML and signatures; agent replies with their
customer message and history), the whole `alignbot analyze` job over a SQLite store
holding the same comments on tickets of four (reading context, writing rows, one
transaction per batch), and the same job on one ticket holding all of them (customer and
agent in turn, over every channel), which must cost about what the short tickets cost.
Every text is made unique (order numbers, names), so caches do not flatter the figure.
Each figure is the median of `--repeat` runs (3): on a shared machine one run can swing by
a tenth either way. The target is at least 5,000 comments/s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bench.readme import write_section  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.signals import EarlierMessage, agent_signals, customer_signals  # noqa: E402
from bot.signals.analyze import analyze  # noqa: E402
from bot.store import Comment, Ticket, User, open_store  # noqa: E402

CUSTOMER = [
    ("en", "My order {n} arrived late and the food was cold. Not ordering again."),
    ("en", "Thanks, but the app still crashes when I open invoice {n}."),
    ("en", "<p>Hi,</p><p>yes it works now, thank you {name}!</p>"),
    (
        "en",
        "This is the THIRD time I'm writing about refund {n}!!\n\nOn Mon, Support wrote:\n"
        "> We apologize for any inconvenience.",
    ),
    ("en", "You were really patient, {name}. Thanks for sorting order {n}.\n\nBest,\nTom"),
    ("es", "Sigue sin funcionar, me sale el mismo error al pagar el pedido {n}."),
    ("es", "Sí, ya funciona. ¡Muchas gracias, {name}! 😊"),
    ("es", "Es la tercera vez que escribo por el pedido {n}. Estoy harta."),
    ("fr", "Toujours le même problème avec la commande {n}, la carte est refusée."),
    ("de", "Ja, jetzt funktioniert es. Danke {name}! Bestellung {n}."),
    ("pt", "Já é a terceira vez que peço o reembolso do pedido {n}. Absurdo!"),
]
AGENT = [
    "Hi {name}, I can see your chat from yesterday about order {n}; the refund is on its way.",
    "We apologize for any inconvenience. Could you send me your order number?",
    "Did you know our Premium plan includes priority support? Order {n} is shipped.",
    "Qué rabia quedarte sin cena, {name}. Te he devuelto el importe del pedido {n}.",
    "Lamentamos las molestias. ¿Nos puedes indicar el número de pedido?",
    "Bonjour {name}, j'ai bien votre appel d'hier concernant la commande {n}.",
]
NAMES = ["Dana", "Kai", "Marta", "Lucía", "Sam", "Priya", "Jonas", "Inês", "Chloé"]


def _customer(rng: random.Random) -> tuple[str, str]:
    lang, template = rng.choice(CUSTOMER)
    return lang, template.format(n=rng.randrange(10_000, 10_000_000), name=rng.choice(NAMES))


def _agent(rng: random.Random) -> str:
    return rng.choice(AGENT).format(n=rng.randrange(10_000, 10_000_000), name=rng.choice(NAMES))


def pure_rate(count: int, seed: int = 1) -> float:
    rng = random.Random(seed)
    settings = Settings()
    work = []
    last_customer = ""
    for i in range(count):
        lang, text = _customer(rng)
        if i % 2:
            # An agent reply answers the customer message analysed just before it.
            work.append(("agent", _agent(rng), last_customer, lang, [_customer(rng)[1]]))
        else:
            last_customer = text
            work.append(("customer", text, "", lang, [_customer(rng)[1]]))
    started = time.perf_counter()
    for role, text, answered, lang, history in work:
        if role == "customer":
            customer_signals(
                text,
                locale=lang,
                channel="email",
                history=[EarlierMessage(h, "chat") for h in history],
            )
        else:
            agent_signals(
                text,
                customer_text=answered,
                history=history,
                locale=lang,
                script_phrases=settings.script_phrases,
            )
    return count / (time.perf_counter() - started)


def job_rate(count: int, seed: int = 2) -> float:
    rng = random.Random(seed)
    now = datetime(2026, 3, 10, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        requesters = max(1, count // 8)
        users, tickets, comments = [], [], []
        for uid in range(1, requesters + 1):
            users.append(
                {
                    "id": uid,
                    "name": f"u{uid}",
                    "role": "end-user",
                    "locale": rng.choice(["en", "es", "fr", "de", "pt-BR"]),
                }
            )
        ticket_id = comment_id = 0
        while comment_id < count:
            ticket_id += 1
            created = now - timedelta(minutes=rng.randrange(0, 20 * 24 * 60))
            tickets.append(
                {
                    "id": ticket_id,
                    "requester_id": rng.randrange(1, requesters + 1),
                    "channel": rng.choice(["email", "chat", "phone", "web"]),
                    "status": "open",
                    "created_at": created,
                    "updated_at": created,
                    "tags": [],
                    "custom_fields": {},
                    "deleted": False,
                }
            )
            for turn in range(4):
                comment_id += 1
                role = "customer" if turn % 2 == 0 else "agent"
                body = _customer(rng)[1] if role == "customer" else _agent(rng)
                comments.append(
                    {
                        "id": comment_id,
                        "ticket_id": ticket_id,
                        "author_role": role,
                        "public": turn != 3 or rng.random() > 0.2,
                        "channel": "other",
                        "body": body,
                        "html_body": None,
                        "created_at": created + timedelta(minutes=10 * turn),
                    }
                )
        with engine.begin() as conn:
            conn.execute(insert(User), users)
            conn.execute(insert(Ticket), tickets)
            conn.execute(insert(Comment), comments)
        started = time.perf_counter()
        result = analyze(engine, Settings(), now)
        elapsed = time.perf_counter() - started
        engine.dispose()
    return result.analyzed / elapsed


def one_ticket_rate(count: int, seed: int = 3) -> float:
    """`alignbot analyze` on one ticket of `count` comments, a minute apart."""
    rng = random.Random(seed)
    now = datetime(2026, 3, 10, tzinfo=UTC)
    start = now - timedelta(days=20)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        with engine.begin() as conn:
            conn.execute(
                insert(User), [{"id": 1, "name": "u1", "role": "end-user", "locale": "en"}]
            )
            conn.execute(
                insert(Ticket),
                [{"id": 1, "requester_id": 1, "channel": "email", "status": "open",
                  "created_at": start, "updated_at": start, "tags": [], "custom_fields": {},
                  "deleted": False}],
            )  # fmt: skip
            conn.execute(
                insert(Comment),
                [
                    {
                        "id": i + 1,
                        "ticket_id": 1,
                        "author_role": "customer" if i % 2 == 0 else "agent",
                        "public": True,
                        "channel": rng.choice(["other", "email", "chat", "web"]),
                        "body": _customer(rng)[1] if i % 2 == 0 else _agent(rng),
                        "html_body": None,
                        "created_at": start + timedelta(minutes=i),
                    }
                    for i in range(count)
                ],
            )
        started = time.perf_counter()
        result = analyze(engine, Settings(), now)
        elapsed = time.perf_counter() - started
        engine.dispose()
    return result.analyzed / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs; each figure is their median")
    parser.add_argument("--no-readme", action="store_true", help="print only")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    # Load the language model and VADER once: a text of no language's function words (and
    # long enough) reaches the detector, a short one would not.
    customer_signals("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", locale="en")
    # Each run draws other texts (its own seeds): a run repeating the last one's texts would
    # find them in the language and context caches and flatter the figure.
    runs = [
        (
            pure_rate(args.comments, seed=1 + 100 * run),
            job_rate(args.comments, seed=2 + 100 * run),
            one_ticket_rate(args.comments, seed=3 + 100 * run),
        )
        for run in range(args.repeat)
    ]
    pure, job, one_ticket = (statistics.median(figures) for figures in zip(*runs, strict=True))
    table = (
        "| what | comments | comments/s (one core) |\n| --- | ---: | ---: |\n"
        f"| signal functions (customer + agent, 5 languages) | {args.comments:,} | {pure:,.0f} |\n"
        f"| `alignbot analyze` on SQLite (context, writes, commits) | {args.comments:,} | "
        f"{job:,.0f} |\n"
        f"| `alignbot analyze`, all of them on one ticket | {args.comments:,} | "
        f"{one_ticket:,.0f} |"
    )
    print(table)
    if not args.no_readme:
        write_section(
            "signals",
            f"Default lexicon backend, target at least 5,000/s; each figure is the median of "
            f"{args.repeat} runs.\n\n" + table,
        )


if __name__ == "__main__":
    main()
