"""The worked examples of docs/*.md: every number recomputed from the text, and compared with
the money migrasi computes for the same shipped system.

A worked example is a ```` ```text ```` block right after a line ``<!-- checked: REF -->``. Each of
its lines reads ``LABEL = EXPRESSION = … = VALUE``: every expression is evaluated exactly (28
significant digits, as money.md says) and must give VALUE when rounded half up to VALUE's
decimal places. An expression holds numbers (``6,500,000``), ``+ − × / ^``, brackets, the labels
of earlier lines that are names (``E``, ``m_c``), ``d(m)`` (the discount factor of month m) and
``S(a, b)`` (the sum of d(m) for m = a … b). A label naming a figure of the plan (``E``, ``NPV``,
``2027``, …) must also equal that figure of REF in a fresh plan of the shipped inventories.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext
from pathlib import Path

import pytest

from migrasi.api import plan_document
from migrasi.core.plandoc import PlanDoc, SystemDoc
from tests.conftest import INVENTORIES, ROOT

CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)
MARK = re.compile(r"<!-- checked: (?P<ref>\S+) -->\n```text\n(?P<body>.*?)```", re.DOTALL)
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
NAME = re.compile(r"[A-Za-z_]\w*\Z")
CALL = re.compile(r"[dS]\(.*\)\Z")

Figure = Callable[[SystemDoc, PlanDoc], Decimal]


def _month(doc: PlanDoc, day: str) -> Decimal:
    """A day's (or a ``YYYY-MM`` month's) month on the plan's timeline."""
    start = doc.assumptions.start
    year, month = (int(x) for x in day.split("-")[:2])
    return Decimal(12 * (year - start.year) + month - start.month)


FIGURES: dict[str, Figure] = {
    "E": lambda s, d: Decimal(s.money.external_monthly),
    "I": lambda s, d: Decimal(s.money.internal_monthly),
    "E − I": lambda s, d: Decimal(s.money.monthly_saving),
    "O": lambda s, d: Decimal(s.money.one_time),
    "fee": lambda s, d: Decimal(s.money.termination_fee),
    "baseline": lambda s, d: Decimal(s.money.baseline),
    "net": lambda s, d: Decimal(s.money.net_savings),
    "NPV": lambda s, d: Decimal(s.money.npv),
    "kept": lambda s, d: Decimal(s.money.kept_in_jambi),
    "m_c": lambda s, d: _month(d, str(s.cutover)),
    "m_first": lambda s, d: _month(d, str(s.money.first_saving_month)),
}
"""The figures of the plan a label may name; a year (``2027``) names the savings of that year."""


def _examples() -> list[tuple[Path, str, list[str]]]:
    """The lines of every page's checked blocks, by page and system, in the page's order: a
    later block of the same system may use the names an earlier one defined."""
    found: dict[tuple[Path, str], list[str]] = {}
    for page in sorted((ROOT / "docs").glob("*.md")):
        for m in MARK.finditer(page.read_text(encoding="utf-8")):
            found.setdefault((page, m["ref"]), []).extend(m["body"].splitlines())
    return [(page, ref, lines) for (page, ref), lines in found.items()]


EXAMPLES = _examples()


def _evaluate(expression: str, names: dict[str, Decimal], rate: Decimal) -> Decimal:
    """The exact value of an expression as the documents write it."""
    python = expression.replace("−", "-").replace("×", "*").replace("^", "**")
    python = NUMBER.sub(lambda m: f'D("{m[0].replace(",", "")}")', python)

    def d(m: Decimal) -> Decimal:
        return 1 / (1 + rate) ** (m / 12)

    def total(a: Decimal, b: Decimal) -> Decimal:
        return sum((d(Decimal(m)) for m in range(int(a), int(b) + 1)), Decimal(0))

    scope = {"D": Decimal, "d": d, "S": total, **names}
    with localcontext(CONTEXT):
        value = eval(python, {"__builtins__": {}}, scope)
    assert isinstance(value, Decimal), expression
    return value


def _places(written: str) -> int:
    return len(written.split(".")[1]) if "." in written else 0


@pytest.fixture(scope="module")
def plan() -> PlanDoc:
    """A fresh plan of the shipped inventories."""
    return plan_document([INVENTORIES])


def test_documents_hold_worked_examples() -> None:
    """docs/money.md works kota-jambi/e-pajak through, with every figure of its money."""
    labels = {
        line.split(" = ")[0]
        for page, ref, body in EXAMPLES
        if (page.name, ref) == ("money.md", "kota-jambi/e-pajak")
        for line in body
    }
    wanted = set(FIGURES) | {"2027", "2028", "2029", "2030", "2031"}
    assert wanted <= labels, f"the worked example lacks {sorted(wanted - labels)}"


@pytest.mark.parametrize(
    ("page", "ref", "body"), EXAMPLES, ids=[f"{p.name}:{r}" for p, r, _ in EXAMPLES]
)
def test_worked_example_numbers_hold(page: Path, ref: str, body: list[str], plan: PlanDoc) -> None:
    """Every expression of the block gives the value written, and every figure named is the
    one migrasi computes for the system."""
    system = next(s for s in plan.systems if s.ref == ref)
    rate = plan.assumptions.discount_rate
    names: dict[str, Decimal] = {}
    for line in body:
        label, *parts = [p.strip() for p in line.split(" = ")]
        assert parts, f"{page.name}: '{line}' is not LABEL = … = VALUE"
        written = parts[-1]
        value = Decimal(written.replace("−", "-").replace(",", ""))
        step = Decimal(1).scaleb(-_places(written))
        expressions = parts[:-1] + ([label] if CALL.match(label) else [])
        for expression in expressions:
            exact = _evaluate(expression, names, rate)
            shown = exact.quantize(step, rounding=ROUND_HALF_UP)
            assert shown == value, f"{page.name}: '{expression}' is {exact}, not {written}"
        if NAME.match(label):
            names[label] = _evaluate(parts[0], names, rate) if len(parts) > 1 else value
        figure = FIGURES.get(label)
        if label.isdigit():
            figure = lambda s, d, year=label: Decimal(s.money.by_year[year])  # noqa: E731
        if figure is not None:
            got = figure(system, plan)
            assert value.quantize(Decimal(1), rounding=ROUND_HALF_UP) == got, (
                f"{page.name}: {ref} {label} is {got}, the page says {written}"
            )
