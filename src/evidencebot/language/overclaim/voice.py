"""Quoted speech in our own voice (oc28): the over-claim checks leave other people's quoted words alone, but a
quote given to one of our leads by the job before their name ("..., said manager Lisa Brennan", "..., said the
Trust's Director of Operations", "Our founder Sam Ode said: '...'") is how a press release or a newsletter makes
the provider's own claim. The two patterns are grammar.yaml's ``own_voice_after_re`` (the text after the closing
mark) and ``own_voice_before_re`` (the text before the opening mark)."""

from __future__ import annotations

from evidencebot.language.overclaim.words import W

_REACH = 90  # characters read on either side of a quote for its speaker


def spoken_by_us(text: str, span: tuple[int, int]) -> bool:
    """Is the quote at ``span`` of ``text`` given to one of our leads (by the job before the name)?"""
    start, end = span
    return bool(W.own_voice_after_re.match(text[end:end + _REACH])) or bool(
        W.own_voice_before_re.search(text[max(0, start - _REACH):start]))


def others_speech(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``quotes`` without those in our own voice: the quoted speech the over-claim checks leave alone."""
    return [q for q in quotes if not spoken_by_us(text, q)]
