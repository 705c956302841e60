"""The words of ``migrasi progress`` (progress against the approved plan), in English and
Indonesian. Merged into the catalogue; the standings are keyed by their plan.json-style value
(``standing.on_time``)."""

from __future__ import annotations

from migrasi.core.codes import Words as W

# fmt: off
PROGRESS: dict[str, W] = {
    "progress.title": W("Progress against the baseline plan", "Kemajuan terhadap rencana acuan"),
    "progress.baseline": W("Baseline plan", "Rencana acuan"),
    "progress.current": W("Current plan", "Rencana kini"),
    "progress.as_of": W("As of", "Per tanggal"),
    "progress.systems": W("{count} planned systems compared", "{count} sistem yang direncanakan dibandingkan"),
    "progress.money": W("Money of the programme", "Uang program"),
    "progress.col.baseline": W("Baseline plan", "Rencana acuan"),
    "progress.col.now": W("Now", "Kini"),
    "progress.col.delta": W("Difference", "Selisih"),
    "progress.saving_before": W("Saving before {month}", "Penghematan sebelum {month}"),
    "progress.money_note": W("Saving before {month}: what the baseline plan promised for the months before it, against what the current plan counts for the same months. These are the model's figures from the inventories, not accounting actuals.", "Penghematan sebelum {month}: yang dijanjikan rencana acuan untuk bulan-bulan sebelumnya, dibandingkan dengan yang dihitung rencana kini untuk bulan-bulan yang sama. Ini angka model dari inventaris, bukan realisasi akuntansi."),
    "progress.months": W("{n} months", "{n} bulan"),
    "progress.months.1": W("{n} month", "{n} bulan"),
    "progress.by_region": W("Money by region", "Uang per wilayah"),
    "progress.col.promised": W("Promised by now", "Dijanjikan sampai kini"),
    "progress.col.to_date": W("Saved to date", "Hemat sampai kini"),
    "progress.col.baseline_npv": W("NPV (baseline plan)", "NPV (rencana acuan)"),
    "progress.col.forecast_npv": W("NPV (forecast)", "NPV (perkiraan)"),
    "progress.col.baseline_payback": W("Payback (baseline plan)", "Balik modal (rencana acuan)"),
    "progress.col.forecast_payback": W("Payback (forecast)", "Balik modal (perkiraan)"),
    "progress.attention": W("Late, overdue, delayed, unscheduled or removed", "Terlambat, lewat jadwal, mundur, tidak terjadwal atau dihapus"),
    "progress.every_system": W("Every planned system", "Semua sistem yang direncanakan"),
    "progress.col.class": W("Class", "Kategori"),
    "progress.col.status": W("Status now", "Status kini"),
    "progress.col.baseline_cutover": W("Cutover (baseline plan)", "Cutover (rencana acuan)"),
    "progress.col.cutover": W("Cutover (actual or forecast)", "Cutover (aktual atau perkiraan)"),
    "progress.col.slip": W("Slip (days)", "Pergeseran (hari)"),
    "progress.burnup": W("Burn-up: systems cut over", "Burn-up: sistem yang sudah dialihkan"),
    "progress.burnup_note": W("Systems cut over by the end of each month: in the baseline plan, actually (up to the as-of month) and as forecast now.", "Jumlah sistem yang sudah dialihkan pada akhir setiap bulan: menurut rencana acuan, aktual (sampai bulan per tanggal) dan perkiraan kini."),
    "progress.burnup_legend": W("Green bars: actually cut over (up to the as-of day); grey line: the baseline plan; blue line: the forecast. Each point is the end of its period.", "Batang hijau: yang sudah dialihkan (sampai per tanggal); garis abu-abu: rencana acuan; garis biru: perkiraan. Setiap titik adalah akhir periodenya."),
    "progress.burnup_axis": W("systems", "sistem"),
    "progress.col.month": W("Month", "Bulan"),
    "progress.col.actual": W("Actual", "Aktual"),
    "progress.col.forecast": W("Forecast", "Perkiraan"),
    "progress.none": W("None.", "Tidak ada."),
    "progress.details": W("{title} ({rows} rows)", "{title} ({rows} baris)"),
    "progress.cut": W("The tables show {shown} of {total} rows of systems and regions; {left} were left out to keep this report under {limit} characters. Run `migrasi progress --format text` or `--format json` to see them all.", "Tabel menampilkan {shown} dari {total} baris sistem dan wilayah; {left} baris lainnya dihilangkan agar laporan ini tetap di bawah {limit} karakter. Jalankan `migrasi progress --format text` atau `--format json` untuk melihat semuanya."),
    "progress.xlsx.title": W("Progress of the migration to the {dc}", "Kemajuan migrasi ke {dc}"),
    "progress.xlsx.burnup": W("Burn-up", "Burn-up"),
    "standing.removed": W("removed", "dihapus"),
    "standing.added": W("added", "ditambahkan"),
    "standing.on_time": W("on time", "tepat waktu"),
    "standing.late": W("late", "terlambat"),
    "standing.overdue": W("overdue", "lewat jadwal"),
    "standing.unscheduled": W("unscheduled", "tidak terjadwal"),
    "standing.on_track": W("on track", "sesuai jadwal"),
    "standing.delayed": W("delayed", "mundur"),
}
# fmt: on
