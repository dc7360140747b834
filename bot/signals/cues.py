"""Cues: which rule, phrase or structure produced a signal, for `alignbot signals explain`.

Signal functions take an optional `cues` list. When one is given they append a `Cue` for
each rule that decided their value (or vetoed a reading, such as a confirmation undone by a
question); without one they do no extra work, so the analysis job pays nothing for
explanations.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    """One reason for a signal's value: the rule that fired and the words it fired on."""

    signal: str
    rule: str
    evidence: str = ""


Cues = list[Cue]


def note(cues: Cues | None, signal: str, rule: str, evidence: str = "") -> None:
    """Record a cue when a collector was given; a no-op otherwise."""
    if cues is not None:
        cues.append(Cue(signal, rule, " ".join(evidence.split())))
