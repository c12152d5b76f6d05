"""Generate the fictional example municipality "Sjöviks kommun" in interchange format v1.

Sjöviks kommun does not exist. Its organisation and goal chain are invented, and every outcome,
target and assessment is synthetic: drawn from seeded random series, so that the dashboard has
something realistic to show without any real data. Indicator ids and titles of the Kolada-type
indicators are real Kolada KPI ids and titles; their values are not, and must never be credited
to Kolada. The municipality code 9999 and the comparison group G99999 are fictional too.

The output is byte-identical on every run: all randomness comes from ``random.Random`` seeded
per series with a fixed seed, and every table is written in a fixed order.

Usage::

    python -m etl.example [--out DIR] [--summary]
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from etl.schema import TABLES

SEED = 20261121
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "example"

MUNICIPALITY_CODE = "9999"
MUNICIPALITY_NAME = "Sjöviks kommun"
RIKET = "0000"
PEER_GROUP = "G99999"
SUBJECTS = (MUNICIPALITY_CODE, RIKET, PEER_GROUP)
GENDER_ORDER = ("T", "K", "M")

KOLADA_YEARS = tuple(range(2017, 2026))  # yearly Kolada-type outcomes, 2017–2025
GOAL_YEARS = tuple(range(2019, 2027))  # two mandate periods: 2019–2022 and 2023–2026
LATEST_TERTIAL = "2026-T2"  # the delårsrapport per 31 August 2026 is the latest report
ASSESSMENT_PERIODS = ("2022", "2023", "2024", "2025", LATEST_TERTIAL)
FULL_TEXT_PERIODS = ("2025", LATEST_TERTIAL)  # older assessments get shorter texts
ELECTION_YEARS = (2014, 2018, 2022)

# The default rule parameters of docs/rules.md (preset two_thirds). The generator uses them to
# write assessments that agree with the indicators; the dashboard's engine is the reference.
FULL_THRESHOLD = 2 / 3
PARTIAL_THRESHOLD = 1 / 3
PARTLY_SCORE = 0.5
MIN_COVERAGE = 0.5
MAX_OUTCOME_AGE_MONTHS = 12

SOURCE_LABEL = "syntetisk"

DATA_NOTICE = (
    "Exempeldata: Sjöviks kommun är en påhittad kommun. Alla utfall, målvärden och bedömningar "
    "är syntetiska exempeldata som har genererats med `python -m etl.example`. De är inte verklig "
    "statistik och kommer inte från Kolada. Nyckeltalens id och namn följer Kolada, men värdena "
    "gör det inte. Jämförelseserierna för riket (0000) och för G99999, en påhittad grupp av "
    "liknande kommuner, är också påhittade."
)


# --- Organisation -------------------------------------------------------------------------


@dataclass(frozen=True)
class Org:
    org_id: str
    name: str
    type: str
    parent_id: str = ""
    short_name: str = ""


ORGANISATION: tuple[Org, ...] = (
    Org("KF", "Kommunfullmäktige", "fullmäktige", "", "KF"),
    Org("KS", "Kommunstyrelsen", "styrelse", "KF", "KS"),
    Org("KLK", "Kommunledningskontoret", "förvaltning", "KS", "KLK"),
    Org("SJBO", "AB Sjöviksbostäder", "bolag", "KS", "Sjöviksbostäder"),
    Org("BUN", "Barn- och utbildningsnämnden", "nämnd", "KF", "BUN"),
    Org("BUF", "Barn- och utbildningsförvaltningen", "förvaltning", "BUN", "BUF"),
    Org("BUF-FSK", "Förskoleverksamheten", "enhet", "BUF", "Förskolan"),
    Org("BUF-GRS", "Grundskolan", "enhet", "BUF", "Grundskolan"),
    Org("BUF-GY", "Sjöviks gymnasium", "enhet", "BUF", "Gymnasiet"),
    Org("VON", "Vård- och omsorgsnämnden", "nämnd", "KF", "VON"),
    Org("VOF", "Vård- och omsorgsförvaltningen", "förvaltning", "VON", "VOF"),
    Org("VOF-HT", "Hemtjänsten", "enhet", "VOF", "Hemtjänsten"),
    Org("VOF-SÄBO", "Särskilt boende", "enhet", "VOF", "SÄBO"),
    Org("SN", "Socialnämnden", "nämnd", "KF", "SN"),
    Org("SOF", "Socialförvaltningen", "förvaltning", "SN", "SOF"),
    Org("SOF-IFO", "Individ- och familjeomsorgen", "enhet", "SOF", "IFO"),
    Org("SOF-AME", "Arbetsmarknadsenheten", "enhet", "SOF", "AME"),
    Org("SBN", "Samhällsbyggnadsnämnden", "nämnd", "KF", "SBN"),
    Org("SBF", "Samhällsbyggnadsförvaltningen", "förvaltning", "SBN", "SBF"),
    Org("SBF-GATA", "Gata och park", "enhet", "SBF", "Gata/park"),
    Org("KFN", "Kultur- och fritidsnämnden", "nämnd", "KF", "KFN"),
    Org("KFF", "Kultur- och fritidsförvaltningen", "förvaltning", "KFN", "KFF"),
    Org("KFF-BIB", "Sjöviks bibliotek", "enhet", "KFF", "Biblioteket"),
    Org("MBN", "Miljö- och byggnämnden", "nämnd", "KF", "MBN"),
    Org("MBF", "Miljö- och byggförvaltningen", "förvaltning", "MBN", "MBF"),
)

# Meeting dates at which each body adopted its assessments: the årsredovisning is assessed in
# February of the following year and the delårsrapport per 31 August in September.
ANNUAL_MEETING_DAY = {
    "SJBO": 5,
    "MBN": 10,
    "KFN": 11,
    "SBN": 12,
    "BUN": 17,
    "VON": 18,
    "SN": 19,
    "KS": 24,
}
INTERIM_MEETING_DATE = {
    "SJBO": "2026-09-03",
    "MBN": "2026-09-08",
    "KFN": "2026-09-09",
    "SBN": "2026-09-10",
    "BUN": "2026-09-15",
    "VON": "2026-09-16",
    "SN": "2026-09-17",
    "KS": "2026-09-29",
}


# --- Goals --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    goal_id: str
    title: str
    level: str
    parents: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    valid_from: int = 2019
    valid_to: int | None = None
    description: str = ""
    agenda2030: str = ""
    public: bool = True
    weight: int = 1

    def valid_in(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)


def _kf(
    goal_id: str,
    title: str,
    area: str,
    responsible: str,
    agenda2030: str,
    description: str,
    valid: tuple[int, int] = (2019, 2026),
    weight: int = 1,
) -> Goal:
    return Goal(
        goal_id,
        title,
        "kf-mål",
        (area,),
        tuple(responsible.split(";")),
        valid[0],
        valid[1],
        description,
        agenda2030,
        weight=weight,
    )


def _nm(
    goal_id: str,
    title: str,
    parents: str,
    responsible: str,
    valid: tuple[int, int | None] = (2019, None),
    agenda2030: str = "",
    public: bool = True,
    weight: int = 1,
) -> Goal:
    return Goal(
        goal_id,
        title,
        "nämndmål",
        tuple(parents.split(";")),
        (responsible,),
        valid[0],
        valid[1],
        agenda2030=agenda2030,
        public=public,
        weight=weight,
    )


def _vm(goal_id: str, title: str, parents: str, responsible: str, valid_from: int = 2019) -> Goal:
    # Verksamhetsmål are the förvaltningar's own operational goals and are not published.
    return Goal(
        goal_id,
        title,
        "verksamhetsmål",
        tuple(parents.split(";")),
        (responsible,),
        valid_from,
        None,
        public=False,
    )


GOALS: tuple[Goal, ...] = (
    Goal(
        "VISION",
        "Sjövik – den trygga och hållbara kommunen där alla kan växa",
        "vision",
        responsible=("KF",),
        description=(
            "Kommunfullmäktiges vision som alla mål och all verksamhet i kommunen ska bidra till."
        ),
    ),
    *(
        Goal(
            goal_id,
            title,
            "område",
            ("VISION",),
            ("KF",),
            description=description,
            agenda2030=sdg,
        )
        for goal_id, title, description, sdg in (
            (
                "O1",
                "Utbildning och livslångt lärande",
                "Förskola, skola och vuxenutbildning som ger alla barn, unga och vuxna "
                "förutsättningar att utvecklas.",
                "4",
            ),
            (
                "O2",
                "Omsorg, trygghet och hälsa",
                "En trygg kommun med god omsorg och stöd till dem som behöver det.",
                "1;3;16",
            ),
            (
                "O3",
                "Attraktiv kommun att bo och verka i",
                "Bostäder, kommunikationer och ett näringslivsklimat som gör att fler vill bo och "
                "verka i Sjövik.",
                "8;9;11",
            ),
            (
                "O4",
                "Hållbar miljö och klimat",
                "Minskad klimatpåverkan och hushållning med naturresurser.",
                "7;12;13",
            ),
            (
                "O5",
                "Kultur, fritid och delaktighet",
                "Ett rikt kultur- och fritidsliv, jämställdhet och invånare som kan påverka.",
                "5;10;16",
            ),
            (
                "O6",
                "God ekonomisk hushållning och attraktiv arbetsgivare",
                "Finansiella mål och mål för kommunen som arbetsgivare, enligt kommunallagens krav "
                "på god ekonomisk hushållning.",
                "8;16",
            ),
        )
    ),
    # KF goals. Three were replaced when the new fullmäktige adopted its goals for 2023–2026.
    _kf(
        "KF1.1",
        "Alla elever ska ges förutsättningar att nå kunskapsmålen",
        "O1",
        "BUN",
        "4;4.1",
        "Skolan ska kompensera för skillnader i elevernas förutsättningar så att alla når så "
        "långt som möjligt i sitt lärande.",
        weight=2,
    ),
    _kf(
        "KF1.2",
        "Fler unga ska fullfölja gymnasiet och etablera sig i arbete eller studier",
        "O1",
        "BUN;SN",
        "4;4.3;8.6",
        "En fullföljd gymnasieutbildning är den viktigaste skyddsfaktorn för ett etablerat "
        "vuxenliv.",
    ),
    _kf(
        "KF1.3",
        "Förskolan ska ge barn en trygg och stimulerande start i livet",
        "O1",
        "BUN",
        "4;4.2",
        "Förskolan ska ha god kvalitet och kunna erbjuda plats när familjerna behöver det.",
    ),
    _kf(
        "KF2.1",
        "Äldre ska känna trygghet och delaktighet i vardagen",
        "O2",
        "VON",
        "3;10",
        "Äldre med insatser från kommunen ska ha inflytande över sin vardag och känna sig trygga.",
    ),
    _kf(
        "KF2.2",
        "Fler invånare ska vara självförsörjande",
        "O2",
        "SN",
        "1;8.5",
        "Ersattes 2023 av målet om att fler ska gå från försörjningsstöd till arbete eller "
        "studier.",
        valid=(2019, 2022),
    ),
    _kf(
        "KF2.3",
        "Invånarna ska känna sig trygga i hela kommunen",
        "O2",
        "KS;SN;SBN",
        "16;16.1",
        "Brottsförebyggande arbete och trygga offentliga miljöer i alla kommundelar.",
    ),
    _kf(
        "KF2.4",
        "Fler invånare ska gå från försörjningsstöd till arbete eller studier",
        "O2",
        "SN",
        "1;8.5;8.6",
        "Nytt mål för mandatperioden 2023–2026, ersätter målet om självförsörjning.",
        valid=(2023, 2026),
    ),
    _kf(
        "KF3.1",
        "Sjövik ska vara en attraktiv kommun att bo och leva i",
        "O3",
        "KS",
        "11",
        "Fler ska vilja bo i Sjövik och invånarna ska rekommendera kommunen till andra.",
    ),
    _kf(
        "KF3.2",
        "Bostadsbyggandet ska möta behoven hos en växande befolkning",
        "O3",
        "SBN;SJBO",
        "11;11.1",
        "Planberedskap och byggande av bostäder i olika upplåtelseformer.",
    ),
    _kf(
        "KF3.3",
        "Näringslivet ska ha goda förutsättningar att starta, växa och utvecklas",
        "O3",
        "KS",
        "8;8.3",
        "Ersattes 2023 av målet om ett av länets bästa företagsklimat.",
        valid=(2019, 2022),
    ),
    _kf(
        "KF3.4",
        "Kommunen ska ha ett av länets bästa företagsklimat",
        "O3",
        "KS;MBN",
        "8;8.3;9",
        "Nytt mål för mandatperioden 2023–2026 med fokus på service och myndighetsutövning.",
        valid=(2023, 2026),
    ),
    _kf(
        "KF4.1",
        "Kommunens klimatpåverkan ska minska",
        "O4",
        "KS;SBN",
        "7;13;13.2",
        "Ersattes 2023 av målet om fossilfria verksamheter senast 2030.",
        valid=(2019, 2022),
    ),
    _kf(
        "KF4.2",
        "Resurserna ska tas tillvara genom ökad återvinning och minskat avfall",
        "O4",
        "SBN",
        "12;12.5",
        "Mer av hushållens avfall ska materialåtervinnas.",
    ),
    _kf(
        "KF4.3",
        "Kommunens verksamheter ska vara fossilfria senast 2030",
        "O4",
        "KS;SBN;MBN",
        "7;7.3;13;13.2",
        "Nytt mål för mandatperioden 2023–2026: fordon, lokaler och transporter utan fossila "
        "bränslen.",
        valid=(2023, 2026),
    ),
    _kf(
        "KF5.1",
        "Invånarna ska ha tillgång till ett rikt och varierat kultur- och fritidsliv",
        "O5",
        "KFN",
        "3;11.4",
        "Kultur och fritid för alla åldrar, med särskilt fokus på barn och unga.",
    ),
    _kf(
        "KF5.2",
        "Invånarna ska ha goda möjligheter till insyn och delaktighet i kommunens beslut",
        "O5",
        "KS",
        "16;16.7",
        "Öppenhet, god service och dialog med invånarna.",
    ),
    _kf(
        "KF5.3",
        "Kvinnor och män, flickor och pojkar ska ha samma möjligheter att forma sina liv",
        "O5",
        "KS",
        "5;5.1",
        "Jämställdhet i kommunens verksamheter och i samhället.",
    ),
    _kf(
        "KF6.1",
        "Kommunen ska ha en ekonomi i balans",
        "O6",
        "KS",
        "16;16.6",
        "Finansiellt mål: årets resultat ska över tid uppgå till minst 2 procent av "
        "skatteintäkter och generella statsbidrag.",
        weight=2,
    ),
    _kf(
        "KF6.2",
        "Investeringarna ska i hög grad finansieras med egna medel",
        "O6",
        "KS",
        "16;16.6",
        "Finansiellt mål: självfinansieringsgraden för investeringar ska över mandatperioden "
        "uppgå till minst 80 procent.",
    ),
    _kf(
        "KF6.3",
        "Nämnderna ska bedriva sin verksamhet inom tilldelad budgetram",
        "O6",
        "KS",
        "16;16.6",
        "Finansiellt mål: nämnderna ska hålla sina budgetramar.",
    ),
    _kf(
        "KF6.4",
        "Kommunen ska vara en attraktiv arbetsgivare med friska medarbetare",
        "O6",
        "KS",
        "3;8;8.5",
        "Låg sjukfrånvaro och heltid som norm.",
    ),
    # Nämnd goals. Each nämnd breaks down the KF goals it contributes to.
    _nm(
        "BUN1",
        "Fler elever ska vara behöriga till gymnasieskolans nationella program",
        "KF1.1",
        "BUN",
        agenda2030="4.1",
        weight=2,
    ),
    _nm("BUN2", "Elevernas kunskapsresultat i årskurs 9 ska förbättras", "KF1.1", "BUN"),
    _nm(
        "BUN3", "Alla elever ska känna sig trygga i skolan", "KF1.1;KF2.3", "BUN", agenda2030="4.a"
    ),
    _nm("BUN4", "Fler gymnasieelever ska ta examen inom fyra år", "KF1.2", "BUN", agenda2030="4.3"),
    _nm(
        "BUN5",
        "Förskolans barngrupper ska ha en storlek som ger goda förutsättningar för lärande",
        "KF1.3",
        "BUN",
    ),
    _nm(
        "BUN6",
        "Barn ska erbjudas förskoleplats på önskat datum och vårdnadshavarna ska vara nöjda",
        "KF1.3",
        "BUN",
    ),
    _nm("BUN7", "Barn- och utbildningsnämnden ska hålla sin budgetram", "KF6.3", "BUN"),
    _nm(
        "BUN8",
        "Medarbetarna i förskola och skola ska ha en hälsosam arbetsmiljö",
        "KF6.4",
        "BUN",
        public=False,
    ),
    _nm("VON1", "Äldre med hemtjänst ska vara nöjda med sin hemtjänst", "KF2.1", "VON"),
    _nm("VON2", "Äldre i särskilt boende ska uppleva en trygg och god omsorg", "KF2.1", "VON"),
    _nm("VON3", "Väntetiden till särskilt boende ska vara kort", "KF2.1", "VON"),
    _nm("VON4", "Kontinuiteten i hemtjänsten ska öka", "KF2.1", "VON"),
    _nm(
        "VON5",
        "Fler medarbetare inom vård och omsorg ska arbeta heltid",
        "KF6.4",
        "VON",
        agenda2030="5.5;8.5",
    ),
    _nm("VON6", "Vård- och omsorgsnämnden ska hålla sin budgetram", "KF6.3", "VON"),
    _nm(
        "SN1",
        "Fler personer med ekonomiskt bistånd ska nå egen försörjning",
        "KF2.2",
        "SN",
        valid=(2019, 2022),
    ),
    _nm(
        "SN2",
        "Tiden med ekonomiskt bistånd ska förkortas",
        "KF2.4",
        "SN",
        valid=(2023, None),
        agenda2030="1.2",
    ),
    _nm(
        "SN3",
        "Barn och unga i behov av stöd ska få rätt insats i rätt tid",
        "KF2.3;KF1.2",
        "SN",
        agenda2030="16.2",
    ),
    _nm(
        "SN4",
        "Fler deltagare i arbetsmarknadsinsatser ska gå vidare till arbete eller studier",
        "KF2.4",
        "SN",
        valid=(2023, None),
        agenda2030="8.6",
    ),
    _nm(
        "SN5",
        "Våld i nära relationer ska förebyggas och uppmärksammas",
        "KF2.3",
        "SN",
        agenda2030="5.2;16.1",
    ),
    _nm("SN6", "Socialnämnden ska hålla sin budgetram", "KF6.3", "SN"),
    _nm(
        "SBN1",
        "Planberedskapen ska möjliggöra ett varierat bostadsbyggande",
        "KF3.2",
        "SBN",
        agenda2030="11.1",
    ),
    _nm(
        "SBN2",
        "Andelen hushållsavfall som materialåtervinns ska öka",
        "KF4.2",
        "SBN",
        agenda2030="12.5",
    ),
    _nm(
        "SBN3",
        "Gång- och cykelvägnätet ska byggas ut och vara trafiksäkert",
        "KF3.1;KF2.3",
        "SBN",
        agenda2030="11.2",
    ),
    _nm(
        "SBN4",
        "Energianvändningen i kommunens lokaler ska minska",
        "KF4.1",
        "SBN",
        valid=(2019, 2022),
        agenda2030="7.3",
    ),
    _nm(
        "SBN5",
        "Kommunens fordon ska drivas med fossilfria drivmedel",
        "KF4.3",
        "SBN",
        valid=(2023, None),
        agenda2030="13.2",
    ),
    _nm("SBN6", "Samhällsbyggnadsnämnden ska hålla sin budgetram", "KF6.3", "SBN"),
    _nm(
        "SBN7",
        "Energianvändningen i kommunens lokaler ska minska med 20 procent till 2030",
        "KF4.3",
        "SBN",
        valid=(2023, None),
        agenda2030="7.3",
    ),
    _nm(
        "KFN1",
        "Fler barn och unga ska delta i kultur- och fritidsaktiviteter",
        "KF5.1",
        "KFN",
        weight=2,
    ),
    _nm(
        "KFN2",
        "Biblioteken ska vara en mötesplats för läsning, lärande och demokrati",
        "KF5.1;KF5.2",
        "KFN",
    ),
    _nm("KFN3", "Invånarna ska vara nöjda med kultur- och fritidsutbudet", "KF5.1", "KFN"),
    _nm(
        "KFN4",
        "Föreningslivet ska ha goda förutsättningar att bedriva verksamhet",
        "KF5.1",
        "KFN",
    ),
    _nm("MBN1", "Handläggningen av bygglov ska vara snabb och rättssäker", "KF3.3;KF3.4", "MBN"),
    _nm(
        "MBN2",
        "Företagen ska uppleva god service vid tillsyn och tillståndsprövning",
        "KF3.4",
        "MBN",
        valid=(2023, None),
    ),
    _nm(
        "MBN3",
        "Tillsynen ska bidra till minskad miljö- och klimatpåverkan",
        "KF4.1;KF4.3",
        "MBN",
    ),
    _nm(
        "MBN4",
        "Bygglovsprocessen ska vara helt digital",
        "KF3.4",
        "MBN",
        valid=(2023, None),
    ),
    _nm(
        "KS1",
        "Årets resultat ska uppgå till minst 2 procent av skatteintäkter och generella statsbidrag",
        "KF6.1",
        "KS",
    ),
    _nm(
        "KS2",
        "Självfinansieringsgraden för investeringar ska uppgå till minst 80 procent",
        "KF6.2",
        "KS",
    ),
    _nm("KS3", "Sjukfrånvaron bland kommunens medarbetare ska minska", "KF6.4", "KS"),
    _nm(
        "KS4",
        "Invånarna ska få snabba svar och ett gott bemötande i kontakten med kommunen",
        "KF5.2",
        "KS",
    ),
    _nm("KS5", "Fler invånare ska delta i kommunens medborgardialoger", "KF5.2", "KS"),
    _nm(
        "KS6",
        "Samverkan med näringslivet ska stärkas",
        "KF3.3",
        "KS",
        valid=(2019, 2022),
    ),
    _nm(
        "KS7",
        "Fler företag ska etablera sig och växa i Sjövik",
        "KF3.4",
        "KS",
        valid=(2023, None),
    ),
    _nm(
        "KS8",
        "Fler ärenden ska kunna inledas via kommunens e-tjänster",
        "KF5.2",
        "KS",
        public=False,
    ),
    _nm(
        "SJB1",
        "Sjöviksbostäder ska tillföra nya hyresrätter och ha en låg vakansgrad",
        "KF3.2",
        "SJBO",
        agenda2030="11.1",
    ),
    # Verksamhetsmål set by the förvaltningar under some nämnd goals.
    _vm(
        "BUF-V1",
        "Alla elever i behov av särskilt stöd ska ha ett aktuellt åtgärdsprogram",
        "BUN2",
        "BUF",
    ),
    _vm("BUF-V2", "Den problematiska skolfrånvaron ska minska", "BUN2;BUN3", "BUF"),
    _vm("VOF-V1", "Varje hemtjänsttagare ska ha en utsedd fast omsorgskontakt", "VON4", "VOF"),
    _vm(
        "SOF-V1",
        "Alla nya sökande av ekonomiskt bistånd ska erbjudas en arbetsmarknadsinsats inom två "
        "veckor",
        "SN2",
        "SOF",
        valid_from=2023,
    ),
    _vm("KLK-V1", "Alla medarbetare ska erbjudas ett årligt medarbetarsamtal", "KS3", "KLK"),
)


# --- Indicators ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetSpec:
    """How the target of an indicator is set; `value` is the 2019 level, moved by `step`/year."""

    comparator: str
    value: float | None = None
    step: float = 0.0
    tolerance: float = 0.0
    low: float | None = None
    high: float | None = None

    def value_in(self, year: int) -> float | None:
        return None if self.value is None else self.value + self.step * (year - GOAL_YEARS[0])


def at_least(value: float, tolerance: float, step: float = 0.0) -> TargetSpec:
    return TargetSpec(">=", value, step, tolerance)


def at_most(value: float, tolerance: float, step: float = 0.0) -> TargetSpec:
    return TargetSpec("<=", value, step, tolerance)


def between(low: float, high: float, tolerance: float) -> TargetSpec:
    return TargetSpec("between", tolerance=tolerance, low=low, high=high)


def increase(tolerance: float = 0.0) -> TargetSpec:
    """'Ska öka': met when the value rose by more than `tolerance` since the previous period."""
    return TargetSpec("increase", tolerance=tolerance)


def decrease(tolerance: float = 0.0) -> TargetSpec:
    return TargetSpec("decrease", tolerance=tolerance)


@dataclass(frozen=True)
class Model:
    """Parameters of a synthetic series: start + trend * years + shifts + seasonal + noise.

    Years are counted from the first generated period (2017 for Kolada-type indicators, 2019-T1
    for internal ones). `riket` and `riket_trend` give the 0000 series; `peer` places the
    fictional peer group relative to riket.
    """

    start: float
    trend: float = 0.0
    noise: float = 0.0
    riket: float | None = None
    riket_trend: float = 0.0
    peer: float = 0.0
    peer_start: float | None = None  # absolute peer level, for counts that riket dwarfs
    gender_gap: float = 0.0  # women minus men, in the indicator's unit
    women_share: float | None = None  # for counts split by gender (population)
    shifts: tuple[tuple[int, int, float], ...] = ()  # (from year, to year, delta)
    seasonal: tuple[float, float, float] = (0.0, 0.0, 0.0)  # added in T1, T2, T3
    held_from: tuple[int, ...] = ()  # years a value is measured and then repeated (elections)


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    title: str
    direction: str
    unit: str
    decimals: int
    source: str
    phrase: str  # definite Swedish noun phrase used as a subject in generated analysis texts
    model: Model
    target: TargetSpec | None = None
    description: str = ""
    public: bool = True
    by_gender: bool = False

    @property
    def is_kolada(self) -> bool:
        return self.source == "kolada"


def _kolada(
    kpi: str,
    title: str,
    direction: str,
    unit: str,
    decimals: int,
    phrase: str,
    model: Model,
    target: TargetSpec | None = None,
    by_gender: bool = False,
) -> Indicator:
    description = f"Kolada-nyckeltal {kpi}. Värdena i exemplet är syntetiska, inte Koladas."
    return Indicator(
        kpi,
        title,
        direction,
        unit,
        decimals,
        "kolada",
        phrase,
        model,
        target,
        description,
        by_gender=by_gender,
    )


def _internal(
    indicator_id: str,
    title: str,
    direction: str,
    unit: str,
    decimals: int,
    phrase: str,
    model: Model,
    target: TargetSpec | None = None,
    source: str = "egen",
    description: str = "",
    public: bool = True,
) -> Indicator:
    return Indicator(
        indicator_id,
        title,
        direction,
        unit,
        decimals,
        source,
        phrase,
        model,
        target,
        description,
        public,
    )


# Titles of Kolada KPIs are copied exactly (including double spaces) from the Kolada catalogue
# of March 2026, so that the ETL can match them; tests/test_example_data.py checks this. The
# internal indicators come from the municipality's own follow-up and have tertial values.
INDICATORS: tuple[Indicator, ...] = (
    _kolada(
        "N15505",
        "Elever i åk. 9, meritvärde kommunala skolor, genomsnitt (17 ämnen)",
        "higher",
        "meritpoäng",
        1,
        "Det genomsnittliga meritvärdet i årskurs 9",
        Model(219.0, 1.3, 2.0, riket=221.0, riket_trend=0.6, peer=-1.5, gender_gap=21.0),
        at_least(225.0, 5.0, step=1.0),
        by_gender=True,
    ),
    _kolada(
        "N15419",
        "Elever i åk 9 som uppnått betygskriterierna i alla ämnen, kommunala skolor,  andel (%)",
        "higher",
        "%",
        1,
        "Andelen elever i årskurs 9 som nått betygskriterierna i alla ämnen",
        Model(71.0, 0.7, 1.5, riket=73.5, peer=-1.0, gender_gap=4.0),
        at_least(75.0, 3.0),
        by_gender=True,
    ),
    _kolada(
        "N15428",
        "Elever i åk 9 som är behöriga till yrkesprogram, hemkommun, andel (%)",
        "higher",
        "%",
        1,
        "Andelen elever i årskurs 9 som är behöriga till yrkesprogram",
        Model(84.0, 0.5, 1.2, riket=84.5, riket_trend=0.2, peer=-0.5, gender_gap=2.0),
        at_least(88.0, 2.0),
        by_gender=True,
    ),
    _kolada(
        "N17461",
        "Gymnasieelever med examen inom 4 år, hemkommun, andel (%)",
        "higher",
        "%",
        1,
        "Andelen gymnasieelever med examen inom fyra år",
        Model(
            69.0,
            0.5,
            0.6,
            riket=70.5,
            riket_trend=0.4,
            peer=-1.0,
            gender_gap=7.0,
            shifts=((2023, 2023, -1.0), (2024, 2024, -1.8), (2025, 2025, -2.8)),
        ),
        at_least(75.0, 3.0),
        by_gender=True,
    ),
    _kolada(
        "N11102",
        "Inskrivna barn per årsarbetare i förskolan, lägeskommun, antal",
        "lower",
        "antal",
        1,
        "Antalet inskrivna barn per årsarbetare i förskolan",
        Model(5.6, -0.1, 0.08, riket=5.25, riket_trend=-0.03, peer=0.1),
        at_most(5.0, 0.3),
    ),
    _kolada(
        "N11008",
        "Kostnad förskola, kr/inskrivet barn",
        "neutral",
        "kr",
        0,
        "Kostnaden per inskrivet barn i förskolan",
        Model(142000.0, 5200.0, 2000.0, riket=148000.0, riket_trend=5000.0, peer=-4000.0),
    ),
    _kolada(
        "U21468",
        "Brukarbedömning hemtjänst äldreomsorg -  helhetssyn, andel (%)",
        "higher",
        "%",
        0,
        "Andelen brukare som sammantaget är nöjda med sin hemtjänst",
        Model(91.0, -0.4, 1.5, riket=89.0, riket_trend=-0.3, peer=1.0, gender_gap=-2.0),
        at_least(90.0, 3.0),
        by_gender=True,
    ),
    _kolada(
        "U23471",
        "Brukarbedömning särskilt boende äldreomsorg -  helhetssyn, andel (%)",
        "higher",
        "%",
        0,
        "Andelen boende som sammantaget är nöjda med sitt särskilda boende",
        Model(80.0, 0.3, 1.5, riket=81.0, riket_trend=-0.4, peer=1.0, gender_gap=1.0),
        at_least(85.0, 3.0),
        by_gender=True,
    ),
    _kolada(
        "N20891",
        "Invånare 65+ i särskilt boende eller med hemtjänst i ordinärt boende, andel (%)",
        "neutral",
        "%",
        1,
        "Andelen invånare 65 år och äldre med hemtjänst eller i särskilt boende",
        Model(11.8, -0.15, 0.2, riket=11.6, riket_trend=-0.15, gender_gap=4.5),
        by_gender=True,
    ),
    _kolada(
        "N31807",
        "Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef.",
        "lower",
        "%",
        1,
        "Andelen invånare som fått ekonomiskt bistånd",
        Model(
            4.0,
            -0.18,
            0.12,
            riket=3.9,
            riket_trend=-0.13,
            peer=0.2,
            shifts=((2024, 2024, 0.3), (2025, 2025, 0.6)),
        ),
        at_most(3.5, 0.3, step=-0.1),
    ),
    _kolada(
        "N00938",
        "Sjukpenningtalet, 16–64 år, dagar/registrerad försäkrad",
        "lower",
        "dagar",
        1,
        "Sjukpenningtalet",
        Model(
            10.2,
            -0.1,
            0.2,
            riket=9.9,
            riket_trend=-0.05,
            peer=0.3,
            gender_gap=5.5,
            shifts=((2020, 2020, -0.3),),
        ),
        at_most(9.0, 0.5),
        by_gender=True,
    ),
    _kolada(
        "N07403",
        "Anmälda våldsbrott, antal/100 000 inv",
        "lower",
        "antal/100 000 inv",
        0,
        "Antalet anmälda våldsbrott",
        Model(980.0, -15.0, 40.0, riket=1080.0, riket_trend=-8.0, peer=-120.0),
        decrease(10.0),
    ),
    _kolada(
        "N00945",
        "Tillfälliga föräldrapenningdagar (VAB) som tas ut av män, andel av antal dagar (%)",
        "higher",
        "%",
        1,
        "Männens andel av de tillfälliga föräldrapenningdagarna (VAB)",
        Model(37.5, 0.5, 0.6, riket=37.8, riket_trend=0.3),
        at_least(40.0, 2.0),
    ),
    _kolada(
        "N01951",
        "Invånare totalt, antal",
        "higher",
        "antal",
        0,
        "Antalet invånare",
        Model(
            24350.0,
            160.0,
            60.0,
            riket=10120000.0,
            riket_trend=60000.0,
            peer_start=25200.0,
            women_share=0.495,
        ),
        increase(),
        by_gender=True,
    ),
    _kolada(
        "N00667",
        "Medborgarundersökningen - Kommunen är en bra plats att bo och leva på, andel (%)",
        "higher",
        "%",
        0,
        "Andelen invånare som anser att kommunen är en bra plats att bo och leva på",
        Model(82.0, 0.2, 1.0, riket=84.0, peer=-1.0, gender_gap=1.0),
        at_least(85.0, 3.0),
        by_gender=True,
    ),
    _kolada(
        "N07916",
        "Färdigställda bostäder, ny- och ombyggnad, antal/1000 inv",
        "higher",
        "antal/1000 inv",
        1,
        "Antalet färdigställda bostäder",
        Model(3.8, 0.25, 1.0, riket=5.2, riket_trend=-0.1, peer=-1.0),
        at_least(5.0, 1.0),
    ),
    _kolada(
        "U07453",
        "Företagsklimat Insikt - Totalt, Index, ny definition",
        "higher",
        "index",
        0,
        "Företagsklimatet enligt Insikt (NKI)",
        Model(68.0, 0.6, 1.2, riket=70.0, riket_trend=0.3),
        at_least(72.0, 2.0),
    ),
    _kolada(
        "N02267",
        "Sysselsättningsgrad 20-64 år, andel (%)",
        "higher",
        "%",
        1,
        "Sysselsättningsgraden bland invånare 20–64 år",
        Model(
            79.2,
            0.25,
            0.3,
            riket=80.0,
            riket_trend=0.3,
            gender_gap=-3.0,
            shifts=((2020, 2020, -1.5), (2021, 2021, -0.6)),
        ),
        at_least(80.0, 1.5),
        by_gender=True,
    ),
    _kolada(
        "N01720",
        "Arbetslösa eller i åtgärd minst en dag under året, 16-64 år, andel (%)",
        "lower",
        "%",
        1,
        "Andelen invånare 16–64 år som varit arbetslösa eller i åtgärd under året",
        Model(12.5, -0.35, 0.3, riket=11.0, riket_trend=-0.2, shifts=((2020, 2021, 1.2),)),
        at_most(10.0, 1.0),
    ),
    _kolada(
        "U07414",
        "Kommunalt avfall som samlats in för materialåtervinning, inkl. biologisk behandling, "
        "andel (%)",
        "higher",
        "%",
        1,
        "Andelen kommunalt avfall som samlats in för materialåtervinning",
        Model(38.0, 2.5, 1.2, riket=40.0, riket_trend=1.3),
        at_least(45.0, 3.0, step=2.0),
    ),
    _kolada(
        "U00502",
        "Fossiloberoende fordon i kommunorganisationen, andel (%)",
        "higher",
        "%",
        1,
        "Andelen fossiloberoende fordon i kommunorganisationen",
        Model(30.0, 5.5, 3.0, riket=35.0, riket_trend=4.0),
        at_least(40.0, 5.0, step=5.0),
    ),
    _kolada(
        "N05401",
        "Valdeltagande i senaste kommunalvalet, andel (%)",
        "higher",
        "%",
        1,
        "Valdeltagandet i det senaste kommunalvalet",
        Model(
            84.2,
            riket=85.0,
            peer=-0.8,
            gender_gap=2.5,
            shifts=((2018, 2021, 2.3), (2022, 2025, 0.7)),
            held_from=ELECTION_YEARS,
        ),
        at_least(86.0, 2.0),
        by_gender=True,
    ),
    _kolada(
        "N00901",
        "Skattesats till kommun (%)",
        "neutral",
        "%",
        2,
        "Skattesatsen",
        Model(21.35, riket=20.7, shifts=((2023, 2025, 0.25),)),
    ),
    _kolada(
        "N03102",
        "Årets resultat som andel av skatt & generella statsbidrag kommun, (%)",
        "higher",
        "%",
        1,
        "Årets resultat som andel av skatteintäkter och generella statsbidrag",
        Model(
            2.2,
            0.0,
            0.4,
            riket=2.5,
            shifts=(
                (2020, 2020, 2.5),
                (2021, 2021, 3.0),
                (2022, 2022, 1.5),
                (2023, 2023, -2.2),
                (2024, 2024, -0.5),
                (2025, 2025, 0.3),
            ),
        ),
        at_least(2.0, 0.5),
    ),
    _kolada(
        "N03103",
        "Självfinansieringsgrad för kommunens investeringar, andel (%)",
        "higher",
        "%",
        0,
        "Självfinansieringsgraden för investeringarna",
        Model(
            70.0,
            0.0,
            8.0,
            riket=85.0,
            shifts=(
                (2020, 2020, 30.0),
                (2021, 2021, 35.0),
                (2022, 2022, 10.0),
                (2023, 2023, -15.0),
            ),
        ),
        at_least(80.0, 10.0),
    ),
    _kolada(
        "N03106",
        "Soliditet kommun, (%)",
        "higher",
        "%",
        1,
        "Soliditeten",
        Model(47.0, -0.6, 0.5, riket=50.0),
        at_least(45.0, 3.0),
    ),
    _kolada(
        "N00090",
        "Sjukfrånvaro totalt bland anställda, kommun, andel (%)",
        "lower",
        "%",
        1,
        "Sjukfrånvaron bland kommunens medarbetare",
        Model(
            7.6,
            -0.1,
            0.2,
            riket=7.7,
            riket_trend=-0.05,
            gender_gap=3.5,
            shifts=((2020, 2021, 1.2), (2022, 2022, 0.5)),
        ),
        at_most(7.0, 0.5),
        by_gender=True,
    ),
    _kolada(
        "N00206",
        "Heltidsanställda månadsavlönade, kommun, andel (%)",
        "higher",
        "%",
        1,
        "Andelen heltidsanställda bland kommunens månadsavlönade",
        Model(76.0, 2.0, 0.8, riket=78.0, riket_trend=1.5, gender_gap=-8.0),
        at_least(80.0, 3.0, step=1.5),
        by_gender=True,
    ),
    _internal(
        "BU-TRYGG",
        "Andel elever som känner sig trygga i skolan (pulsenkät)",
        "higher",
        "%",
        0,
        "Andelen elever som känner sig trygga i skolan",
        Model(84.0, 0.5, 1.5, seasonal=(0.0, -1.0, 1.0)),
        at_least(90.0, 3.0),
        source="enkät",
        description="Elevenkät som besvaras av elever i årskurs 4–9 en gång per tertial.",
    ),
    _internal(
        "BU-FRANVARO",
        "Andel elever i grundskolan med hög frånvaro (minst 15 procent)",
        "lower",
        "%",
        1,
        "Andelen elever med hög frånvaro",
        Model(9.5, 0.2, 0.5, shifts=((2020, 2021, 2.0),), seasonal=(0.8, -0.6, 0.0)),
        at_most(8.0, 1.0),
        description="Elever med minst 15 procent frånvaro under perioden, giltig och ogiltig.",
    ),
    _internal(
        "BU-KO",
        "Andel barn som erbjudits förskoleplats på önskat placeringsdatum",
        "higher",
        "%",
        0,
        "Andelen barn som erbjudits förskoleplats på önskat datum",
        Model(88.0, 1.2, 2.0, seasonal=(0.0, 2.0, -3.0)),
        at_least(95.0, 5.0),
    ),
    _internal(
        "BU-NOJD",
        "Andel vårdnadshavare som är nöjda med förskolan (löpande enkät)",
        "higher",
        "%",
        0,
        "Andelen vårdnadshavare som är nöjda med förskolan",
        Model(89.0, 0.1, 1.5),
        at_least(88.0, 3.0),
        source="enkät",
    ),
    _internal(
        "BU-BUDG",
        "Budgetavvikelse, prognos helår, barn- och utbildningsnämnden",
        "higher",
        "mnkr",
        1,
        "Budgetavvikelsen för helåret",
        Model(-2.5, 0.2, 1.0, seasonal=(0.8, 0.0, -1.0)),
        at_least(0.0, 1.0),
        source="ekonomi",
        description=(
            "Prognostiserat resultat mot budget för helåret; negativt värde betyder underskott."
        ),
    ),
    _internal(
        "BU-SJUK",
        "Sjukfrånvaro, barn- och utbildningsförvaltningen",
        "lower",
        "%",
        1,
        "Sjukfrånvaron inom barn- och utbildningsförvaltningen",
        Model(
            7.3,
            -0.1,
            0.3,
            shifts=((2020, 2021, 1.5), (2025, 2026, 0.6)),
            seasonal=(0.8, -0.8, 0.0),
        ),
        at_most(6.5, 0.5),
        description="Sjukfrånvaro i procent av ordinarie arbetstid under perioden.",
        public=False,
    ),
    _internal(
        "BU-ATGPLAN",
        "Andel elever i behov av särskilt stöd med aktuellt åtgärdsprogram",
        "higher",
        "%",
        0,
        "Andelen elever i behov av särskilt stöd med aktuellt åtgärdsprogram",
        Model(80.0, 2.5, 2.0),
        at_least(95.0, 5.0),
    ),
    _internal(
        "VO-KONT",
        "Antal olika personal som besökt en hemtjänsttagare under 14 dagar, medelvärde",
        "lower",
        "antal",
        1,
        "Antalet olika personal per hemtjänsttagare under 14 dagar",
        Model(17.5, -0.2, 0.5, seasonal=(0.0, 0.8, -0.3)),
        at_most(15.0, 1.5),
    ),
    _internal(
        "VO-FAST",
        "Andel hemtjänsttagare med utsedd fast omsorgskontakt",
        "higher",
        "%",
        0,
        "Andelen hemtjänsttagare med fast omsorgskontakt",
        Model(75.0, 3.0, 1.5),
        at_least(90.0, 5.0),
    ),
    _internal(
        "VO-RISK",
        "Andel brukare i särskilt boende med aktuell riskbedömning (fall, trycksår, nutrition)",
        "higher",
        "%",
        0,
        "Andelen boende med aktuell riskbedömning",
        Model(84.0, 0.3, 0.8, seasonal=(0.0, 1.0, -1.5)),
        at_least(90.0, 5.0),
    ),
    _internal(
        "VO-VANTE",
        "Väntetid från beslut till erbjuden plats i särskilt boende, medelvärde",
        "lower",
        "dagar",
        0,
        "Den genomsnittliga väntetiden till särskilt boende",
        Model(55.0, 4.0, 6.0),
        at_most(60.0, 10.0),
    ),
    _internal(
        "VO-HELTID",
        "Andel heltidsanställda inom vård och omsorg",
        "higher",
        "%",
        0,
        "Andelen heltidsanställda inom vård och omsorg",
        Model(48.0, 3.6, 1.0),
        at_least(50.0, 3.0, step=3.0),
    ),
    _internal(
        "VO-BUDG",
        "Budgetavvikelse, prognos helår, vård- och omsorgsnämnden",
        "higher",
        "mnkr",
        1,
        "Budgetavvikelsen för helåret",
        Model(-4.0, 0.1, 1.2, seasonal=(0.8, 0.0, -1.0)),
        at_least(0.0, 1.0),
        source="ekonomi",
        description=(
            "Prognostiserat resultat mot budget för helåret; negativt värde betyder underskott."
        ),
    ),
    _internal(
        "VO-BELAGG",
        "Beläggningsgrad i särskilt boende",
        "neutral",
        "%",
        1,
        "Beläggningsgraden i särskilt boende",
        Model(96.5, -0.3, 0.8),
        between(95.0, 98.0, 1.0),
        description="För låg beläggning ger dyra tomma platser, för hög ger kö och korttidsvård.",
    ),
    _internal(
        "SO-AVSL",
        "Andel avslutade ärenden med ekonomiskt bistånd där personen gått till arbete eller "
        "studier",
        "higher",
        "%",
        0,
        "Andelen avslutade biståndsärenden som gått till arbete eller studier",
        Model(30.0, 2.0, 2.0),
        at_least(35.0, 5.0),
    ),
    _internal(
        "SO-TID",
        "Genomsnittlig tid med ekonomiskt bistånd för avslutade ärenden",
        "lower",
        "månader",
        1,
        "Den genomsnittliga tiden med ekonomiskt bistånd",
        Model(11.0, -0.2, 0.25, shifts=((2025, 2026, 1.2),), seasonal=(-0.4, 0.0, 0.4)),
        at_most(9.0, 1.0),
    ),
    _internal(
        "SO-UTRED",
        "Andel barnavårdsutredningar som avslutats inom fyra månader",
        "higher",
        "%",
        0,
        "Andelen barnavårdsutredningar som avslutats inom fyra månader",
        Model(72.0, 0.5, 3.0),
        at_least(85.0, 5.0),
    ),
    _internal(
        "SO-AMI",
        "Andel deltagare i arbetsmarknadsinsatser som gått vidare till arbete eller studier",
        "higher",
        "%",
        0,
        "Andelen deltagare i arbetsmarknadsinsatser som gått vidare till arbete eller studier",
        Model(35.0, 1.5, 2.5),
        at_least(40.0, 5.0),
    ),
    _internal(
        "SO-INSATS",
        "Andel nya sökande av ekonomiskt bistånd som erbjudits arbetsmarknadsinsats inom två "
        "veckor",
        "higher",
        "%",
        0,
        "Andelen nya sökande som erbjudits arbetsmarknadsinsats inom två veckor",
        Model(70.0, 4.0, 2.5),
        at_least(90.0, 5.0),
    ),
    _internal(
        "SO-BUDG",
        "Budgetavvikelse, prognos helår, socialnämnden",
        "higher",
        "mnkr",
        1,
        "Budgetavvikelsen för helåret",
        Model(-1.0, 0.3, 1.0, seasonal=(0.8, 0.0, -1.0)),
        at_least(0.0, 1.0),
        source="ekonomi",
        description=(
            "Prognostiserat resultat mot budget för helåret; negativt värde betyder underskott."
        ),
    ),
    _internal(
        "SB-PLAN",
        "Antal bostäder i gällande detaljplaner som ännu inte byggts (planberedskap)",
        "higher",
        "antal",
        0,
        "Antalet bostäder i gällande detaljplaner som ännu inte byggts",
        Model(500.0, 35.0, 25.0),
        at_least(600.0, 60.0),
    ),
    _internal(
        "SB-GC",
        "Utbyggd gång- och cykelväg sedan 2019, ackumulerat",
        "higher",
        "km",
        1,
        "Den utbyggda gång- och cykelvägen sedan 2019",
        Model(0.8, 2.1, 0.05),
        at_least(2.0, 1.0, step=2.0),
        description=(
            "Mäts i kommunens GIS-system. Uppföljningen har inte uppdaterats sedan augusti 2024."
        ),
    ),
    _internal(
        "SB-ENERGI",
        "Energianvändning i kommunens egna lokaler, rullande tolv månader",
        "lower",
        "kWh/m²",
        0,
        "Energianvändningen i kommunens lokaler",
        Model(165.0, -4.0, 2.0),
        at_most(160.0, 5.0, step=-3.0),
    ),
    _internal(
        "SB-BUDG",
        "Budgetavvikelse, prognos helår, samhällsbyggnadsnämnden",
        "higher",
        "mnkr",
        1,
        "Budgetavvikelsen för helåret",
        Model(1.5, -0.1, 1.0, seasonal=(0.8, 0.0, -1.0)),
        at_least(0.0, 1.0),
        source="ekonomi",
        description=(
            "Prognostiserat resultat mot budget för helåret; negativt värde betyder underskott."
        ),
    ),
    _internal(
        "KU-BARN",
        "Andel barn och unga 7–20 år som deltar i organiserade kultur- eller fritidsaktiviteter",
        "higher",
        "%",
        0,
        "Andelen barn och unga som deltar i kultur- eller fritidsaktiviteter",
        Model(56.0, 0.8, 1.0, shifts=((2020, 2020, -8.0), (2021, 2021, -5.0))),
        at_least(60.0, 3.0),
        description="Underlag från aktivitetsstödet till föreningar och kulturskolans register.",
    ),
    _internal(
        "KU-BIBL",
        "Antal biblioteksbesök per invånare, rullande tolv månader",
        "higher",
        "antal",
        2,
        "Antalet biblioteksbesök per invånare",
        Model(4.2, 0.1, 0.05, shifts=((2020, 2020, -1.5), (2021, 2021, -1.0), (2022, 2022, -0.3))),
        increase(0.02),
    ),
    _internal(
        "KU-NOJD",
        "Andel besökare som är nöjda med kultur- och fritidsutbudet (löpande enkät)",
        "higher",
        "%",
        0,
        "Andelen besökare som är nöjda med kultur- och fritidsutbudet",
        Model(86.0, 0.2, 1.5),
        at_least(85.0, 3.0),
        source="enkät",
    ),
    _internal(
        "MB-BYGGLOV",
        "Handläggningstid för bygglov från komplett ansökan till beslut, median",
        "lower",
        "dagar",
        0,
        "Mediantiden för bygglov från komplett ansökan till beslut",
        Model(42.0, -1.5, 3.0),
        at_most(35.0, 5.0),
    ),
    _internal(
        "MB-8V",
        "Andel bygglovsärenden avslutade inom 8 veckor",
        "higher",
        "%",
        0,
        "Andelen bygglovsärenden som avslutats inom åtta veckor",
        Model(82.0, 1.5, 3.0),
        at_least(90.0, 5.0),
    ),
    _internal(
        "MB-NKI",
        "Nöjd kund-index, företagens bedömning av myndighetsutövningen (löpande enkät)",
        "higher",
        "index",
        0,
        "Företagens nöjd kund-index för myndighetsutövningen",
        Model(70.0, 0.8, 1.5),
        at_least(75.0, 3.0),
        source="enkät",
    ),
    _internal(
        "MB-TILLSYN",
        "Andel genomförda planerade tillsynsbesök, miljö och livsmedel",
        "higher",
        "%",
        0,
        "Andelen genomförda planerade tillsynsbesök",
        Model(80.0, 1.0, 4.0),
        at_least(90.0, 5.0),
    ),
    _internal(
        "KS-RESULTAT",
        "Årets resultat, prognos helår",
        "higher",
        "mnkr",
        1,
        "Prognosen för årets resultat",
        Model(
            33.0,
            0.0,
            5.0,
            shifts=(
                (2020, 2020, 35.0),
                (2021, 2021, 45.0),
                (2022, 2022, 20.0),
                (2023, 2023, -32.0),
                (2024, 2024, -8.0),
                (2026, 2026, -16.0),
            ),
        ),
        at_least(30.0, 8.0),
        source="ekonomi",
        description=(
            "Kommunens prognos för årets resultat; målet motsvarar cirka 2 procent av "
            "skatteintäkter och generella statsbidrag."
        ),
    ),
    _internal(
        "KS-BUDGAVV",
        "Nämndernas samlade budgetavvikelse, prognos helår",
        "higher",
        "mnkr",
        1,
        "Nämndernas samlade budgetavvikelse för helåret",
        Model(-5.0, 0.3, 1.5, seasonal=(1.0, 0.0, -1.5)),
        at_least(0.0, 3.0),
        source="ekonomi",
        description=(
            "Summan av nämndernas prognostiserade avvikelser mot budget; negativt betyder "
            "underskott."
        ),
    ),
    _internal(
        "KS-SJUK",
        "Sjukfrånvaro, samtliga medarbetare, rullande tolv månader",
        "lower",
        "%",
        1,
        "Sjukfrånvaron under de senaste tolv månaderna",
        Model(7.8, -0.1, 0.15, shifts=((2020, 2021, 1.5), (2022, 2022, 0.6), (2025, 2026, 0.5))),
        at_most(7.0, 0.5),
    ),
    _internal(
        "KS-SVAR",
        "Andel e-postfrågor till kommunen som besvaras inom två arbetsdagar",
        "higher",
        "%",
        0,
        "Andelen e-postfrågor som besvarats inom två arbetsdagar",
        Model(79.0, 0.5, 1.0, seasonal=(1.0, -1.0, -2.0)),
        at_least(90.0, 5.0),
        description="Stickprov på e-post till kommunens funktionsadresser.",
    ),
    _internal(
        "KS-DIGITAL",
        "Andel ärenden som inleds via e-tjänst",
        "higher",
        "%",
        0,
        "Andelen ärenden som inleds via e-tjänst",
        Model(20.0, 6.0, 1.5),
    ),
    _internal(
        "KS-DIALOG",
        "Antal deltagare i kommunens medborgardialoger, rullande tolv månader",
        "higher",
        "antal",
        0,
        "Antalet deltagare i medborgardialoger",
        Model(400.0, 40.0, 25.0, shifts=((2020, 2020, -250.0), (2021, 2021, -150.0))),
        increase(20.0),
    ),
    _internal(
        "KS-FORETAG",
        "Antal nyregistrerade företag i kommunen, rullande tolv månader",
        "higher",
        "antal",
        0,
        "Antalet nyregistrerade företag",
        Model(105.0, 4.0, 6.0),
        at_least(120.0, 12.0),
        description=(
            "Sammanställning av nyregistreringar hos Bolagsverket för företag med säte i kommunen."
        ),
    ),
    _internal(
        "KS-MEDSAMT",
        "Andel medarbetare som haft medarbetarsamtal under de senaste tolv månaderna",
        "higher",
        "%",
        0,
        "Andelen medarbetare som haft medarbetarsamtal",
        Model(78.0, 2.0, 2.0),
        at_least(95.0, 5.0),
        public=False,
    ),
    _internal(
        "BO-NYA",
        "Antal färdigställda hyresrätter, Sjöviksbostäder, rullande tolv månader",
        "higher",
        "antal",
        0,
        "Antalet färdigställda hyresrätter",
        Model(25.0, 3.0, 4.0, shifts=((2026, 2026, -14.0),)),
        at_least(40.0, 5.0),
    ),
    _internal(
        "BO-VAKANS",
        "Vakansgrad i bostadsbeståndet, Sjöviksbostäder",
        "neutral",
        "%",
        1,
        "Vakansgraden i Sjöviksbostäders bestånd",
        Model(1.2, 0.15, 0.2),
        between(0.5, 2.0, 0.5),
        description="Några lediga lägenheter behövs för flyttkedjor; för många ger hyresbortfall.",
    ),
)

# Which indicators measure which goal. Every KF goal and nämnd goal has one to four, except
# SN5, KFN4 and MBN4, which deliberately have none.
GOAL_INDICATOR_IDS: dict[str, tuple[str, ...]] = {
    "KF1.1": ("N15419", "N15505", "N15428"),
    "KF1.2": ("N17461", "N15428"),
    "KF1.3": ("N11102", "BU-NOJD", "BU-KO"),
    "KF2.1": ("U21468", "U23471", "VO-KONT"),
    "KF2.2": ("N31807", "N02267"),
    "KF2.3": ("N07403", "SO-UTRED"),
    "KF2.4": ("N31807", "SO-AMI", "N01720"),
    "KF3.1": ("N01951", "N00667"),
    "KF3.2": ("N07916", "SB-PLAN"),
    "KF3.3": ("U07453", "MB-BYGGLOV"),
    "KF3.4": ("U07453", "KS-FORETAG"),
    "KF4.1": ("U00502", "SB-ENERGI"),
    "KF4.2": ("U07414",),
    "KF4.3": ("U00502", "SB-ENERGI"),
    "KF5.1": ("KU-BARN", "KU-NOJD"),
    "KF5.2": ("N05401", "KS-DIALOG", "KS-SVAR"),
    "KF5.3": ("N00945", "N00938"),
    "KF6.1": ("N03102", "N03106", "KS-RESULTAT"),
    "KF6.2": ("N03103",),
    "KF6.3": ("KS-BUDGAVV",),
    "KF6.4": ("N00090", "N00206"),
    "BUN1": ("N15428", "N15419"),
    "BUN2": ("N15505", "BU-FRANVARO"),
    "BUN3": ("BU-TRYGG",),
    "BUN4": ("N17461",),
    "BUN5": ("N11102",),
    "BUN6": ("BU-KO", "BU-NOJD"),
    "BUN7": ("BU-BUDG",),
    "BUN8": ("BU-SJUK",),
    "VON1": ("U21468", "VO-KONT"),
    "VON2": ("U23471", "VO-RISK"),
    "VON3": ("VO-VANTE",),
    "VON4": ("VO-KONT", "VO-FAST"),
    "VON5": ("VO-HELTID",),
    "VON6": ("VO-BUDG", "VO-BELAGG"),
    "SN1": ("SO-AVSL", "N31807"),
    "SN2": ("SO-TID", "N31807"),
    "SN3": ("SO-UTRED",),
    "SN4": ("SO-AMI", "SO-INSATS"),
    "SN6": ("SO-BUDG",),
    "SBN1": ("SB-PLAN", "N07916"),
    "SBN2": ("U07414",),
    "SBN3": ("SB-GC",),
    "SBN4": ("SB-ENERGI",),
    "SBN5": ("U00502",),
    "SBN6": ("SB-BUDG",),
    "SBN7": ("SB-ENERGI",),
    "KFN1": ("KU-BARN",),
    "KFN2": ("KU-BIBL",),
    "KFN3": ("KU-NOJD",),
    "MBN1": ("MB-BYGGLOV", "MB-8V"),
    "MBN2": ("MB-NKI", "U07453"),
    "MBN3": ("MB-TILLSYN",),
    "KS1": ("N03102", "KS-RESULTAT"),
    "KS2": ("N03103",),
    "KS3": ("N00090", "KS-SJUK"),
    "KS4": ("KS-SVAR",),
    "KS5": ("KS-DIALOG",),
    "KS6": ("U07453",),
    "KS7": ("KS-FORETAG",),
    "KS8": ("KS-DIGITAL",),
    "SJB1": ("BO-NYA", "BO-VAKANS"),
    "BUF-V1": ("BU-ATGPLAN",),
    "BUF-V2": ("BU-FRANVARO",),
    "VOF-V1": ("VO-FAST",),
    "SOF-V1": ("SO-INSATS",),
    "KLK-V1": ("KS-MEDSAMT",),
}
# Links that weigh double in their goal's roll-up; all others weigh 1.
HEAVY_LINKS = frozenset(
    {("KF1.1", "N15419"), ("KF6.1", "N03102"), ("BUN2", "N15505"), ("VON6", "VO-BUDG")}
)
GOAL_INDICATORS: tuple[tuple[str, str, int], ...] = tuple(
    (goal_id, indicator_id, 2 if (goal_id, indicator_id) in HEAVY_LINKS else 1)
    for goal_id, indicator_ids in GOAL_INDICATOR_IDS.items()
    for indicator_id in indicator_ids
)

# Links left without any target, so the data-quality pages have something to show.
LINKS_WITHOUT_TARGET = frozenset({("KF1.2", "N15428"), ("SBN1", "N07916"), ("KS8", "KS-DIGITAL")})

# Gender-specific targets on top of the total: (goal, indicator, gender, target).
GENDER_TARGETS: tuple[tuple[str, str, str, TargetSpec], ...] = (
    ("KF1.1", "N15419", "M", at_least(72.0, 3.0)),
    ("KF5.3", "N00938", "K", at_most(11.5, 0.5)),
)

# Stocks, rolling twelve-month values and full-year forecasts describe the state at the end of
# a tertial ("per 31 augusti 2026") rather than what happened during it.
POINT_IN_TIME = frozenset(
    indicator.indicator_id
    for indicator in INDICATORS
    if not indicator.is_kolada
    and (
        indicator.unit == "mnkr"
        or "rullande" in indicator.title
        or indicator.indicator_id in ("SB-PLAN", "SB-GC", "VO-BELAGG", "BO-VAKANS")
    )
)

# Values left empty on purpose. The brukarbedömning survey was not carried out in 2021, so
# those values are missing for every subject, as in the real series.
MISSING_ALL_SUBJECTS = frozenset({("U21468", "2021"), ("U23471", "2021")})
MISSING_OWN = frozenset(
    {("U07414", "2018"), ("KS-SVAR", "2021-T2"), ("VO-KONT", "2023-T1"), ("KU-NOJD", "2020-T2")}
)
# Series that stopped: no outcome after this period, so the latest one is older than a year.
LAST_PERIOD = {"SB-GC": "2024-T2"}


# --- Assessment texts ---------------------------------------------------------------------


@dataclass(frozen=True)
class Notes:
    """Goal-specific sentences for the analysis: what helps, what hinders, and what is done."""

    positive: str
    negative: str
    actions: str


GOAL_NOTES: dict[str, Notes] = {
    "KF1.1": Notes(
        "Det systematiska kvalitetsarbetet med fokus på läsning och extra anpassningar i "
        "undervisningen ger effekt, särskilt i de tidiga årskurserna.",
        "Skillnaderna i resultat mellan skolenheterna och mellan flickor och pojkar är fortsatt "
        "stora, och den problematiska skolfrånvaron påverkar resultaten negativt.",
        "Barn- och utbildningsnämnden förstärker elevhälsans närvaroarbete och inför gemensamma "
        "bedömningsstöd i årskurs 7–9 för att minska skillnaderna mellan skolorna.",
    ),
    "KF1.2": Notes(
        "Den förstärkta studie- och yrkesvägledningen och tidiga insatser för elever som riskerar "
        "att inte nå en examen har bidragit till att fler fullföljer sin utbildning.",
        "Andelen elever som avbryter eller förlänger sina studier ligger kvar på en för hög nivå, "
        "särskilt på de yrkesförberedande programmen.",
        "Det kommunala aktivitetsansvaret samordnas med arbetsmarknadsenheten, och elever med "
        "hög frånvaro fångas upp redan under första läsåret.",
    ),
    "KF1.3": Notes(
        "Förskolan har en stabil bemanning och vårdnadshavarna ger verksamheten goda omdömen.",
        "Fler barn i de centrala delarna av kommunen har gjort det svårare att erbjuda plats på "
        "önskat datum.",
        "En ny förskola planeras i Norrviken och placeringsrutinen ses över för att bättre möta "
        "efterfrågan under hösten.",
    ),
    "KF2.1": Notes(
        "Arbetet med fast omsorgskontakt och mindre arbetslag i hemtjänsten bidrar till att de "
        "äldre upplever kontinuitet och trygghet.",
        "Brukarnas helhetsbedömning har sjunkit något, och många vill ha mer inflytande över när "
        "insatserna utförs.",
        "Vård- och omsorgsnämnden fortsätter att minska antalet personal per brukare och inför "
        "arbetssättet individens behov i centrum (IBIC) i hela hemtjänsten.",
    ),
    "KF2.3": Notes(
        "Det brottsförebyggande samarbetet med polisen och fältverksamheten bland unga har "
        "bidragit till färre anmälda våldsbrott.",
        "Antalet anmälda våldsbrott varierar mellan åren och otryggheten är fortsatt högre i vissa "
        "bostadsområden.",
        "Kommunen och polisen uppdaterar medborgarlöftet och riktar platssamverkan mot de områden "
        "där otryggheten är störst.",
    ),
    "KF2.4": Notes(
        "Samarbetet mellan socialtjänsten, arbetsmarknadsenheten och Arbetsförmedlingen har gjort "
        "att fler har kommit i arbete eller studier.",
        "Efterfrågan på arbetskraft har minskat i flera branscher, vilket gör det svårare för "
        "personer som står långt från arbetsmarknaden att få en anställning.",
        "Socialnämnden utökar antalet platser i arbetsmarknadsinsatser och följer upp varje ärende "
        "med ekonomiskt bistånd efter tre månader.",
    ),
    "KF3.1": Notes(
        "Befolkningen fortsätter att öka och invånarna ger kommunen goda betyg som en plats att bo "
        "och leva på.",
        "Invånarnas bedömning av kommunen som en bra plats att bo och leva på har inte "
        "förbättrats, trots att befolkningen ökar.",
        "Kommunstyrelsen tar fram en plan för platsutveckling tillsammans med näringslivet och "
        "föreningslivet.",
    ),
    "KF3.2": Notes(
        "En god planberedskap och flera större projekt i Norrviken och Sjöstaden har gett ett högt "
        "bostadsbyggande.",
        "Stigande räntor och byggkostnader har gjort att flera byggprojekt har skjutits upp trots "
        "att detaljplanerna är klara.",
        "Samhällsbyggnadsnämnden prioriterar detaljplaner med mindre lägenheter och för en löpande "
        "dialog med byggaktörerna om etappvis utbyggnad.",
    ),
    "KF3.4": Notes(
        "Snabbare handläggning och den nya företagslotsen har förbättrat företagens bild av "
        "kommunens service.",
        "Företagen upplever fortfarande långa handläggningstider i vissa tillståndsärenden och "
        "efterfrågar tydligare besked.",
        "Företagslotsen utvecklas vidare och en gemensam servicegaranti för tillståndsärenden "
        "införs.",
    ),
    "KF4.2": Notes(
        "Införandet av fyrfackskärl för villahushållen har ökat den utsorterade mängden "
        "förpackningar och matavfall.",
        "Utsorteringen i flerbostadshus är fortsatt låg och en stor del av matavfallet hamnar "
        "fortfarande i restavfallet.",
        "Samhällsbyggnadsnämnden genomför en riktad informationsinsats i flerbostadshus "
        "tillsammans med fastighetsägarna.",
    ),
    "KF4.3": Notes(
        "Omställningen av kommunens fordonsflotta går snabbare än planerat och "
        "energieffektiviseringen i lokalerna ger resultat.",
        "Omställningen av de tyngre fordonen går långsamt och energianvändningen i de äldre "
        "skollokalerna är fortsatt hög.",
        "En plan för laddinfrastruktur vid kommunens arbetsplatser tas fram och "
        "energiinvesteringar prioriteras i fastighetsunderhållet.",
    ),
    "KF5.1": Notes(
        "Deltagandet i kultur- och fritidsaktiviteter har återhämtat sig efter pandemin och "
        "lovaktiviteterna har nått fler barn och unga.",
        "Deltagandet är lägre bland barn och unga i vissa bostadsområden och bland flickor i de "
        "äldre åldersgrupperna.",
        "Kultur- och fritidsnämnden riktar lovaktiviteter och föreningsstöd till de områden där "
        "deltagandet är lägst.",
    ),
    "KF5.2": Notes(
        "Medborgardialogerna har nått fler invånare, och kontaktcenter besvarar en allt större "
        "andel av frågorna direkt.",
        "Valdeltagandet sjönk vid det senaste valet och svarstiderna i kontakten med kommunen är "
        "inte tillräckligt korta.",
        "Kommunstyrelsen inför gemensamma riktlinjer för medborgardialog och följer upp "
        "svarstiderna månadsvis per förvaltning.",
    ),
    "KF5.3": Notes(
        "Uttaget av tillfällig föräldrapenning blir jämnare mellan kvinnor och män och skillnaden "
        "i sjukpenningtal har minskat något.",
        "Kvinnors sjukpenningtal är fortsatt betydligt högre än mäns, vilket speglar skillnader i "
        "arbetsmiljö och i ansvaret för hem och familj.",
        "Jämställdhetsanalyser införs i budgetprocessen och kommunen som arbetsgivare fortsätter "
        "arbetet med heltid som norm i kvinnodominerade yrken.",
    ),
    "KF6.1": Notes(
        "Skatteintäkterna har utvecklats bättre än budgeterat och nämnderna har i stort sett "
        "hållit sina ramar.",
        "Kostnadsökningar till följd av inflation, höjda pensionskostnader och ökade behov inom "
        "äldreomsorgen har pressat resultatet.",
        "Kommunstyrelsen har infört ett åtgärdsprogram med anställningsprövning och en översyn av "
        "lokalbehoven för att återställa resultatnivån.",
    ),
    "KF6.2": Notes(
        "Ett starkt resultat och en lägre investeringstakt än planerat har gett en hög "
        "självfinansieringsgrad.",
        "Den höga investeringstakten i skolor och förskolor har gjort att en större del av "
        "investeringarna har lånefinansierats.",
        "Investeringsbudgeten prioriteras om och projekt som inte är tvingande skjuts fram för att "
        "minska lånebehovet.",
    ),
    "KF6.3": Notes(
        "De flesta nämnder redovisar ett resultat i nivå med eller bättre än budget.",
        "Vård- och omsorgsnämnden och barn- och utbildningsnämnden redovisar underskott, främst "
        "till följd av ökade volymer och högre kostnader för bemanning.",
        "Nämnder med underskott har tagit fram handlingsplaner som kommunstyrelsen följer upp "
        "månadsvis.",
    ),
    "KF6.4": Notes(
        "Sjukfrånvaron har minskat efter pandemiåren och andelen heltidsanställda fortsätter att "
        "öka i takt med att heltid som norm införs.",
        "Sjukfrånvaron är fortsatt hög i de kvinnodominerade yrkena inom förskola och äldreomsorg, "
        "främst den långa sjukfrånvaron.",
        "Arbetet med tidiga rehabiliteringsinsatser förstärks och chefernas förutsättningar ses "
        "över genom färre medarbetare per chef.",
    ),
    "BUN1": Notes(
        "Satsningen på studiehandledning och lovskola har bidragit till att fler elever blivit "
        "behöriga till gymnasieskolan.",
        "En grupp elever med hög frånvaro och nyanlända elever som börjat sent i grundskolan når "
        "fortfarande inte behörighet.",
        "Lovskolan utökas och varje elev som riskerar att inte bli behörig får en individuell plan "
        "från och med årskurs 8.",
    ),
    "BUN2": Notes(
        "Nämnden kopplar resultatutvecklingen bland annat till kollegialt lärande och fler "
        "behöriga lärare.",
        "Resultaten förbättras inte i den takt som krävs, och den höga frånvaron bland en del "
        "elever påverkar betygen.",
        "Skolorna inför gemensamma rutiner för tidig uppföljning av frånvaro och analyserar "
        "betygsresultaten per ämne.",
    ),
    "BUN3": Notes(
        "Skolornas arbete mot kränkande behandling och ökad vuxennärvaro på raster ger effekt i "
        "elevenkäterna.",
        "Eleverna upplever otrygghet främst i korridorer, omklädningsrum och på nätet, och andelen "
        "trygga elever är lägre på högstadiet.",
        "Trygghetsvandringar genomförs med elever på samtliga skolor och rastvärdskapet förstärks "
        "på högstadiet.",
    ),
    "BUN4": Notes(
        "Fler elever tar examen inom fyra år, främst på de högskoleförberedande programmen.",
        "Andelen med examen inom fyra år är lägre på yrkesprogrammen, där fler elever byter "
        "program eller avbryter studierna.",
        "Sjöviks gymnasium inför mentorsuppföljning varannan vecka för elever med ofullständiga "
        "betyg.",
    ),
    "BUN5": Notes(
        "Förskolan har kunnat rekrytera personal och antalet barn per årsarbetare ligger i nivå "
        "med målet.",
        "Svårigheter att rekrytera förskollärare gör att antalet barn per årsarbetare är högre än "
        "målet i flera förskolor.",
        "Förvaltningen fortsätter att erbjuda barnskötare utbildning till förskollärare på "
        "arbetstid.",
    ),
    "BUN6": Notes(
        "Vårdnadshavarna är nöjda med förskolan och de flesta barn har fått plats på önskat datum.",
        "Platsbristen i centrala Sjövik har gjort att fler barn har fått vänta på placering under "
        "hösten.",
        "Tillfälliga paviljonger används i väntan på den nya förskolan i Norrviken.",
    ),
    "BUN7": Notes(
        "Nämnden har anpassat verksamheten efter minskande barnkullar och håller budgetramen.",
        "Kostnaderna för skolskjuts, tilläggsbelopp och köpta platser i fristående skolor har ökat "
        "mer än budgeterat.",
        "Nämnden har beslutat om en åtgärdsplan med en översyn av skolskjutsorganisationen och "
        "lokalanvändningen.",
    ),
    "BUN8": Notes(
        "Sjukfrånvaron inom förvaltningen har minskat, särskilt den korta sjukfrånvaron i "
        "förskolan.",
        "Sjukfrånvaron är fortsatt hög i förskolan, där den upplevda arbetsbelastningen är störst.",
        "Förvaltningen genomför riktade arbetsmiljöinsatser i förskolan tillsammans med "
        "företagshälsovården.",
    ),
    "VON1": Notes(
        "Brukarna ger hemtjänsten goda omdömen, särskilt när det gäller bemötande och förtroende "
        "för personalen.",
        "Brukarnas helhetsbedömning har sjunkit och många upplever att för många olika personer "
        "kommer hem till dem.",
        "Hemtjänstens planering ses över så att varje brukare möter färre personer och får besked "
        "om tidsändringar.",
    ),
    "VON2": Notes(
        "De boende ger särskilt boende goda omdömen när det gäller bemötande och trygghet.",
        "De boende är mindre nöjda med måltiderna och möjligheterna till aktiviteter, vilket drar "
        "ned helhetsbedömningen.",
        "Ett måltidsprojekt och ett gemensamt aktivitetsutbud startas på samtliga särskilda "
        "boenden.",
    ),
    "VON3": Notes(
        "Väntetiden till särskilt boende har kortats genom bättre planering av in- och "
        "utflyttningar.",
        "Behovet av platser i särskilt boende har ökat snabbare än utbyggnaden, vilket har "
        "förlängt väntetiderna.",
        "Korttidsplatser omvandlas tillfälligt till permanenta platser i väntan på det nya boendet "
        "vid Ekbacken.",
    ),
    "VON4": Notes(
        "Mindre arbetslag och fast omsorgskontakt har gett färre personal per brukare.",
        "Hög sjukfrånvaro och många timanställda under sommaren har gjort att antalet personal per "
        "brukare inte har minskat som planerat.",
        "Hemtjänsten inför fasta rutter och planerar semesterperioden tidigare för att minska "
        "beroendet av timanställda.",
    ),
    "VON5": Notes(
        "Andelen heltidsanställda har ökat i takt med att heltid som norm har införts i hela "
        "förvaltningen.",
        "Många medarbetare väljer fortfarande att gå ned i tid, särskilt inom nattpatrullen och "
        "särskilt boende.",
        "Schemaläggningen utvecklas så att fler kan arbeta heltid utan delade turer.",
    ),
    "VON6": Notes(
        "Nämnden har nått en budget i balans genom bättre resursplanering.",
        "Kostnaderna för bemanning, bland annat inhyrda sjuksköterskor, och ett ökat antal "
        "hemtjänsttimmar har gett ett underskott.",
        "Handlingsplanen för en ekonomi i balans omfattar minskad inhyrd personal och en översyn "
        "av biståndsbedömningen.",
    ),
    "SN2": Notes(
        "Tidiga arbetsmarknadsinsatser vid nybesök har kortat tiden med ekonomiskt bistånd.",
        "Fler hushåll har långvariga behov av ekonomiskt bistånd, ofta på grund av ohälsa, vilket "
        "förlänger den genomsnittliga tiden.",
        "Socialförvaltningen inför samordnade planer tillsammans med regionens vårdcentraler för "
        "personer med ohälsa och långvarigt bistånd.",
    ),
    "SN3": Notes(
        "En förstärkt mottagningsgrupp och tydligare rutiner har kortat utredningstiderna.",
        "Personalomsättningen bland socialsekreterarna har gjort att för många utredningar tar "
        "längre tid än fyra månader.",
        "Nämnden satsar på introduktion och handledning för nya socialsekreterare och följer "
        "utredningstiderna varje vecka.",
    ),
    "SN4": Notes(
        "Fler deltagare går vidare till arbete eller studier, bland annat genom kommunens "
        "utbildningsanställningar.",
        "Deltagarna har i högre grad behov av långa insatser och färre går direkt vidare till "
        "arbete.",
        "Arbetsmarknadsenheten utvecklar samarbetet med vuxenutbildningen kring yrkesutbildningar "
        "med språkstöd.",
    ),
    "SN5": Notes(
        "Samtliga medarbetare inom socialtjänsten har utbildats i att ställa frågor om våld, och "
        "samverkan med kvinnojouren har stärkts.",
        "Det saknas ännu en systematisk uppföljning av hur många som har fått frågan om våld och "
        "vilka insatser som har getts.",
        "Nämnden tar fram mätbara indikatorer för arbetet mot våld i nära relationer inför nästa "
        "budgetår.",
    ),
    "SN6": Notes(
        "Minskade kostnader för ekonomiskt bistånd har gett utrymme att hålla budgetramen.",
        "Kostnaderna för placeringar av barn och unga har ökat kraftigt och ger ett underskott.",
        "Öppenvårdsinsatser på hemmaplan byggs ut för att minska behovet av externa placeringar.",
    ),
    "SBN1": Notes(
        "Planberedskapen är god, med detaljplaner för flera hundra bostäder i olika "
        "upplåtelseformer.",
        "Flera detaljplaner har försenats av överklaganden och utredningar om dagvatten.",
        "Nämnden prioriterar om planprogrammet och samordnar dagvattenfrågorna tidigt i "
        "planarbetet.",
    ),
    "SBN2": Notes(
        "Fyrfackssystemet för villahushållen har ökat materialåtervinningen.",
        "Utsorteringen av matavfall i flerbostadshus är låg och restavfallet innehåller "
        "fortfarande mycket förpackningar.",
        "Informationsinsatser och bättre miljörum i flerbostadshus genomförs tillsammans med "
        "fastighetsägarna.",
    ),
    "SBN3": Notes(
        "Utbyggnaden av gång- och cykelvägar har följt investeringsplanen, bland annat längs "
        "Sjövägen.",
        "Utbyggnaden har försenats av överprövade upphandlingar och svårigheter med markåtkomst.",
        "Uppföljningen av gång- och cykelvägnätet återupptas när det nya GIS-systemet är i drift.",
    ),
    "SBN5": Notes(
        "Samtliga nya personbilar som har upphandlats är el- eller biogasbilar.",
        "Långa leveranstider för elfordon och brist på laddplatser vid arbetsplatserna har "
        "bromsat omställningen.",
        "Laddplatser byggs ut vid kommunens största arbetsplatser under året.",
    ),
    "SBN6": Notes(
        "Nämnden redovisar ett överskott, främst tack vare lägre kostnader för vinterväghållning.",
        "Ökade kostnader för energi och för underhåll av gator och broar har gett ett underskott.",
        "Underhållsplanen prioriteras om och mindre angelägna åtgärder skjuts till kommande år.",
    ),
    "SBN7": Notes(
        "Energieffektiviseringar som ny ventilation och LED-belysning har minskat "
        "energianvändningen i lokalerna.",
        "Energianvändningen i de äldre skollokalerna är fortsatt hög och flera åtgärder har "
        "skjutits upp.",
        "Energiinvesteringar med kort återbetalningstid prioriteras i underhållsplanen.",
    ),
    "KFN1": Notes(
        "Lovaktiviteterna och samarbetet med föreningslivet har lockat fler barn och unga.",
        "Deltagandet har inte återhämtat sig helt efter pandemin, särskilt inte bland flickor "
        "13–20 år.",
        "Nämnden inför ett fritidskort och riktade aktiviteter för flickor i samverkan med "
        "föreningarna.",
    ),
    "KFN2": Notes(
        "Biblioteksbesöken ökar, bland annat tack vare meröppet och fler program för barn och "
        "familjer.",
        "Besöken på filialbiblioteken minskar och det digitala utbudet har inte kompenserat för "
        "färre fysiska besök.",
        "Biblioteken ser över öppettiderna på filialerna och utvecklar det uppsökande arbetet i "
        "skolorna.",
    ),
    "KFN3": Notes(
        "Besökarna är nöjda med utbudet och bemötandet i kulturhuset och på idrottsanläggningarna.",
        "Besökarna efterfrågar fler aktiviteter för unga vuxna och längre öppettider i simhallen.",
        "En dialog med unga vuxna genomförs inför nästa års programplanering.",
    ),
    "KFN4": Notes(
        "Föreningsstödet har betalats ut enligt plan och föreningsdialogerna har genomförts två "
        "gånger under året.",
        "Föreningarna uttrycker oro över bristen på tider i idrottshallarna.",
        "En översyn av fördelningen av halltider genomförs tillsammans med föreningarna.",
    ),
    "MBN1": Notes(
        "Digitala ansökningar och en fullt bemannad bygglovsenhet har kortat handläggningstiderna.",
        "Många ofullständiga ansökningar och vakanta tjänster har förlängt handläggningstiderna.",
        "Förvaltningen inför förhandskontroll av ansökningar och ett tätare samarbete med de "
        "sökande i tidiga skeden.",
    ),
    "MBN2": Notes(
        "Företagen är nöjda med bemötandet och informationen vid tillsyn och tillståndsprövning.",
        "Företagen upplever att handläggningen tar för lång tid och att besluten är svåra att "
        "förstå.",
        "Besluten skrivs om i klarspråk och en kontaktperson utses för varje företag i större "
        "ärenden.",
    ),
    "MBN3": Notes(
        "Den planerade tillsynen inom miljö och livsmedel har genomförts i nästan full omfattning.",
        "Vakanser bland inspektörerna har gjort att delar av den planerade tillsynen har skjutits "
        "upp.",
        "Tillsynen prioriteras utifrån risk och en inspektörstjänst delas med grannkommunen.",
    ),
    "MBN4": Notes(
        "E-tjänsten för bygglov har lanserats och används i en växande andel av ärendena.",
        "Arkivet med äldre bygglovshandlingar är ännu inte digitaliserat och integrationen med "
        "ärendesystemet är försenad.",
        "Digitaliseringen av bygglovsarkivet upphandlas och ska vara klar under nästa år.",
    ),
    "KS1": Notes(
        "Resultatet har stärkts av högre skatteintäkter och återhållsamhet i nämnderna.",
        "Kostnaderna inom främst äldreomsorg och socialtjänst har ökat mer än intäkterna.",
        "Kommunstyrelsen har beslutat om ett åtgärdsprogram med anställningsprövning och en "
        "översyn av lokalbeståndet.",
    ),
    "KS2": Notes(
        "Investeringarna har i hög grad kunnat finansieras med egna medel.",
        "Stora investeringar i skolor och VA-anläggningar har gjort att självfinansieringsgraden "
        "ligger under målet.",
        "Investeringsplanen prioriteras om inför nästa budgetår och projekt som inte är tvingande "
        "skjuts fram.",
    ),
    "KS3": Notes(
        "Sjukfrånvaron har minskat i flera förvaltningar, bland annat genom tidiga "
        "rehabiliteringsinsatser.",
        "Den långa sjukfrånvaron, främst till följd av psykisk ohälsa, ligger kvar på en hög nivå.",
        "Samarbetet med företagshälsovården förstärks och cheferna får stöd i att tidigt fånga "
        "upp signaler om ohälsa.",
    ),
    "KS4": Notes(
        "Kontaktcenter löser en allt större andel av invånarnas frågor vid första kontakten.",
        "Svarstiderna varierar mycket mellan förvaltningarna och är längst under semesterperioden.",
        "Svarstiderna följs upp månadsvis per förvaltning och rutinerna för e-post vid frånvaro "
        "ses över.",
    ),
    "KS5": Notes(
        "Medborgardialogerna om översiktsplanen och trygghetsvandringarna har lockat fler "
        "deltagare än tidigare.",
        "Deltagandet i medborgardialogerna är lågt bland unga och i vissa bostadsområden.",
        "Dialogerna kompletteras med digitala enkäter och med dialog på plats i skolor och på "
        "mötesplatser.",
    ),
    "KS7": Notes(
        "Nyföretagandet har ökat och flera företag har etablerat sig på Västra industriområdet.",
        "Brist på färdig verksamhetsmark har gjort att några etableringar har gått till "
        "grannkommunerna.",
        "Kommunen tar fram en ny detaljplan för verksamhetsmark och utvecklar företagslotsen.",
    ),
    "KS8": Notes(
        "Fler ärenden inleds via e-tjänster, särskilt inom bygglov, förskola och ekonomiskt "
        "bistånd.",
        "Flera e-tjänster är inte kopplade till verksamhetssystemen, vilket begränsar nyttan.",
        "Integrationer mellan e-tjänsteplattformen och verksamhetssystemen prioriteras i "
        "digitaliseringsplanen.",
    ),
    "SJB1": Notes(
        "Bolaget har färdigställt nya hyresrätter i Norrviken enligt plan.",
        "Byggstarten för två projekt har skjutits upp på grund av höga byggkostnader, och "
        "vakansgraden har ökat i ytterområdena där efterfrågan är lägre.",
        "Bolaget ser över hyressättningen och marknadsföringen av lägenheterna i ytterområdena.",
    ),
}

# Goals without indicators are assessed on the nämnd's own follow-up alone. The engine computes
# "ej bedömt" for them, so the assessment gives its basis as the override reason.
MANUAL_REASON = (
    "Målet saknar indikatorer. Statusen är nämndens samlade bedömning utifrån den egna "
    "uppföljningen av verksamheten."
)
MANUAL_STATUS: dict[str, dict[str, str]] = {
    "SN5": {"2025": "delvis", LATEST_TERTIAL: "delvis"},
    "KFN4": {"2025": "uppfyllt", LATEST_TERTIAL: "uppfyllt"},
    "MBN4": {"2025": "ej uppfyllt", LATEST_TERTIAL: "delvis"},
}

# Goal-specific text used when the goal cannot be assessed for lack of current data.
NO_DATA_NOTES = {
    "KS8": "Kommunstyrelsen har ännu inte beslutat om något målvärde för andelen ärenden som "
    "inleds via e-tjänst, och målet kan därför inte bedömas.",
    "SBN3": "Uppföljningen av utbyggd gång- och cykelväg har inte uppdaterats sedan augusti 2024 "
    "på grund av byte av GIS-system, och målet kan därför inte bedömas.",
}

# Assessments that deliberately disagree with the indicators: the final status is moved `shift`
# steps (+1 = better) from the status the indicators give. An empty reason leaves the
# disagreement unexplained, which the dashboard should flag.
OVERRIDES: dict[tuple[str, str], tuple[int, str]] = {
    ("KF2.1", "2025"): (
        1,
        "Brukarundersökningen har låg svarsfrekvens i kommunen. Nämndens dialoger med "
        "pensionärsrådet och brukarråden visar att de äldre i hög grad känner sig trygga och "
        "delaktiga, och nämnden gör därför en mer positiv bedömning än indikatorerna.",
    ),
    ("BUN5", "2025"): (
        -1,
        "Nyckeltalet avser ett genomsnitt för hela kommunen. I flera förskolor i centrala Sjövik "
        "är barngrupperna betydligt större än målet, och nämnden bedömer därför målet som delvis "
        "uppfyllt.",
    ),
    ("SN3", "2025"): (
        1,
        "Andelen utredningar inom fyra månader påverkas av ett fåtal mycket omfattande "
        "utredningar. Samtliga barn har fått en skyddsbedömning inom lagstadgad tid och "
        "nödvändiga insatser har satts in under pågående utredning.",
    ),
    ("VON3", "2025"): (1, ""),
    ("KS1", LATEST_TERTIAL): (
        -1,
        "Prognosen per augusti bygger på skatteunderlagsprognosen från april. Den nya prognosen "
        "från september visar lägre skatteintäkter, och resultatet bedöms därför bli lägre än "
        "indikatorn visar.",
    ),
    ("KFN3", LATEST_TERTIAL): (-1, ""),
}
STATUS_LADDER = ("ej uppfyllt", "delvis", "uppfyllt")


# --- Periods ------------------------------------------------------------------------------


def tertial_periods(first_year: int, last: str) -> list[str]:
    """All tertial periods from first_year-T1 up to and including `last`."""
    periods: list[str] = []
    year = first_year
    while True:
        for tertial in (1, 2, 3):
            period = f"{year}-T{tertial}"
            periods.append(period)
            if period == last:
                return periods
        year += 1


INTERNAL_PERIODS = tuple(tertial_periods(GOAL_YEARS[0], LATEST_TERTIAL))


def period_year(period: str) -> int:
    return int(period[:4])


def period_end(period: str) -> tuple[int, int]:
    """(year, month) of the last month in the period; tertials end in April, August, December."""
    if "-T" in period:
        return period_year(period), 4 * int(period[-1])
    return period_year(period), 12


def months_between(earlier: tuple[int, int], later: tuple[int, int]) -> int:
    return (later[0] - earlier[0]) * 12 + later[1] - earlier[1]


def period_time(period: str) -> float:
    """The period as a fractional year, used as the x axis of the synthetic series."""
    if "-T" in period:
        return period_year(period) + (int(period[-1]) - 1) / 3
    return float(period_year(period))


# --- Synthetic outcomes -------------------------------------------------------------------


def _rng(*parts: str) -> random.Random:
    # One generator per series, seeded from its identity, so that adding an indicator or a
    # subject never changes the values of the others. String seeds hash with SHA-512 and are
    # stable across runs and Python processes.
    return random.Random(":".join((str(SEED), *parts)))


def _shift(model: Model, year: int) -> float:
    return sum(delta for first, last, delta in model.shifts if first <= year <= last)


def _noise(rng: random.Random, sd: float, count: int, phi: float = 0.6) -> list[float]:
    """AR(1) noise: real series drift rather than jump independently from period to period."""
    values: list[float] = []
    state = 0.0
    for _ in range(count):
        state = phi * state + (1 - phi**2) ** 0.5 * rng.gauss(0.0, sd)
        values.append(state)
    return values


def _clamp(indicator: Indicator, value: float) -> float:
    if indicator.unit == "%":
        return min(max(value, 0.0), 100.0)
    if indicator.unit == "mnkr":
        return value  # budget deviations and results can be negative
    return max(value, 0.0)


def _periods_of(indicator: Indicator) -> tuple[str, ...]:
    if indicator.is_kolada:
        return tuple(str(year) for year in KOLADA_YEARS)
    last = LAST_PERIOD.get(indicator.indicator_id)
    periods = INTERNAL_PERIODS
    return periods[: periods.index(last) + 1] if last else periods


def _level(indicator: Indicator, subject: str, period: str) -> float:
    """The noise-free level of a series in a period."""
    model = indicator.model
    elapsed = period_time(period) - period_time(_periods_of(indicator)[0])
    seasonal = model.seasonal[int(period[-1]) - 1] if "-T" in period else 0.0
    if subject == MUNICIPALITY_CODE:
        base = model.start + model.trend * elapsed
    elif subject == PEER_GROUP and model.peer_start is not None:
        base = model.peer_start + model.trend * elapsed
    else:
        if model.riket is None:
            raise ValueError(f"{indicator.indicator_id}: comparison series need Model.riket")
        base = model.riket + model.riket_trend * elapsed
        if subject == PEER_GROUP:
            base += model.peer
    return base + _shift(model, period_year(period)) + seasonal


def _series(indicator: Indicator, subject: str) -> dict[str, float]:
    """The gender-total series of one subject, before rounding and gaps."""
    model = indicator.model
    periods = _periods_of(indicator)
    # Comparison series are averages over many municipalities, so they are much smoother.
    scale = {MUNICIPALITY_CODE: 1.0, RIKET: 0.3, PEER_GROUP: 0.5}[subject]
    rng = _rng(indicator.indicator_id, subject, "T")
    noise = _noise(rng, model.noise * scale, len(periods))
    values = {p: _level(indicator, subject, p) + e for p, e in zip(periods, noise, strict=True)}
    if model.held_from:
        # Election results are repeated every year until the next election, as in Kolada.
        for period in periods:
            year = period_year(period)
            election = max(y for y in model.held_from if y <= year)
            values[period] = _level(indicator, subject, str(election))
    return values


def _gender_series(
    indicator: Indicator, subject: str, total: dict[str, float]
) -> dict[str, dict[str, float]]:
    """T plus, for indicators divided by gender, K and M around it."""
    model = indicator.model
    series = {"T": total}
    if not indicator.by_gender:
        return series
    if model.women_share is not None:
        series["K"] = {p: v * model.women_share for p, v in total.items()}
        series["M"] = {p: v - series["K"][p] for p, v in total.items()}
        return series
    wobble = 0.0 if model.held_from else model.noise * 0.6
    for gender, sign in (("K", 0.5), ("M", -0.5)):
        rng = _rng(indicator.indicator_id, subject, gender)
        series[gender] = {
            p: v + sign * model.gender_gap + rng.gauss(0.0, wobble) for p, v in total.items()
        }
    return series


def _is_missing(indicator_id: str, period: str, subject: str) -> bool:
    if (indicator_id, period) in MISSING_ALL_SUBJECTS:
        return True
    return subject == MUNICIPALITY_CODE and (indicator_id, period) in MISSING_OWN


@dataclass(frozen=True)
class Outcome:
    indicator_id: str
    period: str
    subject: str
    gender: str
    value: float | None


def generate_outcomes() -> list[Outcome]:
    """Every outcome row: Kolada-type indicators for all subjects, internal ones for 9999."""
    outcomes: list[Outcome] = []
    for indicator in INDICATORS:
        subjects = SUBJECTS if indicator.is_kolada else (MUNICIPALITY_CODE,)
        for subject in subjects:
            by_gender = _gender_series(indicator, subject, _series(indicator, subject))
            for gender, values in by_gender.items():
                for period, raw in values.items():
                    value = None
                    if not _is_missing(indicator.indicator_id, period, subject):
                        value = round(_clamp(indicator, raw), indicator.decimals)
                    outcomes.append(Outcome(indicator.indicator_id, period, subject, gender, value))
    return outcomes


# --- Targets ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    goal_id: str
    indicator_id: str
    period: str
    gender: str
    spec: TargetSpec
    decimals: int

    def value(self) -> float | None:
        value = self.spec.value_in(period_year(self.period))
        return None if value is None else round(value, self.decimals)


GOALS_BY_ID = {goal.goal_id: goal for goal in GOALS}
INDICATORS_BY_ID = {indicator.indicator_id: indicator for indicator in INDICATORS}


def generate_targets() -> list[Target]:
    """One target per linked goal, indicator, gender and year in which the goal is valid."""
    targets: list[Target] = []
    specs = [(g, i, "T", INDICATORS_BY_ID[i].target) for g, i, _ in GOAL_INDICATORS]
    specs += list(GENDER_TARGETS)
    for goal_id, indicator_id, gender, spec in specs:
        if spec is None or (goal_id, indicator_id) in LINKS_WITHOUT_TARGET:
            continue
        goal = GOALS_BY_ID[goal_id]
        decimals = INDICATORS_BY_ID[indicator_id].decimals
        for year in GOAL_YEARS:
            if goal.valid_in(year):
                targets.append(Target(goal_id, indicator_id, str(year), gender, spec, decimals))
    return targets


# --- Evaluating the synthetic data, to write assessments that agree with it ---------------
#
# This is a small re-implementation of docs/rules.md (indicator status, roll-up with child
# goals, effective status), used only to pick assessment statuses and texts that agree with the
# generated numbers. The dashboard's own engine is the reference.

EPS = 1e-9
SCORES = {"uppfyllt": 1.0, "delvis": PARTLY_SCORE, "ej uppfyllt": 0.0}
NO_TARGET, NO_OUTCOME = "saknar målvärde", "saknar utfall"


@dataclass(frozen=True)
class Check:
    """One target row of a goal–indicator link, evaluated in a report period."""

    indicator: Indicator
    gender: str
    weight: float
    status: str
    target: Target | None = None
    latest: tuple[str, float] | None = None  # the outcome used
    previous: tuple[str, float] | None = None
    stale: str | None = None  # period of the latest outcome when it is too old to count


def indicator_status(
    spec: TargetSpec, goal_value: float | None, value: float, previous: float | None
) -> str:
    """Status of one outcome against one target (docs/rules.md §1)."""
    tolerance = spec.tolerance
    if spec.comparator in ("increase", "decrease"):
        if previous is None:
            return NO_OUTCOME
        change = value - previous if spec.comparator == "increase" else previous - value
        if change > tolerance + EPS:
            return "uppfyllt"
        return "delvis" if abs(change) <= tolerance + EPS else "ej uppfyllt"
    if spec.comparator == "between":
        assert spec.low is not None and spec.high is not None
        if spec.low - EPS <= value <= spec.high + EPS:
            return "uppfyllt"
        near = spec.low - tolerance - EPS <= value <= spec.high + tolerance + EPS
        return "delvis" if near else "ej uppfyllt"
    assert goal_value is not None
    # Distance to the target and the change since last time, both signed so that > 0 is good.
    sign = 1.0 if spec.comparator == ">=" else -1.0
    gap = sign * (value - goal_value)
    improved = previous is not None and sign * (value - previous) > EPS
    if gap >= -EPS:
        return "uppfyllt"
    return "delvis" if gap >= -tolerance - EPS or improved else "ej uppfyllt"


def roll_up(inputs: Sequence[tuple[float, str]]) -> str:
    """Goal status from weighted input statuses with the two-thirds preset (docs/rules.md §2)."""
    assessable = [(weight, status) for weight, status in inputs if status in SCORES]
    if not assessable:
        return "ej bedömt"
    covered = sum(weight for weight, _ in assessable)
    if covered / sum(weight for weight, _ in inputs) < MIN_COVERAGE - EPS:
        return "ej bedömt"
    score = sum(weight * SCORES[status] for weight, status in assessable) / covered
    if score >= FULL_THRESHOLD - EPS:
        return "uppfyllt"
    return "delvis" if score >= PARTIAL_THRESHOLD - EPS else "ej uppfyllt"


class Evaluator:
    """Indicator and goal statuses of the generated data, bottom-up through the goal chain."""

    def __init__(self, outcomes: Sequence[Outcome], targets: Sequence[Target]) -> None:
        self.series: dict[tuple[str, str], list[tuple[str, float]]] = {}
        for o in sorted(outcomes, key=lambda o: period_end(o.period)):
            if o.subject == MUNICIPALITY_CODE and o.value is not None:
                self.series.setdefault((o.indicator_id, o.gender), []).append((o.period, o.value))
        self.targets: dict[tuple[str, str], list[Target]] = {}
        for t in targets:
            self.targets.setdefault((t.goal_id, t.indicator_id), []).append(t)
        # Effective status per (goal, report): the assessment when there is one, else computed.
        self.effective: dict[tuple[str, str], str] = {}

    def targets_in(self, goal_id: str, indicator_id: str, report: str) -> list[Target]:
        """The target rows in force: those of the report period, else of the latest earlier one."""
        rows = self.targets.get((goal_id, indicator_id), [])
        exact = [t for t in rows if t.period == report]
        if exact:
            return exact
        earlier = [t for t in rows if period_end(t.period) < period_end(report)]
        if not earlier:
            return []
        last = max(period_end(t.period) for t in earlier)
        return sorted(
            (t for t in earlier if period_end(t.period) == last),
            key=lambda t: GENDER_ORDER.index(t.gender),
        )

    def outcome(
        self, indicator_id: str, gender: str, report: str
    ) -> tuple[tuple[str, float] | None, tuple[str, float] | None, str | None]:
        """(latest, previous, stale period) for a series as seen from a report period."""
        end = period_end(report)
        known = [
            (p, v) for p, v in self.series.get((indicator_id, gender), []) if period_end(p) <= end
        ]
        if not known:
            return None, None, None
        latest = known[-1]
        if months_between(period_end(latest[0]), end) > MAX_OUTCOME_AGE_MONTHS:
            return None, None, latest[0]
        return latest, known[-2] if len(known) > 1 else None, None

    def checks(self, goal_id: str, report: str) -> list[Check]:
        result: list[Check] = []
        for link_goal, indicator_id, weight in GOAL_INDICATORS:
            if link_goal != goal_id:
                continue
            indicator = INDICATORS_BY_ID[indicator_id]
            rows = self.targets_in(goal_id, indicator_id, report)
            if not rows:
                latest, previous, stale = self.outcome(indicator_id, "T", report)
                result.append(
                    Check(indicator, "T", weight, NO_TARGET, None, latest, previous, stale)
                )
            for target in rows:
                # A link with several target rows (T and M, say) shares its weight among them.
                latest, previous, stale = self.outcome(indicator_id, target.gender, report)
                status = NO_OUTCOME
                if latest is not None:
                    before = previous[1] if previous else None
                    status = indicator_status(target.spec, target.value(), latest[1], before)
                share = weight / len(rows)
                result.append(
                    Check(indicator, target.gender, share, status, target, latest, previous, stale)
                )
        return result

    def computed_status(self, goal: Goal, report: str) -> str:
        inputs = [(c.weight, c.status) for c in self.checks(goal.goal_id, report)]
        inputs += [
            (float(child.weight), self.effective_status(child, report))
            for child in self.children(goal, report)
        ]
        return roll_up(inputs)

    def children(self, goal: Goal, report: str) -> list[Goal]:
        year = period_year(report)
        return [g for g in GOALS if goal.goal_id in g.parents and g.valid_in(year)]

    def effective_status(self, goal: Goal, report: str) -> str:
        key = (goal.goal_id, report)
        if key not in self.effective:
            self.effective[key] = self.computed_status(goal, report)
        return self.effective[key]


# --- Swedish text helpers -----------------------------------------------------------------

NUMBER_WORDS = ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio")
MONTH_RANGES = {1: "januari–april", 2: "januari–augusti", 3: "januari–december"}
STATUS_SINGULAR = {
    "uppfyllt": "uppfyllt",
    "delvis": "delvis uppfyllt",
    "ej uppfyllt": "ej uppfyllt",
}
STATUS_PLURAL = {
    "uppfyllt": "uppfyllda",
    "delvis": "delvis uppfyllda",
    "ej uppfyllt": "ej uppfyllda",
}


def format_number(value: float, decimals: int) -> str:
    """Swedish number formatting for prose: decimal comma, space as thousands separator."""
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",")
    negative = value < 0 and round(value, decimals) != 0
    return ("−" if negative else "") + text


def with_unit(indicator: Indicator, value: float) -> str:
    number = format_number(value, indicator.decimals)
    units = {
        "%": " procent",
        "antal": "",
        "index": "",
        "antal/100 000 inv": " per 100 000 invånare",
        "antal/1000 inv": " per 1 000 invånare",
    }
    return number + units.get(indicator.unit, f" {indicator.unit}")


TERTIAL_ENDS = {1: "30 april", 2: "31 augusti", 3: "31 december"}


def period_name(period: str, indicator_id: str = "") -> str:
    """'2025', 'januari–augusti 2026' or, for point-in-time indicators, '31 augusti 2026'."""
    if "-T" not in period:
        return period
    tertial, year = int(period[-1]), period[:4]
    if indicator_id in POINT_IN_TIME:
        return f"{TERTIAL_ENDS[tertial]} {year}"
    return f"helåret {year}" if tertial == 3 else f"{MONTH_RANGES[tertial]} {year}"


def period_phrase(period: str, indicator_id: str = "") -> str:
    """The period as an adverbial: 'år 2025', 'för januari–augusti 2026', 'per 30 april 2026'."""
    if "-T" not in period:
        return f"år {period}"
    preposition = "per" if indicator_id in POINT_IN_TIME else "för"
    return f"{preposition} {period_name(period, indicator_id)}"


def report_phrase(report: str) -> str:
    if "-T" in report:
        return f"delårsrapporten per {MONTH_RANGES[int(report[-1])].split('–')[1]} {report[:4]}"
    return f"årsredovisningen {report}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _variant(key: str, options: Sequence[str]) -> str:
    # A stable, spread-out choice of phrasing so that the texts do not all read the same. It
    # uses a seeded generator because hash() of a string changes between processes.
    return options[_rng("variant", key).randrange(len(options))]


def _group(check: Check) -> str:
    """'pojkarna', 'kvinnorna' … for a gender-specific target, '' for the total."""
    if check.gender == "T":
        return ""
    school = check.indicator.indicator_id.startswith(("N15", "N17"))
    if check.gender == "K":
        return "flickorna" if school else "kvinnorna"
    return "pojkarna" if school else "männen"


def indicator_sentence(check: Check, report: str, mention_latest: bool = True) -> str:
    """One sentence on an indicator's latest outcome against its target.

    mention_latest adds "(senast tillgängliga utfall)" when a yearly value is used in an
    interim report, which explains why a 2025 value appears in the report per August 2026.
    """
    ind = check.indicator
    ind_id = ind.indicator_id
    group = _group(check)
    if check.latest is None:
        about = lower_first(ind.phrase) + (f" bland {group}" if group else "")
        if check.stale:
            return (
                f"Det senaste utfallet för {about} avser {period_name(check.stale, ind_id)} och "
                "är för gammalt för att ligga till grund för en bedömning."
            )
        return f"Det saknas utfall för {about}."
    period, value = check.latest
    when = period_phrase(period, ind_id)
    if mention_latest and "-T" in report and "-T" not in period:
        when += " (senast tillgängliga utfall)"
    amount = with_unit(ind, value)
    if group:
        head = f"Bland {group} uppgick {lower_first(ind.phrase)} till {amount} {when}"
    else:
        head = f"{ind.phrase} uppgick till {amount} {when}"
    target = check.target
    if target is None:
        return f"{head}; indikatorn saknar målvärde."
    spec = target.spec
    if spec.comparator in ("increase", "decrease"):
        if check.previous is None:
            return f"{head}."
        before, earlier = check.previous
        if value == earlier:
            return f"{head}, oförändrat jämfört med {period_name(before, ind_id)}."
        moved = "en ökning" if value > earlier else "en minskning"
        return f"{head}, {moved} från {with_unit(ind, earlier)} {period_phrase(before, ind_id)}."
    if spec.comparator == "between":
        assert spec.low is not None and spec.high is not None
        where = "inom" if check.status == "uppfyllt" else "utanför"
        span = f"{format_number(spec.low, ind.decimals)}–{with_unit(ind, spec.high)}"
        return f"{head}, {where} målintervallet {span}."
    goal_value = target.value()
    assert goal_value is not None
    aim = with_unit(ind, goal_value)
    higher_is_aim = spec.comparator == ">="
    if check.status == "uppfyllt":
        if abs(value - goal_value) < EPS:
            return f"{head}, vilket motsvarar målvärdet."
        return f"{head}, vilket är {'över' if higher_is_aim else 'under'} målvärdet {aim}."
    within = abs(value - goal_value) <= spec.tolerance + EPS
    if check.status == "delvis" and within:
        return f"{head}, vilket är nära men inte når målvärdet {aim}."
    if check.status == "delvis" and check.previous:
        # Partly reached because the outcome improved, although it is outside the tolerance.
        before, earlier = check.previous
        side = "under" if higher_is_aim else "över"
        return (
            f"{head}, en förbättring från {with_unit(ind, earlier)} "
            f"{period_phrase(before, ind_id)} men fortfarande {side} målvärdet {aim}."
        )
    return f"{head}, jämfört med målvärdet {aim}."


def conclusion_sentence(goal_id: str, status: str, report: str) -> str:
    year = report[:4]
    if status == "ej bedömt":
        return f"Målet bedöms inte i {report_phrase(report)}."
    key = f"{goal_id}:{report}"
    if "-T" in report:
        options = {
            "uppfyllt": (
                f"Prognosen är att målet uppfylls för {year}.",
                "Målet bedöms kunna uppfyllas vid årets slut.",
            ),
            "delvis": (
                f"Prognosen är att målet delvis uppfylls för {year}.",
                "Målet bedöms delvis kunna uppfyllas vid årets slut.",
            ),
            "ej uppfyllt": (
                f"Prognosen är att målet inte uppfylls för {year}.",
                "Målet bedöms bli svårt att uppfylla under året.",
            ),
        }
    else:
        options = {
            "uppfyllt": (
                f"Sammantaget bedöms målet som uppfyllt för {year}.",
                f"Målet bedöms som uppfyllt för {year}.",
            ),
            "delvis": (
                f"Sammantaget bedöms målet som delvis uppfyllt för {year}.",
                f"Målet bedöms som delvis uppfyllt för {year}.",
            ),
            "ej uppfyllt": (
                f"Sammantaget bedöms målet inte som uppfyllt för {year}.",
                f"Målet bedöms inte som uppfyllt för {year}.",
            ),
        }
    return _variant(key, options[status])


def children_sentence(statuses: Sequence[str]) -> str:
    """Summary of the nämnd goals feeding a KF goal, e.g. 'två som uppfyllda och ett som ...'."""
    total = len(statuses)
    counts = Counter(statuses)
    unassessed = counts.pop("ej bedömt", 0)
    if total == 1:
        if unassessed:
            return "Det nämndmål som bidrar till målet har inte kunnat bedömas."
        return f"Det nämndmål som bidrar till målet bedöms som {STATUS_SINGULAR[statuses[0]]}."
    if unassessed == total:
        return (
            f"Inget av de {NUMBER_WORDS[total]} nämndmål som bidrar till målet har kunnat bedömas."
        )
    if len(counts) == 1 and not unassessed:
        (status,) = counts
        everyone = "Båda nämndmålen" if total == 2 else f"Samtliga {NUMBER_WORDS[total]} nämndmål"
        return f"{everyone} som bidrar till målet bedöms som {STATUS_PLURAL[status]}."
    parts = []
    for status in ("uppfyllt", "delvis", "ej uppfyllt"):
        n = counts.get(status, 0)
        if n:
            words = STATUS_SINGULAR if n == 1 else STATUS_PLURAL
            parts.append(f"{NUMBER_WORDS[n]} som {words[status]}")
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    sentence = f"Av de {NUMBER_WORDS[total]} nämndmål som bidrar till målet bedöms {listed}"
    if unassessed:
        sentence += f", medan {NUMBER_WORDS[unassessed]} inte har kunnat bedömas"
    return sentence + "."


# --- Assessments --------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    goal_id: str
    period: str
    status: str
    computed: str
    assessed_by: str
    analysis: str
    actions: str
    override_reason: str
    assessed_on: str


def assessed_by(goal: Goal) -> str:
    # KF goals are assessed by kommunstyrelsen, which prepares the annual and interim reports.
    return "KS" if goal.level == "kf-mål" else goal.responsible[0]


def assessed_on(org_id: str, report: str) -> str:
    if "-T" in report:
        return INTERIM_MEETING_DATE[org_id]
    return f"{period_year(report) + 1}-02-{ANNUAL_MEETING_DAY[org_id]:02d}"


def shifted(status: str, shift: int) -> str:
    index = STATUS_LADDER.index(status) + shift if status in STATUS_LADDER else -1
    if not 0 <= index < len(STATUS_LADDER):
        raise ValueError(f"cannot move {status!r} by {shift}; change OVERRIDES")
    return STATUS_LADDER[index]


def _drivers(notes: Notes | None, status: str) -> list[str]:
    if notes is None or status == "ej bedömt":
        return []
    if status == "uppfyllt":
        return [notes.positive]
    if status == "ej uppfyllt":
        return [notes.negative]
    return [notes.positive, notes.negative]


def _follow_up(report: str) -> str:
    if "-T" in report:
        return f"Effekten av åtgärderna redovisas i årsredovisningen {report[:4]}."
    return f"Åtgärderna följs upp i delårsrapporten {period_year(report) + 1}."


def final_status(goal_id: str, report: str, computed: str) -> tuple[str, str]:
    """The status the nämnd adopts, and its override reason when it differs on purpose."""
    manual = MANUAL_STATUS.get(goal_id, {}).get(report)
    if manual:
        return manual, MANUAL_REASON
    if (goal_id, report) in OVERRIDES:
        shift, reason = OVERRIDES[(goal_id, report)]
        return shifted(computed, shift), reason
    return computed, ""


def assess_goal(goal: Goal, report: str, evaluator: Evaluator) -> Assessment | None:
    checks = evaluator.checks(goal.goal_id, report)
    children = evaluator.children(goal, report)
    full_text = report in FULL_TEXT_PERIODS
    if not checks and not children and not full_text:
        return None  # goals without indicators were first assessed in 2025
    computed = evaluator.computed_status(goal, report)
    status, reason = final_status(goal.goal_id, report, computed)
    notes = GOAL_NOTES.get(goal.goal_id)

    sentences: list[str] = []
    if not checks:
        sentences.append(
            "Målet saknar mätbara indikatorer och bedömningen bygger på nämndens egen uppföljning "
            "av verksamheten."
        )
    # At most two indicator sentences keep the text readable; the rest is in the dashboard.
    for n, check in enumerate(checks[:2]):
        sentences.append(indicator_sentence(check, report, mention_latest=n == 0))
    if status == "ej bedömt" and goal.goal_id in NO_DATA_NOTES:
        sentences.append(NO_DATA_NOTES[goal.goal_id])
    elif full_text:
        # The analysis describes what the evidence says; where the nämnd's final status differs,
        # the override reason (or its absence) tells the rest.
        sentences += _drivers(notes, computed if computed != "ej bedömt" else status)
    if goal.level == "kf-mål" and children:
        sentences.append(
            children_sentence([evaluator.effective_status(c, report) for c in children])
        )
    sentences.append(conclusion_sentence(goal.goal_id, status, report))

    actions = ""
    if full_text and notes and status != "uppfyllt":
        actions = f"{notes.actions} {_follow_up(report)}"
    evaluator.effective[(goal.goal_id, report)] = status
    org = assessed_by(goal)
    return Assessment(
        goal.goal_id,
        report,
        status,
        computed,
        org,
        " ".join(sentences),
        actions,
        reason,
        assessed_on(org, report),
    )


def generate_assessments(evaluator: Evaluator) -> list[Assessment]:
    assessments: list[Assessment] = []
    for report in ASSESSMENT_PERIODS:
        year = period_year(report)
        # Bottom-up: nämnd goals are assessed first, because a KF goal rolls up their
        # effective statuses (verksamhetsmål are never assessed and count as computed).
        for level in ("nämndmål", "kf-mål"):
            for goal in GOALS:
                if goal.level == level and goal.valid_in(year):
                    assessment = assess_goal(goal, report, evaluator)
                    if assessment is not None:
                        assessments.append(assessment)
    found = {(a.goal_id, a.period) for a in assessments}
    missing = [key for key in OVERRIDES if key not in found]
    if missing:
        raise ValueError(f"OVERRIDES name assessments that do not exist: {missing}")
    return assessments


# --- Tables -------------------------------------------------------------------------------

Row = dict[str, str]


def _bool(value: bool) -> str:
    return "ja" if value else "nej"


def _number(value: float | None, decimals: int) -> str:
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def settings_rows() -> list[Row]:
    return [
        {"key": "municipality_code", "value": MUNICIPALITY_CODE},
        {"key": "municipality_name", "value": MUNICIPALITY_NAME},
        {"key": "data_notice", "value": DATA_NOTICE},
        {"key": "rule_preset", "value": "two_thirds"},
    ]


def organisation_rows() -> list[Row]:
    return [
        {
            "org_id": o.org_id,
            "name": o.name,
            "type": o.type,
            "parent_id": o.parent_id,
            "short_name": o.short_name,
        }
        for o in ORGANISATION
    ]


def goal_rows() -> list[Row]:
    return [
        {
            "goal_id": g.goal_id,
            "title": g.title,
            "level": g.level,
            "parent_ids": ";".join(g.parents),
            "responsible": ";".join(g.responsible),
            "valid_from": str(g.valid_from),
            "valid_to": "" if g.valid_to is None else str(g.valid_to),
            "description": g.description,
            "agenda2030": g.agenda2030,
            "public": _bool(g.public),
            "weight": str(g.weight),
        }
        for g in GOALS
    ]


def indicator_rows() -> list[Row]:
    return [
        {
            "indicator_id": i.indicator_id,
            "title": i.title,
            "direction": i.direction,
            "unit": i.unit,
            "decimals": str(i.decimals),
            "source": i.source,
            "kolada_kpi": i.indicator_id if i.is_kolada else "",
            "description": i.description,
            "public": _bool(i.public),
        }
        for i in INDICATORS
    ]


def goal_indicator_rows() -> list[Row]:
    return [{"goal_id": g, "indicator_id": i, "weight": str(w)} for g, i, w in GOAL_INDICATORS]


GOAL_ORDER = {goal.goal_id: n for n, goal in enumerate(GOALS)}
INDICATOR_ORDER = {indicator.indicator_id: n for n, indicator in enumerate(INDICATORS)}


def target_rows(targets: Iterable[Target]) -> list[Row]:
    ordered = sorted(
        targets,
        key=lambda t: (
            GOAL_ORDER[t.goal_id],
            INDICATOR_ORDER[t.indicator_id],
            GENDER_ORDER.index(t.gender),
            t.period,
        ),
    )
    rows = []
    for t in ordered:
        spec = t.spec
        rows.append(
            {
                "goal_id": t.goal_id,
                "indicator_id": t.indicator_id,
                "period": t.period,
                "comparator": spec.comparator,
                "value": _number(t.value(), t.decimals),
                "low": _number(spec.low, t.decimals),
                "high": _number(spec.high, t.decimals),
                "tolerance": _number(spec.tolerance, t.decimals) if spec.tolerance else "",
                "subject": MUNICIPALITY_CODE,
                "gender": t.gender,
            }
        )
    return rows


def outcome_rows(outcomes: Iterable[Outcome]) -> list[Row]:
    ordered = sorted(
        outcomes,
        key=lambda o: (
            INDICATOR_ORDER[o.indicator_id],
            SUBJECTS.index(o.subject),
            GENDER_ORDER.index(o.gender),
            period_end(o.period),
        ),
    )
    return [
        {
            "indicator_id": o.indicator_id,
            "period": o.period,
            "value": _number(o.value, INDICATORS_BY_ID[o.indicator_id].decimals),
            "subject": o.subject,
            "gender": o.gender,
            "preliminary": _bool(o.period == LATEST_TERTIAL),
            "source": SOURCE_LABEL,
        }
        for o in ordered
    ]


def assessment_rows(assessments: Iterable[Assessment]) -> list[Row]:
    ordered = sorted(assessments, key=lambda a: (GOAL_ORDER[a.goal_id], period_end(a.period)))
    return [
        {
            "goal_id": a.goal_id,
            "period": a.period,
            "status": a.status,
            "assessed_by": a.assessed_by,
            "analysis": a.analysis,
            "actions": a.actions,
            "override_reason": a.override_reason,
            "assessed_on": a.assessed_on,
        }
        for a in ordered
    ]


def build_tables() -> tuple[dict[str, list[Row]], list[Assessment]]:
    """All tables of the example source, keyed by table name, plus the raw assessments."""
    outcomes = generate_outcomes()
    targets = generate_targets()
    assessments = generate_assessments(Evaluator(outcomes, targets))
    tables = {
        "settings": settings_rows(),
        "organisation": organisation_rows(),
        "goals": goal_rows(),
        "indicators": indicator_rows(),
        "goal_indicators": goal_indicator_rows(),
        "targets": target_rows(targets),
        "outcomes": outcome_rows(outcomes),
        "assessments": assessment_rows(assessments),
    }
    return tables, assessments


# --- Writing ------------------------------------------------------------------------------


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Row]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            unknown = set(row) - set(columns)
            if unknown:
                raise ValueError(f"{path.name}: columns not in the schema: {sorted(unknown)}")
            writer.writerow([row.get(column, "") for column in columns])
            count += 1
    return count


def readme_text(tables: dict[str, list[Row]]) -> str:
    """The English README of the example folder, with counts taken from the tables."""
    levels = Counter(row["level"] for row in tables["goals"])
    kolada = sum(row["source"] == "kolada" for row in tables["indicators"])
    nämnd_bodies = {row["responsible"] for row in tables["goals"] if row["level"] == "nämndmål"}
    replaced = [row["goal_id"] for row in tables["goals"] if row["valid_to"] == "2022"]
    overrides = sum(row["override_reason"] != "" for row in tables["assessments"])
    lines = [
        "# Example data: Sjöviks kommun (fictional)",
        "",
        "This folder is a complete source in interchange format v1 (see `etl/schema.py`).",
        "",
        "**Everything here is fictional and synthetic.** Sjöviks kommun does not exist; its",
        f"municipality code {MUNICIPALITY_CODE} is not used by any real kommun. All outcomes,",
        "targets and assessments were generated by `python -m etl.example` from seeded random",
        f"series. The comparison series for riket ({RIKET}) and for the peer group {PEER_GROUP}",
        "(a fictional group of similar municipalities) are invented as well.",
        "",
        "Indicators with `source = kolada` carry real Kolada KPI ids and titles so that the ETL",
        "and the dashboard can be shown with realistic metadata, but their **values are not",
        'Kolada\'s**. Never credit these values to Kolada ("Källa: Kolada") or present them as',
        "statistics about any real municipality. Every outcome row has",
        f"`source = {SOURCE_LABEL}`.",
        "",
        "Do not edit these files by hand. Change `etl/example.py` and regenerate:",
        "",
        "```",
        "python -m etl.example            # writes data/example/",
        "python -m etl.example --out DIR  # writes somewhere else",
        "python -m etl.example --summary  # also prints the assessment statuses per period",
        "```",
        "",
        "The output is byte-identical on every run (`tests/test_example_data.py` checks it).",
        "",
        "## Contents",
        "",
        "| file | data rows |",
        "|---|---:|",
        *(f"| `{name}.csv` | {len(rows)} |" for name, rows in tables.items()),
        "",
        f"- Goal chain: {levels['vision']} vision, {levels['område']} areas (område), "
        f"{levels['kf-mål']} KF goals,",
        f"  {levels['nämndmål']} nämnd goals set by {len(nämnd_bodies)} bodies (six nämnder, "
        "kommunstyrelsen and",
        f"  the housing company) and {levels['verksamhetsmål']} verksamhetsmål. Two mandate "
        "periods, 2019–2022 and",
        f"  2023–2026; the KF goals {', '.join(replaced[:3])} were replaced at the 2023 mandate.",
        f"- {len(tables['indicators'])} indicators: {kolada} Kolada-type (yearly outcomes "
        f"{KOLADA_YEARS[0]}–{KOLADA_YEARS[-1]}",
        "  for 9999, 0000 and G99999, by gender where Kolada divides the KPI by gender) and",
        f"  {len(tables['indicators']) - kolada} internal ones (tertial outcomes "
        f"{INTERNAL_PERIODS[0]}–{LATEST_TERTIAL}; the {LATEST_TERTIAL}",
        "  values are marked preliminary).",
        f"- Assessments for the årsredovisningar {', '.join(ASSESSMENT_PERIODS[:-1])} and "
        f"the delårsrapport {LATEST_TERTIAL};",
        f"  {overrides} of them carry an `override_reason`.",
        "",
        "Deliberate data-quality cases, so that those pages have something to show:",
        "",
        "- nämnd goals without indicators (SN5, KFN4, MBN4) and goal–indicator links without",
        "  targets (for example KS8);",
        "- empty outcome values (for example U21468 and U23471 in 2021, when the survey was not",
        "  carried out);",
        "- an indicator whose latest outcome is more than a year old (SB-GC, last 2024-T2);",
        "- assessments that differ from what the indicators say, some with an",
        "  `override_reason` and some without.",
        "",
    ]
    return "\n".join(lines)


def write_example(out_dir: Path) -> dict[str, int]:
    """Generate the example and write it to out_dir; returns the row count per table."""
    return write_tables(build_tables()[0], out_dir)


def write_tables(tables: dict[str, list[Row]], out_dir: Path) -> dict[str, int]:
    """Write one CSV per table, with the schema's columns in order, plus the README."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name, rows in tables.items():
        columns = [column.name for column in TABLES[name].columns]
        counts[name] = write_csv(out_dir / f"{name}.csv", columns, rows)
    (out_dir / "README.md").write_text(readme_text(tables), encoding="utf-8", newline="\n")
    return counts


def status_summary(assessments: Sequence[Assessment]) -> str:
    """Computed and final statuses per report period, for tuning the synthetic series."""
    lines = []
    for report in ASSESSMENT_PERIODS:
        of_report = [a for a in assessments if a.period == report]
        computed = Counter(a.computed for a in of_report)
        final = Counter(a.status for a in of_report)
        differ = sum(a.computed != a.status for a in of_report)
        lines.append(
            f"{report:8} n={len(of_report):3}  computed {dict(sorted(computed.items()))}  "
            f"final {dict(sorted(final.items()))}  differ={differ}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m etl.example",
        description="Generate the fictional example municipality Sjöviks kommun (synthetic data).",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})"
    )
    parser.add_argument(
        "--summary", action="store_true", help="also print the assessment statuses per period"
    )
    args = parser.parse_args(argv)
    tables, assessments = build_tables()
    counts = write_tables(tables, args.out)
    for name, count in counts.items():
        print(f"{name}.csv: {count} rows")
    if args.summary:
        print(status_summary(assessments))


if __name__ == "__main__":
    main()
