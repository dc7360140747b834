"""`generate_org`: a realistic support org, deterministic for (tickets, seed, now).

Several weeks of tickets ending at `now`, across channels, statuses, languages and groups, whose
conversations show every pattern alignbot measures: rushed solves reopened by the customer,
repeat contacts, customers repeating themselves across channels, scripted versus authentic
empathy, upsells to angry customers, trust words, confirmations, stale tickets, internal notes,
and customer text full of Slack control sequences, HTML, ampersands, quoted mail and emoji.
"""

from __future__ import annotations

import gc
import itertools
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from integrations.zendesk.sandbox import phrases as P
from integrations.zendesk.sandbox.org import (
    Org,
    default_custom_statuses,
    events_from_comments,
    html_body_for,
    iso,
)

__all__ = ["CUSTOMER_UPDATE_FIELD_ID", "SCENARIOS", "TIME_TRACKING_FIELD_ID", "generate_org"]

Record = dict[str, Any]

DAY = 86_400
#: A real backlog is recent: of the tickets a plan leaves unsolved, these shares were solved
#: since, by age in days (a ticket open for weeks is a rarity in a working queue).
WORKED_OFF = ((14, 0.85), (3, 0.6))
HOUR = 3_600
SPAN_DAYS = 42
RECENT_DAYS = 14  # the digest's trend window
SUPPORT_ADDRESS = "support@sandbox.zendesk.com"
# Custom ticket fields every generated ticket carries (ZENDESK_TIME_TRACKING_FIELD_ID and
# ZENDESK_CUSTOMER_UPDATE_FIELD_ID point alignbot at them): handle time in seconds, and the
# customer-safe progress note agents fill in on tickets that wait on us.
TIME_TRACKING_FIELD_ID = 360_000_111
CUSTOMER_UPDATE_FIELD_ID = 360_000_222

# Scenario -> weight. Pairs ("repeat_contact", "cross_channel") make two tickets.
SCENARIOS: dict[str, int] = {
    "confirmed": 14,
    "rushed_reopen": 8,
    "repeat_contact": 6,
    "cross_channel": 6,
    "scripted": 8,
    "authentic": 8,
    "upsell_angry": 5,
    "stale": 7,
    "pending": 6,
    "hold": 4,
    "tricky_text": 5,
    "worsened": 4,
    "new_unassigned": 4,
    "closed_old": 8,
}
PAIRS = {"repeat_contact", "cross_channel"}

LANG_WEIGHTS = (("en", 45), ("es", 25), ("fr", 10), ("de", 10), ("pt", 10))
CHANNEL_WEIGHTS = (
    ("email", 34),
    ("web", 20),
    ("chat", 18),
    ("voice", 10),
    ("native_messaging", 11),
    ("whatsapp", 7),
)
GROUPS = (
    ("billing", "Billing"),
    ("tech", "Technical Support"),
    ("orders", "Orders & Shipping"),
    ("account", "Accounts"),
)
PRIORITY_WEIGHTS = (("low", 20), ("normal", 55), ("high", 18), ("urgent", 7))
AGENT_NAMES = [
    ("Sam", "Rivera", "en"),
    ("Priya", "Shah", "en"),
    ("Marta", "Vidal", "es"),
    ("Tom", "Becker", "de"),
    ("Julie", "Moreau", "fr"),
    ("Rafael", "Costa", "pt"),
    ("Alex", "Kim", "en"),
    ("Nora", "Lind", "en"),
    ("Diego", "Ramos", "es"),
    ("Kate", "Olsen", "en"),
    ("Ben", "Adler", "de"),
    ("Clara", "Nunes", "pt"),
]
COMPANY_WORDS = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Tyrell",
    "Soylent",
    "Cyberdyne",
    "Wonka",
]
COMPANY_KINDS = ["Ltd", "Inc", "GmbH", "S.L.", "SARL", "Ltda", "Co"]


@dataclass
class _Msg:
    """One comment in a planned conversation: minutes after creation, who, text."""

    minute: float
    who: str  # "c" customer, "a" agent (public), "n" internal note
    text: str
    status_after: str | None = None


@dataclass
class _Plan:
    scenario: str
    lang: str
    channel: str
    requester: Record
    created: int
    msgs: list[_Msg] = field(default_factory=list)
    status: str = "open"
    tags: list[str] = field(default_factory=list)
    subject: str = ""
    group: str = "orders"
    order: str = ""
    csat: tuple[str, str] | None = None
    assigned: bool = True
    problem: tuple[str, str, str] = ("orders", "", "")
    device: str = ""
    product: str = ""


_CUMULATIVE: dict[tuple[tuple[str, int], ...], tuple[list[str], list[int]]] = {}


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    if pairs not in _CUMULATIVE:
        names = [p[0] for p in pairs]
        _CUMULATIVE[pairs] = (names, list(itertools.accumulate(p[1] for p in pairs)))
    names, cumulative = _CUMULATIVE[pairs]
    return rng.choices(names, cum_weights=cumulative)[0]


class _Builder:
    def __init__(self, tickets: int, seed: int, now: datetime) -> None:
        self.rng = random.Random(f"alignbot-sandbox:{tickets}:{seed}:{int(now.timestamp())}")
        self.n = tickets
        self.seed = seed
        self.now = int(now.timestamp())
        self.start = self.now - SPAN_DAYS * DAY
        self.org = Org(custom_statuses=default_custom_statuses())
        self.agents: list[Record] = []
        self.agents_by_group: dict[str, list[Record]] = {}
        self.customers: dict[str, list[Record]] = {}
        self.group_ids: dict[str, int] = {}
        self.comment_id = 10_000_001

    # ----- people ---------------------------------------------------------------------------

    def people(self) -> None:
        rng, org = self.rng, self.org
        stamp = iso(self.start - 90 * DAY)
        for index, (key, name) in enumerate(GROUPS):
            gid = 20_001 + index
            self.group_ids[key] = gid
            org.groups[gid] = {
                "id": gid,
                "url": self._url("groups", gid),
                "name": name,
                "description": f"{name} team",
                "default": index == 0,
                "deleted": False,
                "is_public": True,
                "created_at": stamp,
                "updated_at": stamp,
            }
            self.agents_by_group[key] = []
        n_agents = max(6, min(120, self.n // 60))
        for index in range(n_agents):
            # Past the first dozen, first and last names pair up anew (5 is coprime with 12,
            # so up to 144 agents get distinct names) instead of "Sam Rivera3".
            round_, slot = divmod(index, len(AGENT_NAMES))
            first, _, lang = AGENT_NAMES[slot]
            last = AGENT_NAMES[(slot + 5 * round_) % len(AGENT_NAMES)][1]
            suffix = "" if round_ < len(AGENT_NAMES) else str(round_ + 1)
            uid = 1_001 + index
            group_key = GROUPS[index % len(GROUPS)][0]
            user = self._user(
                uid,
                f"{first} {last}{suffix}",
                f"{first.lower()}.{last.lower()}{suffix}@sandbox-support.example",
                "admin" if index == 0 else "agent",
                lang,
                "Europe/London",
                "London",
                None,
                stamp,
            )
            user["default_group_id"] = self.group_ids[group_key]
            org.users[uid] = user
            self.agents.append(user)
            self.agents_by_group[group_key].append(user)
        n_orgs = max(3, self.n // 40)
        for index in range(n_orgs):
            oid = 30_001 + index
            name = (
                f"{COMPANY_WORDS[index % len(COMPANY_WORDS)]} "
                f"{COMPANY_KINDS[index % len(COMPANY_KINDS)]}"
            )
            if index >= len(COMPANY_WORDS):
                name += f" {index // len(COMPANY_WORDS) + 1}"
            org.organizations[oid] = {
                "id": oid,
                "url": self._url("organizations", oid),
                "name": name,
                "domain_names": [],
                "details": "",
                "notes": "",
                "group_id": None,
                "shared_tickets": False,
                "shared_comments": False,
                "tags": [],
                "organization_fields": {},
                "external_id": None,
                "created_at": stamp,
                "updated_at": stamp,
            }
        n_customers = max(12, int(self.n * 0.6))
        org_ids = list(org.organizations)
        for index in range(n_customers):
            lang = _weighted(rng, LANG_WEIGHTS) if index >= 5 else P.LANGUAGES[index]
            first = rng.choice(P.FIRST_NAMES[lang])
            last = rng.choice(P.LAST_NAMES[lang])
            iana, rails = rng.choice(P.TIME_ZONES[lang])
            uid = 100_001 + index
            ascii_first = first.encode("ascii", "ignore").decode().lower() or "user"
            ascii_last = last.encode("ascii", "ignore").decode().lower() or "x"
            email = f"{ascii_first}.{ascii_last}.{uid}@example.com"
            org_id = rng.choice(org_ids) if rng.random() < 0.6 else None
            user = self._user(
                uid,
                f"{first} {last}",
                email,
                "end-user",
                lang,
                iana,
                rails,
                org_id,
                iso(self.start - rng.randint(0, 400) * DAY),
            )
            org.users[uid] = user
            self.customers.setdefault(lang, []).append(user)

    def _user(
        self,
        uid: int,
        name: str,
        email: str,
        role: str,
        lang: str,
        iana: str,
        rails: str,
        org_id: int | None,
        stamp: str,
    ) -> Record:
        return {
            "id": uid,
            "url": self._url("users", uid),
            "name": name,
            "email": email,
            "role": role,
            "locale": P.LOCALES[lang],
            "locale_id": P.LOCALE_IDS[lang],
            "time_zone": rails,
            "iana_time_zone": iana,
            "organization_id": org_id,
            "default_group_id": None,
            "phone": None,
            "shared_phone_number": None,
            "tags": [],
            "active": True,
            "verified": True,
            "suspended": False,
            "moderator": role != "end-user",
            "ticket_restriction": None if role != "end-user" else "requested",
            "user_fields": {},
            "created_at": stamp,
            "updated_at": stamp,
        }

    def _url(self, kind: str, rid: int) -> str:
        return f"https://{self.org.subdomain}.zendesk.com/api/v2/{kind}/{rid}.json"

    # ----- planning -------------------------------------------------------------------------

    def plans(self) -> list[_Plan]:
        rng = self.rng
        kinds = list(SCENARIOS)
        weights = [SCENARIOS[k] for k in kinds]
        # The first tickets walk through every scenario (and a second stale and rushed one),
        # so even a small org shows every pattern.
        sequence = ["stale", *kinds, "stale", "rushed_reopen", "upsell_angry"]
        plans: list[_Plan] = []
        index = 0
        while len(plans) < self.n:
            kind = sequence[index] if index < len(sequence) else rng.choices(kinds, weights)[0]
            index += 1
            if kind in PAIRS and self.n - len(plans) < 2:
                kind = "confirmed"
            plans.extend(self._plan(kind, first_of_kind=index == 1))
        return plans[: self.n]

    def _created(self, recent_share: float = 0.35) -> int:
        # A busier last fortnight: the digest's day, the day before it and the 14-day trend
        # all have enough tickets to compare, as in a real org's recent history.
        rng = self.rng
        if rng.random() < recent_share:
            return self.now - rng.randint(1, RECENT_DAYS) * DAY + rng.randint(0, 20 * HOUR)
        return self.start + rng.randint(0, (SPAN_DAYS - 1) * DAY)

    def _new_plan(
        self,
        kind: str,
        lang: str | None = None,
        requester: Record | None = None,
        channel: str | None = None,
    ) -> _Plan:
        rng = self.rng
        if lang is None or requester is None:
            lang = _weighted(rng, LANG_WEIGHTS)
            requester = rng.choice(self.customers.get(lang) or self.customers["en"])
        plan = _Plan(
            kind, lang, channel or _weighted(rng, CHANNEL_WEIGHTS), requester, self._created()
        )
        plan.problem = rng.choice(P.PROBLEMS[lang])
        plan.group = plan.problem[0]
        plan.order = f"A-{rng.randint(100_000, 999_999)}"
        plan.device = rng.choice(P.DEVICES)
        plan.product = rng.choice(P.PRODUCTS[lang])
        plan.subject = self._fill(plan.problem[1], plan)
        return plan

    def _fill(self, text: str, plan: _Plan, channel: str = "", days: int = 0) -> str:
        # {agent} stays a placeholder: the assignee is chosen when the ticket is built.
        return text.format(
            name=plan.requester["name"].split(" ")[0],
            agent="{agent}",
            order=plan.order,
            device=plan.device,
            product=plan.product,
            channel=channel,
            days=days,
        )

    def _say(self, plan: _Plan, key: str, **kw: Any) -> str:
        return self._fill(self.rng.choice(P.PHRASES[plan.lang][key]), plan, **kw)

    def _fix(self, plan: _Plan) -> str:
        return self._fill(self.rng.choice(P.FIXES[plan.lang][plan.group]), plan)

    def _fix_and_ask(self, plan: _Plan) -> str:
        return self._fix(plan) + " " + self.rng.choice(P.ASK_CONFIRM[plan.lang])

    def _opening(self, plan: _Plan, angry: bool, lead: str = "") -> str:
        rng = self.rng
        greeting = rng.choice(P.PHRASES[plan.lang]["greeting"])
        parts = [lead, self._fill(plan.problem[2], plan)]
        if angry:
            parts.append(rng.choice(P.PHRASES[plan.lang]["angry"]))
        text = " ".join(p for p in parts if p)
        return f"{greeting}\n\n{text}" if greeting else text

    def _plan(self, kind: str, first_of_kind: bool = False) -> list[_Plan]:
        if kind == "repeat_contact":
            return self._repeat_pair()
        if kind == "cross_channel":
            return self._cross_pair()
        rng = self.rng
        plan = self._new_plan(kind)
        msgs = plan.msgs
        say = self._say
        if kind == "confirmed":
            angry = rng.random() < 0.3
            msgs.append(_Msg(0, "c", self._opening(plan, angry)))
            if angry:
                msgs.append(_Msg(rng.randint(20, 240), "a", say(plan, "authentic")))
            msgs.append(_Msg(rng.randint(250, 900), "a", self._fix_and_ask(plan), "pending"))
            msgs.append(_Msg(rng.randint(1000, 2000), "c", say(plan, "confirm"), "open"))
            msgs.append(_Msg(rng.randint(2100, 2600), "a", say(plan, "agent_close"), "solved"))
            plan.status = "solved"
            plan.csat = ("good", say(plan, "csat_good")) if rng.random() < 0.6 else None
        elif kind == "rushed_reopen":
            msgs.append(_Msg(0, "c", self._opening(plan, False)))
            msgs.append(_Msg(rng.randint(3, 15), "a", say(plan, "quick_fix"), "solved"))
            msgs.append(_Msg(rng.randint(300, 1500), "c", say(plan, "still_broken"), "open"))
            if rng.random() < 0.5:
                msgs.append(_Msg(rng.randint(1600, 3000), "a", self._fix(plan), "solved"))
                plan.status = "solved"
                plan.csat = ("bad", say(plan, "csat_bad")) if rng.random() < 0.5 else None
            else:
                plan.status = "open"
        elif kind == "scripted":
            msgs.append(_Msg(0, "c", self._opening(plan, True)))
            msgs.append(_Msg(rng.randint(30, 600), "a", say(plan, "scripted"), "pending"))
            plan.status = "pending"
            if rng.random() < 0.5:
                msgs.append(_Msg(rng.randint(700, 2000), "c", say(plan, "worse"), "open"))
                plan.status = "open"
        elif kind == "authentic":
            msgs.append(_Msg(0, "c", self._opening(plan, True)))
            msgs.append(_Msg(rng.randint(30, 400), "a", say(plan, "authentic")))
            msgs.append(_Msg(rng.randint(450, 1200), "a", self._fix_and_ask(plan), "pending"))
            msgs.append(_Msg(rng.randint(1300, 2500), "c", say(plan, "trust"), "open"))
            msgs.append(_Msg(rng.randint(2600, 2900), "a", say(plan, "agent_close"), "solved"))
            plan.status = "solved"
            plan.csat = ("good", say(plan, "csat_good")) if rng.random() < 0.7 else None
        elif kind == "upsell_angry":
            msgs.append(_Msg(0, "c", self._opening(plan, True)))
            msgs.append(_Msg(rng.randint(20, 300), "a", say(plan, "upsell")))
            msgs.append(_Msg(rng.randint(320, 900), "c", say(plan, "worse")))
            plan.status = "open"
            if rng.random() < 0.5:
                msgs.append(_Msg(rng.randint(950, 1400), "a", self._fix(plan), "solved"))
                plan.status = "solved"
                plan.csat = ("bad", say(plan, "csat_bad")) if rng.random() < 0.5 else None
        elif kind == "stale":
            # Waiting on us with no public agent reply for days; a customer chasing. The first
            # stale ticket's chase (and half of the others') was yesterday.
            plan.created = self.now - rng.randint(3 * DAY, 9 * DAY)
            msgs.append(_Msg(0, "c", self._opening(plan, rng.random() < 0.4)))
            plan.status = "new" if first_of_kind else rng.choice(["new", "open", "open", "hold"])
            if plan.status != "new":
                msgs.append(
                    _Msg(rng.randint(60, 600), "n", rng.choice(P.INTERNAL_NOTES), plan.status)
                )
            if first_of_kind or rng.random() < 0.5:
                chase_at = self.now - DAY + rng.randint(HOUR, 20 * HOUR)
                msgs.append(_Msg((chase_at - plan.created) / 60, "c", say(plan, "chase")))
            plan.assigned = plan.status != "new"
        elif kind == "pending":
            msgs.append(_Msg(0, "c", self._opening(plan, False)))
            msgs.append(_Msg(rng.randint(20, 500), "a", say(plan, "ask_info"), "pending"))
            plan.status = "pending"
        elif kind == "hold":
            msgs.append(_Msg(0, "c", self._opening(plan, False)))
            msgs.append(_Msg(rng.randint(20, 300), "a", say(plan, "hold_note"), "hold"))
            msgs.append(_Msg(rng.randint(310, 400), "n", rng.choice(P.INTERNAL_NOTES)))
            plan.status = "hold"
        elif kind == "tricky_text":
            tricky = self._fill(rng.choice(P.TRICKY_SUFFIXES), plan)
            msgs.append(_Msg(0, "c", self._opening(plan, False) + " " + tricky))
            msgs.append(_Msg(rng.randint(30, 600), "a", say(plan, "ask_info"), "pending"))
            again = self._fill(rng.choice(P.TRICKY_SUFFIXES), plan)
            msgs.append(_Msg(rng.randint(700, 1500), "c", say(plan, "chase") + " " + again, "open"))
            plan.status = "open"
        elif kind == "worsened":
            msgs.append(_Msg(0, "c", self._opening(plan, False)))
            msgs.append(_Msg(rng.randint(30, 500), "a", say(plan, "ask_order"), "pending"))
            msgs.append(_Msg(rng.randint(600, 1500), "c", say(plan, "worse"), "open"))
            plan.status = "open"
        elif kind == "new_unassigned":
            plan.created = self.now - rng.randint(2 * HOUR, 20 * HOUR)
            msgs.append(_Msg(0, "c", self._opening(plan, rng.random() < 0.3)))
            plan.status = "new"
            plan.assigned = False
        elif kind == "closed_old":
            plan.created = self.start + rng.randint(0, 20 * DAY)
            msgs.append(_Msg(0, "c", self._opening(plan, False)))
            msgs.append(_Msg(rng.randint(30, 600), "a", self._fix(plan), "solved"))
            if rng.random() < 0.5:
                # A thank-you on a solved ticket reopens it, as in Zendesk.
                msgs.append(_Msg(rng.randint(700, 1500), "c", say(plan, "confirm"), "open"))
                msgs.append(_Msg(rng.randint(1600, 1800), "a", say(plan, "agent_close"), "solved"))
            plan.status = "solved"
            plan.csat = ("good", say(plan, "csat_good")) if rng.random() < 0.5 else None
        if rng.random() < 0.25 and len(msgs) > 1 and not any(m.who == "n" for m in msgs):
            msgs.insert(1, _Msg(max(0.5, msgs[1].minute - 1), "n", rng.choice(P.INTERNAL_NOTES)))
        return [plan]

    def _repeat_pair(self) -> list[_Plan]:
        """A solved ticket, then the same requester back with the same problem days later."""
        rng = self.rng
        first = self._new_plan("repeat_contact")
        first.created = self.now - rng.randint(8 * DAY, 30 * DAY)
        first.msgs.append(_Msg(0, "c", self._opening(first, False)))
        first.msgs.append(_Msg(rng.randint(10, 300), "a", self._fix(first), "solved"))
        first.status = "solved"
        days = rng.randint(1, 5)
        second = self._new_plan("repeat_contact", first.lang, first.requester)
        second.created = int(
            first.created + first.msgs[-1].minute * 60 + days * DAY + rng.randint(0, 8 * HOUR)
        )
        self._same_issue(second, first)
        lead = self._say(second, "repeat", days=days)
        second.msgs.append(_Msg(0, "c", self._opening(second, rng.random() < 0.5, lead)))
        reply = "ack_history" if rng.random() < 0.5 else "ask_order"
        channel = P.CHANNEL_NAMES[second.lang][first.channel]
        second.msgs.append(
            _Msg(rng.randint(30, 400), "a", self._say(second, reply, channel=channel))
        )
        second.status = rng.choice(["open", "pending", "solved"])
        if second.status != "open":
            second.msgs[-1].status_after = second.status
        return [first, second]

    def _cross_pair(self) -> list[_Plan]:
        """The customer explains on chat/messaging/phone, then repeats it all by email or web."""
        rng = self.rng
        first_channel = rng.choice(["chat", "native_messaging", "whatsapp", "voice"])
        first = self._new_plan("cross_channel", channel=first_channel)
        first.problem = rng.choice([p for p in P.PROBLEMS[first.lang] if "{order}" in p[2]])
        first.group = first.problem[0]
        first.subject = self._fill(first.problem[1], first)
        first.created = max(self.start, self._created(0.25) - rng.randint(DAY, 2 * DAY))
        first.msgs.append(_Msg(0, "c", self._opening(first, False)))
        first.msgs.append(_Msg(rng.randint(2, 10), "a", self._say(first, "ask_order")))
        first.msgs.append(_Msg(rng.randint(11, 20), "c", first.order, "open"))
        first.status = "open"
        second = self._new_plan(
            "cross_channel", first.lang, first.requester, rng.choice(["email", "web"])
        )
        second.created = first.created + rng.randint(2 * HOUR, 20 * HOUR)
        self._same_issue(second, first)
        channel = P.CHANNEL_NAMES[first.lang][first.channel]
        lead = self._say(second, "cross", channel=channel)
        second.msgs.append(_Msg(0, "c", self._opening(second, rng.random() < 0.6, lead)))
        reply = "ack_history" if rng.random() < 0.5 else "ask_order"
        second.msgs.append(
            _Msg(rng.randint(30, 500), "a", self._say(second, reply, channel=channel), "pending")
        )
        second.status = "pending"
        return [first, second]

    @staticmethod
    def _same_issue(second: _Plan, first: _Plan) -> None:
        second.problem = first.problem
        second.group = first.group
        second.order = first.order
        second.device = first.device
        second.product = first.product
        second.subject = first.subject

    # ----- materializing --------------------------------------------------------------------

    def build(self) -> Org:
        self.people()
        plans = self.plans()
        for ticket_id, plan in enumerate(plans, start=1):
            self._ticket(ticket_id, plan)
        events_from_comments(self.org)
        self._closing_events()
        self._problems_and_incidents()
        return self.org

    def _problems_and_incidents(self) -> None:
        """About one technical ticket in ten is an incident linked to a shared problem ticket."""
        org, rng = self.org, self.rng
        tech = [t for t in org.tickets.values() if t["group_id"] == self.group_ids["tech"]]
        for start in range(0, len(tech) - 3, 20):
            problem, *incidents = tech[start : start + 3]
            problem["type"] = "problem"
            problem["has_incidents"] = True
            for incident in incidents:
                if rng.random() < 0.7:
                    incident["type"] = "incident"
                    incident["problem_id"] = problem["id"]

    def _closing_events(self) -> None:
        """Zendesk's automation closes tickets solved for 4 days: one audit per closed ticket."""
        org = self.org
        for ticket_id, ticket in org.tickets.items():
            if ticket["status"] != "closed":
                continue
            ts = int(ticket["generated_timestamp"])
            org.ticket_events.append(
                {
                    "id": org.next_id("audit"),
                    "ticket_id": ticket_id,
                    "timestamp": ts,
                    "created_at": iso(ts),
                    "updater_id": -1,
                    "via": "Rule",
                    "system": {},
                    "metadata": {},
                    "event_type": "Audit",
                    "child_events": [
                        {
                            "id": org.next_id("child_event"),
                            "event_type": "Change",
                            "field_name": "status",
                            "value": "closed",
                            "previous_value": "solved",
                        }
                    ],
                }
            )
        org.reindex()

    def _ticket(self, ticket_id: int, plan: _Plan) -> None:
        rng, org = self.rng, self.org
        plan.msgs.sort(key=lambda m: m.minute)
        latest = self.now - 10 * 60
        last_minute = max(m.minute for m in plan.msgs)
        if plan.created + last_minute * 60 > latest:
            room = max(60, latest - plan.created)
            if last_minute * 60 > room:
                scale = room / (last_minute * 60)
                for m in plan.msgs:
                    m.minute *= scale
            if plan.created > latest:
                plan.created = latest - 3600
        group_key = plan.group
        agents = self.agents_by_group.get(group_key) or self.agents
        agent = rng.choice(agents)
        requester = plan.requester
        agent_first = agent["name"].split(" ")[0]
        comments: list[Record] = []
        status = "new"
        solved_at: int | None = None
        first_solved: int | None = None
        first_reply: int | None = None
        reopens = 0
        replies = 0
        for m in plan.msgs:
            ts = int(plan.created + m.minute * 60)
            if m.who == "c":
                author = requester
                via = self._customer_via(plan, requester)
                public = True
            else:
                author = agent
                # A fresh dict per comment: a test that edits one record must not edit all.
                via = {"channel": "web", "source": {"from": {}, "to": {}, "rel": None}}
                public = m.who == "a"
            text = m.text.replace("{agent}", agent_first)
            if plan.channel == "voice" and m.who == "c" and not comments:
                text = (
                    f"Inbound call from +{rng.randint(10_000_000_000, 99_999_999_999)}\n"
                    f"Call transcript: {text}"
                )
            comment = {
                "id": self.comment_id,
                "type": "Comment",
                "author_id": author["id"],
                "body": text,
                "html_body": html_body_for(text),
                "plain_body": text,
                "public": public,
                "attachments": [],
                "audit_id": self.comment_id + 1,
                "via": via,
                "created_at": iso(ts),
                "metadata": {"system": {}, "custom": {}},
            }
            self.comment_id += 2
            if m.status_after:
                comment["_status_after"] = m.status_after
                if m.status_after == "solved":
                    solved_at = ts
                    first_solved = first_solved or ts
                if status == "solved" and m.status_after == "open":
                    reopens += 1
                status = m.status_after
            elif status == "new" and m.who == "a":
                status = "open"
                comment["_status_after"] = "open"
            if m.who == "a":
                replies += 1
                first_reply = first_reply or ts
            comments.append(comment)
        # Most older tickets a plan leaves unsolved were solved with their last message
        # (WORKED_OFF). A generator of its own per ticket, so the rest of the org is drawn
        # as before.
        age = (self.now - plan.created) / DAY
        share = next((share for days, share in WORKED_OFF if age > days), 0.0)
        worked_off = random.Random(ticket_id * 7_919 + self.seed).random() < share
        if (
            plan.status in ("new", "open", "pending", "hold")
            and worked_off
            and comments
            and not (reopens and comments[-1].get("_status_after") == "open")
        ):
            ts = int(plan.created + plan.msgs[-1].minute * 60)
            comments[-1]["_status_after"] = "solved"
            plan.status = status = "solved"
            solved_at, first_solved = ts, first_solved or ts
        final = plan.status
        if final == "new" and any(m.who == "a" for m in plan.msgs):
            final = "open"
        updated = int(plan.created + max(m.minute for m in plan.msgs) * 60)
        if final == "solved" and solved_at is not None and solved_at < self.now - 4 * DAY:
            final = "closed"
            updated = solved_at + 4 * DAY
        if (
            plan.msgs[-1].status_after is None
            and final not in ("closed",)
            and comments
            and comments[-1].get("_status_after") is None
        ):
            comments[-1]["_status_after"] = final if final != "new" else None
            if comments[-1]["_status_after"] is None:
                del comments[-1]["_status_after"]
        priority = _weighted(rng, PRIORITY_WEIGHTS)
        custom_status_id = {"new": 1, "open": 2, "pending": 3, "hold": 4, "solved": 5, "closed": 5}[
            final
        ]
        description = comments[0]["body"]
        csat_record = (
            self._csat(ticket_id, plan, agent, updated) if final in ("solved", "closed") else None
        )
        handle_seconds = sum(rng.randint(120, 900) for m in plan.msgs if m.who != "c")
        progress = None
        if final in ("open", "hold") and plan.assigned and rng.random() < 0.5:
            progress = self._fill(rng.choice(P.CUSTOMER_UPDATES[plan.lang]), plan)
        fields: list[Record] = [
            {"id": TIME_TRACKING_FIELD_ID, "value": handle_seconds or None},
            {"id": CUSTOMER_UPDATE_FIELD_ID, "value": progress},
        ]
        ticket: Record = {
            "id": ticket_id,
            "url": self._url("tickets", ticket_id),
            "external_id": None,
            "via": {"channel": plan.channel, "source": self._source(plan, requester)},
            "created_at": iso(plan.created),
            "updated_at": iso(updated),
            "generated_timestamp": updated,
            "type": "question",
            "subject": plan.subject,
            "raw_subject": plan.subject,
            "description": description,
            "priority": priority,
            "status": final,
            "custom_status_id": custom_status_id,
            "recipient": SUPPORT_ADDRESS if plan.channel == "email" else None,
            "requester_id": requester["id"],
            "submitter_id": requester["id"],
            "assignee_id": agent["id"] if plan.assigned else None,
            "organization_id": requester.get("organization_id"),
            "group_id": self.group_ids[plan.group] if plan.assigned else None,
            "collaborator_ids": [],
            "follower_ids": [],
            "email_cc_ids": [],
            "forum_topic_id": None,
            "problem_id": None,
            "has_incidents": False,
            "is_public": True,
            "due_at": None,
            "tags": sorted({*plan.tags, plan.group, plan.lang, plan.channel}),
            "custom_fields": fields,
            "fields": [dict(f) for f in fields],
            "satisfaction_rating": (
                {
                    "id": csat_record["id"],
                    "score": csat_record["score"],
                    "comment": csat_record["comment"],
                }
                if csat_record
                else {"score": "unoffered"}
            ),
            "sharing_agreement_ids": [],
            "followup_ids": [],
            "ticket_form_id": 360_000_001,
            "brand_id": 360_000_101,
            "allow_channelback": plan.channel in ("native_messaging", "whatsapp", "chat"),
            "allow_attachments": True,
            "from_messaging_channel": plan.channel in ("native_messaging", "whatsapp"),
        }
        org.tickets[ticket_id] = ticket
        org.comments[ticket_id] = comments
        if csat_record:
            org.satisfaction_ratings[csat_record["id"]] = csat_record
        org.ticket_metrics[ticket_id] = self._metrics(
            ticket_id,
            plan,
            comments,
            first_reply,
            first_solved,
            solved_at,
            reopens,
            replies,
            updated,
            final,
        )

    def _customer_via(self, plan: _Plan, requester: Record) -> Record:
        if plan.channel == "email":
            return {"channel": "email", "source": self._source(plan, requester)}
        return {"channel": plan.channel, "source": {"from": {}, "to": {}, "rel": None}}

    def _source(self, plan: _Plan, requester: Record) -> Record:
        if plan.channel == "email":
            return {
                "from": {"address": requester["email"], "name": requester["name"]},
                "to": {"address": SUPPORT_ADDRESS, "name": "Support"},
                "rel": None,
            }
        if plan.channel == "voice":
            return {
                "from": {"formatted_phone": "+1 555 0100", "phone": "+15550100"},
                "to": {"formatted_phone": "+1 555 0199", "phone": "+15550199"},
                "rel": "inbound",
            }
        return {"from": {}, "to": {}, "rel": None}

    def _csat(self, ticket_id: int, plan: _Plan, agent: Record, updated: int) -> Record | None:
        rng = self.rng
        if plan.csat is None:
            if rng.random() < 0.3:
                score, comment = "offered", ""
            else:
                return None
        else:
            score, comment = plan.csat
        rid = 40_000_000 + ticket_id
        stamp = iso(min(updated + rng.randint(60, 6 * HOUR), self.now - 600))
        return {
            "id": rid,
            "url": self._url("satisfaction_ratings", rid),
            "assignee_id": agent["id"],
            "group_id": self.group_ids[plan.group],
            "requester_id": plan.requester["id"],
            "ticket_id": ticket_id,
            "score": score,
            "comment": comment or None,
            "reason": "No reason provided" if score == "bad" else None,
            "reason_code": 0 if score == "bad" else None,
            "created_at": stamp,
            "updated_at": stamp,
        }

    def _metrics(
        self,
        ticket_id: int,
        plan: _Plan,
        comments: list[Record],
        first_reply: int | None,
        first_solved: int | None,
        solved_at: int | None,
        reopens: int,
        replies: int,
        updated: int,
        final: str,
    ) -> Record:
        created = plan.created

        def minutes(end: int | None) -> Record:
            if end is None:
                return {"calendar": None, "business": None}
            calendar = max(0, (end - created) // 60)
            return {"calendar": calendar, "business": int(calendar * 0.35)}

        customer_times = [
            c["created_at"] for c in comments if c["author_id"] == plan.requester["id"]
        ]
        agent_times = [c["created_at"] for c in comments if c["author_id"] != plan.requester["id"]]
        solved = final in ("solved", "closed")
        return {
            "id": 50_000_000 + ticket_id,
            "url": self._url("ticket_metrics", 50_000_000 + ticket_id),
            "ticket_id": ticket_id,
            "group_stations": 1,
            "assignee_stations": 1 if plan.assigned else 0,
            "reopens": reopens,
            "replies": replies,
            "assignee_updated_at": agent_times[-1] if agent_times else None,
            "requester_updated_at": customer_times[-1] if customer_times else None,
            "status_updated_at": iso(updated),
            "initially_assigned_at": iso(created + 300) if plan.assigned else None,
            "assigned_at": iso(created + 300) if plan.assigned else None,
            "solved_at": iso(solved_at) if solved and solved_at else None,
            "latest_comment_added_at": comments[-1]["created_at"],
            "reply_time_in_minutes": minutes(first_reply),
            "first_resolution_time_in_minutes": minutes(first_solved),
            "full_resolution_time_in_minutes": minutes(solved_at if solved else None),
            "agent_wait_time_in_minutes": {"calendar": 0, "business": 0},
            "requester_wait_time_in_minutes": minutes(updated)
            if not solved
            else {"calendar": 0, "business": 0},
            "on_hold_time_in_minutes": {"calendar": 0, "business": 0},
            "created_at": iso(created),
            "updated_at": iso(updated),
        }


def generate_org(tickets: int = 300, seed: int = 7, now: datetime | None = None) -> Org:
    """A realistic support org of `tickets` tickets over six weeks ending at `now`.

    Deterministic for (tickets, seed, now). `now` defaults to today 00:00 UTC, so "yesterday"
    (the day managers' digests report) has a good share of the activity.
    """
    if tickets < 1:
        raise ValueError("tickets must be at least 1")
    if now is None:
        today = datetime.now(UTC).date()
        now = datetime(today.year, today.month, today.day, tzinfo=UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    # Millions of small acyclic dicts: the cyclic collector would rescan them again and again
    # (half the time on 100k tickets) and finds nothing, so it rests while they are made.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Builder(tickets, seed, now).build()
    finally:
        if collecting:
            gc.enable()
