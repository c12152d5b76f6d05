"""``python -m etl kolada fetch|search``: the arguments and what the command prints."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from etl.kolada import fetch as fetching
from etl.kolada import search as searching
from etl.kolada.client import BASE_URL_VARIABLE, Client, KoladaError, base_url
from etl.problems import InvalidInput

EXIT_FAILED = 1
_KPI = re.compile(r"[NU]\d{5}")
_YEARS = re.compile(r"(\d{4})(?:-(\d{4}))?")


def add_commands(commands) -> None:
    kolada = commands.add_parser(
        "kolada",
        help="hämta nyckeltal från Kolada eller sök bland dem",
        description="Hämtar nyckeltal från Koladas API v3 till en mapp, eller söker bland dem.",
    )
    sub = kolada.add_subparsers(dest="kolada_command", required=True, metavar="KOMMANDO")

    fetch = sub.add_parser(
        "fetch",
        help="hämta metadata och värden till en mapp",
        description="Hämtar metadata och värden för kommunen, riket, länet, jämförelsegruppen "
        "och alla kommuner till en mapp. En ny körning hämtar bara det som saknas eller har "
        "ändrats sedan förra gången.",
    )
    fetch.add_argument("--municipality", required=True, metavar="KOD", help="kommunkod, t.ex. 2181")
    fetch.add_argument("--kpi", metavar="N15505,…", help="nyckeltal (annars modellens)")
    fetch.add_argument(
        "--model",
        type=Path,
        action="append",
        metavar="KÄLLA",
        help="målmodellen vars indikatorer har kolada_kpi (kan anges flera gånger)",
    )
    this_year = dt.date.today().year
    fetch.add_argument(
        "--years",
        default=f"{this_year - 10}-{this_year}",
        metavar="ÅÅÅÅ-ÅÅÅÅ",
        help="år eller intervall, t.ex. 2015-2025 eller 2020,2022 (de senaste elva åren)",
    )
    fetch.add_argument(
        "--peers",
        default="auto",
        metavar="auto|G…",
        help="jämförelsegrupp: auto (Koladas liknande kommuner, övergripande) eller ett grupp-id",
    )
    fetch.add_argument("--out", required=True, type=Path, metavar="MAPP", help="mappen att spara i")
    _connection_arguments(fetch)
    fetch.add_argument("--quiet", action="store_true", help="ingen förloppsindikator")

    search = sub.add_parser(
        "search",
        help="sök nyckeltal på titel och beskrivning",
        description="Listar nyckeltal vars titel eller beskrivning innehåller alla orden.",
    )
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.add_argument(
        "--dir",
        type=Path,
        metavar="MAPP",
        help="sök i katalogen som sparats i mappen (hämtas dit första gången)",
    )
    _connection_arguments(search)


def _connection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help=f"API:ets adress (annars {BASE_URL_VARIABLE} eller https://api.kolada.se/v3)",
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="sekunder per anrop (30)"
    )
    parser.add_argument(
        "--rate", type=float, default=5.0, metavar="N", help="högst N anrop per sekund (5)"
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=5,
        metavar="N",
        help="nya försök efter 429, 5xx, tidsgräns eller bruten anslutning (5)",
    )


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    client = Client(
        base_url(args.base_url), rate=args.rate, timeout=args.timeout, retries=args.retries
    )
    try:
        with client:
            if args.kolada_command == "search":
                return _search(client, args)
            return _fetch(client, args, parser)
    except KoladaError as error:
        print(error, file=sys.stderr)
    except OSError as error:
        print(f"Kan inte skriva eller läsa {error.filename}: {error.strerror}.", file=sys.stderr)
    except InvalidInput as invalid:
        for problem in invalid.problems:
            print(problem, file=sys.stderr)
        print(f"{len(invalid.problems)} problem i modellen; inget hämtades.", file=sys.stderr)
    return EXIT_FAILED


def _fetch(client: Client, args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    municipality = args.municipality.strip()
    if not re.fullmatch(r"\d{4}", municipality):
        parser.error(f"kommunkoden ska vara fyra siffror, t.ex. 0180 (inte {municipality!r})")
    years = _years(args.years, parser)
    kpis = _kpis(args, parser)
    summary = fetching.fetch(
        args.out,
        client,
        municipality=municipality,
        kpis=kpis,
        years=years,
        peers=args.peers.strip().upper() if args.peers.strip() != "auto" else "auto",
        progress=not args.quiet,
    )
    print(
        f"Hämtade {summary.fetched} frågor ({summary.pages} sidor, {summary.rows} rader) i "
        f"{summary.requests} anrop; {summary.skipped} fanns redan i {args.out}."
    )
    print(f"Jämförelsegrupp: {summary.peer_group} {summary.peer_title}")
    if summary.unknown_kpis:
        print(f"Finns inte i Kolada: {', '.join(summary.unknown_kpis)}.", file=sys.stderr)
    return 0


def _kpis(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[str]:
    if args.kpi:
        kpis = [k.strip().upper() for k in args.kpi.split(",") if k.strip()]
        wrong = [k for k in kpis if not _KPI.fullmatch(k)]
        if wrong:
            parser.error(f"okänt nyckeltals-id {wrong[0]!r}: ett N eller U och fem siffror")
        return list(dict.fromkeys(kpis))
    if not args.model:
        parser.error("ange --kpi eller --model (modellen vars indikatorer har kolada_kpi)")
    from etl.build import kolada_kpis  # only here: it loads the whole ETL

    kpis = kolada_kpis(args.model)
    if not kpis:
        parser.error("modellen har inga indikatorer med kolada_kpi")
    return kpis


def _years(text: str, parser: argparse.ArgumentParser) -> list[int]:
    years: list[int] = []
    for part in text.split(","):
        match = _YEARS.fullmatch(part.strip())
        if not match:
            parser.error(f"--years: {part!r} är inte ett år eller ett intervall ÅÅÅÅ-ÅÅÅÅ")
        first, last = int(match[1]), int(match[2] or match[1])
        if last < first:
            parser.error(f"--years: {part!r} slutar före det börjar")
        years += range(first, last + 1)
    return sorted(set(years))


def _search(client: Client, args: argparse.Namespace) -> int:
    matches = searching.search(searching.catalogue(client, args.dir), " ".join(args.text))
    if not matches:
        print("Inga nyckeltal matchar.")
        return 0
    print("id\ttitel\tenhet\tverksamhetsområde\tsenaste period")
    for match in matches:
        title = f"{match.title} (upphört)" if match.discontinued else match.title
        print(f"{match.id}\t{title}\t{match.unit}\t{match.operating_area}\t{match.latest_period}")
    print(f"{len(matches)} nyckeltal.", file=sys.stderr)
    return 0
