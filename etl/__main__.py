"""Command line: ``python -m etl check|build``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl.build import DEFAULT_DB, EXAMPLE_SOURCE, build, check
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
    build_cmd.add_argument("--quiet", action="store_true", help="skriv bara ut problem")

    args = parser.parse_args(argv)
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
            build(sources, args.db, report)
    except InvalidInput as invalid:
        for problem in invalid.problems:
            print(problem, file=sys.stderr)
        print(
            f"{len(invalid.problems)} problem hittades; inget har ändrats i lagret.",
            file=sys.stderr,
        )
        return EXIT_INVALID_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
