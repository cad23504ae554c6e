"""The report laid out as tables with display words: what the screen, CSV, JSON and XLSX show.

A commune's tables break every indicator down by sex, the national age bands, substance group
and regime, beside the same period last year; two more tables break them down by village /
residential group and by officer in charge. A district's tables have one column per commune.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from caseterm.domain.report.dims import AGE_BANDS, REGIMES, SEXES, SUBSTANCE_GROUPS, UNKNOWN
from caseterm.domain.report.monthly import Counts
from caseterm.i18n import N_, _
from caseterm.services.reports.monthly import MonthlyReport
from caseterm.services.reports.rows import DIRECTIVE, FLOWS, RATIOS, STOCK, Row
from caseterm.services.words.labels import code_label

Value = int | float | None
Breakdown = Callable[[Counts, str], tuple[Value, ...]]
"""A row's breakdown values (by sex, age…, or by commune)."""


@dataclass(frozen=True)
class Column:
    """A column: its key in JSON/CSV and its header words."""

    key: str
    label: str


@dataclass(frozen=True)
class Line:
    """A row of a table: the indicator's code and words, its level and its values."""

    code: str
    label: str
    level: int
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Table:
    """One table of the report (one sheet of the workbook)."""

    key: str
    title: str
    columns: tuple[Column, ...]
    lines: tuple[Line, ...]


_AGE_WORDS = {
    "lt14": "<14",
    "14to16": "14–<16",
    "16to18": "16–<18",
    "18to30": "18–<30",
    "ge30": "≥30",
}
_SUBSTANCE_WORDS = {
    "opiates": N_("heroin, opiates"),
    "ats": N_("synthetic drugs (ATS)"),
    "cannabis": N_("cannabis"),
    "ketamine": N_("ketamine"),
    "cocaine": N_("cocaine"),
    "other": N_("other"),
    "poly": N_("several drugs"),
    UNKNOWN: N_("not recorded"),
}
_GROUPS = (
    ("stock", N_("Stock at the cut-off (K1–K5)"), STOCK),
    ("flows", N_("Flows in the period (F1–F9)"), FLOWS),
    ("directive", N_("Directive indicators"), DIRECTIVE),
)


def commune_tables(report: MonthlyReport) -> list[Table]:
    """The tables of a commune's report."""
    columns = _fixed_columns() + _breakdown_columns()
    tables = [
        Table(key, _(title), columns, tuple(_lines(rows, report, _breakdown_values)))
        for key, title, rows in _GROUPS
    ]
    tables.append(_ratios(report))
    tables.append(_by(report, "village", _("By village / residential group"), _("(no village)")))
    tables.append(_by(report, "officer", _("By officer in charge"), _("(no officer named)")))
    return tables


def district_tables(report: MonthlyReport) -> list[Table]:
    """The tables of a district's report: total, last year, change, then each commune."""
    codes = sorted(report.communes)
    columns = _fixed_columns() + tuple(
        Column(f"unit:{code}", f"{report.communes[code]} ({code})") for code in codes
    )

    def per_commune(counts: Counts, code: str) -> tuple[Value, ...]:
        return tuple(counts.get(code, "unit", unit) for unit in codes)

    return [
        Table(key, _(title), columns, tuple(_lines(rows, report, per_commune)))
        for key, title, rows in _GROUPS
    ] + [_ratios(report)]


def cell_text(value: object) -> str:
    """A value as the screen and the terminal show it: a dash where there is none."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def header(report: MonthlyReport) -> list[tuple[str, str]]:
    """The lines above the tables: unit, period, cut-off, who made it and when."""
    period = report.period
    first, last = period.first_day, period.last_day
    lines = [
        (_("Unit"), f"{report.unit_name} ({report.unit_code})"),
        (_("Period"), f"{period.label}: {first:%d/%m/%Y} – {last:%d/%m/%Y}"),
        (_("Cut-off"), _("24:00 on {day}").format(day=f"{last:%d/%m/%Y}")),
        (_("Made by"), report.generated_by),
        (_("Made at"), _made_at(report.generated_at)),
        (_("caseterm version"), report.app_version),
    ]
    if report.generated_at < period.end_iso:
        lines.insert(0, (_("Warning"), _("the period is not over yet: these numbers will change")))
    if not report.communes:
        population = report.population
        lines.append((_("Population"), str(population) if population else _("not set")))
    if report.missing:
        names = ", ".join(f"{report.communes[c]} ({c})" for c in report.missing)
        lines.insert(0, (_("Communes with no data for this period"), names))
    return lines


def _made_at(stored: str) -> str:
    """When the report was made, in Vietnam's time (the stored moment is UTC)."""
    from datetime import datetime

    from caseterm.clock import VIETNAM

    moment = datetime.fromisoformat(stored.replace("Z", "+00:00")).astimezone(VIETNAM)
    return _("{moment} (Vietnam time)").format(moment=moment.strftime("%d/%m/%Y %H:%M"))


def _fixed_columns() -> tuple[Column, ...]:
    return (
        Column("code", _("Code")),
        Column("indicator", _("Indicator")),
        Column("total", _("Total")),
        Column("last_year", _("Same period last year")),
        Column("change", _("Change")),
    )


def _breakdown_columns() -> tuple[Column, ...]:
    return (
        *(Column(f"sex:{s}", code_label(s)) for s in SEXES),
        *(Column(f"age:{code}", _AGE_WORDS[code]) for code, _low, _below in AGE_BANDS),
        Column(f"age:{UNKNOWN}", _("age not known")),
        *(Column(f"substance:{s}", _(_SUBSTANCE_WORDS[s])) for s in SUBSTANCE_GROUPS),
        *(Column(f"regime:{r}", r) for r in REGIMES),
    )


def _breakdown_values(counts: Counts, code: str) -> tuple[Value, ...]:
    ages = [code for code, _low, _below in AGE_BANDS] + [UNKNOWN]
    return (
        *(counts.get(code, "sex", s) for s in SEXES),
        *(counts.get(code, "age", a) for a in ages),
        *(counts.get(code, "substance", s) for s in SUBSTANCE_GROUPS),
        *(counts.get(code, "regime", r) for r in REGIMES),
    )


def _lines(rows: tuple[Row, ...], report: MonthlyReport, rest: Breakdown) -> list[Line]:
    lines = []
    for code, words, level, suffix in with_extras(rows, report):
        now, before = report.current.get(code), report.last_year.get(code)
        values = (now, before, now - before, *rest(report.current, code))
        lines.append(Line(code, _label(words, suffix), level, values))
    return lines


def with_extras(rows: tuple[Row, ...], report: MonthlyReport) -> list[Row]:
    """The listed rows, each family followed by any sub-item counted but not listed."""
    listed = {row[0] for row in rows}
    counted = set(report.current.by_row) | set(report.last_year.by_row)
    result: list[Row] = []
    for row in rows:
        result.append(row)
        if row[2] == 0:
            extras = sorted(c for c in counted - listed if c.rsplit(".", 1)[0] == row[0])
            # Not listed above (a code added later): its display word, or the code itself.
            result.extend((c, code_label(c.rsplit(".", 1)[1]), 1, "") for c in extras)
    return result


def _label(words: str, suffix: str) -> str:
    text = _(words) if words else ""
    return f"{text} {'đ' if suffix == 'dd' else suffix}".strip() if suffix else text


def _ratios(report: MonthlyReport) -> Table:
    columns = (
        Column("code", _("Code")),
        Column("indicator", _("Indicator")),
        Column("total", _("Per cent")),
        Column("last_year", _("Same period last year")),
        Column("change", _("Change (points)")),
    )
    lines = [_k5(report)] if not report.communes else []
    for code, words, top, bottom in RATIOS:
        now = _percent(report.current.get(top), report.current.get(bottom))
        before = _percent(report.last_year.get(top), report.last_year.get(bottom))
        lines.append(Line(code, _(words), 0, (now, before, _change(now, before))))
    return Table("ratios", _("Ratios (per cent)"), columns, tuple(lines))


def _k5(report: MonthlyReport) -> Line:
    """K5: (K1 + K2) ÷ population, for the QĐ 28/2025 classification."""
    population = report.population

    def ratio(counts: Counts) -> float | None:
        return _percent(counts.get("K1") + counts.get("K2"), population or 0)

    now, before = ratio(report.current), ratio(report.last_year)
    return Line("K5", _("K5 (K1 + K2) ÷ population"), 0, (now, before, _change(now, before)))


def _percent(part: int, whole: int) -> float | None:
    return None if whole <= 0 else round(100 * part / whole, 2)


def _change(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else round(now - before, 2)


def _by(report: MonthlyReport, dimension: str, title: str, blank: str) -> Table:
    values = sorted(set(report.current.values(dimension)))
    columns = (
        Column("code", _("Code")),
        Column("indicator", _("Indicator")),
        Column("total", _("Total")),
        *(Column(f"{dimension}:{v}", v or blank) for v in values),
    )
    rows = [row for _key, _title, group in _GROUPS for row in group if row[2] == 0]
    lines = tuple(
        Line(
            code,
            _label(words, suffix),
            0,
            (
                report.current.get(code),
                *(report.current.get(code, dimension, v) for v in values),
            ),
        )
        for code, words, _level, suffix in rows
    )
    return Table(dimension, title, columns, lines)
