"""Context: what the customer already gave, and does an agent reply ask for it again (a
redundant question)? Whether a reply acknowledges the earlier contact is
`bot.signals.acknowledge`.

Identifiers (order and ticket numbers, references like TX-88120, emails) are extracted from
the customer's text and history; "kinds" of information already given (order number, email,
reference, invoice number, photo, receipt, steps already tried, the problem itself) come
from identifiers and keywords. A reply is redundant when a request in it (a question, or
"please send ...") asks for a kind already given.

The customer's earlier messages reach these functions as a list of texts, or as a `History`:
anything that can say how many messages there are, which kinds they gave and whether they
name an identifier. The analysis job passes an index over the requester's timeline
(`bot.signals.history`), so a reply costs the same on the 20,000th comment of a ticket as on
the second. What a list of texts gave is the union of what each text gave: no pattern in
`_GIVEN` can match a line break (a test checks), so none can match across two messages.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, runtime_checkable

from bot.signals.cues import Cues, note
from bot.signals.patterns import compile_phrases, compile_spread
from bot.signals.text import fold

_CODE = re.compile(r"(?<![\w@])(?=[a-z0-9-]*\d)[a-z]{0,4}-?\d{3,}(?:-\d+)?(?![\w@])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")

# kind -> (pattern for "this was given", pattern for "a request asks for this").
_KINDS: dict[str, tuple[str, str]] = {
    "order": (
        r"(order|pedido|commande|bestellung|encomenda|bestellnummer|auftragsnummer|auftrag)s?"
        r"( number| no\.?| #|#| n[o.\u00b0\u00ba]*\w*| nr\.?| ist| e| es| est)?:? ?"
        r"[a-z]{0,4}-?\d{3,}",
        r"order (number|id|no|#|reference)|(numero|n) de (pedido|commande|encomenda)|"
        r"bestellnummer|auftragsnummer|numero (do|da|del|de la) (pedido|encomenda|compra)"
        r"|reference de (la )?commande",
    ),
    "email": (
        r"[\w.+-]+@[\w-]+\.[\w.]+",
        r"e-?mail( address)?|correo|courriel|adresse (e-)?mail",
    ),
    "reference": (
        r"(ref|reference|referencia|transaction|transaccion)\.?:? ?[a-z]{0,4}-?\d{3,}",
        r"(transaction )?reference|referencia|referenz|\bref\b",
    ),
    "invoice": (
        r"(invoice|factura|facture|rechnung|fatura)( number| nummer|nummer)?:? ?[a-z]{0,4}-?\d{3,}"
        r"|rechnungsnummer",
        r"invoice number|rechnungsnummer|numero de (factura|facture)|numero da fatura",
    ),
    "tracking": (
        r"(tracking|seguimiento|suivi|sendungsnummer|sendungsverfolgung|rastreio|rastreamento)"
        r"( number| no\.?| code| id| numero| n\w*| de \w+)?:? ?\(?[a-z0-9]{0,6}\d{4,}[a-z0-9]{0,4}",
        r"tracking (number|code|id|reference)|numero de (seguimiento|suivi)|sendungsnummer"
        r"|codigo de (rastreio|rastreamento|seguimiento)",
    ),
    "booking": (
        r"(booking|reservation|reserva|buchung|localizador|pnr|appointment|cita|rendez-vous"
        r"|termin|agendamento|marcacao)( number| ref\w*| code| nummer| numero)?:? ?[a-z]{0,4}"
        r"-?\d{3,}",
        r"booking (reference|number|code|ref|id)|reservation (number|code)|localizador"
        r"|(numero|codigo) de (la )?(reserva|reservation|cita)|buchungsnummer|codigo da reserva"
        r"|appointment (number|reference|code)|(numero|reference) (du |de )?rendez-vous"
        r"|terminnummer|(numero|codigo) (do|da) (agendamento|marcacao)",
    ),
    "photo": (
        r"(photo|picture|screenshot|foto|captura|bild|imagem|image)",
        r"(photo|picture|screenshot|foto|captura|bild|imagem|image)",
    ),
    "receipt": (
        r"(receipt|recibo|comprovante|justificatif|quittung|beleg)",
        r"(receipt|recibo|comprovante|justificatif|quittung|beleg)",
    ),
    "steps": (
        r"(restart|reboot|reinstall|reset|clear|reinici|reinstal|redemarr|neu ?gestartet"
        r"|neustart|reiniciei|tried|probe|probado|essaye|versucht|tentei|updated|actualice"
        r"|atualizei|aktualisiert|mis a jour|regenerat|regenere|regenerei|neu generiert"
        r"|reinitialis|zuruckgesetzt|neu installiert|limpei|geleert|geloscht|desliguei"
        r"|logged (out|in)|signed (out|in)|power.?cycled)\w*"
        r"|(turned|switched) (it |them |\w+ )?off and (back )?on|apague y encendi|eteint et"
        r" rallume|aus- und (wieder )?eingeschaltet"
        r"|(vide|borre) (le|la|les|mon|ma|mes|el|los|las|mi|mis) ",
        # Asking to try, or whether they tried, a step: as a question or a polite request.
        r"(have you|did you) (tried|try)|(try|tried) (restarting|rebooting|reinstalling|"
        r"clearing)|(have you|did you|could you|can you|please|try( to)?|make sure( you)?)"
        r" (\w+ ){0,8}(restart|reboot|reinstall|reset|clear|updat|re-?generat|power.?cycl"
        r"|unplug|logg?(ing)? out|sign(ing)? out|turn(ing)? (it |\w+ )?off)\w*"
        r"|(ha|has|habeis|han) (\w+ )?(probado|intentado|reiniciado|reinstalado|borrado"
        r"|restablecido|actualizado)|(pruebe|prueba|intente|intenta|podria|puede|puedes"
        r"|podrias) (\w+ ){0,2}(a )?(reinici|reinstal|borr|restablec|actualiz)\w*"
        r"|(reinicie|reinstale|restablezca|actualice|borre) "
        r"|avez-vous (deja )?(essaye|redemarre)|(avez-vous|vous avez) (deja )?(essaye|tente"
        r"|redemarre|reinstalle|reinitialise|vide|mis a jour)|(pouvez-vous|pourriez-vous"
        r"|essayez de|merci de|veuillez) (\w+ ){0,2}(redemarrer|reinstaller|reinitialiser"
        r"|vider|mettre a jour)|(redemarrez|reinstallez|reinitialisez|videz) "
        r"|haben sie (\w+ ){0,5}(versucht|probiert|neu gestartet|neu installiert|zuruckgesetzt"
        r"|aktualisiert|neu generiert)|versuchen sie (\w+ ){0,5}neu (zu )?(starten|installieren"
        r"|generieren)|(starten|installieren|setzen|generieren) sie (\w+ ){0,4}(neu|zuruck)"
        r"|neu (zu )?(starten|installieren|generieren|einrichten)|zuruck(zu)?setzen"
        r"|(voce )?(ja )?(tentou|reiniciou|reinstalou|limpou|atualizou|experimentou|testou)"
        r"|(tente|experimente|pode tentar|poderia tentar) (\w+ ){0,2}(reiniciar|reinstalar"
        r"|limpar|atualizar)|(reinicie|reinstale|atualize) ",
    ),
    "serial": (
        r"(serial|serie|seriennummer|numero de serie|s/n|sn)( number| nummer| no\.?| numero)?"
        r"( is| es| est| ist| e)?:? ?[a-z]{0,4}-?\d{4,}",
        r"serial (number|no)|numero de serie|seriennummer|n(umero)? de serie",
    ),
    "address": (
        r"\d+[a-z]? [a-z]+ (road|rd|street|st|avenue|ave|lane|ln|drive|dr|close|way|place"
        r"|court)\b|\b(calle|c/|avenida|avda|rue|avenue|boulevard|rua|travessa)\.? [a-z]"
        r"|(strasse|str\.|gasse|platz|allee|weg) \d+",
        r"(your|the|property|postal|delivery|home|billing) address|(tu|su|la) direccion"
        r"|(votre|l')adresse|(ihre|die) (adresse|anschrift)|(seu|sua|o) (endereco|morada)",
    ),
    "location": (
        r"$^",  # read on the original case: see `_LOCATION`
        r"(which|what) (country|city)|where are you( currently| right now| now)?\b"
        r"|en (que|cual) (pais|ciudad)|donde (esta|estas|se encuentra)|(dans|en) quel pays"
        r"|ou (etes-vous|vous trouvez-vous)|in welchem land|wo (befinden|sind) sie"
        r"|(em|de) que (pais|cidade)|onde (voce )?(esta|se encontra)",
    ),
    "customer": (
        r"(customer|client|kunden|cliente|socio|member|abonne|account|konto|vertrags)"
        r"( ?number| ?nummer| no\.?| id| numero| n[o.\u00b0\u00ba]*\w*| nr\.?)?"
        r"( ist| e| es| est| is)?:? ?"
        r"[a-z]{0,4}-?\d{4,}",
        r"(customer|client|account|member(ship)?) (number|id|no|reference)|kundennummer"
        r"|vertragsnummer|kontonummer|numero (de |do |da )?(cliente|client|socio|conta|contrato)"
        r"|(reference|numero) client|n(o|umero)? client",
    ),
    "case": (
        r"(case|ticket|caso|incidencia|dossier|vorgang|vorgangsnummer|ticketnummer|aktenzeichen"
        r"|chamado|protocolo|processo)( number| nummer| no\.?| id| numero| n\w*| nr\.?)?:? ?"
        r"[a-z]{0,4}-?\d{3,}",
        r"(case|ticket) (number|id|reference)|vorgangsnummer|ticketnummer|aktenzeichen"
        r"|numero (de |do |da )?(ticket|caso|incidencia|dossier|chamado|protocolo|processo)",
    ),
    "tax_id": (
        r"\b(nif|dni|nie|cif|cpf|cnpj|vat|tva|ust-?id\w*|steuernummer|steuer-id)\b(?: \w+){0,2}"
        r"[: ]+[a-z]?\d[\d.-]{5,}[a-z]?",
        r"\b(nif|dni|nie|cif|cpf|cnpj|vat (number|id)|numero de tva|ust-?id\w*|steuernummer"
        r"|steuer-id|numero de contribuinte)\b",
    ),
    "plate": (
        r"(licen[cs]e plate|number plate|registration|matricula|kennzeichen|immatriculation"
        r"|placa)( number| numero| nummer)?( is| es| e| ist| est)?:? ?[a-z0-9]{1,4}[ -]?[a-z0-9]"
        r"{2,4}[ -]?[a-z0-9]{0,4}",
        r"licen[cs]e plate|number plate|(car|vehicle) registration|registration number|matricula"
        r"|kennzeichen|immatriculation|placa",
    ),
    "phone": (
        r"(phone|telefono|telephone|telefon|telefone|telemovel|celular|movil|handy|portable)"
        r"( number| nummer| numero)?( is| es| e| ist| est)?:? ?\+?\d[\d ]{6,}",
        r"(phone|mobile) number|telefono|numero de (telephone|movil|telemovel|telefone|celular)"
        r"|telefonnummer|handynummer",
    ),
    "problem": (
        r"$^",  # given when there is history or a described problem; see `given_kinds`
        r"what (seems to be|is|'s) the (problem|issue)|(describe|explain) (the|your) (problem|"
        r"issue)|how can (i|we) help|(cual|que) es el problema|en que (le|te|os) (podemos|puedo)"
        r" ayudar|decrire votre probleme|quel est (le|votre) probleme|was ist (das|ihr) problem"
        r"|beschreiben sie|qual (e|o) (seu )?problema|descreva",
    ),
}
# Spread (`compile_spread`): each is only searched for, and "steps" asked, written as groups of
# openers, verbs and up to eight words between, cost more than every other kind together.
_GIVEN = {kind: compile_spread(given) for kind, (given, _ask) in _KINDS.items()}
# An email address needs an "@": without one, its search (among the slowest) is skipped.
_GIVEN_BUT_EMAIL = {kind: pattern for kind, pattern in _GIVEN.items() if kind != "email"}
# Where the customer is: a capitalised place after "I'm in", "estoy en", "ich bin in der".
_LOCATION = re.compile(
    r"(?i:\b(?:i'?m|i am|we'?re|we are|currently|customer is|kunde ist|estoy|estamos|je suis"
    r"|nous sommes|ich bin|wir sind|estou|estamos|stuck|abroad)) (?:\w+ )?(?i:in|en|a|à|au"
    r"|aux|im|in der|em|na|no|nos) (?!(?i:eile|sorge|panik|not|ruhe|urlaub|ausland|buro|büro"
    r"|homeoffice|zug|auto|arbeit|stress)\b)[A-ZÀ-Ý][\w-]+"
)
# A setting the customer says is on ("roaming is ON", "tengo el roaming activado"), and a
# request to check that it is: the kind is "setting:" and the words beside the "on".
_ON = re.compile(
    r"\b(?:(?:is|are|'s|ist|sind) (?:already |schon |bereits )?(?:on|an)|enabled|activated"
    r"|switched on|turned on|activad[oa]s?|encendid[oa]s?|activee?s?|allumee?s?|aktiviert"
    r"|eingeschaltet|ativad[oa]s?|ligad[oa]s?)\b"
)
_WORD = re.compile(r"[a-z][a-z-]{3,}")
# Words beside an "on" that name no setting.
_NOT_SETTING = re.compile(
    r"have|make|sure|that|this|your|still|already|tengo|tiene|tienes|esta|estan|todo|todos|with"
    r"|also|bien|deja|schon|bereits|haben|habe|sind|tenho|estao|avez|vous|nous|mais|aber|pero"
    r"|please|check|whether|verify|confirm|ihre|votre|usted|voce"
)


def _settings(folded: str) -> set[str]:
    found: set[str] = set()
    for on in _ON.finditer(folded):
        before = _WORD.findall(folded[max(0, on.start() - 30) : on.start()])[-3:]
        after = _WORD.findall(folded[on.end() : on.end() + 30])[:3]
        found |= {f"setting:{word}" for word in before + after if not _NOT_SETTING.fullmatch(word)}
    return found


_ASKED = {kind: compile_spread(ask) for kind, (_given, ask) in _KINDS.items()}
_REQUEST = compile_phrases(
    {
        "en": [
            r"could you",
            r"can you",
            r"would you",
            r"please (send|provide|share|confirm|"
            r"tell|give|attach|reply with)",
            r"send (me|us)",
            r"may i have",
            r"what is your",
            r"have you tried",
            r"did you try",
            r"please (make sure|check|ensure|restart|reboot|reinstall|reset|clear|update|try"
            r"|turn|switch|toggle|enable)",
            r"let (me|us) know",
        ],
        "es": [
            r"(nos |me )?(puedes|puede|podrias|podria|podeis) (indicar|enviar|mandar|decir|"
            r"facilitar|confirmar|describir)",
            r"(envianos|enviame|indicanos|facilitanos|indiquenos|facilitenos|envienos"
            r"|proporcione\w*|digame)",
            r"por favor,? (envie|envia|indique|indica|facilite|mande)",
            r"ha probado",
            r"necesitamos (el|tu|su|que nos)",
            r"(me|nos) (das|da|pasas|pasa|facilitas|facilita|dices|dice)",
            r"has probado",
        ],
        "fr": [
            r"pouvez-vous",
            r"pourriez-vous",
            r"merci de (nous )?(envoyer|indiquer|"
            r"communiquer|transmettre)",
            r"envoyez-nous",
            r"avez-vous",
            r"(pourriez|pouvez|auriez)[ -]vous (nous |me )?(communiquer|envoyer|indiquer"
            r"|transmettre|donner|fournir|preciser|confirmer|rappeler)",
            r"merci de (bien vouloir )?(nous |me )?(communiquer|envoyer|indiquer|transmettre"
            r"|fournir|preciser|confirmer|rappeler)",
            r"veuillez (nous |me )?(communiquer|envoyer|indiquer|transmettre|fournir|preciser"
            r"|confirmer|rappeler)",
            r"(indiquez|communiquez|transmettez|envoyez)-(nous|moi)",
        ],
        "de": [
            r"bitte (senden|schicken|teilen|geben|nennen)",
            r"(konnen|konnten) sie",
            r"senden sie",
            r"haben sie",
            r"bitte (teilen|nennen|senden|schicken|geben|ubermitteln|bestatigen) sie",
            r"(teilen|nennen|senden|schicken|geben|ubermitteln) sie (uns|mir)",
            r"wir (benotigen|brauchen) (noch )?(ihre|ihren|ihr|die|den|das)",
            r"(konnen|konnten|wurden) sie (uns|mir)",
        ],
        "pt": [
            r"(por favor,? )?(envie|informe|mande|encaminhe)",
            r"(pode|poderia) (enviar|"
            r"informar|mandar)",
            r"qual (e|o)",
            r"(voce )?(ja )?tentou",
            r"(pode|poderia|podia|consegue)(-nos| nos| me|-me)? (enviar|indicar|informar|mandar"
            r"|confirmar|passar|dizer|fornecer|facultar|partilhar)",
            r"(envie|indique|informe|mande|confirme|diga)(-nos|-me| nos| me)",
            r"precisamos (do|da|de|dos|das) (seu|sua|numero)",
            r"por favor,? (envie|indique|informe|mande|confirme)",
        ],
    }
)
# A sentence: up to ".", "?" or "!" (a point inside "5.2" or "z.B." does not end it).
_SENTENCE = re.compile(r"(?:[^.?!\n]|\.(?=[^\s.?!]))+[.?!]*")
_PROBLEM_WORDS = re.compile(
    r"(not|n't|no|nao|pas|nicht|error|erro|fehler|erreur|crash|charged|cobr|broken|missing"
    r"|falta|wrong|mal|sigue|still|toujours|immer|twice|dos veces|deux fois|zweimal|duas vezes)"
)


@lru_cache(maxsize=65_536)
def identifiers(text: str) -> frozenset[str]:
    """Order numbers, references and emails in `text`, normalised for comparison."""
    folded = fold(text)
    found = {code.replace("-", "") for code in _CODE.findall(folded)}
    if "@" in folded:  # an email needs one: most messages skip the search
        found.update(_EMAIL.findall(folded))
    return frozenset(found)


@lru_cache(maxsize=65_536)
def kinds_in(text: str) -> frozenset[str]:
    """Kinds of information one message gives (an order number, a photo, steps tried...)."""
    return frozenset(_kinds(text, None))


#: Among the kinds searched for (`kinds_among`), every setting ("setting:roaming", ...) at once.
SETTINGS = "setting:"
#: Every kind `kinds_in` finds, as `kinds_among` names them.
EVERY_KIND = (*_KINDS, SETTINGS)


def kinds_among(text: str, among: Collection[str]) -> set[str]:
    """The kinds `text` gives among `among` (`SETTINGS` standing for every setting): those of
    `kinds_in(text)` that are among them, each kind searched for only if asked."""
    return _kinds(text, among)


def _kinds(text: str, among: Collection[str] | None) -> set[str]:
    """The kinds `text` gives, searching only for those `among` (every kind when None)."""
    folded = fold(text)
    given = _GIVEN if "@" in folded else _GIVEN_BUT_EMAIL
    kinds = {
        kind
        for kind, pattern in given.items()
        if (among is None or kind in among) and pattern.search(folded)
    }
    if (among is None or "location" in among) and _LOCATION.search(text):
        kinds.add("location")
    if among is None or SETTINGS in among:
        kinds |= _settings(folded)
    elif any(kind.startswith(SETTINGS) for kind in among):
        kinds |= _settings(folded) & set(among)
    return kinds


@runtime_checkable
class History(Protocol):
    """A customer's earlier messages, as the reply signals read them."""

    def __len__(self) -> int:
        """How many messages."""
        ...

    def given(self, among: Collection[str] | None = None) -> frozenset[str]:
        """The kinds of information any of them gave (`kinds_in`); only those `among` when
        given (an index then needs to search its messages for those kinds alone)."""
        ...

    def names_any(self, found: frozenset[str]) -> bool:
        """Does any of them name one of these identifiers (`identifiers`)?"""
        ...


@dataclass(frozen=True)
class EarlierTexts:
    """A `History` over the texts themselves (`alignbot signals classify`, tests)."""

    texts: Sequence[str]

    def __len__(self) -> int:
        return len(self.texts)

    def given(self, among: Collection[str] | None = None) -> frozenset[str]:
        if among is None:
            return frozenset().union(*(kinds_in(text) for text in self.texts))
        # Only the kinds asked for are searched: `kinds_among` gives those of `kinds_in`
        # among them, with every setting for `SETTINGS`, which the intersection drops.
        found: frozenset[str] = frozenset().union(
            *(kinds_among(text, among) for text in self.texts)
        )
        return found & frozenset(among)

    def names_any(self, found: frozenset[str]) -> bool:
        return bool(found) and any(found & identifiers(text) for text in self.texts)


@lru_cache(maxsize=64)
def _is_history_class(kind: type) -> bool:
    return all(callable(getattr(kind, name, None)) for name in ("__len__", "given", "names_any"))


def as_history(history: Sequence[str] | History) -> History:
    # A protocol's isinstance inspects every attribute of every object it is given: a list
    # of texts, or a class whose methods make it a History, is told once.
    if isinstance(history, list | tuple):
        return EarlierTexts(history)
    if _is_history_class(type(history)) or isinstance(history, History):
        return history  # type: ignore[return-value]
    return EarlierTexts(history)


def given_kinds(
    customer_text: str, history: Sequence[str] | History, among: Collection[str] | None = None
) -> set[str]:
    """Kinds of information the customer already gave, in this message or earlier ones
    (only those `among`, when given: each kind costs a search of every message)."""
    earlier = as_history(history)
    if among is None:
        kinds = set(kinds_in(customer_text) | earlier.given())
    else:
        kinds = _kinds(customer_text, among)
        if set(among) - kinds - {"problem"}:  # the earlier messages may give the rest
            kinds |= earlier.given(among)
    if (among is None or "problem" in among) and (
        earlier or (len(customer_text.split()) >= 8 and _PROBLEM_WORDS.search(fold(customer_text)))
    ):
        kinds.add("problem")
    return kinds


def _requests(agent_text: str) -> list[str]:
    """The sentences of a reply that ask something: a question, or "please send ..."."""
    return [
        sentence
        for sentence in _SENTENCE.findall(fold(agent_text))
        if sentence.rstrip().endswith("?") or _REQUEST.search(sentence)
    ]


@lru_cache(maxsize=65_536)
def _asked_by(sentence: str) -> frozenset[str]:
    """Every kind one request sentence asks for: replies repeat their macros' sentences ("Could
    you send me your order number?"), so each is searched once."""
    kinds = {kind for kind, pattern in _ASKED.items() if pattern.search(sentence)}
    return frozenset(kinds | _settings(sentence))


def _asked_in(requests: list[str], among: Collection[str] | None) -> set[str]:
    if among is None:
        return set().union(*map(_asked_by, requests))
    patterns = [(kind, pattern) for kind, pattern in _ASKED.items() if kind in among]
    settings = any(kind.startswith("setting:") for kind in among)
    kinds: set[str] = set()
    for sentence in requests:
        kinds |= {kind for kind, pattern in patterns if pattern.search(sentence)}
        if settings:
            kinds |= _settings(sentence)
    return kinds


def asked_kinds(agent_text: str) -> set[str]:
    """Kinds of information a request in the agent's reply asks for."""
    return _asked_in(_requests(agent_text), None)


def redundant_question(
    agent_text: str,
    customer_text: str,
    history: Sequence[str] | History,
    cues: Cues | None = None,
) -> bool:
    """Does the reply ask for something the customer already gave?"""
    requests = _requests(agent_text) if agent_text else []
    if not requests:
        return False
    # What the reply asks for is read first (its request sentences are short); only those
    # kinds are then searched for in what the customer gave.
    asked = _asked_in(requests, None)
    if not asked:
        return False
    given = given_kinds(customer_text, history, among=asked)
    again = asked & given
    if again:
        note(
            cues, "redundant question", "asks for what the customer gave", ", ".join(sorted(again))
        )
    return bool(again)
