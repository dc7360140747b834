"""Context: does an agent reply acknowledge the customer's earlier contact, and does it ask
for something the customer already gave (a redundant question)?

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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, runtime_checkable

from bot.signals.cues import Cues, note
from bot.signals.patterns import compile_phrases
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
        r"(booking|reservation|reserva|buchung|localizador|pnr)( number| ref\w*| code| nummer"
        r"| numero)?:? ?[a-z]{0,4}-?\d{3,}",
        r"booking (reference|number|code|ref|id)|reservation (number|code)|localizador"
        r"|(numero|codigo) de (la )?(reserva|reservation)|buchungsnummer|codigo da reserva",
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
        r"|neustart|reiniciei|tried|probe|probado|essaye|versucht|tentei)\w*",
        r"(have you|did you) (tried|try)|(try|tried) (restarting|rebooting|reinstalling|"
        r"clearing)|(ha|has|habeis) probado|avez-vous (essaye|redemarre)|haben sie (\w+ ){0,3}"
        r"(versucht|probiert|neu gestartet)|(voce )?(ja )?tentou",
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
_GIVEN = {kind: re.compile(given) for kind, (given, _ask) in _KINDS.items()}
_ASKED = {kind: re.compile(ask) for kind, (_given, ask) in _KINDS.items()}
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
_SENTENCE = re.compile(r"[^.?!\n]+[.?!]*")
_PROBLEM_WORDS = re.compile(
    r"(not|n't|no|nao|pas|nicht|error|erro|fehler|erreur|crash|charged|cobr|broken|missing"
    r"|falta|wrong|mal|sigue|still|toujours|immer|twice|dos veces|deux fois|zweimal|duas vezes)"
)
ACKNOWLEDGE = compile_phrases(
    {
        "en": [
            r"(your|the) (previous |earlier |last )?(call|chat|email|message|ticket|request|"
            r"report|conversation|photo|receipt)s? (from|of|on|about|yesterday|last|earlier|you)",
            r"(i can see|i see|i'?ve (got|read|checked|pulled up)|looking at) (your|the|order)",
            r"(from|since) (yesterday|last week|this morning|monday|tuesday|wednesday|thursday"
            r"|friday|saturday|sunday|march|earlier)",
            r"earlier",
            r"previous(ly)?",
            r"already (tried|sent|done|restarted|given|wrote|written|contacted|called|emailed"
            r"|reinstalled|rebooted|reset|re-?paired|cleared|asked)",
            r"(i can see|i see|i notice|i noticed|i understand) (that )?you('ve| have)? (already"
            r"|previously|wrote|contacted|called|emailed|chatted|spoke|reported|tried|sent)",
            r"(since|as|after) (the )?(reboots?|restarts?|reinstall\w*|resets?|steps|fixes) "
            r"(didn'?t|did not|haven'?t|have not|failed)",
            r"you('ve| have)? (already )?(tried|done) (both|everything|all|that|those)",
            r"(you'?ve|you have) (had to|already)",
            r"(two|three|four|\d) times now",
            r"you (sent|mentioned|told us|reported|gave us)",
            r"no need to (go through|repeat|explain|send)",
            r"(didn'?t|did not) help",
            r"from last week",
            r"'s chat",
            r"again",
        ],
        "es": [
            r"(tu|su) (chat|llamada|correo|mensaje|ticket|consulta|foto) (de|del|sobre)",
            r"veo (tu|su|el|que ya)",
            r"de ayer",
            r"anterior",
            r"ya (nos )?(enviaste|dijiste|"
            r"probaste|reiniciaste|nos lo)",
            r"que te indicamos",
            r"como ya",
            r"otra vez",
            r"por probar",
            r"(dos|tres|cuatro) veces",
            r"(despues de|tras) (reiniciar|probar|reinstalar|intentar)",
            r"(ya )?nos (escribio|escribiste|llamo|llamaste|contacto|contactaste)",
            r"(como|ya que) (eso|esto) no (ha )?(funcionado|funciono|servido|sirvio)",
        ],
        "fr": [
            r"votre (appel|message|mail|demande|echange) (d'hier|precedent|de)",
            r"d'hier",
            r"precedent\w*",
            r"deja",
            r"(deux|trois) fois de suite",
            r"de nouveau",
            r"(comme )?les (redemarrages|essais|manipulations) n'ont rien donne",
            r"apres avoir (deja )?(tout )?(redemarre|essaye|reinstalle)",
            r"je vois que vous (nous )?(avez|aviez)",
            r"vous nous (avez|aviez) (deja )?(contacte|appele|ecrit|envoye|signale|indique"
            r"|transmis|relance)",
            r"comme vous (nous )?(l'|le )?(avez|aviez) (deja )?(indique|mentionne|precise"
            r"|signale|explique|dit|ecrit)",
            r"comme (indique|mentionne|precise|convenu|signale)",
            r"suite a votre (appel|message|mail|courriel|echange|demande|relance)",
            r"hier",
        ],
        "de": [
            r"zweimal",
            r"dreimal",
            r"schon",
            r"bereits",
            r"gestern",
            r"letzte woche",
            r"vorherig\w*",
            r"(ihr|ihre|ihren) (anruf|e-mail|nachricht) (von|vom)",
            r"trotz (\w+ )?(neustart\w*|neu ?starten|versuch\w*)",
            r"sie haben (uns|mir) (\w+ ){0,4}(geschrieben|angerufen|kontaktiert|gemeldet"
            r"|mitgeteilt|geschickt|geschildert|geantwortet)",
            r"wie (sie )?(uns )?(schon|bereits)? ?(geschrieben|erwahnt|mitgeteilt|beschrieben"
            r"|gesagt|angegeben|geschildert|besprochen|vereinbart)",
            r"(ihrer|ihre|ihrem|ihren) (letzten|vorherigen|fruheren|ersten) (nachricht|e-mail"
            r"|anfrage|anruf|mail)",
            r"(bezug nehmend|bezugnehmend|mit bezug) auf ihr\w*",
        ],
        "pt": [
            r"(que )?(voce|vc) (mandou|enviou|falou|disse|tentou)",
            r"ontem",
            r"anterior",
            r"ja (enviou|tentou|mandou)",
            r"(dois|duas|tres) (comprovantes|vezes)",
            r"(depois de|apos) (reiniciar|tentar|reinstalar)",
            r"(como )?o (reinicio|procedimento) nao (resolveu|funcionou)",
            r"ja nos (escreveu|ligou|contatou)",
            r"vejo que (voce )?(ja )?(nos )?(contactou|contatou|ligou|escreveu|enviou|tentou"
            r"|falou|reportou|informou|mandou)",
            r"(como|conforme) (ja )?(nos )?(referiu|mencionou|indicou|disse|informou|explicou"
            r"|relatou|escreveu|combinado|indicado|referido|mencionado)",
            r"(ja )?nos (contactou|contatou|ligou|escreveu|enviou)",
            r"(na|no|pela|pelo) (sua|seu) (ultima|ultimo|anterior|mensagem|chamada|contacto"
            r"|contato|e-mail|email)",
            r"(dias|semanas) (atras|antes)",
        ],
    }
)


@lru_cache(maxsize=65_536)
def identifiers(text: str) -> frozenset[str]:
    """Order numbers, references and emails in `text`, normalised for comparison."""
    folded = fold(text)
    found = {code.replace("-", "") for code in _CODE.findall(folded)}
    return frozenset(found | set(_EMAIL.findall(folded)))


@lru_cache(maxsize=65_536)
def kinds_in(text: str) -> frozenset[str]:
    """Kinds of information one message gives (an order number, a photo, steps tried...)."""
    folded = fold(text)
    return frozenset(kind for kind, pattern in _GIVEN.items() if pattern.search(folded))


@runtime_checkable
class History(Protocol):
    """A customer's earlier messages, as the reply signals read them."""

    def __len__(self) -> int:
        """How many messages."""
        ...

    def given(self) -> frozenset[str]:
        """The kinds of information any of them gave (`kinds_in`)."""
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

    def given(self) -> frozenset[str]:
        return frozenset().union(*(kinds_in(text) for text in self.texts))

    def names_any(self, found: frozenset[str]) -> bool:
        return bool(found) and any(found & identifiers(text) for text in self.texts)


def as_history(history: Sequence[str] | History) -> History:
    return history if isinstance(history, History) else EarlierTexts(history)


def given_kinds(customer_text: str, history: Sequence[str] | History) -> set[str]:
    """Kinds of information the customer already gave, in this message or earlier ones."""
    earlier = as_history(history)
    kinds = set(kinds_in(customer_text) | earlier.given())
    if earlier or (len(customer_text.split()) >= 8 and _PROBLEM_WORDS.search(fold(customer_text))):
        kinds.add("problem")
    return kinds


def asked_kinds(agent_text: str) -> set[str]:
    """Kinds of information a request in the agent's reply asks for."""
    kinds: set[str] = set()
    for sentence in _SENTENCE.findall(fold(agent_text)):
        if not (sentence.rstrip().endswith("?") or _REQUEST.search(sentence)):
            continue
        kinds |= {kind for kind, pattern in _ASKED.items() if pattern.search(sentence)}
    return kinds


def redundant_question(
    agent_text: str,
    customer_text: str,
    history: Sequence[str] | History,
    cues: Cues | None = None,
) -> bool:
    """Does the reply ask for something the customer already gave?"""
    if not agent_text:
        return False
    asked = asked_kinds(agent_text)
    again = asked & given_kinds(customer_text, history) if asked else set()
    if again:
        note(
            cues, "redundant question", "asks for what the customer gave", ", ".join(sorted(again))
        )
    return bool(again)


_TRIED = re.compile(
    r"\b(already|ya|deja|schon|bereits|ja)\b"
    r"|(twice|two times|dos veces|deux fois|zweimal|duas vezes|three times|tres veces|trois fois"
    r"|dreimal|tres vezes)"
)


def acknowledges_history(
    agent_text: str,
    history: Sequence[str] | History,
    customer_text: str = "",
    cues: Cues | None = None,
) -> bool:
    """Does the reply refer to the customer's earlier contact or what they already tried?

    Only meaningful when there is something to acknowledge: earlier contact (`history`), or
    steps the answered message says were already tried ("I already rebooted twice").
    Questions are not acknowledgements ("Have you tried restarting?" asks, it does not
    acknowledge), but naming an identifier from the history is.
    """
    if not agent_text:
        return False
    earlier = as_history(history)
    if not earlier:
        folded = fold(customer_text)
        if not (_GIVEN["steps"].search(folded) and _TRIED.search(folded)):
            return False
    if earlier.names_any(identifiers(agent_text)):
        note(cues, "acknowledges history", "names an identifier from the earlier contact")
        return True
    for sentence in _SENTENCE.findall(fold(agent_text)):
        if sentence.rstrip().endswith("?"):
            continue
        acknowledged = ACKNOWLEDGE.search(sentence)
        if acknowledged:
            note(
                cues, "acknowledges history", "refers to the earlier contact", acknowledged.group()
            )
            return True
    return False
