"""Every validation code, once: its severity, what it means, and its messages in both languages.

validation.md fixes the codes; this table is the one place migrasi keeps them. Messages, the
severity of a finding, ``migrasi codes`` and docs/codes.md are all drawn from it. Adding a code
means an entry here, the check that raises it, and a case in tests/corpus.

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
class Code:
    """One validation code."""

    code: str
    title: Words
    """What the code means, in one line."""
    messages: Mapping[str, Words]
    """The message templates, by the finding's ``why`` (``""`` for the only one)."""
    explanation: Words | None = None
    fix: Words | None = None
    example: str | None = None
    """The case of tests/corpus that raises the code."""

    @property
    def severity(self) -> Severity:
        """``error`` for an E code, ``warning`` for a W code (validation.md)."""
        return "error" if self.code.startswith("E") else "warning"


W = Words

# fmt: off
CODES: dict[str, Code] = {c.code: c for c in (
    Code("E001", W("not well-formed YAML, or a tag other than YAML's core ones", "YAML tidak valid, atau tag selain tag inti YAML"), {
        "": W("not well-formed YAML: {problem}", "YAML tidak valid: {problem}"),
    }),
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
    }),
    Code("E003", W("a key appears twice in one mapping", "sebuah kunci muncul dua kali dalam satu pemetaan"), {
        "": W("key '{key}' appears twice in this mapping (only the first is used)", "kunci '{key}' muncul dua kali dalam pemetaan ini (hanya yang pertama dipakai)"),
        "column": W("column '{key}' appears twice (only the first is read)", "kolom '{key}' muncul dua kali (hanya yang pertama dibaca)"),
    }),
    Code("E004", W("an empty file, or more than one YAML document", "berkas kosong, atau lebih dari satu dokumen YAML"), {
        "empty": W("the file holds no YAML document", "berkas tidak memuat dokumen YAML"),
        "documents": W("a second YAML document starts here: a file holds exactly one", "dokumen YAML kedua dimulai di sini: satu berkas hanya memuat satu dokumen"),
    }),
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
    }),
    Code("E006", W("'schema' missing or unknown, or the document is not a mapping", "'schema' tidak ada atau tidak dikenal, atau dokumen bukan pemetaan"), {
        "not_mapping": W("the document is not a mapping with a 'schema' key", "dokumen bukan pemetaan dengan kunci 'schema'"),
        "missing": W("'schema' is missing: expected {schemas}", "'schema' tidak ada: seharusnya {schemas}"),
        "unknown": W("unknown schema '{got}': expected {schemas}", "schema '{got}' tidak dikenal: seharusnya {schemas}"),
    }),
    Code("E101", W("a required field is missing", "isian wajib tidak ada"), {
        "": W("required field '{field}' is missing", "isian wajib '{field}' tidak ada"),
        "moved": W("required field 'resources' is missing (needed unless the strategy is retire or retain)", "isian wajib 'resources' tidak ada (wajib kecuali strateginya retire atau retain)"),
        "sheet": W("the workbook has no sheet '{sheet}' (required field '{field}')", "buku kerja tidak punya lembar '{sheet}' (isian wajib '{field}')"),
        "column": W("required column '{field}' is missing", "kolom wajib '{field}' tidak ada"),
    }),
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
    }),
    Code("E103", W("an unknown field", "isian tidak dikenal"), {
        "": W("unknown field '{field}'", "isian '{field}' tidak dikenal"),
        "no_header": W("a value in column {column}, which has no field name in row 1", "ada nilai di kolom {column}, yang tidak punya nama isian di baris 1"),
        "no_field": W("a value in row {row}, which has no field name in column A", "ada nilai di baris {row}, yang tidak punya nama isian di kolom A"),
    }),
    Code("E201", W("a region id or code is used by two files", "id atau kode wilayah dipakai oleh dua berkas"), {
        "": W("region {field} '{got}' is already used by {first}", "{field} wilayah '{got}' sudah dipakai oleh {first}"),
    }),
    Code("E202", W("a system id appears twice in one region", "id sistem muncul dua kali dalam satu wilayah"), {
        "": W("system id '{got}' appears twice in this region (first as system {first})", "id sistem '{got}' muncul dua kali di wilayah ini (pertama sebagai sistem ke-{first})"),
    }),
    Code("E203", W("depends_on or move_with names a system that does not exist", "depends_on atau move_with menyebut sistem yang tidak ada"), {
        "": W("{field} names unknown system '{got}'", "{field} menyebut sistem '{got}' yang tidak ada"),
    }),
    Code("E204", W("a system names itself in depends_on or move_with", "sebuah sistem menyebut dirinya sendiri di depends_on atau move_with"), {
        "": W("a system cannot name itself in {field}", "sebuah sistem tidak boleh menyebut dirinya sendiri di {field}"),
    }),
    Code("E205", W("no data-center file, or more than one", "tidak ada berkas pusat data, atau lebih dari satu"), {
        "none": W("no data-center file (schema: migrasi/datacenter/v1) found", "berkas pusat data (schema: migrasi/datacenter/v1) tidak ditemukan"),
        "many": W("a second data-center file: {first} is one already", "berkas pusat data kedua: {first} sudah menjadi berkas pusat data"),
    }),
    Code("E206", W("a currency with no rate in finance.fx", "mata uang tanpa kurs di finance.fx"), {
        "": W("currency '{got}' has no rate in finance.fx of the data-center file", "mata uang '{got}' tidak punya kurs di finance.fx berkas pusat data"),
    }),
    Code("E207", W("a system or its move group can never fit in the Data Center's limits", "sebuah sistem atau kelompok pindahnya tidak akan pernah muat dalam batas Pusat Data"), {
        "one": W("this system can never fit: it needs {need} {limit}, the Data Center has at most {have}", "sistem ini tidak akan pernah muat: butuh {need} {limit}, Pusat Data paling banyak {have}"),
        "group": W("move group {group} can never fit: it needs {need} {limit}, the Data Center has at most {have}", "kelompok pindah {group} tidak akan pernah muat: butuh {need} {limit}, Pusat Data paling banyak {have}"),
    }),
    Code("E208", W("a pin that cannot hold", "pematokan gelombang yang tidak mungkin dipenuhi"), {
        "beyond": W("wave {pin} does not exist: the schedule has {waves} waves", "gelombang {pin} tidak ada: jadwal hanya punya {waves} gelombang"),
        "closed": W("wave {pin} touches a blackout and takes no system", "gelombang {pin} bersinggungan dengan masa tutup dan tidak menerima sistem"),
        "started": W("wave {pin} has started (on or before the as-of day {as_of}) and takes no more systems: pin a later wave, or record its progress", "gelombang {pin} sudah dimulai (pada atau sebelum tanggal rencana {as_of}) dan tidak menerima sistem lagi: patok gelombang yang lebih akhir, atau catat kemajuannya"),
        "freeze": W("wave {pin} touches frozen month(s) {months}{of}", "gelombang {pin} menyentuh bulan beku {months}{of}"),
        "not_before": W("wave {pin} cuts over before not_before {day}{of}", "gelombang {pin} cutover sebelum not_before {day}{of}"),
        "pilot": W("wave {pin} is the pilot, which does not admit this system{of}", "gelombang {pin} adalah pilot, yang tidak menerima sistem ini{of}"),
        "group": W("{other} in the same move group is pinned to wave {wave}", "{other} dalam kelompok pindah yang sama dipatok ke gelombang {wave}"),
        "dependency": W("it needs {other}, which is pinned to the later wave {wave}", "sistem ini butuh {other}, yang dipatok ke gelombang {wave} yang lebih akhir"),
    }),
    Code("E209", W("move_with joins a moved system with a retained or retired one", "move_with menggabungkan sistem yang dipindah dengan sistem yang dipertahankan atau dimatikan"), {
        "": W("move_with joins the moved system {moved} with {other}, whose strategy is {strategy}", "move_with menggabungkan sistem yang dipindah {moved} dengan {other}, yang strateginya {strategy}"),
    }),
    Code("E210", W("progress fields that do not fit together", "isian kemajuan yang tidak cocok satu sama lain"), {
        "cutover_not_done": W("cutover_on is recorded, but the status is {status}: a cutover day goes with status done only", "cutover_on diisi, tetapi statusnya {status}: tanggal peralihan hanya untuk status done"),
        "retained": W("status {status} on a retained system: a system that stays where it is has no progress (status planned)", "status {status} pada sistem yang dipertahankan (retain): sistem yang tidak dipindah tidak punya kemajuan (status planned)"),
        "no_as_of": W("status {status} needs the day the plan is made: set schedule.as_of in the data-center file or give --as-of", "status {status} memerlukan tanggal rencana dibuat: isi schedule.as_of di berkas pusat data atau beri --as-of"),
        "done_without_day": W("status done needs cutover_on: the day it was actually cut over", "status done memerlukan cutover_on: tanggal sistem benar-benar dialihkan"),
        "in_progress_without_wave": W("status in_progress needs migration.wave: the wave it is being moved in", "status in_progress memerlukan migration.wave: gelombang tempat sistem sedang dipindah"),
    }),
    Code("E211", W("progress that contradicts the as-of day", "kemajuan yang bertentangan dengan tanggal rencana"), {
        "after_as_of": W("cutover_on {day} lies after the as-of day {as_of}: a cutover cannot be recorded before it happens", "cutover_on {day} jatuh setelah tanggal rencana {as_of}: peralihan tidak dapat dicatat sebelum terjadi"),
        "wave_ended": W("wave {wave} ended on {day}, before the as-of day {as_of}: record the system done with its cutover_on, or pin a later wave", "gelombang {wave} berakhir pada {day}, sebelum tanggal rencana {as_of}: catat sistem sebagai done dengan cutover_on, atau patok gelombang yang lebih akhir"),
    }),
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
        example="e212-unknown-set-path",
    ),
    Code("W301", W("a cycle of depends_on among planned systems: they move as one group", "siklus depends_on di antara sistem yang direncanakan: semuanya dipindah sebagai satu kelompok"), {
        "": W("dependency cycle: {group} will be moved as one group", "siklus ketergantungan: {group} akan dipindah sebagai satu kelompok"),
    }),
    Code("W302", W("running the system in the Data Center costs more than the provider does", "menjalankan sistem di Pusat Data lebih mahal daripada di penyedia"), {
        "": W("running it in the Data Center costs {internal} a month, more than the {external} paid to the provider", "menjalankannya di Pusat Data berbiaya {internal} sebulan, lebih mahal dari {external} yang dibayar ke penyedia"),
    }),
    Code("W303", W("contract_end lies before the programme starts", "contract_end jatuh sebelum program dimulai"), {
        "": W("the contract ended on {got}, before the programme starts ({start}): month-to-month billing is assumed", "kontrak berakhir {got}, sebelum program dimulai ({start}): dianggap tagihan bulanan"),
    }),
    Code("W304", W("a moved system depends on a retained one", "sistem yang dipindah bergantung pada sistem yang dipertahankan"), {
        "": W("depends on the retained system {got}: it will call outside the Data Center after cutover", "bergantung pada sistem {got} yang tetap di tempat (retain): setelah cutover ia memanggil ke luar Pusat Data"),
    }),
    Code("W305", W("data classified rahasia is hosted overseas", "data berklasifikasi rahasia di-hosting di luar negeri"), {
        "": W("data classified rahasia is hosted overseas", "data berklasifikasi rahasia disimpan di luar negeri"),
    }),
    Code("W306", W("a moved system costs nothing today: moving it saves nothing", "sistem yang dipindah tidak berbiaya saat ini: memindahkannya tidak menghemat apa pun"), {
        "": W("it costs nothing today: moving it saves nothing", "saat ini tidak berbiaya: memindahkannya tidak menghemat apa pun"),
    }),
    Code("W307", W("a retired system is still depended on", "sistem yang dimatikan masih dibutuhkan sistem lain"), {
        "": W("depends on {got}, which is retired", "bergantung pada {got}, yang dihentikan (retire)"),
    }),
    Code("W308", W("a retained system keeps terbatas or rahasia data on non-government hosting", "sistem yang dipertahankan menyimpan data terbatas atau rahasia di hosting non-pemerintah"), {
        "": W("retained, but keeps {classification} data on {type} hosting: such data belongs in a government data center", "tetap di tempat, tetapi menyimpan data {classification} di hosting {type}: data seperti itu seharusnya di pusat data pemerintah"),
    }),
    Code("W309", W("(in a plan) a deadline could not be met", "(dalam rencana) tenggat tidak dapat dipenuhi"), {
        "": W("cut over on {cutover}, after its deadline {deadline}", "cutover pada {cutover}, setelah tenggatnya {deadline}"),
    }),
    Code("W310", W("(in a plan) a planned system could not be scheduled in any wave", "(dalam rencana) sistem yang direncanakan tidak dapat dijadwalkan di gelombang mana pun"), {
        "": W("no wave can take it: it is not scheduled", "tidak ada gelombang yang dapat menampungnya: sistem ini tidak terjadwal"),
    }),
    Code("W311", W("the last wave's cutover lies beyond the horizon", "peralihan gelombang terakhir melewati cakrawala"), {
        "": W("the last wave cuts over on {cutover}, beyond the {months}-month horizon: later savings and costs are not counted", "gelombang terakhir cutover pada {cutover}, melewati cakrawala {months} bulan: penghematan dan biaya sesudahnya tidak dihitung"),
    }),
    Code("W312", W("a system recorded as cut over (or under way) went before something it depends on, or apart from its move group", "sistem yang tercatat sudah dialihkan (atau sedang dipindah) mendahului sistem yang dibutuhkannya, atau terpisah dari kelompok pindahnya"), {
        "dependency": W("recorded as cut over before {other}, which it depends on: it calls outside the Data Center until {other} follows", "tercatat dialihkan sebelum {other} yang dibutuhkannya: sistem ini memanggil ke luar Pusat Data sampai {other} menyusul"),
        "group": W("recorded apart from {other} of its move group: they were to be cut over in the same wave", "tercatat terpisah dari {other} dalam kelompok pindahnya: keduanya seharusnya dialihkan pada gelombang yang sama"),
    }),
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
