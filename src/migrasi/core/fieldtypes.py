"""The field types of the input files, with the exact rules and messages of validation.md.

Each type is a plain validator that raises a ``PydanticCustomError`` whose type names a
message of the catalogue and whose context carries its arguments, so that every E102 reads
the same whatever the field. Each also carries the JSON Schema that editors use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from migrasi.core.hints import date_hint, number_hint
from migrasi.core.text import canonical
from migrasi.core.values import source_text

_DECIMAL_TEXT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)\Z")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


@dataclass(frozen=True, eq=False)
class Rule:
    """Field metadata: a plain validator with its messages, and the JSON Schema it stands for."""

    check: Callable[[Any], Any]
    schema: dict[str, object] = field(default_factory=dict)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """Validate with ``check`` alone."""
        return core_schema.no_info_plain_validator_function(self.check)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """Describe the field with ``schema``."""
        return dict(self.schema)


def kind_of(value: object) -> str:
    """Name the kind of a YAML value for messages (null, boolean, number, text, ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | Decimal):
        return "number"
    if isinstance(value, date):
        return "date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    return "mapping"


def _fail(kind: str, **context: object) -> PydanticCustomError:
    return PydanticCustomError(kind, kind, dict(context))


def _shown(value: object) -> str:
    text = source_text(value)
    return text if text is not None else kind_of(value)


def _text_validator(
    pattern: str | None, max_length: int | None, what: str | None, empty: bool
) -> Callable[[object], str]:
    compiled = re.compile(pattern.lstrip("^")) if pattern else None

    def check(value: object) -> str:
        text = source_text(value)
        if text is None:
            raise _fail("m_type", expected="text", got=kind_of(value))
        text = canonical(text)
        if not empty and not text.strip():
            raise _fail("m_empty")
        if max_length is not None and len(text) > max_length:
            raise _fail("m_too_long", max=max_length, length=len(text))
        if compiled is not None and not compiled.fullmatch(text):
            raise _fail("m_pattern", got=text, what=what or pattern)
        return text

    return check


def text_rule(
    pattern: str | None = None,
    max_length: int | None = None,
    what: str | None = None,
    *,
    empty: bool = False,
) -> Rule:
    """Text as written (non-empty unless ``empty``), optionally matching ``pattern`` whole."""
    schema: dict[str, object] = {"type": "string"} if empty else {"type": "string", "minLength": 1}
    if pattern:
        schema["pattern"] = pattern if pattern.endswith("$") else pattern + "$"
    if max_length:
        schema["maxLength"] = max_length
    return Rule(_text_validator(pattern, max_length, what, empty), schema)


def enum_rule(values: Sequence[str]) -> Rule:
    """Text that must be one of ``values``."""
    allowed = tuple(values)

    def check(value: object) -> str:
        text = source_text(value)
        if text is None or canonical(text) not in allowed:
            raise _fail("m_enum", got=_shown(value), expected=allowed)
        return canonical(text)

    return Rule(check, {"enum": list(allowed)})


LARGEST = 10**15
"""No figure of an inventory comes near this (a quadrillion Rupiah, GB or days): a larger
number is an error, so the exact arithmetic never meets numbers it cannot hold."""

PLACES = 12
"""At most this many digits after the decimal point (trailing zeros aside): with LARGEST, every
number fits money.md's 28 significant digits exactly, and the planner's exact sums stay small."""


def _places(number: Decimal) -> int:
    """Digits after the decimal point, trailing zeros not counted (never rounded on the way)."""
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + zeros)) if any(digits) else 0


def _bounds(number: Decimal, ge: int | None, gt: int | None, le: int | None) -> None:
    if number.copy_abs() > LARGEST and (le is None or le > LARGEST):
        raise _fail("m_range", op="≤", bound=LARGEST, got=_short(number))
    exponent = number.as_tuple().exponent  # written with at most PLACES places, it holds no more
    if isinstance(exponent, int) and exponent < -PLACES and _places(number) > PLACES:
        raise _fail("m_places", most=PLACES, got=_short(number))
    if ge is not None and number < ge:
        raise _fail("m_range", op="≥", bound=ge, got=str(number))
    if gt is not None and number <= gt:
        raise _fail("m_range", op=">", bound=gt, got=str(number))
    if le is not None and number > le:
        raise _fail("m_range", op="≤", bound=le, got=str(number))


def _short(number: Decimal) -> str:
    text = str(number)
    return text if len(text) <= 40 else f"{text[:20]}…"


def _number_schema(kind: str, ge: int | None, gt: int | None, le: int | None) -> dict[str, object]:
    schema: dict[str, object] = {"type": kind}
    if ge is not None:
        schema["minimum"] = ge
    if gt is not None:
        schema["exclusiveMinimum"] = gt
    if le is not None:
        schema["maximum"] = le
    return schema


def int_rule(ge: int | None = None, le: int | None = None) -> Rule:
    """A whole number written as a number (``vcpu: "4"`` and ``vcpu: 2.5`` are errors)."""

    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, Decimal):
                raise _fail("m_whole", got=_shown(value))
            if isinstance(value, str) and _DECIMAL_TEXT.match(value.strip()):
                raise _fail("m_quoted", got=value)
            raise _fail("m_type", expected="integer", got=kind_of(value))
        _bounds(Decimal(value), ge, None, le)
        return int(value)

    return Rule(check, _number_schema("integer", ge, None, le))


def decimal_rule(ge: int | None = 0, gt: int | None = None, *, quoted: bool = False) -> Rule:
    """An exact number; with ``quoted`` a decimal may also be written as a string (``"12.50"``)."""

    def check(value: object) -> Decimal:
        if isinstance(value, str) and quoted and _DECIMAL_TEXT.match(value.strip()):
            number = Decimal(value.strip())
        elif isinstance(value, bool) or not isinstance(value, int | Decimal):
            if isinstance(value, str) and _DECIMAL_TEXT.match(value.strip()):
                raise _fail("m_quoted", got=value)
            hint = number_hint(value) if isinstance(value, str) else None
            if hint is not None:
                raise _fail("m_written", got=value, number=hint)
            raise _fail("m_type", expected="number", got=kind_of(value))
        else:
            number = Decimal(value)
        if not number.is_finite():
            raise _fail("m_type", expected="number", got=str(number))
        _bounds(number, ge, gt, None)
        return number

    schema = _number_schema("number", ge, gt, None)
    if quoted:
        text: dict[str, object] = {
            "type": "string",
            "pattern": r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)$",
        }
        schema = {"anyOf": [schema, text]}
    return Rule(check, schema)


def _date(value: object) -> date:
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    if isinstance(value, str) and _DATE_TEXT.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    hint = date_hint(value) if isinstance(value, str) else None
    if hint is not None:  # a day written day first, as Indonesian dates are: 31/12/2027
        raise _fail("m_date", got=value, suggestion=hint)
    raise _fail("m_date", got=_shown(value))


Date = Annotated[date, Rule(_date, {"type": "string", "format": "date"})]
"""A day written ``YYYY-MM-DD``."""


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _fail("m_bool", got=_shown(value))


Bool = Annotated[bool, Rule(_bool, {"type": "boolean"})]
"""Only ``true`` or ``false``: ``yes``, ``no``, ``on`` and ``off`` are text."""
