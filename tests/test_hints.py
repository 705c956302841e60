"""Hints for amounts and enum values written the way people in Indonesia write them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from migrasi.core.hints import enum_hint, number_hint
from migrasi.core.models import CRITICALITIES, HOSTING_TYPES, STRATEGIES


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("4.500.000", "4500000"),
        ("Rp4.500.000", "4500000"),
        ("Rp 4.500.000", "4500000"),
        ("Rp. 4.500.000,-", "4500000"),
        ("IDR 4.500.000", "4500000"),
        ("rp4500000", "4500000"),
        ("4,5 juta", "4500000"),
        ("4.5 juta", "4500000"),
        ("2jt", "2000000"),
        ("750 ribu", "750000"),
        ("1,2 miliar", "1200000000"),
        ("4.500.000,50", "4500000.5"),
        ("4,500,000", "4500000"),
        ("4,500,000.50", "4500000.5"),
        ("4 500 000", "4500000"),
        ("12,5", "12.5"),
    ],
)
def test_amounts_people_write_get_the_number_to_write(written: str, number: str) -> None:
    """Thousands dots, a Rupiah prefix, a decimal comma and juta/ribu/miliar are all read."""
    assert number_hint(written) == number


@pytest.mark.parametrize(
    "written", ["4,500", "4.50.000", "12 bulan", "Rp", "sekitar 4 juta", "4 juta rupiah", "abc"]
)
def test_no_hint_where_the_number_is_unclear(written: str) -> None:
    """Text that is not a number, or could be read two ways (4,500), gets no number to write."""
    assert number_hint(written) is None


@pytest.mark.parametrize(
    ("got", "allowed", "value"),
    [
        ("bulan", ("month", "year"), "month"),
        ("Tahun", ("month", "year"), "year"),
        ("per bulan", ("month", "year"), "month"),
        ("pemerintah", HOSTING_TYPES, "government"),
        ("pensiun", STRATEGIES, "retire"),
        ("high", CRITICALITIES, "tinggi"),
        ("Tinggi", CRITICALITIES, "tinggi"),
        ("MONTH", ("month", "year"), "month"),
    ],
)
def test_enum_words_of_the_other_language_get_the_value(
    got: str, allowed: tuple[str, ...], value: str
) -> None:
    """An Indonesian word for an English value (or the reverse, or another case) names the value."""
    assert enum_hint(got, allowed) == value


def test_enum_words_apply_only_where_their_value_is_allowed() -> None:
    """``publik`` is a valid classification; a word maps only to a value its field allows."""
    assert enum_hint("public", ("administrasi", "publik")) == "publik"
    assert enum_hint("public", HOSTING_TYPES) is None
    assert enum_hint("sedang", CRITICALITIES) is None


def test_validate_shows_what_to_write_in_both_languages(cli: Any, good_dir: Path) -> None:
    """An amount in Rupiah notation and an Indonesian ``per`` are E102 with the fix, id and en."""
    path = good_dir / "kota-uji.yaml"
    text = path.read_text().replace(
        "amount: 4500000, per: month", "amount: Rp4.500.000, per: bulan"
    )
    path.write_text(text)
    found = {}
    for lang in ("en", "id"):
        result = cli("validate", str(good_dir), "--format", "json", "--lang", lang)
        assert result.code == 1
        found[lang] = {f["path"]: (f["code"], f["message"]) for f in json.loads(result.out)}
    assert found["en"] == {
        "systems[0].cost.amount": (
            "E102",
            "'Rp4.500.000' is not a number as migrasi reads it: write 4500000 (digits only, a "
            "point before decimals, no 'Rp', no thousands separators)",
        ),
        "systems[0].cost.per": ("E102", "'bulan' is not one of month, year: write 'month'"),
    }
    assert found["id"]["systems[0].cost.amount"][1].startswith(
        "'Rp4.500.000' bukan angka yang dapat dibaca migrasi: tulis 4500000 ("
    )
    assert found["id"]["systems[0].cost.per"][1] == (
        "'bulan' bukan salah satu dari month, year: tulis 'month'"
    )


def test_a_day_written_day_first_gets_the_date_to_write(cli: Any, good_dir: Path) -> None:
    """``contract_end: 31/12/2027`` in a YAML file is E102 naming ``2027-12-31``, as in a
    workbook; a date that reads no way gets no hint."""
    path = good_dir / "kota-uji.yaml"
    text = path.read_text().replace("per: month}", "per: month, contract_end: 31/12/2027}")
    path.write_text(text)
    result = cli("validate", str(good_dir), "--format", "json", "--lang", "en")
    messages = [f["message"] for f in json.loads(result.out)]
    assert messages == [
        "'31/12/2027' is not a date written YYYY-MM-DD (did you mean '2027-12-31'?)"
    ]
    path.write_text(text.replace("31/12/2027", "31/13/2027"))
    result = cli("validate", str(good_dir), "--format", "json", "--lang", "en")
    assert [f["message"] for f in json.loads(result.out)] == [
        "'31/13/2027' is not a date written YYYY-MM-DD"
    ]
