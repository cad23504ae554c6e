"""`caseterm report …` and `caseterm-admin district report` / `unit …`: the monthly report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.errors import UsageError
from caseterm.i18n import _

if TYPE_CHECKING:  # the services load only when a command runs (fast --help)
    from caseterm.services.reports.monthly import MonthlyReport
    from caseterm.services.reports.tables import Table
    from caseterm.services.session.case_session import CaseSession

app = typer.Typer(
    help=_("Reports: the monthly indicators K1–K5 and F1–F9 with their breakdowns."),
    no_args_is_help=True,
    rich_markup_mode=None,
)
PeriodOpt = Annotated[
    str | None,
    typer.Option("--period", help=_("The month, YYYY-MM (default: the last complete month).")),
]
FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        help=_("table (on screen: totals and sex), json, csv or xlsx (every breakdown)."),
    ),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", help=_("The file to write (needed for csv and xlsx).")),
]


@app.command("monthly", help=_("The commune's monthly report."))
@guarded
def monthly(
    period: PeriodOpt = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """The commune's monthly report."""
    _run(period, fmt, out, (store, user, passphrase_file), district=False)


def _run(
    period: str | None,
    fmt: str,
    out: Path | None,
    opening: tuple[Path | None, str | None, Path | None],
    *,
    district: bool,
) -> None:
    """Check the output first, unlock, make the commune's or the district's report, emit it."""
    from caseterm.services.reports.monthly import district_report, monthly_report
    from caseterm.services.reports.tables import commune_tables, district_tables

    _check_output(fmt, out)
    make, layout = (
        (district_report, district_tables) if district else (monthly_report, commune_tables)
    )
    with unlocked(*opening) as session:
        report = make(session, period)
        emit(session, report, layout(report), fmt, out)


def emit(
    session: CaseSession, report: MonthlyReport, tables: list[Table], fmt: str, out: Path | None
) -> None:
    """Print or write a report in the format asked for."""
    from caseterm.services.reports.export import report_json, write_report

    if out is not None:
        if fmt == "table":
            raise UsageError(
                _("--format table prints on screen; use json, csv or xlsx with --out.")
            )
        write_report(session, report, tables, fmt, out)
        typer.echo(
            _("Report {period} written: {path}").format(period=report.period.label, path=out)
        )
    elif fmt == "json":
        print_json(report_json(report, tables))
    else:
        print_tables(report, tables)


def _check_output(fmt: str, out: Path | None) -> None:
    """Refuse a wrong format before the passphrase is asked for."""
    from caseterm.services.reports.export import FORMATS

    if fmt not in FORMATS:
        raise UsageError(
            _("Unknown format {fmt}: use one of {choices}.").format(
                fmt=fmt, choices=", ".join(FORMATS)
            )
        )
    if fmt in {"csv", "xlsx"} and out is None:
        raise UsageError(_("--format {fmt} needs --out FILE.").format(fmt=fmt))


def print_tables(report: MonthlyReport, tables: list[Table]) -> None:
    """The report on screen: header lines, then each table's totals (and sex for a commune)."""
    from caseterm.services.reports.tables import cell_text, header

    for label, value in header(report):
        typer.echo(f"{label}: {value}")
    for table in tables:
        shown = _shown_columns(table)
        rows = [
            [("  " * line.level) + line.label] + [cell_text(line.values[i - 2]) for i in shown[2:]]
            for line in table.lines
        ]
        heads = [table.columns[i].label for i in shown[1:]]
        widths = [max(len(r[k]) for r in [heads, *rows]) for k in range(len(heads))]
        typer.echo("")
        typer.echo(table.title)
        for cells in [heads, *rows]:
            first = cells[0].ljust(widths[0])
            rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
            typer.echo("  ".join([first, *rest]).rstrip())


def _shown_columns(table: Table) -> list[int]:
    """Every column of a narrow table; of a breakdown table, the totals and the sex columns."""
    keys = [column.key for column in table.columns]
    if not any(key.startswith("sex:") for key in keys):  # the village, officer, ratio tables
        return list(range(len(keys)))
    return [i for i, key in enumerate(keys) if i < 5 or key.startswith("sex:")]


unit_app = typer.Typer(
    help=_("The unit's report settings: population (K5) and the day a period starts."),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@unit_app.command("settings", help=_("Show or change the population and the period's start day."))
@guarded
def settings(
    population: Annotated[
        int | None,
        typer.Option("--population", help=_("The commune's population, for K5.")),
    ] = None,
    start_day: Annotated[
        int | None,
        typer.Option(
            "--start-day",
            help=_("The day of the month a period starts (1: calendar month; 15: 15th to 14th)."),
        ),
    ] = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Show or change the population and the period's start day."""
    from caseterm.services.reports.monthly import report_settings, set_report_settings

    with unlocked(store, user, passphrase_file) as session:
        if population is None and start_day is None:
            found = report_settings(session)
        else:
            found = set_report_settings(session, population=population, start_day=start_day)
    shown = str(found.population) if found.population else _("not set")
    typer.echo(_("Population: {population}").format(population=shown))
    typer.echo(_("A period starts on day {day} of the month.").format(day=found.start_day))


def district_report_command(
    period: PeriodOpt = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """The district's monthly report: each commune and the total; missing communes first."""
    _run(period, fmt, out, (store, user, passphrase_file), district=True)
