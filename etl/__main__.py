"""Command line: ``python -m etl check|build|status|template|kolada``."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import sys
from pathlib import Path

from etl.build import DEFAULT_DB, EXAMPLE_SOURCE, build, check
from etl.kolada import cli as kolada_cli
from etl.problems import InvalidInput

EXIT_INVALID_INPUT = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m etl",
        description="Läser målmodell och utfall (xlsx eller CSV-mappar) och bygger lagret.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    check_cmd = commands.add_parser(
        "check", help="kontrollera källor utan att bygga", description="Kontrollerar källor."
    )
    check_cmd.add_argument("sources", nargs="+", type=Path, metavar="KÄLLA")
    check_cmd.add_argument("--quiet", action="store_true", help="skriv bara ut problem")

    build_cmd = commands.add_parser(
        "build",
        help="kontrollera källor och bygg lagret",
        description="Kontrollerar källor och bygger lagret atomärt (det gamla lagret finns kvar "
        "orört om något är fel).",
    )
    build_cmd.add_argument("sources", nargs="*", type=Path, metavar="KÄLLA")
    build_cmd.add_argument("--example", action="store_true", help="bygg exempelkommunen")
    build_cmd.add_argument(
        "--db", type=Path, default=DEFAULT_DB, metavar="PATH", help=f"lagrets fil ({DEFAULT_DB})"
    )
    build_cmd.add_argument(
        "--full",
        action="store_true",
        help="bygg hela lagret från källorna (annars återanvänds lagrets utfall när bara "
        "utfallsfiler har tillkommit, ändrats eller tagits bort)",
    )
    build_cmd.add_argument(
        "--public",
        action="store_true",
        help="skriv också det publika lagret (bara det som är markerat publikt) bredvid lagret, "
        "för ROD_TRAD_MODE=public; när det finns skrivs det av varje bygge",
    )
    build_cmd.add_argument("--quiet", action="store_true", help="skriv bara ut problem")

    status_cmd = commands.add_parser(
        "status",
        help="skriv ut måluppfyllelsen för en period",
        description="Skriver ut goal_status (eller indicator_status) för en period ur lagret: "
        "en rad per mål som gäller perioden, sorterat på goal_id.",
    )
    status_cmd.add_argument(
        "--db", type=Path, default=DEFAULT_DB, metavar="PATH", help=f"lagrets fil ({DEFAULT_DB})"
    )
    status_cmd.add_argument(
        "--period",
        required=True,
        metavar="P",
        help="period: ÅÅÅÅ, ÅÅÅÅ-T1…T3, ÅÅÅÅ-H1…H2, ÅÅÅÅ-Q1…Q4, ÅÅÅÅ-MM",
    )
    status_cmd.add_argument(
        "--indicators", action="store_true", help="skriv ut indikatorernas status i stället"
    )
    status_cmd.add_argument(
        "--format", choices=("csv", "table"), default="csv", help="utdataformat (csv)"
    )

    template_cmd = commands.add_parser(
        "template",
        help="skriv en tom arbetsbok att fylla i med målmodellen",
        description="Skriver en tom arbetsbok med ett blad per tabell, rubrikrad, "
        "rullgardinslistor och instruktioner; ifylld läses den in som den är.",
    )
    template_cmd.add_argument("file", type=Path, metavar="FIL.xlsx")
    template_cmd.add_argument(
        "--example",
        type=Path,
        metavar="EXEMPEL.xlsx",
        help="skriv också exempelkommunen i samma form till den här filen",
    )
    template_cmd.add_argument("--force", action="store_true", help="skriv över filer som finns")

    kolada_cli.add_commands(commands)

    args = parser.parse_args(argv)
    if args.command == "kolada":
        return kolada_cli.run(args, parser)
    if args.command == "status":
        return _status(args.db, args.period, args.indicators, args.format)
    if args.command == "template":
        return _template(args.file, args.example, args.force)
    report = (lambda _: None) if args.quiet else print
    sources = list(args.sources)
    if args.command == "build" and args.example:
        sources.append(EXAMPLE_SOURCE)
    if not sources:
        parser.error("ange minst en KÄLLA (eller --example)")
    try:
        if args.command == "check":
            check(sources, report)
            report("Inga problem hittades.")
        else:
            build(sources, args.db, report, full=args.full, public=args.public)
    except InvalidInput as invalid:
        for problem in invalid.problems:
            print(problem, file=sys.stderr)
        consequence = (
            "inget har ändrats i lagret" if args.command == "build" else "rätta och kör igen"
        )
        print(f"{len(invalid.problems)} problem hittades; {consequence}.", file=sys.stderr)
        return EXIT_INVALID_INPUT
    return 0


def _status(db: Path, period: str, indicators: bool, output_format: str) -> int:
    # Imported here: pandas, which it needs, would add a second to every build's start.
    from attainment.status import UnknownPeriod, period_status

    if not db.exists():
        print(f"Det finns inget lager på {db}; bygg det med python -m etl build.", file=sys.stderr)
        return EXIT_INVALID_INPUT
    try:
        frame = period_status(db, period, indicators)
    except UnknownPeriod:
        print(
            f"Okänd period {period!r} – förväntat ÅÅÅÅ, ÅÅÅÅ-T1…T3, ÅÅÅÅ-H1…H2, ÅÅÅÅ-Q1…Q4 "
            "eller ÅÅÅÅ-MM.",
            file=sys.stderr,
        )
        return EXIT_INVALID_INPUT
    if output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(frame.columns)
        writer.writerows([_csv_cell(v) for v in row] for row in frame.itertuples(index=False))
    else:
        print(frame.astype(object).where(frame.notna(), "").to_string(index=False))
    return 0


def _template(path: Path, example: Path | None, force: bool) -> int:
    from etl import template

    try:
        template.write(path, dt.date.today(), example=example, force=force)
    except template.TemplateError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Skrev mallen {path}" + (f" och exempelkommunen {example}." if example else "."))
    return 0


def _csv_cell(value: object) -> str:
    """Numbers with a decimal point in full precision; empty for missing values."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return repr(value) if isinstance(value, float) else str(value)


if __name__ == "__main__":
    sys.exit(main())
