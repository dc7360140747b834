"""The words of a proactive update: the templates a support team edits, and the facts an
update may be written from.

Templates are files, `templates/updates/<lang>/<name>.txt` (a team's own directory,
`PROACTIVE_TEMPLATES_DIR`, is read first), rendered by Jinja2 in its sandbox, in the
requester's language (en, es, fr, de, pt; English otherwise and where a file is missing),
with dates and durations formatted by Babel for the requester's locale. A template sees only
`UpdateFacts`, a whitelist of customer-safe facts: nothing else of a ticket can leak into it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time, format_timedelta
from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    select_autoescape,
)
from jinja2.sandbox import SandboxedEnvironment

from bot.digest.mrkdwn import plain

__all__ = [
    "FALLBACK",
    "LANGUAGES",
    "TEMPLATE_ROOT",
    "UPDATE_TEMPLATE",
    "TemplateInfo",
    "Templates",
    "UpdateFacts",
    "language_of",
    "render_update",
]

#: The languages updates are written in; any other falls back to English.
LANGUAGES = ("en", "es", "fr", "de", "pt")
FALLBACK = "en"
TEMPLATE_ROOT = Path(__file__).parent / "templates" / "updates"
#: The template of the update a stale ticket's customer gets.
UPDATE_TEMPLATE = "update.txt"
#: How much of the customer-update field an update quotes.
FIELD_LIMIT = 1000


# --- Templates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateInfo:
    """One template name, the languages that have it and those that fall back to English."""

    name: str
    languages: tuple[str, ...]
    missing: tuple[str, ...]


class Templates:
    """The update templates: a team's own directory first (`PROACTIVE_TEMPLATES_DIR`), then
    the bundled ones. Rendered in a sandbox (a template cannot reach Python objects beyond
    the strings it is given), autoescaped only for .html files: updates are plain text."""

    def __init__(self, extra_dir: str | Path | None = None) -> None:
        self.roots = [Path(extra_dir)] if extra_dir else []
        self.roots.append(TEMPLATE_ROOT)
        self.env = SandboxedEnvironment(
            loader=ChoiceLoader([FileSystemLoader(str(root)) for root in self.roots]),
            autoescape=select_autoescape(enabled_extensions=("html", "htm"), default=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, name: str, language: str, context: Mapping[str, Any]) -> tuple[str, str]:
        """(text, language used): `language`'s file, else English's."""
        for lang in dict.fromkeys((language, FALLBACK)):
            try:
                template = self.env.get_template(f"{lang}/{name}")
            except TemplateNotFound:
                continue
            return _tidy(template.render(**context)), lang
        raise TemplateNotFound(f"{FALLBACK}/{name}")

    def listing(self) -> list[TemplateInfo]:
        """Every template name any language has, with the languages missing it."""
        have: dict[str, set[str]] = {}
        for root in self.roots:
            for lang in LANGUAGES:
                folder = root / lang
                if folder.is_dir():
                    for path in folder.iterdir():
                        if path.is_file() and not path.name.startswith("."):
                            have.setdefault(path.name, set()).add(lang)
        return [
            TemplateInfo(
                name=name,
                languages=tuple(lang for lang in LANGUAGES if lang in langs),
                missing=tuple(lang for lang in LANGUAGES if lang not in langs),
            )
            for name, langs in sorted(have.items())
        ]


def _tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, no blank start or end."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


def language_of(locale: str | None) -> str:
    """The update language for a Zendesk locale ("pt-BR" -> "pt"); English otherwise."""
    lang = (locale or "").replace("_", "-").split("-")[0].lower()
    return lang if lang in LANGUAGES else FALLBACK


def _babel_locale(locale: str | None, language: str) -> Locale:
    """The requester's own locale for dates ("pt-BR"), when Babel knows it and it speaks
    the update's language; else the language's default."""
    if locale:
        try:
            parsed = Locale.parse(locale.replace("-", "_"))
            if parsed.language == language:
                return parsed
        except (UnknownLocaleError, ValueError):
            pass
    return Locale.parse(language)


# --- What an update may say ----------------------------------------------------------------


@dataclass(frozen=True)
class UpdateFacts:
    """Everything an update may say: customer-safe by construction. The template context
    is made from these fields and nothing else."""

    ticket_id: int
    status: str  # the ticket's own status: new, open, hold
    created_at: datetime
    customer_update: str | None  # ZENDESK_CUSTOMER_UPDATE_FIELD_ID, written for customers
    problem_status: str | None  # the status of the linked problem ticket, if any
    team: str | None  # the group's customer-facing name (GROUP_CUSTOMER_NAMES)


def render_update(
    facts: UpdateFacts,
    templates: Templates,
    *,
    locale: str | None,
    now: datetime,
    next_update: datetime,
    zone: ZoneInfo,
) -> tuple[str, str]:
    """(text, language) of the update for `facts`, in the requester's language and zone."""
    language = language_of(locale)
    babel = _babel_locale(locale, language)
    context = {
        "ticket_id": facts.ticket_id,
        "status": facts.status,
        # "3 days ago", "hace 3 días", "vor 3 Tagen": the phrase, as each language builds it.
        "age": format_timedelta(
            facts.created_at - now, locale=babel, threshold=1.1, add_direction=True
        ),
        "opened_on": format_date(facts.created_at.astimezone(zone), "long", locale=babel),
        "customer_update": (
            plain(facts.customer_update, FIELD_LIMIT) if facts.customer_update else None
        ),
        "problem_status": facts.problem_status,
        "problem_solved": facts.problem_status in ("solved", "closed"),
        "team": facts.team,
        # The locale's own way of writing a day ("Fri, December 4", "vie, 4 de diciembre").
        "next_update_date": format_skeleton("MMMMEd", next_update, tzinfo=zone, locale=babel),
        "next_update_time": format_time(next_update, "short", tzinfo=zone, locale=babel),
    }
    return templates.render(UPDATE_TEMPLATE, language, context)
