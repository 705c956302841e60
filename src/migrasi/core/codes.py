"""Every validation code, once: its severity, what it means, its messages in both languages,
an explanation, how to fix it, and an example that raises it.

This table is the one place migrasi keeps its codes. Messages, the severity of a finding, SARIF
rules, ``migrasi codes`` and docs/codes.md are all drawn from it. Adding a code means an entry
here, the check that raises it, and a case in tests/corpus whose lines the entry's example quotes.

A message is chosen by the finding's ``why`` argument (``""`` when the code has one message) and
filled with the finding's arguments; an argument that is a :class:`Term` is itself words from
:data:`TERMS`, in the same language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Severity = Literal["error", "warning", "accepted"]


@dataclass(frozen=True)
class Words:
    """The same words in English and Indonesian."""

    en: str
    id: str

    def __call__(self, lang: str) -> str:
        """The words in ``lang`` (English for a language migrasi does not speak)."""
        return self.id if lang == "id" else self.en


@dataclass(frozen=True)
class Term:
    """Words of :data:`TERMS` used inside a message, with their own arguments."""

    key: str
    args: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Rupiah:
    """An amount of money inside a message, shown as Rupiah in the message's language."""

    amount: Decimal


@dataclass(frozen=True)
class Example:
    """Lines of input that raise a code, quoted from a case of migrasi's own tests.

    tests/test_codes.py finds the lines in that file and checks that the case raises the code
    at one of them, so every example shown is known to raise its code.
    """

    case: str
    """The case: a folder under tests/ (``corpus/e207-vcpu-beyond-capacity``)."""
    file: str
    """The file of the case that holds the lines."""
    text: str
    """The lines as written there; a line ``# ...`` stands for lines left out."""

    @property
    def where(self) -> str:
        """The file, as a path from the repository's root."""
        return f"tests/{self.case}/{self.file}"


@dataclass(frozen=True)
class Code:
    """One validation code."""

    code: str
    title: Words
    """What the code means, in one line."""
    messages: Mapping[str, Words]
    """The message templates, by the finding's ``why`` (``""`` for the only one)."""
    explanation: Words | None = None
    """What the code means and why it matters, in a few sentences."""
    fix: Words | None = None
    """How to make the finding go away."""
    example: Example | None = None
    """Input that raises the code."""

    @property
    def severity(self) -> Severity:
        """``error`` for an E code, ``warning`` for a W code (validation.md)."""
        return "error" if self.code.startswith("E") else "warning"


W = Words

# fmt: off
CODES: dict[str, Code] = {c.code: c for c in (
    Code("E001", W("not well-formed YAML, or a tag other than YAML's core ones", "YAML tidak valid, atau tag selain tag inti YAML"), {
        "": W("not well-formed YAML: {problem}", "YAML tidak valid: {problem}"),
    }, explanation=W(
        "The file cannot be read as YAML: an indentation that does not line up, a colon and a space inside a value without quotes, a quote or bracket never closed, or a tab used to indent. The position is where the YAML reader gave up, which may be a line or two after the real slip. A tag other than YAML's own (`!!str`, `!!int`, …), such as `!!python/object` or a custom `!tag`, is refused too: migrasi never builds objects from a file.",
        "Berkas tidak dapat dibaca sebagai YAML: indentasi yang tidak lurus, titik dua dan spasi di tengah nilai tanpa tanda kutip, tanda kutip atau kurung yang tidak ditutup, atau tab dipakai untuk indentasi. Posisi yang ditunjuk adalah tempat pembaca YAML berhenti, bisa satu-dua baris setelah letak kesalahan sebenarnya. Tag selain tag bawaan YAML (`!!str`, `!!int`, …), misalnya `!!python/object` atau `!tag` buatan sendiri, juga ditolak: migrasi tidak pernah membuat objek dari isi berkas.",
    ), fix=W(
        "Look at the line shown and the one before it. Put a value that holds `: ` or starts with a special character (`*`, `&`, `!`, `{`, `[`, `#`, `@`) in double quotes: `name: \"Kota Jambi: Pusat Kota\"`. Indent with spaces, two per level, lining up the keys of one mapping. Remove any tag.",
        "Periksa baris yang ditunjuk dan baris sebelumnya. Apit dengan tanda kutip ganda nilai yang memuat `: ` atau yang diawali karakter khusus (`*`, `&`, `!`, `{`, `[`, `#`, `@`): `name: \"Kota Jambi: Pusat Kota\"`. Pakai spasi untuk indentasi, dua spasi per tingkat, dan luruskan kunci-kunci dalam satu pemetaan. Hapus tag apa pun.",
    ), example=Example("corpus/e001-malformed-yaml", "kota-jambi.yaml", """\
region:
  id: kota-jambi
  code: "15.71"
  name: Kota Jambi: Pusat Kota
""")),
    Code("E002", W("not UTF-8 text (UTF-16, UTF-32 and NUL characters included), a file that cannot be read, or a workbook that is not a plain xlsx", "bukan teks UTF-8 (termasuk UTF-16, UTF-32 dan karakter NUL), berkas yang tidak dapat dibaca, atau buku kerja yang bukan xlsx biasa"), {
        "byte": W("not UTF-8 text: byte {byte} cannot be decoded", "bukan teks UTF-8: bita {byte} tidak dapat dibaca"),
        "utf16": W("not UTF-8 text: the file is UTF-16 or UTF-32; save it as UTF-8", "bukan teks UTF-8: berkas ini UTF-16 atau UTF-32; simpan sebagai UTF-8"),
        "nul": W("not UTF-8 text: the file holds a NUL character", "bukan teks UTF-8: berkas memuat karakter NUL"),
        "unreadable": W("the file cannot be read: {reason}", "berkas tidak dapat dibaca: {reason}"),
        "outside": W("not read: a link to {target}, outside the folders given (name the file itself as a PATH to read it)", "tidak dibaca: tautan ke {target}, di luar folder yang diberikan (sebut berkas itu sendiri sebagai PATH untuk membacanya)"),
        "not_zip": W("not an xlsx workbook (not a zip archive): save it in Excel or LibreOffice as Excel Workbook (.xlsx)", "bukan buku kerja xlsx (bukan arsip zip): simpan di Excel atau LibreOffice sebagai Excel Workbook (.xlsx)"),
        "xls": W("an Excel 97-2003 workbook (.xls) or a password-protected one: save it as Excel Workbook (.xlsx) without a password", "buku kerja Excel 97-2003 (.xls) atau yang berkata sandi: simpan sebagai Excel Workbook (.xlsx) tanpa kata sandi"),
        "macro": W("a workbook with macros (.xlsm) is not accepted: save it as Excel Workbook (.xlsx)", "buku kerja bermakro (.xlsm) tidak diterima: simpan sebagai Excel Workbook (.xlsx)"),
        "not_workbook": W("not an xlsx workbook: the archive holds no spreadsheet workbook", "bukan buku kerja xlsx: arsip ini tidak memuat buku kerja lembar sebar"),
        "dtd": W("not an xlsx workbook: a part declares a DTD or entities, which real workbooks never do", "bukan buku kerja xlsx: ada bagian yang mendeklarasikan DTD atau entitas, yang tidak pernah ada di buku kerja sungguhan"),
        "broken": W("the workbook is damaged and cannot be read ({detail}): open it in Excel or LibreOffice and save it again", "buku kerja rusak dan tidak dapat dibaca ({detail}): buka di Excel atau LibreOffice lalu simpan lagi"),
    }, explanation=W(
        "migrasi reads text encoded as UTF-8 only. A file saved as UTF-16 or UTF-32 (some Windows editors and spreadsheet exports do this), a byte that is not UTF-8 (text pasted from an old Windows-1252 document; shown here as `\\xff`) or a NUL character is refused. So is a file that cannot be read at all (its permissions), a link, found in a folder, that leads outside the folders given (it is not followed), and a workbook given to `migrasi import` that is not a plain .xlsx: an old .xls, one with macros or a password, or a damaged one.",
        "migrasi hanya membaca teks berkode UTF-8. Berkas yang disimpan sebagai UTF-16 atau UTF-32 (beberapa penyunting di Windows dan ekspor spreadsheet melakukannya), bita yang bukan UTF-8 (teks tempelan dari dokumen lama berkode Windows-1252; di sini tampil sebagai `\\xff`) atau karakter NUL ditolak. Begitu juga berkas yang sama sekali tidak dapat dibaca (hak aksesnya), tautan (link) di dalam folder yang mengarah ke luar folder yang diberikan (tautan itu tidak diikuti), dan buku kerja untuk `migrasi import` yang bukan .xlsx biasa: .xls lama, yang bermakro atau berkata sandi, atau yang rusak.",
    ), fix=W(
        "Save the file as UTF-8 (Notepad: Save As, Encoding UTF-8; VS Code: the encoding in the status bar, Save with Encoding, UTF-8) and retype the character at the position shown. For a link, copy the file itself into the folder, or name it on the command line. Save a workbook in Excel or LibreOffice as Excel Workbook (.xlsx), without a password.",
        "Simpan berkas sebagai UTF-8 (Notepad: Save As, Encoding UTF-8; VS Code: klik encoding di status bar, Save with Encoding, UTF-8) dan ketik ulang karakter pada posisi yang ditunjuk. Untuk tautan, salin berkas aslinya ke dalam folder, atau sebut berkas itu di baris perintah. Simpan buku kerja di Excel atau LibreOffice sebagai Excel Workbook (.xlsx), tanpa kata sandi.",
    ), example=Example("corpus/e002-invalid-utf8-byte", "kota-jambi.yaml", """\
    migration:
      strategy: rehost
    notes: Catatan – lihat \\xffdokumen kontrak
""")),
    Code("E003", W("a key appears twice in one mapping", "sebuah kunci muncul dua kali dalam satu pemetaan"), {
        "": W("key '{key}' appears twice in this mapping (only the first is used)", "kunci '{key}' muncul dua kali dalam pemetaan ini (hanya yang pertama dipakai)"),
        "column": W("column '{key}' appears twice (only the first is read)", "kolom '{key}' muncul dua kali (hanya yang pertama dibaca)"),
    }, explanation=W(
        "A key is written twice in one mapping, for instance two `name:` lines in one system. Many YAML readers silently keep the last one, so one of the two values would be lost without anyone noticing; migrasi reports the second and uses the first. In a workbook, the same holds for a column heading written twice.",
        "Sebuah kunci ditulis dua kali dalam satu pemetaan, misalnya dua baris `name:` dalam satu sistem. Banyak pembaca YAML diam-diam memakai yang terakhir, sehingga salah satu nilai hilang tanpa ada yang sadar; migrasi melaporkan yang kedua dan memakai yang pertama. Di buku kerja, begitu pula judul kolom yang ditulis dua kali.",
    ), fix=W(
        "Keep one of the two lines, with the right value, and delete the other. If the second was meant for another system, check its indentation and the `- id:` above it.",
        "Pertahankan satu baris saja, dengan nilai yang benar, dan hapus yang lain. Jika baris kedua sebenarnya untuk sistem lain, periksa indentasinya dan `- id:` di atasnya.",
    ), example=Example("corpus/e003-duplicate-key", "kota-jambi.yaml", """\
  - id: simpeg
    name: SIMPEG
    # ...
    name: SIMPEG Baru
""")),
    Code("E004", W("an empty file, or more than one YAML document", "berkas kosong, atau lebih dari satu dokumen YAML"), {
        "empty": W("the file holds no YAML document", "berkas tidak memuat dokumen YAML"),
        "documents": W("a second YAML document starts here: a file holds exactly one", "dokumen YAML kedua dimulai di sini: satu berkas hanya memuat satu dokumen"),
    }, explanation=W(
        "A file holds exactly one YAML document. This one is empty (or holds only comments), or a line `---` starts a second document after the first, often where two files were pasted into one.",
        "Satu berkas memuat tepat satu dokumen YAML. Berkas ini kosong (atau hanya berisi komentar), atau sebuah baris `---` memulai dokumen kedua setelah yang pertama, biasanya karena dua berkas ditempel menjadi satu.",
    ), fix=W(
        "Fill in an empty file, or delete it. For two documents, move the second into a file of its own, or delete the `---` line and the leftover draft after it.",
        "Isi berkas yang kosong, atau hapus berkas itu. Untuk dua dokumen, pindahkan dokumen kedua ke berkas tersendiri, atau hapus baris `---` beserta sisa draf sesudahnya.",
    ), example=Example("corpus/e004-two-documents", "kota-jambi.yaml", """\
    migration:
      strategy: rehost
---
schema: migrasi/inventory/v1
notes: draft
""")),
    Code("E005", W("over a safety limit: size, nesting, aliases or list length; a workbook's expanded size or rows", "melewati batas keamanan: ukuran, kedalaman, alias atau panjang daftar; ukuran terurai atau jumlah baris buku kerja"), {
        "size": W("the file is larger than 16 MiB", "berkas lebih besar dari 16 MiB"),
        "depth": W("nesting deeper than 64 levels", "susunan bertingkat lebih dari 64 tingkat"),
        "aliases": W("aliases expand to more than 100,000 nodes", "alias berkembang menjadi lebih dari 100.000 simpul"),
        "list": W("a list longer than 10,000 entries", "daftar lebih panjang dari 10.000 entri"),
        "expanded": W("an archive member of the workbook expands past 64 MiB", "sebuah bagian arsip buku kerja berkembang lebih dari 64 MiB"),
        "total": W("the archive members of the workbook together expand past 256 MiB", "bagian-bagian arsip buku kerja bersama-sama berkembang lebih dari 256 MiB"),
        "members": W("the workbook archive holds more than 10,000 members", "arsip buku kerja memuat lebih dari 10.000 bagian"),
        "rows": W("the sheet has more than 10,000 rows", "lembar memuat lebih dari 10.000 baris"),
        "cells": W("the sheet has more than 500,000 filled cells", "lembar memuat lebih dari 500.000 sel terisi"),
    }, explanation=W(
        "migrasi refuses, before reading further, a file that could exhaust the machine: larger than 16 MiB, nested deeper than 64 levels, with aliases (`*name`) that expand to more than 100,000 values, or with a list of more than 10,000 entries; for a workbook, parts that expand past 64 MiB (256 MiB together), more than 10,000 rows or 500,000 filled cells in a sheet. A region's inventory is far below every limit, so this is nearly always a damaged or machine-made file.",
        "migrasi menolak, sebelum membaca lebih jauh, berkas yang dapat menghabiskan sumber daya mesin: lebih besar dari 16 MiB, bertingkat lebih dari 64 lapis, dengan alias (`*nama`) yang berkembang menjadi lebih dari 100.000 nilai, atau dengan daftar berisi lebih dari 10.000 entri; untuk buku kerja, bagian yang terurai lebih dari 64 MiB (256 MiB seluruhnya), lebih dari 10.000 baris atau 500.000 sel terisi dalam satu lembar. Inventaris satu wilayah jauh di bawah semua batas ini, jadi hampir selalu ini berkas yang rusak atau hasil buatan program.",
    ), fix=W(
        "Open the file at the position shown and remove what should not be there: a pasted block, brackets that never end, aliases that refer to one another. Split a list that is really that long over several files.",
        "Buka berkas pada posisi yang ditunjuk dan hapus yang tidak semestinya ada: blok tempelan, kurung yang berulang tanpa akhir, alias yang saling merujuk. Daftar yang memang sepanjang itu dibagi ke beberapa berkas.",
    ), example=Example("corpus/e005-deep-nesting", "kota-jambi.yaml", """\
    migration:
      strategy: rehost
    notes: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
""")),
    Code("E006", W("'schema' missing or unknown, or the document is not a mapping", "'schema' tidak ada atau tidak dikenal, atau dokumen bukan pemetaan"), {
        "not_mapping": W("the document is not a mapping with a 'schema' key", "dokumen bukan pemetaan dengan kunci 'schema'"),
        "missing": W("'schema' is missing: expected {schemas}", "'schema' tidak ada: seharusnya {schemas}"),
        "unknown": W("unknown schema '{got}': expected {schemas}", "schema '{got}' tidak dikenal: seharusnya {schemas}"),
    }, explanation=W(
        "Every file starts with a `schema` key that says what it is: `migrasi/inventory/v1` for a region's inventory, `migrasi/datacenter/v1` for the data-center file. Here it is missing, misspelt or names a version migrasi does not know, or the document is a list or a single value instead of a mapping of keys.",
        "Setiap berkas diawali kunci `schema` yang menyatakan jenisnya: `migrasi/inventory/v1` untuk inventaris wilayah, `migrasi/datacenter/v1` untuk berkas pusat data. Di sini kunci itu tidak ada, salah ketik atau menyebut versi yang tidak dikenal migrasi, atau dokumennya berupa daftar atau satu nilai, bukan pemetaan kunci.",
    ), fix=W(
        "Write `schema: migrasi/inventory/v1` (or `migrasi/datacenter/v1`) as the first key of the file, at the left margin.",
        "Tulis `schema: migrasi/inventory/v1` (atau `migrasi/datacenter/v1`) sebagai kunci pertama berkas, rapat ke kiri.",
    ), example=Example("corpus/e006-unknown-schema", "kota-jambi.yaml", """\
schema: migrasi/inventory/v2
region:
  id: kota-jambi
""")),
    Code("E101", W("a required field is missing", "isian wajib tidak ada"), {
        "": W("required field '{field}' is missing", "isian wajib '{field}' tidak ada"),
        "moved": W("required field 'resources' is missing (needed unless the strategy is retire or retain)", "isian wajib 'resources' tidak ada (wajib kecuali strateginya retire atau retain)"),
        "sheet": W("the workbook has no sheet '{sheet}' (required field '{field}')", "buku kerja tidak punya lembar '{sheet}' (isian wajib '{field}')"),
        "column": W("required column '{field}' is missing", "kolom wajib '{field}' tidak ada"),
    }, explanation=W(
        "A field that must be filled in is missing. The position is the first key of the mapping that lacks it: a system's `- id:` line for a field of the system. `resources` is required for every system whose strategy is not `retire` or `retain`. A misspelt key (E103 in the same place) is often the reason. In a workbook, a required sheet or column is missing.",
        "Isian yang wajib diisi tidak ada. Posisinya adalah kunci pertama dari pemetaan yang kekurangan isian itu: baris `- id:` sebuah sistem untuk isian milik sistem. `resources` wajib untuk setiap sistem yang strateginya bukan `retire` atau `retain`. Penyebabnya sering kunci yang salah ketik (E103 di tempat yang sama). Di buku kerja, lembar atau kolom wajib tidak ada.",
    ), fix=W(
        "Add the field the message names, at the indentation of the other fields of that mapping. If it is there under another name, correct the name.",
        "Tambahkan isian yang disebut pesan, sejajar dengan isian lain dalam pemetaan itu. Jika isian itu sudah ada dengan nama lain, betulkan namanya.",
    ), example=Example("corpus/e101-missing-owner", "kota-jambi.yaml", """\
  - id: ekinerja
    name: EKINERJA
    criticality: rendah
    classification: publik
""")),
    Code("E102", W("a value has the wrong type or is out of range", "nilai berjenis salah atau di luar batas"), {
        "m_type": W("expected {expected}, found {got}", "seharusnya {expected}, ditemukan {got}"),
        "m_null": W("a value is needed here, found null", "nilai wajib diisi, ditemukan null"),
        "m_empty": W("must not be empty", "tidak boleh kosong"),
        "m_too_long": W("too long: {length} characters, at most {max}", "terlalu panjang: {length} karakter, paling banyak {max}"),
        "m_pattern": W("'{got}' is not a valid {what}", "'{got}' bukan {what} yang sah"),
        "m_enum": W("'{got}' is not one of {expected}", "'{got}' bukan salah satu dari {expected}"),
        "m_word": W("'{got}' is not one of {expected}: write '{value}'", "'{got}' bukan salah satu dari {expected}: tulis '{value}'"),
        "m_written": W("'{got}' is not a number as migrasi reads it: write {number} (digits only, a point before decimals, no 'Rp', no thousands separators)", "'{got}' bukan angka yang dapat dibaca migrasi: tulis {number} (hanya angka, titik sebelum desimal, tanpa 'Rp', tanpa pemisah ribuan)"),
        "m_range": W("{got} is out of range: must be {op} {bound}", "{got} di luar batas: harus {op} {bound}"),
        "m_places": W("{got} has more than {most} digits after the decimal point", "{got} punya lebih dari {most} angka di belakang koma"),
        "m_whole": W("expected a whole number, found {got}", "seharusnya bilangan bulat, ditemukan {got}"),
        "m_quoted": W('a number written as text ("{got}"): write it without quotes', 'angka ditulis sebagai teks ("{got}"): tulis tanpa tanda kutip'),
        "m_date": W("'{got}' is not a date written YYYY-MM-DD", "'{got}' bukan tanggal dengan format YYYY-MM-DD"),
        "m_bool": W("'{got}' is not a boolean: write true or false", "'{got}' bukan boolean: tulis true atau false"),
        "m_repeated": W("'{got}' is repeated in this list", "'{got}' berulang dalam daftar ini"),
        "m_order": W("{got} lies before {first} ({bound})", "{got} lebih awal dari {first} ({bound})"),
        "m_other": W("wrong value: {detail}", "nilai salah: {detail}"),
        "m_calendar": W("the schedule would run past the year 9999", "jadwal akan melewati tahun 9999"),
        "m_formula": W("a formula without a stored value: type the value, or open and save the file in Excel or LibreOffice", "rumus tanpa nilai tersimpan: ketik nilainya, atau buka dan simpan berkas di Excel atau LibreOffice"),
        "m_noise": W("the cell holds {got}, more digits than a spreadsheet shows (a formula's rounding?): type the number", "sel menyimpan {got}, lebih banyak digit daripada yang ditampilkan (sisa pembulatan rumus?): ketik angkanya"),
        "m_cell_error": W("the cell holds the error {got}", "sel berisi galat {got}"),
        "m_merged": W("merged cells {got}: unmerge them, one value per cell", "sel digabung {got}: pisahkan, satu nilai per sel"),
    }, explanation=W(
        "A value is there but migrasi cannot use it: a word that is not one of the field's values (`criticality: sedang`); a number written as text (`vcpu: \"4\"`) or the way amounts are written by hand (`4.500.000`, `Rp4.500.000`, `4,5 juta`); a date not written `YYYY-MM-DD` (`31/12/2027`); `yes` or `no` where `true` or `false` is meant; a number out of range (`vcpu: 0`, `wave: 0`, month 13); an id with capitals or spaces; an empty name; a ref that is neither `id` nor `region-id/id`; or a list entry written twice. The message says what it found and what it expects.",
        "Nilainya ada, tetapi tidak dapat dipakai migrasi: kata yang bukan salah satu pilihan isian itu (`criticality: sedang`); angka yang ditulis sebagai teks (`vcpu: \"4\"`) atau seperti menulis nominal dengan tangan (`4.500.000`, `Rp4.500.000`, `4,5 juta`); tanggal yang tidak ditulis `YYYY-MM-DD` (`31/12/2027`); `yes` atau `no` padahal maksudnya `true` atau `false`; angka di luar batas (`vcpu: 0`, `wave: 0`, bulan 13); id dengan huruf kapital atau spasi; nama kosong; ref yang bukan `id` atau `id-wilayah/id`; atau entri daftar yang ditulis dua kali. Pesannya menyebut apa yang ditemukan dan apa yang seharusnya.",
    ), fix=W(
        "Write the value the message asks for: one of the listed words exactly as written (`rendah`, `tinggi` or `strategis`), amounts as plain digits (`4500000`: no dots, no `Rp`), numbers without quotes, dates as `2027-12-31`, and `true` or `false`.",
        "Tulis nilai yang diminta pesan: salah satu kata yang tercantum, persis seperti tertulis (`rendah`, `tinggi` atau `strategis`), nominal sebagai angka polos (`4500000`: tanpa titik, tanpa `Rp`), angka tanpa tanda kutip, tanggal sebagai `2027-12-31`, dan `true` atau `false`.",
    ), example=Example("corpus/e102-enum-criticality", "kota-jambi.yaml", """\
  - id: simpeg
    name: SIMPEG
    owner: Diskominfo
    criticality: sedang
""")),
    Code("E103", W("an unknown field", "isian tidak dikenal"), {
        "": W("unknown field '{field}'", "isian '{field}' tidak dikenal"),
        "no_header": W("a value in column {column}, which has no field name in row 1", "ada nilai di kolom {column}, yang tidak punya nama isian di baris 1"),
        "no_field": W("a value in row {row}, which has no field name in column A", "ada nilai di baris {row}, yang tidak punya nama isian di kolom A"),
    }, explanation=W(
        "The file has a key migrasi does not know: usually a typo (`ownr` for `owner`) or a field at the wrong level of indentation. Unknown keys are errors so that a misspelt field never passes silently with its value ignored; the message names the nearest known key. In a workbook, a value in a column or row with no field name is one too.",
        "Berkas memuat kunci yang tidak dikenal migrasi: biasanya salah ketik (`ownr` untuk `owner`) atau isian pada tingkat indentasi yang salah. Kunci yang tidak dikenal dianggap galat agar isian yang salah ketik tidak lolos diam-diam dengan nilainya terabaikan; pesannya menyebut kunci terdekat yang dikenal. Di buku kerja, nilai di kolom atau baris yang tidak punya nama isian juga termasuk.",
    ), fix=W(
        "Correct the key to the name the message suggests, or move it to the right level. Free text belongs in `notes`.",
        "Betulkan kunci menjadi nama yang disarankan pesan, atau pindahkan ke tingkat yang benar. Catatan bebas ditulis di `notes`.",
    ), example=Example("corpus/e103-typo-owner", "kota-jambi.yaml", """\
  - id: simpeg
    name: SIMPEG
    # ...
    ownr: BKPSDM
""")),
    Code("E201", W("a region id or code is used by two files", "id atau kode wilayah dipakai oleh dua berkas"), {
        "": W("region {field} '{got}' is already used by {first}", "{field} wilayah '{got}' sudah dipakai oleh {first}"),
    }, explanation=W(
        "Each region has one inventory file, and its `region.id` and `region.code` (the Kemendagri code) are unique across all files. Two files name the same region: often an old copy kept under a new name, or a code copied from a neighbouring region. The later file in name order is reported.",
        "Setiap wilayah punya satu berkas inventaris, dan `region.id` serta `region.code` (kode Kemendagri) harus unik di semua berkas. Dua berkas menyebut wilayah yang sama: sering karena salinan lama yang disimpan dengan nama baru, atau kode yang tersalin dari wilayah tetangga. Yang dilaporkan adalah berkas yang belakangan menurut urutan nama.",
    ), fix=W(
        "Remove the old copy from the folder, or correct the id or the code. Kemendagri codes are `15` for the province, `15.01` to `15.09` for the kabupaten (Kerinci 15.01, Merangin 15.02, …), `15.71` for Kota Jambi and `15.72` for Kota Sungai Penuh.",
        "Keluarkan salinan lama dari folder, atau betulkan id atau kodenya. Kode Kemendagri adalah `15` untuk provinsi, `15.01` sampai `15.09` untuk kabupaten (Kerinci 15.01, Merangin 15.02, …), `15.71` untuk Kota Jambi dan `15.72` untuk Kota Sungai Penuh.",
    ), example=Example("corpus/e201-duplicate-region-code", "kerinci.yaml", """\
region:
  id: kerinci
  code: "15.02"
""")),
    Code("E202", W("a system id appears twice in one region", "id sistem muncul dua kali dalam satu wilayah"), {
        "": W("system id '{got}' appears twice in this region (first as system {first})", "id sistem '{got}' muncul dua kali di wilayah ini (pertama sebagai sistem ke-{first})"),
    }, explanation=W(
        "Two systems of one region have the same `id`. The id is how other systems, the plan and every report name a system (`kota-jambi/simpeg`), so it is unique within its region.",
        "Dua sistem dalam satu wilayah punya `id` yang sama. Id adalah nama sistem bagi sistem lain, bagi rencana dan bagi setiap laporan (`kota-jambi/simpeg`), jadi harus unik dalam wilayahnya.",
    ), fix=W(
        "Give one of them another id (`simpeg-v2`), or delete the entry that is a leftover copy; change the refs to it in `depends_on` and `move_with` to match.",
        "Beri salah satunya id lain (`simpeg-v2`), atau hapus entri yang merupakan salinan sisa; sesuaikan ref ke sistem itu di `depends_on` dan `move_with`.",
    ), example=Example("corpus/e202-duplicate-system-id", "kota-jambi.yaml", """\
  - id: simpeg
    name: SIMPEG
    # ...
  - id: simpeg
    name: SIMPEG versi 2
""")),
    Code("E203", W("depends_on or move_with names a system that does not exist", "depends_on atau move_with menyebut sistem yang tidak ada"), {
        "": W("{field} names unknown system '{got}'", "{field} menyebut sistem '{got}' yang tidak ada"),
    }, explanation=W(
        "`depends_on` and `move_with` name other systems by ref: `id` for a system of the same region, `region-id/id` for another region's (`prov-jambi/sso`). No system has this ref: a typo, a system renamed or removed, or a region whose file is not among the files checked. The message suggests the nearest ref.",
        "`depends_on` dan `move_with` menyebut sistem lain dengan ref: `id` untuk sistem di wilayah yang sama, `id-wilayah/id` untuk sistem wilayah lain (`prov-jambi/sso`). Tidak ada sistem dengan ref ini: salah ketik, sistem yang sudah berganti nama atau dihapus, atau wilayah yang berkasnya tidak ikut diperiksa. Pesannya menyarankan ref terdekat.",
    ), fix=W(
        "Correct the ref (the suggested one is usually right), or look up the id in the other region's file. Validate the whole inventory folder, not one file, so that every region's systems are known.",
        "Betulkan ref (yang disarankan biasanya benar), atau cari id-nya di berkas wilayah lain. Periksa seluruh folder inventaris, bukan satu berkas saja, agar sistem semua wilayah dikenal.",
    ), example=Example("corpus/e203-unknown-cross-region-ref", "kota-jambi.yaml", """\
  - id: simpeg
    # ...
    depends_on: [prov-jambi/ssoo]
""")),
    Code("E204", W("a system names itself in depends_on or move_with", "sebuah sistem menyebut dirinya sendiri di depends_on atau move_with"), {
        "": W("a system cannot name itself in {field}", "sebuah sistem tidak boleh menyebut dirinya sendiri di {field}"),
    }, explanation=W(
        "A system lists itself in `depends_on` or `move_with`. A system cannot wait for itself or move with itself; usually the list was copied from another system.",
        "Sebuah sistem mencantumkan dirinya sendiri di `depends_on` atau `move_with`. Sistem tidak dapat menunggu dirinya sendiri atau pindah bersama dirinya sendiri; biasanya daftarnya tersalin dari sistem lain.",
    ), fix=W(
        "Remove the system's own id (or its full ref, `region-id/id`) from the list.",
        "Hapus id sistem itu sendiri (atau ref lengkapnya, `id-wilayah/id`) dari daftar.",
    ), example=Example("corpus/e204-self-depends-on", "kota-jambi.yaml", """\
  - id: simpeg
    # ...
    depends_on: [sso, simpeg]
""")),
    Code("E205", W("no data-center file, or more than one", "tidak ada berkas pusat data, atau lebih dari satu"), {
        "none": W("no data-center file (schema: migrasi/datacenter/v1) found", "berkas pusat data (schema: migrasi/datacenter/v1) tidak ditemukan"),
        "many": W("a second data-center file: {first} is one already", "berkas pusat data kedua: {first} sudah menjadi berkas pusat data"),
    }, explanation=W(
        "The files checked hold exactly one data-center file (`schema: migrasi/datacenter/v1`): it gives the capacity, running costs, schedule and finance settings that every plan needs. None was found among the paths given, or a second one was (the later in path order is reported).",
        "Berkas yang diperiksa harus memuat tepat satu berkas pusat data (`schema: migrasi/datacenter/v1`): berkas itu memuat kapasitas, biaya operasional, jadwal dan pengaturan keuangan yang dibutuhkan setiap rencana. Tidak ada satu pun di antara path yang diberikan, atau ada yang kedua (yang dilaporkan adalah yang belakangan menurut urutan path).",
    ), fix=W(
        "Check the whole inventory folder (`migrasi validate inventories/`), which holds `datacenter.yaml`, or name the data-center file beside your inventory. Keep one data-center file: move any copy out of the folder.",
        "Periksa seluruh folder inventaris (`migrasi validate inventories/`), yang memuat `datacenter.yaml`, atau sebut berkas pusat data bersama inventaris Anda. Simpan satu berkas pusat data saja: pindahkan salinannya ke luar folder.",
    ), example=Example("corpus/e205-two-datacenters", "datacenter-b.yaml", """\
schema: migrasi/datacenter/v1
name: Pusat Data Pemerintah Provinsi Jambi
""")),
    Code("E206", W("a currency with no rate in finance.fx", "mata uang tanpa kurs di finance.fx"), {
        "": W("currency '{got}' has no rate in finance.fx of the data-center file", "mata uang '{got}' tidak punya kurs di finance.fx berkas pusat data"),
    }, explanation=W(
        "Every amount is turned into Rupiah before anything else is computed. A system's `cost.currency` (or the data-center file's `running_cost.currency`) is not IDR and has no rate in `finance.fx` of the data-center file.",
        "Setiap nominal diubah ke Rupiah sebelum perhitungan lain. `cost.currency` sebuah sistem (atau `running_cost.currency` di berkas pusat data) bukan IDR dan tidak punya kurs di `finance.fx` berkas pusat data.",
    ), fix=W(
        "Ask the Data Center team to add the rate, in Rupiah per unit, to `finance.fx` of the data-center file (`USD: 16500`), or write the amount in Rupiah and remove `currency`.",
        "Minta tim Pusat Data menambahkan kursnya, dalam Rupiah per satuan, ke `finance.fx` di berkas pusat data (`USD: 16500`), atau tulis nominalnya dalam Rupiah dan hapus `currency`.",
    ), example=Example("corpus/e206-usd-without-fx", "kota-jambi.yaml", """\
    cost:
      amount: 900
      per: month
      currency: USD
""")),
    Code("E207", W("a system or its move group can never fit in the Data Center's limits", "sebuah sistem atau kelompok pindahnya tidak akan pernah muat dalam batas Pusat Data"), {
        "one": W("this system can never fit: it needs {need} {limit}, the Data Center has at most {have}", "sistem ini tidak akan pernah muat: butuh {need} {limit}, Pusat Data paling banyak {have}"),
        "group": W("move group {group} can never fit: it needs {need} {limit}, the Data Center has at most {have}", "kelompok pindah {group} tidak akan pernah muat: butuh {need} {limit}, Pusat Data paling banyak {have}"),
    }, explanation=W(
        "No wave can ever take this system, or the move group it belongs to: it needs more than the Data Center has in all (vCPU, RAM or storage, counting every expansion up to the last wave), more person-days than the team has in one wave (`team_days`), more hours of copying data than one wave allows (`transfer_hours`), or its group holds more `tinggi`/`strategis` systems than `max_critical`. A move group is cut over in one wave, so its members' needs add up.",
        "Tidak ada gelombang yang akan pernah dapat menampung sistem ini, atau kelompok pindahnya: kebutuhannya melebihi seluruh kapasitas Pusat Data (vCPU, RAM atau penyimpanan, termasuk setiap penambahan hingga gelombang terakhir), melebihi hari-orang tim dalam satu gelombang (`team_days`), melebihi jam salin data yang diizinkan dalam satu gelombang (`transfer_hours`), atau kelompoknya memuat lebih banyak sistem `tinggi`/`strategis` daripada `max_critical`. Satu kelompok pindah di-cutover dalam satu gelombang, jadi kebutuhan anggotanya dijumlahkan.",
    ), fix=W(
        "Check the figure the message names: a resource or `data_gb` typed with one zero too many is common. If it is right, make the move smaller (a smaller `effort_days`, less data copied at cutover with `data_gb`), undo a `move_with` or a dependency cycle that need not be, or talk to the Data Center team about capacity.",
        "Periksa angka yang disebut pesan: sumber daya atau `data_gb` yang kelebihan satu nol sering terjadi. Jika angkanya benar, perkecil pemindahannya (`effort_days` lebih kecil, data yang disalin saat cutover dikurangi lewat `data_gb`), lepaskan `move_with` atau siklus ketergantungan yang tidak perlu, atau bicarakan kapasitas dengan tim Pusat Data.",
    ), example=Example("corpus/e207-vcpu-beyond-capacity", "kota-jambi.yaml", """\
  - id: simrs
    name: SIMRS
    # ...
    resources:
      vcpu: 97
""")),
    Code("E208", W("a pin that cannot hold", "pematokan gelombang yang tidak mungkin dipenuhi"), {
        "beyond": W("wave {pin} does not exist: the schedule has {waves} waves", "gelombang {pin} tidak ada: jadwal hanya punya {waves} gelombang"),
        "closed": W("wave {pin} touches a blackout and takes no system", "gelombang {pin} bersinggungan dengan masa tutup dan tidak menerima sistem"),
        "started": W("wave {pin} has started (on or before the as-of day {as_of}) and takes no more systems: pin a later wave, or record its progress", "gelombang {pin} sudah dimulai (pada atau sebelum tanggal rencana {as_of}) dan tidak menerima sistem lagi: patok gelombang yang lebih akhir, atau catat kemajuannya"),
        "freeze": W("wave {pin} touches frozen month(s) {months}{of}", "gelombang {pin} menyentuh bulan beku {months}{of}"),
        "not_before": W("wave {pin} cuts over before not_before {day}{of}", "gelombang {pin} cutover sebelum not_before {day}{of}"),
        "pilot": W("wave {pin} is the pilot, which does not admit this system{of}", "gelombang {pin} adalah pilot, yang tidak menerima sistem ini{of}"),
        "group": W("{other} in the same move group is pinned to wave {wave}", "{other} dalam kelompok pindah yang sama dipatok ke gelombang {wave}"),
        "dependency": W("it needs {other}, which is pinned to the later wave {wave}", "sistem ini butuh {other}, yang dipatok ke gelombang {wave} yang lebih akhir"),
    }, explanation=W(
        "A system's `migration.wave` pins it to a wave that cannot take it: a wave beyond `schedule.waves`; one that touches a blackout or one of the system's `freeze_months`; one that cuts over before its `not_before`; the pilot wave, when the system may not be in the pilot (its criticality, personal data); or a pin that contradicts another: a system it depends on pinned to a later wave, or a member of its move group pinned to another wave. A system still `planned` may not be pinned to a wave that began on or before the as-of day.",
        "`migration.wave` sebuah sistem mematok sistem itu ke gelombang yang tidak dapat menerimanya: gelombang yang melewati `schedule.waves`; gelombang yang bersinggungan dengan masa tutup (blackout) atau dengan salah satu `freeze_months` sistem itu; gelombang yang cutover-nya sebelum `not_before`; gelombang pilot, padahal sistem itu tidak boleh ikut pilot (kekritisannya, data pribadi); atau patokan yang bertentangan dengan patokan lain: sistem yang dibutuhkannya dipatok ke gelombang yang lebih akhir, atau anggota kelompok pindahnya dipatok ke gelombang lain. Sistem yang masih `planned` tidak boleh dipatok ke gelombang yang dimulai pada atau sebelum tanggal rencana (as-of).",
    ), fix=W(
        "Pin another wave (the plan's waves table gives every wave's dates), or remove `wave` and let migrasi choose. Where two pins disagree, change the one that matters less.",
        "Patok ke gelombang lain (tabel gelombang dalam rencana memuat tanggal setiap gelombang), atau hapus `wave` dan biarkan migrasi yang memilih. Jika dua patokan bertentangan, ubah yang kurang penting.",
    ), example=Example("corpus/e208-pin-in-freeze-month", "kota-jambi.yaml", """\
  - id: ppdb
    # ...
    migration:
      strategy: rehost
      wave: 6
      freeze_months: [6, 7]
""")),
    Code("E209", W("move_with joins a moved system with a retained or retired one", "move_with menggabungkan sistem yang dipindah dengan sistem yang dipertahankan atau dimatikan"), {
        "": W("move_with joins the moved system {moved} with {other}, whose strategy is {strategy}", "move_with menggabungkan sistem yang dipindah {moved} dengan {other}, yang strateginya {strategy}"),
    }, explanation=W(
        "`move_with` joins a system that moves to the Data Center with one that stays where it is (`retain`) or is switched off (`retire`). They cannot be cut over together: one of them does not move at all.",
        "`move_with` menggabungkan sistem yang pindah ke Pusat Data dengan sistem yang tetap di tempat (`retain`) atau dimatikan (`retire`). Keduanya tidak dapat di-cutover bersama: salah satunya tidak pindah sama sekali.",
    ), fix=W(
        "Remove the ref from `move_with`. If the moved system calls the other at run time, list it in `depends_on` instead.",
        "Hapus ref itu dari `move_with`. Jika sistem yang dipindah memanggil sistem lain itu saat berjalan, cantumkan di `depends_on`.",
    ), example=Example("corpus/e209-move-with-retired", "kota-jambi.yaml", """\
  - id: sikd
    # ...
    move_with: [arsip-lama]
  - id: arsip-lama
    # ...
    migration:
      strategy: retire
""")),
    Code("E210", W("progress fields that do not fit together", "isian kemajuan yang tidak cocok satu sama lain"), {
        "cutover_not_done": W("cutover_on is recorded, but the status is {status}: a cutover day goes with status done only", "cutover_on diisi, tetapi statusnya {status}: tanggal peralihan hanya untuk status done"),
        "retained": W("status {status} on a retained system: a system that stays where it is has no progress (status planned)", "status {status} pada sistem yang dipertahankan (retain): sistem yang tidak dipindah tidak punya kemajuan (status planned)"),
        "no_as_of": W("status {status} needs the day the plan is made: set schedule.as_of in the data-center file or give --as-of", "status {status} memerlukan tanggal rencana dibuat: isi schedule.as_of di berkas pusat data atau beri --as-of"),
        "done_without_day": W("status done needs cutover_on: the day it was actually cut over", "status done memerlukan cutover_on: tanggal sistem benar-benar dialihkan"),
        "in_progress_without_wave": W("status in_progress needs migration.wave: the wave it is being moved in", "status in_progress memerlukan migration.wave: gelombang tempat sistem sedang dipindah"),
    }, explanation=W(
        "The progress recorded for a system does not fit together: `status: done` without `cutover_on` (the day it was cut over), `cutover_on` on a system that is not `done`, `status: in_progress` without `migration.wave` (the wave it is being moved in), progress on a retained system, or progress while no as-of day is set (`schedule.as_of`, or `--as-of` on the command line).",
        "Kemajuan yang dicatat untuk sebuah sistem tidak cocok satu sama lain: `status: done` tanpa `cutover_on` (tanggal sistem dialihkan), `cutover_on` pada sistem yang statusnya bukan `done`, `status: in_progress` tanpa `migration.wave` (gelombang tempat sistem sedang dipindah), kemajuan pada sistem yang dipertahankan (`retain`), atau kemajuan padahal tanggal rencana belum ditetapkan (`schedule.as_of`, atau `--as-of` di baris perintah).",
    ), fix=W(
        "Complete the record: `done` with the day it was cut over (`cutover_on: 2027-03-12`), `in_progress` with its `wave`. Remove `cutover_on` from a system not yet done, and set `schedule.as_of` in the data-center file to the day the plan is made.",
        "Lengkapi catatannya: `done` beserta tanggal dialihkan (`cutover_on: 2027-03-12`), `in_progress` beserta `wave`-nya. Hapus `cutover_on` dari sistem yang belum selesai, dan isi `schedule.as_of` di berkas pusat data dengan tanggal rencana dibuat.",
    ), example=Example("corpus/e210-done-without-cutover-on", "kota-jambi.yaml", """\
    migration:
      strategy: rehost
      status: done
""")),
    Code("E211", W("progress that contradicts the as-of day", "kemajuan yang bertentangan dengan tanggal rencana"), {
        "after_as_of": W("cutover_on {day} lies after the as-of day {as_of}: a cutover cannot be recorded before it happens", "cutover_on {day} jatuh setelah tanggal rencana {as_of}: peralihan tidak dapat dicatat sebelum terjadi"),
        "wave_ended": W("wave {wave} ended on {day}, before the as-of day {as_of}: record the system done with its cutover_on, or pin a later wave", "gelombang {wave} berakhir pada {day}, sebelum tanggal rencana {as_of}: catat sistem sebagai done dengan cutover_on, atau patok gelombang yang lebih akhir"),
    }, explanation=W(
        "The progress recorded contradicts the day the plan is made (the as-of day): a `cutover_on` after it, which cannot have happened yet, or a system still `in_progress` in a wave that ended before it.",
        "Kemajuan yang dicatat bertentangan dengan tanggal rencana dibuat (as-of): `cutover_on` sesudah tanggal itu, yang belum mungkin terjadi, atau sistem yang masih `in_progress` di gelombang yang sudah berakhir sebelum tanggal itu.",
    ), fix=W(
        "Correct `cutover_on` (a slip in the month or the year is common) or the as-of day. A system whose wave has ended is either `done`, with the day it was cut over, or pinned to a later wave.",
        "Betulkan `cutover_on` (salah ketik bulan atau tahun sering terjadi) atau tanggal rencana. Sistem yang gelombangnya sudah berakhir dicatat `done` beserta tanggal dialihkan, atau dipatok ke gelombang yang lebih akhir.",
    ), example=Example("corpus/e211-cutover-after-as-of", "kota-jambi.yaml", """\
    migration:
      strategy: rehost
      status: done
      cutover_on: 2027-04-02
""")),
    Code("E212", W("a scenario names a field or a scale that does not exist", "skenario menyebut isian atau skala yang tidak ada"), {
        "path": W("'{got}' is not a field of the data-center file", "'{got}' bukan isian berkas pusat data"),
        "list": W("'{got}' points inside the list {list}: list items cannot be set one by one; set the whole list", "'{got}' menunjuk ke dalam daftar {list}: butir daftar tidak dapat diubah satu per satu; ubah seluruh daftarnya"),
        "scale": W("'{got}' is not a scale: expected one of {expected}", "'{got}' bukan skala: seharusnya salah satu dari {expected}"),
    },
        explanation=W(
            "A scenario changes the data-center file by dotted paths under 'set' (such as finance.fx.USD) and multiplies groups of figures by the names under 'scale' (such as running_cost). A path that the data-center file does not define, a path into a list, or a scale name migrasi does not know would change nothing, so it is an error rather than a silent no-op.",
            "Skenario mengubah berkas pusat data lewat path bertitik di bawah 'set' (misalnya finance.fx.USD) dan mengalikan kelompok angka lewat nama di bawah 'scale' (misalnya running_cost). Path yang tidak didefinisikan berkas pusat data, path ke dalam daftar, atau nama skala yang tidak dikenal migrasi tidak akan mengubah apa pun, maka dianggap galat, bukan diabaikan diam-diam.",
        ),
        fix=W(
            "Write the path as the data-center file names the field (the message suggests the nearest), set a list whole, or use one of the scale names: provider_cost, running_cost, effort_days, labour_cost, data_gb, capacity, team_days, transfer_hours, fx.",
            "Tulis path sesuai nama isian di berkas pusat data (pesan menyarankan yang terdekat), ubah daftar secara utuh, atau pakai salah satu nama skala: provider_cost, running_cost, effort_days, labour_cost, data_gb, capacity, team_days, transfer_hours, fx.",
        ),
        example=Example("corpus/e212-unknown-set-path", "pesimis.yaml", """\
set:
  finance.fx.USD: 17500
  finance.discount_rat: "0.08"
"""),
    ),
    Code("W301", W("a cycle of depends_on among planned systems: they move as one group", "siklus depends_on di antara sistem yang direncanakan: semuanya dipindah sebagai satu kelompok"), {
        "": W("dependency cycle: {group} will be moved as one group", "siklus ketergantungan: {group} akan dipindah sebagai satu kelompok"),
    }, explanation=W(
        "Systems that depend on one another in a circle (A needs B, B needs C, C needs A) cannot go one before the other, so they are cut over in the same wave as one move group. That is allowed, but the group's effort, data and resources add up in that one wave, and such a cycle is often a slip in `depends_on`.",
        "Sistem yang saling bergantung secara melingkar (A butuh B, B butuh C, C butuh A) tidak dapat dipindah satu mendahului yang lain, jadi semuanya di-cutover dalam gelombang yang sama sebagai satu kelompok pindah. Itu boleh, tetapi upaya, data dan sumber daya kelompok itu menumpuk di satu gelombang, dan siklus seperti ini sering merupakan kekeliruan di `depends_on`.",
    ), fix=W(
        "Check every `depends_on` of the group and keep only what a system really calls at run time. If the cycle is real, accept the warning with the reason in `accepted_warnings`.",
        "Periksa setiap `depends_on` dalam kelompok itu dan sisakan hanya yang benar-benar dipanggil sistem saat berjalan. Jika siklusnya memang nyata, terima peringatan ini beserta alasannya di `accepted_warnings`.",
    ), example=Example("corpus/w301-depends-on-cycle", "kota-jambi.yaml", """\
  - id: sso
    # ...
    depends_on: [simpeg]
  - id: esurat
    # ...
    depends_on: [sso]
  - id: simpeg
    # ...
    depends_on: [esurat]
""")),
    Code("W302", W("running the system in the Data Center costs more than the provider does", "menjalankan sistem di Pusat Data lebih mahal daripada di penyedia"), {
        "": W("running it in the Data Center costs {internal} a month, more than the {external} paid to the provider", "menjalankannya di Pusat Data berbiaya {internal} sebulan, lebih mahal dari {external} yang dibayar ke penyedia"),
    }, explanation=W(
        "Running the system in the Data Center (its vCPU, RAM and storage at the Data Center's rates, plus the fixed cost per system) costs more a month than the provider is paid today, so every month after cutover loses money. The move may still be worth it (data protection, control), but the figures deserve a second look.",
        "Menjalankan sistem di Pusat Data (vCPU, RAM dan penyimpanannya dengan tarif Pusat Data, ditambah biaya tetap per sistem) lebih mahal per bulan daripada yang dibayar ke penyedia saat ini, jadi setiap bulan sesudah cutover merugi. Pemindahannya mungkin tetap layak (perlindungan data, kendali), tetapi angkanya perlu diperiksa ulang.",
    ), fix=W(
        "Check `cost.amount` with `cost.per` (a monthly price written with `per: year` reads twelve times too small) and `resources` (write what the system uses, not the size of the provider's package). If the figures are right and the move is still wanted, accept the warning with the reason in `accepted_warnings`.",
        "Periksa `cost.amount` bersama `cost.per` (harga bulanan yang ditulis dengan `per: year` terbaca dua belas kali lebih kecil) dan `resources` (tulis yang benar-benar dipakai sistem, bukan ukuran paket penyedia). Jika angkanya benar dan pemindahan tetap diinginkan, terima peringatan ini beserta alasannya di `accepted_warnings`.",
    ), example=Example("corpus/w302-costs-more-in-dc", "kota-jambi.yaml", """\
  - id: website
    # ...
    cost:
      amount: 1000000
      per: month
    resources:
      vcpu: 4
      ram_gb: 16
      storage_gb: 500
""")),
    Code("W303", W("contract_end lies before the programme starts", "contract_end jatuh sebelum program dimulai"), {
        "": W("the contract ended on {got}, before the programme starts ({start}): month-to-month billing is assumed", "kontrak berakhir {got}, sebelum program dimulai ({start}): dianggap tagihan bulanan"),
    }, explanation=W(
        "`cost.contract_end` lies before the programme's first day (`schedule.start`): the contract has already ended, so migrasi takes it that the provider is paid month to month and can be stopped at cutover. Often it is an old date that was not updated when the contract was renewed.",
        "`cost.contract_end` jatuh sebelum hari pertama program (`schedule.start`): kontraknya sudah berakhir, jadi migrasi menganggap penyedia dibayar bulanan dan dapat dihentikan saat cutover. Sering ini tanggal lama yang belum diperbarui ketika kontrak diperpanjang.",
    ), fix=W(
        "Write the end of the contract now in force. If the system really is paid month to month, remove `contract_end`.",
        "Tulis tanggal akhir kontrak yang berlaku sekarang. Jika sistem itu memang dibayar bulanan tanpa kontrak, hapus `contract_end`.",
    ), example=Example("corpus/w303-contract-ended-before-start", "kota-jambi.yaml", """\
    cost:
      amount: 5000000
      per: month
      contract_end: 2026-12-31
""")),
    Code("W304", W("a moved system depends on a retained one", "sistem yang dipindah bergantung pada sistem yang dipertahankan"), {
        "": W("depends on the retained system {got}: it will call outside the Data Center after cutover", "bergantung pada sistem {got} yang tetap di tempat (retain): setelah cutover ia memanggil ke luar Pusat Data"),
    }, explanation=W(
        "A system that moves depends on one that stays where it is (`retain`), such as a national application run by a ministry. After cutover it calls out of the Data Center to reach it, so the network route and its access rules must be ready.",
        "Sistem yang dipindah bergantung pada sistem yang tetap di tempat (`retain`), misalnya aplikasi nasional yang dikelola kementerian. Setelah cutover sistem itu memanggil ke luar Pusat Data untuk menjangkaunya, jadi jalur jaringan dan aturan aksesnya harus disiapkan.",
    ), fix=W(
        "When that is so, nothing in the file is wrong: tell the Data Center team the connection is needed, and accept the warning with the reason (`W304: \"SIASN is run by BKN; the Data Center opens the route\"`).",
        "Jika memang demikian, tidak ada yang salah di berkas: beri tahu tim Pusat Data bahwa koneksi itu dibutuhkan, lalu terima peringatan ini beserta alasannya (`W304: \"SIASN dikelola BKN; Pusat Data membuka jalurnya\"`).",
    ), example=Example("corpus/w304-depends-on-retained", "kota-jambi.yaml", """\
  - id: eabsensi
    # ...
    depends_on: [siasn]
  - id: siasn
    # ...
    migration:
      strategy: retain
""")),
    Code("W305", W("data classified rahasia is hosted overseas", "data berklasifikasi rahasia di-hosting di luar negeri"), {
        "": W("data classified rahasia is hosted overseas", "data berklasifikasi rahasia disimpan di luar negeri"),
    }, explanation=W(
        "The system holds data classified `rahasia`, and its provider runs it `overseas`. Such data must stay in Indonesia, and belongs in a government data center.",
        "Sistem menyimpan data berklasifikasi `rahasia`, dan penyedianya menjalankannya di luar negeri (`overseas`). Data seperti itu wajib tetap di Indonesia, dan seharusnya berada di pusat data pemerintah.",
    ), fix=W(
        "Check `classification` and `hosting.location`. If both are right, move the system early: give it a deadline with `migration.not_after`.",
        "Periksa `classification` dan `hosting.location`. Jika keduanya benar, dahulukan pemindahan sistem ini: beri tenggat lewat `migration.not_after`.",
    ), example=Example("corpus/w305-rahasia-overseas", "kota-jambi.yaml", """\
  - id: simrs
    # ...
    classification: rahasia
    personal_data: true
    hosting:
      provider: PT Contoh Awan Nusantara
      type: saas
      location: overseas
""")),
    Code("W306", W("a moved system costs nothing today: moving it saves nothing", "sistem yang dipindah tidak berbiaya saat ini: memindahkannya tidak menghemat apa pun"), {
        "": W("it costs nothing today: moving it saves nothing", "saat ini tidak berbiaya: memindahkannya tidak menghemat apa pun"),
    }, explanation=W(
        "A system that moves costs nothing today (`cost.amount: 0`), so moving it saves nothing, and the Data Center pays to run it. It comes with W302 unless the Data Center runs it for nothing too.",
        "Sistem yang dipindah saat ini tidak berbiaya (`cost.amount: 0`), jadi memindahkannya tidak menghemat apa pun, dan Pusat Data justru menanggung biaya operasionalnya. Biasanya muncul bersama W302, kecuali Pusat Data juga menjalankannya tanpa biaya.",
    ), fix=W(
        "Write what the system really costs if it is paid elsewhere (a share of a bundle, a yearly licence). If it is free and must still move (its server is being returned, say), accept the warning with the reason.",
        "Tulis biaya sebenarnya jika sistem itu dibayar lewat pos lain (bagian dari paket, lisensi tahunan). Jika memang gratis dan tetap harus dipindah (misalnya servernya akan dikembalikan), terima peringatan ini beserta alasannya.",
    ), example=Example("corpus/w306-costs-nothing", "kota-jambi.yaml", """\
  - id: website
    # ...
    cost:
      amount: 0
      per: month
""")),
    Code("W307", W("a retired system is still depended on", "sistem yang dimatikan masih dibutuhkan sistem lain"), {
        "": W("depends on {got}, which is retired", "bergantung pada {got}, yang dihentikan (retire)"),
    }, explanation=W(
        "A system that keeps running (moved or retained) depends on one that is being switched off (`retire`). After the retired system's wave, it calls something that is no longer there.",
        "Sistem yang tetap berjalan (dipindah atau dipertahankan) bergantung pada sistem yang akan dimatikan (`retire`). Setelah gelombang sistem yang dimatikan itu, sistem pertama memanggil sesuatu yang sudah tidak ada.",
    ), fix=W(
        "Point the dependency at the system that replaces the retired one, remove it if it is no longer called, or keep the old system (a strategy other than `retire`).",
        "Arahkan ketergantungan ke sistem pengganti, hapus jika sudah tidak dipanggil, atau pertahankan sistem lama (strategi selain `retire`).",
    ), example=Example("corpus/w307-depends-on-retired", "kota-jambi.yaml", """\
  - id: simpeg
    # ...
    depends_on: [simpeg-lama]
  - id: simpeg-lama
    # ...
    migration:
      strategy: retire
""")),
    Code("W308", W("a retained system keeps terbatas or rahasia data on non-government hosting", "sistem yang dipertahankan menyimpan data terbatas atau rahasia di hosting non-pemerintah"), {
        "": W("retained, but keeps {classification} data on {type} hosting: such data belongs in a government data center", "tetap di tempat, tetapi menyimpan data {classification} di hosting {type}: data seperti itu seharusnya di pusat data pemerintah"),
    }, explanation=W(
        "A system that stays where it is (`retain`) keeps data classified `terbatas` or `rahasia` on hosting that is not the government's. Such data belongs in a government data center; keeping it outside needs a reason.",
        "Sistem yang tetap di tempat (`retain`) menyimpan data berklasifikasi `terbatas` atau `rahasia` di hosting yang bukan milik pemerintah. Data seperti itu seharusnya berada di pusat data pemerintah; tetap di luar memerlukan alasan.",
    ), fix=W(
        "If the system is a national application run by a ministry, write `hosting.type: government`. Otherwise plan its move (a strategy other than `retain`), or accept the warning with the reason it stays.",
        "Jika sistem itu aplikasi nasional yang dikelola kementerian, tulis `hosting.type: government`. Jika bukan, rencanakan pemindahannya (strategi selain `retain`), atau terima peringatan ini beserta alasan sistem itu tetap di tempat.",
    ), example=Example("corpus/w308-retained-restricted-data-outside", "kota-jambi.yaml", """\
  - id: siasn
    # ...
    classification: terbatas
    personal_data: true
    hosting:
      provider: PT Contoh Awan Nusantara
      type: saas
      location: indonesia
    # ...
    migration:
      strategy: retain
""")),
    Code("W309", W("(in a plan) a deadline could not be met", "(dalam rencana) tenggat tidak dapat dipenuhi"), {
        "": W("cut over on {cutover}, after its deadline {deadline}", "cutover pada {cutover}, setelah tenggatnya {deadline}"),
    }, explanation=W(
        "The plan cuts the system over after its deadline: its `migration.not_after`, or the compliance deadline (`schedule.compliance_deadline`) for `terbatas` or `rahasia` data on hosting that is not the government's, whichever comes first. Systems with deadlines are placed first; one is late only when no wave up to its deadline can take it with its move group while every rule still holds.",
        "Rencana melakukan cutover sistem ini setelah tenggatnya: `migration.not_after`-nya, atau tenggat kepatuhan (`schedule.compliance_deadline`) untuk data `terbatas` atau `rahasia` di hosting yang bukan milik pemerintah, mana yang lebih dulu. Sistem bertenggat ditempatkan lebih dulu; sebuah sistem terlambat hanya jika tidak ada gelombang hingga tenggatnya yang dapat menampungnya bersama kelompok pindahnya tanpa melanggar aturan.",
    ), fix=W(
        "`migrasi explain REF` says what kept it out of each earlier wave. Loosen that (a dependency that need not come first, a pin, a large `effort_days` or `data_gb`), or agree a later deadline.",
        "`migrasi explain REF` menjelaskan apa yang menghalanginya di setiap gelombang yang lebih awal. Longgarkan penghalang itu (ketergantungan yang tidak harus didahulukan, patokan gelombang, `effort_days` atau `data_gb` yang besar), atau sepakati tenggat yang lebih akhir.",
    ), example=Example("cases/unscheduled-and-late", "inventories/kab-uji.yaml", """\
  - id: simrs
    name: SIMRS RSUD
    owner: RSUD
    criticality: strategis
    classification: rahasia
""")),
    Code("W310", W("(in a plan) a planned system could not be scheduled in any wave", "(dalam rencana) sistem yang direncanakan tidak dapat dijadwalkan di gelombang mana pun"), {
        "": W("no wave can take it: it is not scheduled", "tidak ada gelombang yang dapat menampungnya: sistem ini tidak terjadwal"),
    }, explanation=W(
        "No open wave up to `schedule.waves` can take the system with its move group: its pins, what it depends on, or the limits of every wave leave no room. It stays out of the waves, with the reason for every wave, and so does every system that depends on it.",
        "Tidak ada gelombang terbuka hingga `schedule.waves` yang dapat menampung sistem ini bersama kelompok pindahnya: patokannya, sistem yang dibutuhkannya, atau batas setiap gelombang tidak menyisakan tempat. Sistem ini tidak masuk gelombang mana pun, dengan alasan untuk setiap gelombang, begitu pula setiap sistem yang bergantung padanya.",
    ), fix=W(
        "`migrasi explain REF` gives the reason for each wave. Lift it: correct a pin, free a dependency, lower resources or effort, or ask the Data Center team for more waves or capacity.",
        "`migrasi explain REF` menyebut alasan untuk setiap gelombang. Atasi alasan itu: betulkan patokan, lepaskan ketergantungan, kurangi sumber daya atau upaya, atau minta tim Pusat Data menambah gelombang atau kapasitas.",
    ), example=Example("cases/unscheduled-and-late", "inventories/kab-uji.yaml", """\
  - id: simrs-bridge
    # ...
    depends_on: [simrs]
""")),
    Code("W311", W("the last wave's cutover lies beyond the horizon", "peralihan gelombang terakhir melewati cakrawala"), {
        "": W("the last wave cuts over on {cutover}, beyond the {months}-month horizon: later savings and costs are not counted", "gelombang terakhir cutover pada {cutover}, melewati cakrawala {months} bulan: penghematan dan biaya sesudahnya tidak dihitung"),
    }, explanation=W(
        "The last wave cuts over after the end of the horizon (`finance.horizon_months`, counted from the month of `schedule.start`). Savings and costs after the horizon are not counted, so the systems of the last waves show little or no saving.",
        "Gelombang terakhir di-cutover setelah cakrawala perhitungan berakhir (`finance.horizon_months`, dihitung dari bulan `schedule.start`). Penghematan dan biaya sesudah cakrawala tidak dihitung, sehingga sistem di gelombang-gelombang terakhir tampak hampir tidak menghemat.",
    ), fix=W(
        "Lengthen `horizon_months` to cover the last wave's cutover and a few years after it, or shorten the schedule (`waves`, `wave_weeks`).",
        "Perpanjang `horizon_months` agar mencakup cutover gelombang terakhir dan beberapa tahun sesudahnya, atau perpendek jadwal (`waves`, `wave_weeks`).",
    ), example=Example("corpus/w311-last-cutover-beyond-horizon", "datacenter.yaml", """\
schedule:
  start: 2027-01-04
  wave_weeks: 4
  waves: 18
  # ...
finance:
  horizon_months: 16
""")),
    Code("W312", W("a system recorded as cut over (or under way) went before something it depends on, or apart from its move group", "sistem yang tercatat sudah dialihkan (atau sedang dipindah) mendahului sistem yang dibutuhkannya, atau terpisah dari kelompok pindahnya"), {
        "dependency": W("recorded as cut over before {other}, which it depends on: it calls outside the Data Center until {other} follows", "tercatat dialihkan sebelum {other} yang dibutuhkannya: sistem ini memanggil ke luar Pusat Data sampai {other} menyusul"),
        "group": W("recorded apart from {other} of its move group: they were to be cut over in the same wave", "tercatat terpisah dari {other} dalam kelompok pindahnya: keduanya seharusnya dialihkan pada gelombang yang sama"),
    }, explanation=W(
        "A system recorded as cut over (or being moved in a wave that has begun) went before something it depends on, which still runs outside the Data Center, or apart from a member of its move group. The record stands, but until the rest follows, the system calls out of the Data Center.",
        "Sistem yang tercatat sudah dialihkan (atau sedang dipindah di gelombang yang sudah dimulai) mendahului sistem yang dibutuhkannya, yang masih berjalan di luar Pusat Data, atau terpisah dari anggota kelompok pindahnya. Catatannya tetap berlaku, tetapi sampai sisanya menyusul, sistem itu memanggil ke luar Pusat Data.",
    ), fix=W(
        "Check the record (`status`, `cutover_on`, `wave`). If it is right, make sure the connection out of the Data Center works until the other system follows, move that one soon, and accept the warning with the reason.",
        "Periksa catatannya (`status`, `cutover_on`, `wave`). Jika benar, pastikan koneksi ke luar Pusat Data berjalan sampai sistem lain itu menyusul, segerakan pemindahannya, dan terima peringatan ini beserta alasannya.",
    ), example=Example("corpus/w312-cut-over-before-dependency", "kota-jambi.yaml", """\
  - id: simpeg
    # ...
    migration:
      strategy: rehost
      status: done
      cutover_on: 2027-02-20
    depends_on: [sso]
""")),
)}
"""Every code of validation.md, by code."""

TERMS: dict[str, Words] = {
    "suggest": W(" (did you mean '{suggestion}'?)", " (maksud Anda '{suggestion}'?)"),
    "kind.null": W("null", "null"),
    "kind.boolean": W("a boolean", "boolean"),
    "kind.number": W("a number", "angka"),
    "kind.date": W("a date", "tanggal"),
    "kind.text": W("text", "teks"),
    "kind.list": W("a list", "daftar"),
    "kind.mapping": W("a mapping", "pemetaan"),
    "kind.integer": W("a whole number", "bilangan bulat"),
    "what.slug": W("id (lowercase letters, digits and '-', starting with a letter or digit)", "id (huruf kecil, angka dan '-', diawali huruf atau angka)"),
    "what.ref": W("ref ('id' or 'region-id/id')", "ref ('id' atau 'id-wilayah/id')"),
    "what.region_code": W("Kemendagri code ('15' or '15.NN')", "kode Kemendagri ('15' atau '15.NN')"),
    "what.bps_code": W("BPS code ('15' or '15NN')", "kode BPS ('15' atau '15NN')"),
    "what.currency": W("currency code (three capital letters, such as IDR)", "kode mata uang (tiga huruf kapital, misalnya IDR)"),
    "what.warning": W("warning code (W301 to W312)", "kode peringatan (W301 sampai W312)"),
    "limit.vcpu": W("vCPU", "vCPU"),
    "limit.ram_gb": W("GB of RAM", "GB RAM"),
    "limit.storage_gb": W("GB of storage", "GB penyimpanan"),
    "limit.team_days": W("person-days in one wave (team_days)", "hari-orang dalam satu gelombang (team_days)"),
    "limit.transfer_hours": W("hours of data copy in one wave (transfer_hours)", "jam salin data dalam satu gelombang (transfer_hours)"),
    "limit.max_critical": W("tinggi/strategis systems in one wave (max_critical)", "sistem tinggi/strategis dalam satu gelombang (max_critical)"),
    "of": W(" (of {other}, in its move group)", " (milik {other}, dalam kelompok pindahnya)"),
}
"""Words used inside messages: kinds of values, what a pattern stands for, the limits."""
# fmt: on


def lookup(name: str) -> Code:
    """The code ``name`` names, in any letter case; else UnknownCode with the nearest codes."""
    import difflib

    from migrasi.core.errors import UnknownCode

    code = name.strip().upper()
    if code in CODES:
        return CODES[code]
    raise UnknownCode(name, difflib.get_close_matches(code, sorted(CODES), n=3, cutoff=0.5))
