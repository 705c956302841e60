"""The message of a finding, in the language asked for, from the table of codes."""

from __future__ import annotations

from decimal import Decimal

from migrasi.core.codes import CODES, TERMS, Rupiah, Term
from migrasi.core.findings import Finding
from migrasi.render.numbers import money, plain


def shown(value: object, lang: str) -> str:
    """An argument of a message as people read it: terms in ``lang``, Rupiah as money,
    quantities in the language's digits, lists joined by commas."""
    if isinstance(value, Term):
        args = {k: shown(v, lang) for k, v in value.args.items()}
        return TERMS[value.key](lang).format(**args)
    if isinstance(value, Rupiah):
        return money(value.amount, lang)
    if isinstance(value, Decimal):
        return plain(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(shown(v, lang) for v in value)
    return "" if value is None else str(value)


def message(f: Finding, lang: str) -> str:
    """The finding's message: what was found and what was expected, with a suggestion."""
    template = CODES[f.code].messages[str(f.args.get("why", ""))](lang)
    body = template.format(**{k: shown(v, lang) for k, v in f.args.items()})
    suggestion = f.args.get("suggestion")
    if suggestion:
        body += TERMS["suggest"](lang).format(suggestion=suggestion)
    return body
