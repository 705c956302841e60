"""The message of a finding, in the language asked for."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from migrasi.core.findings import Finding
from migrasi.core.models import DATACENTER_SCHEMA, INVENTORY_SCHEMA
from migrasi.render.catalog import text
from migrasi.render.numbers import money, plain


def _list(values: object) -> str:
    if isinstance(values, list | tuple):
        return ", ".join(str(v) for v in values)
    return str(values)


def _kind_word(kind: object, lang: str) -> str:
    return text(f"kind.{kind}", lang) if f"{kind}" in _KINDS else str(kind)


_KINDS = {"null", "boolean", "number", "date", "text", "list", "mapping", "integer"}


def _e102(args: dict[str, object], lang: str) -> str:
    kind = str(args.get("kind"))
    fill = dict(args)
    if kind == "m_type":
        if args.get("got") == "null":
            return text("E102.m_null", lang)
        fill["expected"] = _kind_word(args.get("expected"), lang)
        fill["got"] = _kind_word(args.get("got"), lang)
    elif kind == "m_pattern":
        fill["what"] = text(f"what.{args.get('what')}", lang)
    elif kind in ("m_enum", "m_word"):
        fill["expected"] = _list(args.get("expected", ()))
    key = f"E102.{kind}"
    try:
        message = text(key, lang, **fill)
    except KeyError:
        message = text("E102.m_other", lang, detail=str(args.get("detail", kind)))
    return message


def message(f: Finding, lang: str) -> str:
    """The finding's message: what was found and what was expected, with a suggestion."""
    args: dict[str, object] = dict(f.args)
    code = f.code
    if code == "E102":
        body = _e102(args, lang)
    elif code == "E006":
        schemas = f"{INVENTORY_SCHEMA} / {DATACENTER_SCHEMA}"
        body = text(f"E006.{args['why']}", lang, schemas=schemas, got=args.get("got", ""))
    elif code == "E005":
        body = text(f"E005.{args.get('limit', 'size')}", lang)
    elif code == "E101" and args.get("why") == "moved":
        body = text("E101.moved", lang)
    elif code == "E207":
        group = args.get("group")
        subject = (
            text("E207.subject.group", lang, group=_list(group))
            if isinstance(group, list) and len(group) > 1
            else text("E207.subject.one", lang)
        )
        body = text(
            "E207",
            lang,
            subject=subject,
            limit=text(f"limit.{args['limit']}", lang),
            need=plain(_dec(args["need"]), lang),
            have=plain(_dec(args["have"]), lang),
        )
    elif code == "E208":
        other = args.get("other")
        of = text("E208.of", lang, other=other) if other else ""
        months = args.get("months")
        body = text(
            f"E208.{args['why']}",
            lang,
            **{**args, "of": of, "months": _list(months) if isinstance(months, Sequence) else ""},
        )
    elif code in ("W301", "E207"):
        body = text(code, lang, group=_list(args.get("group")))
    elif code == "W302":
        body = text(
            code,
            lang,
            internal=money(_dec(args["internal"]), lang),
            external=money(_dec(args["external"]), lang),
        )
    elif "why" in args:
        body = text(f"{code}.{args['why']}", lang, **args)
    else:
        body = text(code, lang, **args)
    suggestion = args.get("suggestion")
    if suggestion:
        body += text("suggest", lang, suggestion=suggestion)
    return body


def _dec(value: object) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))
