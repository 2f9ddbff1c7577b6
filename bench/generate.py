"""Synthetic CSTO-shaped projects of any size, deterministic by seed.

``python -m bench.generate --triples 1e5 --seed 0 --out /tmp/csto-1e5`` writes
a project tree the ordinary commands build, validate and serve (point
``CSTO_KG_ROOT`` at it):

- ``ontology/``, ``shapes/`` and ``queries/``: copied from this checkout;
- ``seeds/<n>_<hash>.txt``: synthetic source documents; every quoted passage
  is in the text at the offsets its evidence gives, curly quotes and no-break
  spaces included;
- ``kg/entities.trig`` and ``kg/<seed id>.trig``: the curated patterns of
  ``kg/README.md``: alliances with organs, treaties and articles; states,
  places, persons, offices, topics; membership periods started and ended by
  signatures, accessions, re-accessions and withdrawals; summits with
  participating and absent states, attendees and the documents they produced;
  stances; office holdings; claims; requests for assistance and invocations
  with their responses, deployments and force sizes; membership snapshots;
  chairmanships; every fact with ``prov:wasDerivedFrom`` evidence
  (``oa:TextQuoteSelector`` + ``oa:TextPositionSelector``) in its own file,
  and about a third of the facts described again, with their own evidence, by
  a second document (as curators do for facts several seeds report).

The first alliance is ``:csto`` with the real member states' slugs, so the
competency queries have something to find at every scale. The same
``--seed`` and ``--triples`` give byte-identical files. ``--triples`` is the
asserted size aimed at (ontology included); the generator reports the count
it wrote.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from csto_kg.cite import quote_context  # noqa: E402
from csto_kg.seeds import turtle_string  # noqa: E402

__all__ = ["generate", "parse_scale", "Stats"]

PREFIXES = """@prefix :        <https://w3id.org/csto-kg/id/> .
@prefix csto:    <https://w3id.org/csto-kg/ontology/> .
@prefix src:     <https://w3id.org/csto-kg/source/> .
@prefix ev:      <https://w3id.org/csto-kg/evidence/> .
@prefix graph:   <https://w3id.org/csto-kg/graph/> .
@prefix wd:      <http://www.wikidata.org/entity/> .
@prefix oa:      <http://www.w3.org/ns/oa#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix time:    <http://www.w3.org/2006/time#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf:    <http://xmlns.com/foaf/0.1/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
"""

REAL_STATES = [
    "armenia",
    "belarus",
    "kazakhstan",
    "kyrgyzstan",
    "russia",
    "tajikistan",
    "uzbekistan",
    "azerbaijan",
    "georgia",
]
SYLLABLES = [
    "ka",
    "ro",
    "vel",
    "mar",
    "ten",
    "sul",
    "dor",
    "an",
    "bri",
    "zel",
    "ost",
    "mi",
    "ra",
    "lun",
    "gar",
    "pe",
    "tor",
    "vi",
    "nam",
    "es",
    "kor",
    "al",
    "dan",
    "ur",
    "si",
    "bel",
    "tam",
    "yo",
]
FIRST = [
    "Aram",
    "Lena",
    "Timur",
    "Olga",
    "Rustam",
    "Nadia",
    "Sergei",
    "Aida",
    "Marat",
    "Irina",
    "Davit",
    "Gulnara",
    "Pavel",
    "Zarina",
    "Bakyt",
    "Anna",
    "Emil",
    "Sofia",
    "Ruslan",
    "Mira",
]
LAST = [
    "Petrosyan",
    "Ivanova",
    "Nurlanov",
    "Karimova",
    "Sokolov",
    "Abdulova",
    "Grigoryan",
    "Tokaeva",
    "Orlov",
    "Sadykova",
    "Levchenko",
    "Aliyeva",
    "Bondar",
    "Rakhimov",
    "Melnik",
    "Usenova",
]
POSITIONS = [
    "Support",
    "Opposition",
    "Criticism",
    "Concern",
    "Proposal",
    "Prediction",
    "Refusing",
    "Assessment",
    "Appeal",
]
# how a passage words a stance of a position that validation reads from its words (shape:PositionAgreesWithItsWords)
POSITION_VERBS = {
    "Prediction": "said {} would prove",
    "Refusing": "rejected {} as",
    "Proposal": "proposed action on {}, calling it",
    "Appeal": "called on others to act on {}, calling it",
    "Concern": "voiced concern about {}, calling it",
}
ROLES = [
    ("president", "President", "HeadOfState"),
    ("prime-minister", "Prime Minister", "HeadOfGovernment"),
    ("foreign-minister", "Foreign Minister", "ForeignMinister"),
    ("defence-minister", "Defence Minister", "DefenceMinister"),
]
TOPIC_WORDS = [
    "border security",
    "peacekeeping",
    "military bases",
    "arms supplies",
    "collective defence",
    "drone warfare",
    "cyber threats",
    "energy transit",
    "refugees",
    "terrorism",
    "drug trafficking",
    "air defence",
    "joint exercises",
    "sanctions",
    "enlargement",
    "neutrality",
]
FILLER = [
    "Analysts in the region have long debated what the organisation is for.",
    "The statement was not published in full.",
    "Officials declined to comment on the record.",
    "Observers noted the absence of any timetable.",
    "Some of the details remain unclear.",
    "Critics call the arrangement a \u201cpaper tiger\u201d.",
    "The reports could not be independently verified.",
    "Its critics and its defenders agree on little else.",
]


INITIALS = [chr(c) for c in range(ord("A"), ord("Z") + 1) if chr(c) not in "AS"]


# The word a passage numbers a withdrawal with (shape:CountsAndNumbering: a file's csto:ordinal is one its passage
# states, "for the second time"); a state has at most two periods in an alliance.
_ORDINAL_WORD = {1: "first", 2: "second", 3: "third"}


def parse_scale(text: str) -> int:
    """``"1e5"`` -> 100000; ``"25000"`` -> 25000."""
    return int(float(text))


def _slug(text: str) -> str:
    """Lower-case ASCII words and digits joined by single hyphens, as a minted IRI's name is (shape:MintedIri):
    "Rustam E. Grigoryan" -> "rustam-e-grigoryan", not "rustam-e--grigoryan"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _lit(text: str, lang: str | None = None) -> str:
    return turtle_string(text) + (f"@{lang}" if lang else "")


def _date_lit(d: dt.date, precision: str) -> str:
    if precision == "day":
        return f'"{d.isoformat()}"^^xsd:date'
    if precision == "month":
        return f'"{d.year:04d}-{d.month:02d}"^^xsd:gYearMonth'
    return f'"{d.year:04d}"^^xsd:gYear'


def _bounds(d: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day a date at ``precision`` can be: the build's own rule (:func:`csto_kg.derive.bounds`)."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    from csto_kg.derive import bounds

    lexical, datatype = {
        "day": (d.isoformat(), XSD.date),
        "month": (f"{d.year:04d}-{d.month:02d}", XSD.gYearMonth),
    }.get(precision, (f"{d.year:04d}", XSD.gYear))
    return bounds(Literal(lexical, datatype=datatype))


def _date_words(d: dt.date, precision: str) -> str:
    if precision == "day":
        return f"on {d.day}\u00a0{d.strftime('%B')} {d.year}"
    if precision == "month":
        return f"in {d.strftime('%B')} {d.year}"
    return f"in {d.year}"


@dataclass
class Fact:
    """A fact node: its description (Turtle predicate-object lines) and the sentence that supports it."""

    iri: str  # e.g. ":membership-armenia-1"
    slug: str  # evidence id suffix
    lines: list[str]  # "csto:state :armenia" ...
    sentence: str
    triples: int  # how many triples the description makes (without provenance)
    extra: list["Fact"] = field(default_factory=list)  # facts described with the same evidence


@dataclass
class Stats:
    seed: int
    target: int
    documents: int
    asserted_triples: int  # curated files + ontology, as written
    files: int


class _World:
    def __init__(self, target: int, rng: random.Random):
        self.rng = rng
        # seed ids are NNN_<16 hex> (three digits: shapes/sources.ttl), so at most 1000 documents
        self.n_docs = min(1000, max(2, round(target / 1000)))
        self.n_alliances = max(2, self.n_docs // 12)
        self.n_states = max(12, min(12 + self.n_docs // 3, 3000))
        self.n_persons = max(16, self.n_docs * 2)
        self.n_topics = max(8, self.n_docs // 2)
        self.entities: list[str] = []
        self.entity_triples = 0
        self.fact_labels: dict[
            str, list[str]
        ] = {}  # each fact's label line, the facts that had it (one label, one fact)
        names: set[str] = set()

        def fresh(make) -> str:
            while True:
                name = make()
                if name not in names:
                    names.add(name)
                    return name

        def word() -> str:
            return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

        self.states = [(s, s.capitalize()) for s in REAL_STATES]
        names.update(n for _, n in self.states)
        while len(self.states) < self.n_states:
            name = fresh(lambda: word() + rng.choice(["ia", "stan", "land", "a"]))
            self.states.append((_slug(name), name))
        self.capitals = {}
        for s, _name in self.states:
            city = fresh(word)
            self.capitals[s] = (_slug(city) + "-city", city)
        self.alliances = [("csto", "Collective Security Treaty Organization", "CSTO")]
        acronyms = {"CSTO"}  # an alliance's acronym names no other (validation: shape:EntityLabelOfOneEntity)
        while len(self.alliances) < self.n_alliances:
            name = fresh(lambda: f"{word()} Defence Pact")
            acronym = "".join(w[0] for w in name.split())
            if acronym in acronyms:
                acronym = f"{name.split()[0][:3].upper()}DP"
            if acronym in acronyms:
                continue
            acronyms.add(acronym)
            self.alliances.append((_slug(name), name, acronym))
        self.persons = []
        for i in range(self.n_persons):
            # 320 first-last pairs: past them, a middle initial (and then a number) keeps names unique; not A. or
            # S., which name comparison drops as filler ("Rustam A. Grigoryan" is "Rustam Grigoryan" reworded:
            # shape:EntityNameReworded)
            label = fresh(
                lambda i=i: (
                    f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                    if i < 200
                    else f"{rng.choice(FIRST)} {rng.choice(INITIALS)}. {rng.choice(LAST)}"
                    if i < 4000
                    else f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
                )
            )
            self.persons.append((_slug(label), label, rng.choice(self.states)[0]))
        self.topics = []
        for _ in range(self.n_topics):
            label = fresh(lambda: f"{rng.choice(TOPIC_WORDS)} in {rng.choice(self.states)[1]}")
            self.topics.append(("topic-" + _slug(label), label))
        self.offices = []
        self.state_index = {s: i for i, (s, _) in enumerate(self.states)}
        for s, name in self.states:
            for key, title, role in ROLES:
                self.offices.append((f"{key}-of-{s}", f"{title} of {name}", s, role))
        self._write_entities()

    def _e(self, line: str, triples: int) -> None:
        self.entities.append(line)
        self.entity_triples += triples

    def _write_entities(self) -> None:
        e = self._e
        e("# --- States and the cities their summits meet in ---", 0)
        for i, (s, name) in enumerate(self.states):
            e(f":{s} a csto:State ; rdfs:label {_lit(name, 'en')} ; skos:exactMatch wd:Q{900000 + i} .", 3)
            c, city = self.capitals[s]
            # what a capital is of is a seed's statement (with its passage), not the entities file's
            e(f":{c} a csto:Place ; rdfs:label {_lit(city, 'en')} .", 2)
        e("# --- Alliances, their treaties and organs ---", 0)
        for a, name, acronym in self.alliances:
            treaty = "collective-security-treaty" if a == "csto" else f"{a}-treaty"
            council = "collective-security-council" if a == "csto" else f"{a}-council"
            # the treaty an alliance grew out of is a seed's statement (with its passage), not the entities file's
            e(
                f":{a} a csto:MilitaryAlliance ; rdfs:label {_lit(name, 'en')} ; skos:altLabel {_lit(acronym, 'en')} .",
                3,
            )
            e(f":{treaty} a csto:Treaty ; rdfs:label {_lit('Treaty of the ' + name, 'en')} .", 2)
            e(f":{council} a csto:Organ ; rdfs:label {_lit('Council of the ' + name, 'en')} ; org:unitOf :{a} .", 3)
            e(
                f":{a}-ministers a csto:Organ ; rdfs:label {_lit('Council of Foreign Ministers of the ' + name, 'en')} ;"
                f" org:unitOf :{a} .",
                3,
            )
        e("# --- Persons and offices ---", 0)
        for p, label, _ in self.persons:
            e(f":{p} a csto:Person ; rdfs:label {_lit(label, 'en')} .", 2)
        for o, label, s, role in self.offices:
            e(f":{o} a csto:Office ; rdfs:label {_lit(label, 'en')} ; org:postIn :{s} ; org:role csto:{role} .", 4)
        e("# --- Topics ---", 0)
        for t, label in self.topics:
            e(f":{t} a csto:Topic ; rdfs:label {_lit(label, 'en')} ; skos:prefLabel {_lit(label, 'en')} .", 3)

    @staticmethod
    def treaty(a: str) -> str:
        return "collective-security-treaty" if a == "csto" else f"{a}-treaty"

    @staticmethod
    def council(a: str) -> str:
        return "collective-security-council" if a == "csto" else f"{a}-council"


def _day(rng: random.Random, lo: int, hi: int) -> dt.date:
    lo = min(lo, hi)
    return dt.date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))


def _precision(rng: random.Random) -> str:
    return rng.choices(["day", "month", "year"], [5, 3, 2])[0]


class _Facts:
    """Generates the fact pool: each call of :meth:`next_group` returns facts that share one passage."""

    def __init__(self, world: _World, rng: random.Random):
        self.w, self.rng = world, rng
        self.counter = 0
        # (iri, alliance, label, date, absent states)
        self.summits: list[tuple[str, str, str, dt.date, frozenset[str], tuple[tuple[str, str, str], ...], Fact]] = []
        # alliance -> [(state slug, state name, start's latest day, end's earliest day or None)]
        self.periods: dict[str, list[tuple[str, str, dt.date, dt.date | None]]] = {}
        self.founded: dict[str, dt.date] = {}
        self.articles: set[str] = set()  # alliances whose article 4 is described
        self.requested: set[tuple[str, str]] = set()  # (state, date) of each request for help
        self.snapshots: set[tuple[str, int]] = set()  # (alliance, year) of each membership snapshot
        self.chairs: set[tuple[str, str, int]] = set()  # (state, alliance, first year) of each chairmanship
        self.held: set[tuple[str, dt.date]] = set()  # (office, day) of each office holding
        # what tells facts of one kind apart (validation warns of two that nothing does: shape:DuplicateFactNode)
        self.meetings: set[tuple[str, str, str]] = set()  # (body, place, date as written) of each summit
        self.troops: set[int] = set()  # the personnel of each force size
        self.figures: set[tuple[int, str]] = set()  # (amount, qualifier) of each claim's quantity
        self.memberships = self._plan_memberships()

    def members_at(self, a: str, lo: dt.date, hi: dt.date) -> list[tuple[str, str]]:
        """States whose membership of ``a`` certainly covers every day of [lo, hi]."""
        out = [
            (s, n)
            for s, n, start_hi, end_lo in self.periods.get(a, ())
            if start_hi < lo and (end_lo is None or end_lo > hi)
        ]
        return sorted(set(out))

    def members_throughout(self, a: str, lo: dt.date, hi: dt.date) -> list[tuple[str, str]]:
        """States certainly members of ``a`` on every day of [lo, hi], as validation counts them (a period whose
        start's latest day is not after ``lo`` and whose end's earliest day is not before ``hi``): a meeting that
        says who came and who stayed away names each of them (shape:MeetingAttendanceAccountedFor)."""
        out = [
            (s, n)
            for s, n, start_hi, end_lo in self.periods.get(a, ())
            if start_hi <= lo and (end_lo is None or end_lo >= hi)
        ]
        return sorted(set(out))

    def _dated_members(self, lo_year: int = 1995, k: int = 1):
        """An alliance, a day and its members on that day (at least ``k``), or None after a few tries."""
        rng = self.rng
        for _ in range(20):
            a, name, acronym = rng.choice(self.w.alliances)
            first = self.founded[a].year + 1
            d = _day(rng, max(lo_year, first), 2025)
            members = self.members_at(a, d - dt.timedelta(days=31), d + dt.timedelta(days=31))
            if len(members) >= k:
                return (a, name, acronym), d, members
        return None

    def _id(self, stem: str) -> str:
        """A fact's serial, at least five digits: "r-01805", never "r-1805", which reads as a year that is not its
        date's (validation: shape:YearInItsName)."""
        self.counter += 1
        return f"{stem}-{self.counter:05d}"

    def _plan_memberships(self) -> list[list[Fact]]:
        """Per alliance: founding signatures, later accessions, withdrawals, re-accessions, as fact groups."""
        rng, w = self.rng, self.w
        groups: list[list[Fact]] = []
        for a, name, acronym in w.alliances:
            founded = dt.date(1992, 5, 15) if a == "csto" else _day(rng, 1950, 2012)
            self.founded[a] = founded
            periods_of = self.periods.setdefault(a, [])
            k = min(len(w.states), rng.randint(5, 12))
            pool = list(w.states)
            rng.shuffle(pool)
            if a == "csto":
                pool = [s for s in w.states[:9]] + [s for s in pool if s[0] not in REAL_STATES]
            members = pool[: k + rng.randint(0, 6)]
            for i, (s, sname) in enumerate(members):
                founding = i < k
                start = founded if founding else _day(rng, founded.year + 1, 2022)
                periods = 1 + (rng.random() < 0.15)
                for period in range(1, periods + 1):
                    facts = []
                    if period == 1:
                        kind = "Signature" if founding else "Accession"
                    else:
                        kind = "ReAccession"
                    prec = "day" if kind == "Signature" else _precision(rng)
                    ev_iri = f":{kind.lower()}-{s}-{a}-{start.year}-{period}"
                    lines = [
                        f"a csto:{kind}",
                        f"rdfs:label {_lit(f'{sname} {kind.lower()} ({acronym}, {start.year})', 'en')}",
                        f"csto:state :{s}",
                        f"csto:organisation :{a}",
                        f"csto:date {_date_lit(start, prec)}",
                    ]
                    n = 5
                    if kind == "Signature":
                        lines += [f"csto:treaty :{w.treaty(a)}", f"csto:place :{w.capitals[w.states[0][0]][0]}"]
                        n += 2
                    verb = {"Signature": "signed the treaty", "Accession": "joined", "ReAccession": "rejoined"}[kind]
                    if kind == "Signature":  # the passage names the place (shape:ValueNamedInItsPassage)
                        verb += f" in {w.capitals[w.states[0][0]][1]}"
                    facts.append(
                        Fact(
                            ev_iri,
                            f"{kind.lower()}-{s}-{a}-{period}",
                            lines,
                            f"{sname} {verb} the {name} {_date_words(start, prec)}.",
                            n,
                        )
                    )
                    end = None
                    if start.year < 2024 and (rng.random() < 0.2 or period < periods):
                        end = _day(rng, start.year + 1, 2025)
                        eprec = _precision(rng)
                        wd_iri = f":withdrawal-{s}-{a}-{end.year}-{period}"
                        facts.append(
                            Fact(
                                wd_iri,
                                f"withdrawal-{s}-{a}-{period}",
                                [
                                    "a csto:Withdrawal",
                                    f"rdfs:label {_lit(f'{sname} leaves the {acronym}, {end.year}', 'en')}",
                                    f"csto:state :{s}",
                                    f"csto:organisation :{a}",
                                    f"csto:date {_date_lit(end, eprec)}",
                                ]
                                # csto:ordinal counts a state's withdrawals from any organisation: only the CSTO's get one
                                + ([f"csto:ordinal {period}"] if a == "csto" else []),
                                f"{sname} left the {name} {_date_words(end, eprec)}, for the {_ORDINAL_WORD[period]} time.",
                                6 if a == "csto" else 5,
                            )
                        )
                    periods_of.append(
                        (s, sname, _bounds(start, prec)[1], None if end is None else _bounds(end, eprec)[0])
                    )
                    m_lines = [
                        "a csto:Membership",
                        f"rdfs:label {_lit(f'{sname} in the {acronym}, period {period}', 'en')}",
                        f"org:member :{s}",
                        f"org:organization :{a}",
                        f"csto:startedBy {ev_iri}",
                    ]
                    if end is not None:
                        m_lines.append(f"csto:endedBy {facts[-1].iri}")
                    member = Fact(
                        f":membership-{s}-{a}-{period}",
                        f"membership-{s}-{a}-{period}",
                        m_lines,
                        facts[0].sentence,
                        len(m_lines),
                    )
                    groups.append([member] + facts)
                    if end is None:
                        break
                    start = _day(rng, end.year + 1, 2025) if end.year < 2024 else None
                    if start is None:
                        break
        rng.shuffle(groups)
        return groups

    def next_group(self) -> list[Fact]:
        if self.memberships and self.rng.random() < 0.5:
            return self.memberships.pop()
        kind = self.rng.choices(
            ["summit", "stance", "holding", "claim", "request", "snapshot", "article", "chair"],
            [3, 8, 3, 3, 2, 1, 1, 1],
        )[0]
        return getattr(self, "_" + kind)()

    # -- fact kinds ---------------------------------------------------------------------------
    def _summit(self) -> list[Fact]:
        rng, w = self.rng, self.w
        found = self._dated_members(k=2)
        if found is None:
            return self._stance()
        (a, name, acronym), d, members = found
        prec = rng.choice(["day", "month"])
        members = self.members_throughout(a, *_bounds(d, prec))  # every member on its date, present or absent
        host = rng.choice(members)
        # a summit is identified by its body, place and date: if the drawn host's capital had this body's summit on
        # that date already, the first member whose capital had not hosts this one (none: a stance instead)
        date = _date_lit(d, prec)
        free = [m for m in [host, *members] if (w.council(a), w.capitals[m[0]][0], date) not in self.meetings]
        if not free:
            return self._stance()
        host = free[0]
        city, cname = w.capitals[host[0]]
        self.meetings.add((w.council(a), city, date))
        iri = f":summit-{a}-{d.isoformat()}-{self._id('s')}"
        label = f"{acronym} summit in {cname}, {d.strftime('%B')} {d.year}"
        rng.shuffle(members)
        members.remove(host)  # the host is present: no state is absent from a meeting on its own territory
        members.insert(0, host)  # (validation checks it: shape:LinkedValuesAgree)
        present = members[: max(1, len(members) - rng.randint(0, 2))]
        absent = members[len(present) :]
        # attendees are of the states present (validation checks it: shape:AttendeeOfAParticipatingState)
        here = {s for s, _ in present}
        people = [x for x in rng.sample(w.persons, min(len(w.persons), 12)) if x[2] in here][: rng.randint(1, 4)]
        lines = [
            "a csto:Summit",
            f"rdfs:label {_lit(label, 'en')}",
            f"csto:body :{w.council(a)}",
            f"csto:place :{city}",
            f"csto:host :{host[0]}",
            f"csto:date {date}",
            "csto:participatingState " + ", ".join(f":{s}" for s, _ in present),
        ]
        n = 6 + len(present)
        if absent:
            lines.append("csto:absentState " + ", ".join(f":{s}" for s, _ in absent))
            n += len(absent)
        if people:
            lines.append("csto:attendee " + ", ".join(f":{p}" for p, _, _ in people))
            n += len(people)
        sentence = (
            f"The {name} met in {cname} {_date_words(d, prec)} with "
            f"{', '.join(s for _, s in present)} present"
            + (f"; {', '.join(s for _, s in absent)} stayed away" if absent else "")
            + (f"; {', '.join(label for _, label, _ in people)} attended." if people else ".")
        )
        summit = Fact(iri, iri[1:], lines, sentence, n)
        self.summits.append((iri, a, label, d, frozenset(s for s, _ in absent), tuple(people), summit))
        out = [summit]
        for kind in rng.sample(["Declaration", "Statement"], rng.randint(0, 2)):
            signed = d  # signed at the one-day meeting (shape:LinkedDatesInOrder: not after it is over)
            doc_iri = f":{kind.lower()}-{a}-{signed.isoformat()}-{self._id('d')}"
            dl = [
                f"a csto:{kind}",
                f"rdfs:label {_lit(f'{kind} of the {label}', 'en')}",
                f"csto:issuedBy :{w.council(a)}",
                f"csto:producedAt {iri}",
                f"csto:dateSigned {_date_lit(signed, 'day')}",
            ]
            if people and rng.random() < 0.3:
                dl.append(f"csto:refusedToSignBy :{people[0][0]}")
            out.append(
                Fact(
                    doc_iri,
                    doc_iri[1:],
                    dl,
                    f"The summit's Council of the {name} adopted a {kind.lower()} dated {signed.isoformat()}.",
                    len(dl),
                )
            )
        return out

    def _stance(self) -> list[Fact]:
        rng, w = self.rng, self.w
        p, pname, nat = rng.choice(w.persons)
        topic = rng.choice(w.topics)
        pos = rng.choice(POSITIONS)
        d = _day(rng, 2000, 2025)
        prec = _precision(rng)
        # a stance expressed at a summit is dated at it, and its holder's state was not absent from it
        # (validation checks both: shape:DatedAtItsMeeting, shape:NotSaidWhereAbsent)
        summit = rng.choice(self.summits) if self.summits and rng.random() < 0.4 else None
        if summit is not None and nat in summit[4]:
            summit = None
        if summit is not None:
            d, prec = summit[3], "year"
            # and held by one of its attendees where it records any (shape:LinkedValuesAgree)
            if summit[5] and (p, pname, nat) not in summit[5]:
                p, pname, nat = summit[5][0]
        words = rng.choice(
            [
                "no advantage",
                "a strategic mistake",
                "unacceptable",
                "the only guarantee",
                "a necessary step",
                "premature",
                "deeply worrying",
            ]
        )
        iri = f":stance-{p}-{self._id('st')}"
        attribution = rng.choice(["Direct", "Direct", "Reported"])
        lines = [
            "a csto:Stance",
            f"rdfs:label {_lit(f'{pname} on {topic[1]}', 'en')}",
            f"csto:heldBy :{p}",
            f"csto:about :{topic[0]}",
            f"csto:position csto:{pos}",
            f"csto:attribution csto:{attribution}",
            f"csto:words {_lit(words)}",
            # its passage quotes the words in the generator's own sentence (shape:QuotedWordsHaveASpeechForm)
            "csto:speechForm csto:PartialQuotation",
            f"csto:date {_date_lit(d, prec)}",
            f"rdfs:comment {_lit(f'{pname} called {topic[1]} {words}.', 'en')}",
        ]
        n = 10
        # a criticism names what it finds fault with (shape:CriticismAimedAtItsTarget): its topic
        if pos == "Criticism":
            lines.append(f"csto:criticises :{topic[0]}")
            n += 1
        # no csto:speakingAs: the generator records no office holding for a stance's holder, and one speaks only as an
        # office one holds (validation checks it: shape:LinkedValuesAgree); the draw keeps the sequence of choices
        rng.random()
        # a reported view is hedged in its passage (shape:AttributionAgreesWithItsWords), a forecast, refusal, proposal,
        # appeal or concern worded so (shape:PositionAgreesWithItsWords)
        hedge = "reportedly " if attribution == "Reported" else ""
        when = _date_words(d, prec)
        verb = POSITION_VERBS.get(pos, "described {} as")
        said = f"{pname} {hedge}{verb.format(topic[1])} \u201c{words}\u201d {when}."
        if summit is None:
            return [Fact(iri, iri[1:], lines, said, n)]
        # the summit is described again with the stance, in the same document: a seed's file links what its seed
        # says, both ends with their passages there (shape:ReferenceInItsOwnSeed)
        lines.append(f"csto:expressedIn {summit[0]}")
        return [Fact(iri, iri[1:], lines, said, n + 1), summit[6]]

    def _holding(self) -> list[Fact]:
        rng, w = self.rng, self.w
        p, pname, nat = rng.choice(w.persons)
        o, olabel, s, role = w.offices[w.state_index[nat] * len(ROLES) + rng.randrange(len(ROLES))]
        d = _day(rng, 1995, 2025)
        if (o, d) in self.held:  # one holder of an office on a day (shape:OneHolderOnADay)
            return self._stance()
        self.held.add((o, d))
        iri = f":holding-{p}-{self._id('h')}"
        lines = [
            "a csto:OfficeHolding",
            f"rdfs:label {_lit(f'{pname}, {olabel}, {d.year}', 'en')}",
            f"csto:holder :{p}",
            f"csto:office :{o}",
            f"csto:attestedOn {_date_lit(d, 'day')}",
        ]
        return [Fact(iri, iri[1:], lines, f"{pname}, {olabel}, spoke {_date_words(d, 'day')}.", 5)]

    def _claim(self) -> list[Fact]:
        rng, w = self.rng, self.w
        topic = rng.choice(w.topics)
        q = rng.randint(2, 90000)
        iri = f":claim-{self._id('c')}"
        quantity = f":quantity-{iri[1:]}-1"
        qualifier = rng.choice(["Approximately", "MoreThan", "Exactly"])
        while (q, qualifier) in self.figures:  # a quantity is identified by its figure and qualifier
            q += 1
        self.figures.add((q, qualifier))
        # the words say what the qualifier says, and name what they count (validation checks both:
        # shape:FigureMatchesItsWords, shape:UnitSaidOfItsFigure)
        stated = {"Approximately": f"Some\u00a0{q:,}", "MoreThan": f"More than\u00a0{q:,}", "Exactly": f"{q:,}"}[
            qualifier
        ] + " people"
        sentence = f"{stated} were reported in connection with {topic[1]}."
        lines = [
            "a csto:Claim",
            f"rdfs:label {_lit(f'{q} on {topic[1]}', 'en')}",
            f"csto:about :{topic[0]}",
            "csto:assertedBy src:{seed}",
            "csto:position csto:FactualAssertion",
            f"csto:words {_lit(f'{stated} were reported')}",  # the figure's words are the claim's
            f"csto:hasQuantity {quantity}",
            f"rdfs:comment {_lit(f'A figure of {q} given for {topic[1]}.', 'en')}",
        ]
        q_lines = [
            "a csto:Quantity",
            f"rdfs:label {_lit(stated.replace(chr(0xA0), ' '), 'en')}",
            f"csto:amount {q}",
            "csto:unit csto:Persons",
            f"csto:qualifier csto:{qualifier}",
            f"csto:statedAs {_lit(stated)}",
        ]
        return [Fact(iri, iri[1:], lines, sentence, 8), Fact(quantity, quantity[1:], q_lines, sentence, 6)]

    def _request(self) -> list[Fact]:
        rng, w = self.rng, self.w
        found = self._dated_members()
        if found is None:
            return self._claim()
        (a, name, acronym), d, members = found
        s, sname = rng.choice(members)
        prec = rng.choice(["day", "month"])
        if (s, _date_lit(d, prec)) in self.requested:  # one request of a state on a date (shape:DuplicateFactNode)
            return self._claim()
        self.requested.add((s, _date_lit(d, prec)))
        n = self._id("r")
        invocation = rng.random() < 0.5
        kind = "Invocation" if invocation else "AssistanceRequest"
        req = f":request-{s}-{n}"
        resp_kind = rng.choice(["Deployment", "Refusal", "MinimalResponse"])
        resp = f":response-{s}-{n}"
        conflict = f":conflict-{s}-{n}"
        lines = [
            f"a csto:{kind}",
            f"rdfs:label {_lit(f'{sname} invokes Article 4 of the {acronym} treaty, {d.year}' if invocation else f'{sname} asks the {acronym} for help, {d.year}', 'en')}",
            f"csto:state :{s}",
            f"csto:organisation :{a}",
            f"csto:date {_date_lit(d, prec)}",
            f"csto:response {resp}",
            f"csto:context {conflict}",
        ]
        if invocation:
            lines.append(f"csto:invokedArticle :{a}-article-4")
        facts = [
            Fact(req, req[1:], lines, f"{sname} turned to the {name} for help {_date_words(d, prec)}.", len(lines))
        ]
        rl = [f"a csto:{resp_kind}", f"rdfs:label {_lit(f'{acronym} response to {sname}, {d.year}', 'en')}"]
        if resp_kind == "Deployment":
            troops = rng.randint(100, 5000)
            while troops in self.troops:  # a force size is identified by its figure alone
                troops += 1
            self.troops.add(troops)
            fs = f":force-size-{s}-{n}"
            rl += [
                f"csto:destination :{s}",
                f"csto:startDate {_date_lit(d + dt.timedelta(days=3), 'day')}",
                f"csto:dateBasis {_lit(f'Synthetic: three days after the request ({d + dt.timedelta(days=3)}).', 'en')}",
                f"csto:contributor :{rng.choice([x for x in w.states if x[0] != s])[0]}",  # not the destination
                f"csto:reportedForceSize {fs}",
            ]
            facts.append(
                Fact(
                    fs,
                    fs[1:],
                    [
                        "a csto:ForceSize",
                        f"rdfs:label {_lit(f'some {troops} troops', 'en')}",
                        f"csto:personnel {troops}",
                        "csto:personnelQualifier csto:Approximately",
                        f"csto:statedAs {_lit(f'some {troops:,} troops')}",
                    ],
                    f"The {acronym} sent some {troops:,} troops.",
                    5,
                )
            )
        # a deployment's sentence gives its force, which its csto:reportedForceSize links (shape:LinkSaidByItsFact)
        force = f" of some {troops:,} troops" if resp_kind == "Deployment" else ""
        facts.insert(1, Fact(resp, resp[1:], rl, f"The {name} answered with a {resp_kind.lower()}{force}.", len(rl)))
        facts.append(
            Fact(
                conflict,
                conflict[1:],
                [
                    "a csto:Conflict",
                    f"rdfs:label {_lit(f'Clashes in {sname}, {d.year}', 'en')}",
                    f"csto:party :{s}",
                    f"csto:place :{w.capitals[s][0]}",
                    # the request's date: two conflicts of one state in one year are told apart (DuplicateFactNode)
                    f"csto:startDate {_date_lit(d, prec)}",
                ],
                f"Clashes broke out in {sname}, around {w.capitals[s][1]}, {_date_words(d, prec)}.",
                5,
            )
        )
        if invocation:  # the article is described with each invocation of it (shape:ReferenceInItsOwnSeed)
            facts.append(self._article(a, name, acronym)[0])
        return facts

    def _article(self, a: str | None = None, name: str = "", acronym: str = "") -> list[Fact]:
        if a is None:
            a, name, acronym = self.rng.choice(self.w.alliances)
            if a in self.articles:
                return self._claim()
        self.articles.add(a)
        iri = f":{a}-article-4"
        text = "Aggression against one party shall be considered as aggression against all parties."
        return [
            Fact(
                iri,
                iri[1:],
                [
                    "a csto:MutualDefenceClause",
                    f"rdfs:label {_lit(f'Article 4 of the {acronym} treaty', 'en')}",
                    f"csto:articleOf :{self.w.treaty(a)}",
                    "csto:articleNumber 4",
                    f"csto:articleText {_lit(text, 'en')}",
                ],
                f"Article 4 of the {name} treaty reads: \u201c{text}\u201d",
                5,
            )
        ]

    def _snapshot(self) -> list[Fact]:
        _rng, _w = self.rng, self.w
        found = self._dated_members(lo_year=2000)
        if found is None:
            return self._claim()
        (a, name, acronym), d, members = found
        members = self.members_at(a, dt.date(d.year, 1, 1), dt.date(d.year, 12, 31))
        if not members or (a, d.year) in self.snapshots:  # one snapshot of an alliance a year (DuplicateFactNode)
            return self._claim()
        self.snapshots.add((a, d.year))
        iri = f":snapshot-{a}-{self._id('m')}"
        lines = [
            "a csto:MembershipSnapshot",
            f"rdfs:label {_lit(f'{acronym} members as of {d.year}', 'en')}",
            f"csto:organisation :{a}",
            f"csto:memberCount {len(members)}",
            f"csto:date {_date_lit(d, 'year')}",
            f"csto:dateBasis {_lit(f'Synthetic: the members the source lists, read for the year {d.year} of the membership records.', 'en')}",
            "csto:listsMember " + ", ".join(f":{s}" for s, _ in members),
        ]
        return [
            Fact(
                iri,
                iri[1:],
                lines,
                f"The {name} currently includes {len(members)} member-states: {', '.join(s for _, s in members)}.",
                6 + len(members),
            )
        ]

    def _chair(self) -> list[Fact]:
        """A chairmanship of two calendar years, by a state that is a member throughout them."""
        rng = self.rng
        found = self._dated_members()
        if found is None:
            return self._stance()
        (a, name, acronym), d, _ = found
        y = min(d.year, 2024)
        members = self.members_at(a, dt.date(y, 1, 1), dt.date(y + 1, 12, 31))
        if not members:
            return self._stance()
        s, sname = rng.choice(members)
        if (s, a, y) in self.chairs:  # one chairmanship of a state from a year (shape:DuplicateFactNode)
            return self._stance()
        self.chairs.add((s, a, y))
        iri = f":chairmanship-{s}-{a}-{self._id('ch')}"
        lines = [
            "a csto:Chairmanship",
            f"rdfs:label {_lit(f'{sname} chairs the {acronym}, {y}', 'en')}",
            f"csto:state :{s}",
            f"csto:organisation :{a}",
            f'csto:startDate "{y}"^^xsd:gYear',
            f'csto:endDate "{y + 1}"^^xsd:gYear',
        ]
        return [Fact(iri, iri[1:], lines, f"{sname} chaired the {name} from {y} to {y + 1}.", 6)]


_DIRECT = {"csto:attribution csto:Reported": "csto:attribution csto:Direct"}


class _Document:
    def __init__(self, number: int, rng: random.Random, world: _World):
        self.number, self.rng, self.w = number, rng, world
        self.text_parts: list[str] = []
        self.length = 0
        self.blocks: list[str] = []
        self.triples = 0
        rng.randint(2005, 2025)  # (drawn as before, so the rest of the random stream is unchanged)
        self.year = 2025  # published after every event it reports (events: 1995-2024; DatedAfterItsSources)
        self.title = (
            f"{rng.choice(['Inside', 'Whither', 'The Future of', 'Reassessing'])} the {rng.choice(world.alliances)[1]}"
        )
        self.author = rng.choice(world.persons)
        self._append(f"{self.title}\n\nBy {self.author[1]}\n\n")
        self.sentences: dict[str, tuple[str, int, int]] = {}

    def _append(self, text: str) -> tuple[int, int]:
        start = self.length
        self.text_parts.append(text)
        self.length += len(text)
        return start, self.length

    def cite(self, sentence: str) -> tuple[int, int]:
        if sentence in self.sentences:
            _, s, e = self.sentences[sentence]
            return s, e
        if self.rng.random() < 0.5:
            self._append(self.rng.choice(FILLER) + " ")
        s, e = self._append(sentence)
        self._append("\n\n" if self.rng.random() < 0.3 else " ")
        self.sentences[sentence] = (sentence, s, e)
        return s, e

    def own_views_stated(self, facts: list[Fact]) -> list[Fact]:
        """``facts``, drawn for this document, with its author's own views attributed directly: the document is the
        author's text, so it states them, it does not report them (shape:AttributionAgreesWithItsWords). Done when
        the group is drawn, so that a later document describing it again gives the same attribution."""
        for f in facts:
            if f"csto:heldBy :{self.author[0]}" in f.lines:
                f.lines[:] = [_DIRECT.get(line, line) for line in f.lines]
        return facts

    def add_group(self, facts: list[Fact], prefix: str) -> None:
        ev = f"ev:{prefix}-{facts[0].slug}"
        s, e = self.cite(facts[0].sentence)
        quote = facts[0].sentence
        evidence = [ev]
        for f in facts:
            if f.sentence and f.sentence != quote:
                own = self._evidence_for(f, prefix)
                evidence = [ev, own]
                self._declare_support(own, f.lines)  # two passages: the fact's own sentence states its values
            else:
                evidence = [ev]
            if not f.lines:
                continue
            lines = self._labelled_once(f.iri, [line.replace("src:{seed}", f"src:{self.id}") for line in f.lines])
            if f.iri in self._described:  # described again (a summit with a stance at it): its new passages only, as
                lines = []  # a curator writes it (a file states a triple once: shape:WrittenOnceInItsFile)
            self._described.add(f.iri)
            body = " ;\n    ".join(lines + [f"prov:wasDerivedFrom {', '.join(evidence)}"])
            self.blocks.append(f"{f.iri} {body} .\n")
            self.triples += f.triples + len(evidence)  # (counted as before, so a seed draws the same graph)
            for x in f.extra:
                self.blocks.append(f"{x.iri} {' ; '.join(self._labelled_once(x.iri, x.lines))} .\n")
                self.triples += x.triples
        self._evidence_node(ev, quote, s, e)

    def _labelled_once(self, iri: str, lines: list[str]) -> list[str]:
        """``lines`` with a label another fact already has made its own: "... (record 2)" (validation requires it:
        shape:FactLabelOfOneFact; two stances of one person on one topic drew the same label). A fact described again
        (a shared fact, a summit described with a stance expressed at it) keeps its label: one name in a file."""
        out = []
        for line in lines:
            if line.startswith("rdfs:label "):
                holders = self.w.fact_labels.setdefault(line, [])
                if iri not in holders:
                    holders.append(iri)
                n = holders.index(iri) + 1
                if n > 1:
                    head, quote, tail = line.rpartition('"')
                    line = f"{head} (record {n}){quote}{tail}"
            out.append(line)
        return out

    def _declare_support(self, ev: str, lines: list[str]) -> None:
        props = sorted({line.split(" ", 1)[0] for line in lines} - {"a", "rdfs:label", "rdfs:comment"})
        if props:
            if ev not in self._declared:  # declared once per file (a fact described again has the same passage)
                self.blocks.append(f"{ev} csto:supportsProperty {', '.join(props)} .\n")
                self._declared.add(ev)
            self.triples += len(props)  # (counted as before, so a seed draws the same graph)

    def _evidence_for(self, f: Fact, prefix: str) -> str:
        ev = f"ev:{prefix}-{f.slug}"
        if ev not in self._written:
            s, e = self.cite(f.sentence)
            self._evidence_node(ev, f.sentence, s, e)
        return ev

    _written: set[str]

    def _evidence_node(self, ev: str, quote: str, s: int, e: int) -> None:
        if ev in self._written:
            return
        self._written.add(ev)
        self._selectors.append((len(self.blocks), quote, s, e))
        self.blocks.append(
            f"{ev} a csto:Evidence ;\n    oa:hasSource src:{self.id} ;\n"
            f"    oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact {turtle_string(quote)} ] ,\n"
            f"        [ a oa:TextPositionSelector ; oa:start {s} ; oa:end {e} ] .\n"
        )
        self.triples += 9

    def finish(self, seeds: Path, kg: Path) -> None:
        for _ in range(2):
            self._append(self.rng.choice(FILLER) + " ")
        text = "".join(self.text_parts)
        self._disambiguate(text)
        data = text.encode("utf-8")
        sha = hashlib.sha256(data).hexdigest()
        # the file name's hash part is fixed before the text is (ids are used in the kg file)
        (seeds / f"{self.id}.txt").write_bytes(data)
        n = f"{self.number:03d}"
        head = [
            f"# Synthetic curated facts of seed {self.id}.txt (generated by bench/generate.py; do not edit).\n",
            PREFIXES,
            f"\ngraph:{self.id} {{\n\n",
            f"src:{self.id} a csto:SourceDocument ;\n    rdfs:label {_lit(f'{self.title} ({n})', 'en')} ;\n"
            f"    dcterms:identifier {_lit(self.id + '.txt')} ;\n"
            f"    csto:sha256 {_lit(sha)} ;\n    dcterms:title {_lit(self.title)} ;\n"
            f"    dcterms:creator :{self.author[0]} ;\n    csto:publicationDate :pubdate-{n} .\n\n",
            f":pubdate-{n} a csto:DateEstimate ;\n    rdfs:label {_lit(f'Publication date of seed {n} ({self.year})', 'en')} ;\n"
            f'    time:inXSDgYear "{self.year}"^^xsd:gYear ;\n'
            f'    csto:notBefore "{self.year}-01-01"^^xsd:date ; csto:notAfter "{self.year}-12-31"^^xsd:date ;\n'
            f"    csto:precision time:unitYear ;\n    skos:note {_lit('Synthetic: the year the generator chose.', 'en')} ;\n"
            f"    prov:wasDerivedFrom ev:{n}-title .\n\n",
        ]
        self.triples += 7 + 9
        tail = ["}\n"]
        body = "".join(head) + "\n".join(self.blocks) + "".join(tail)
        (kg / f"{self.id}.trig").write_text(body, encoding="utf-8")

    def _disambiguate(self, text: str) -> None:
        """Each quote the finished text holds more than once gets the ``oa:prefix``/``oa:suffix`` that say which
        occurrence is meant, as ``csto-kg cite`` prints them (a later passage may contain an earlier one: "52 were
        reported" in "Some 77,852 were reported"; validation requires them: shape:VerbatimQuoteRule)."""
        for i, quote, s, e in self._selectors:
            context = quote_context(text, quote, s, e)
            if context:
                exact = f"oa:exact {turtle_string(quote)}"
                self.blocks[i] = self.blocks[i].replace(f"{exact} ]", f"{exact}{context} ]", 1)
                self.triples += context.count(" ; ")

    def start(self, ident: str) -> None:
        self.id = ident
        self._written = set()
        self._described: set[str] = set()  # the facts this file has a block of
        self._declared: set[str] = set()  # the evidence nodes whose supported properties it declares
        self._selectors: list[tuple[int, str, int, int]] = []  # (block, quote, start, end) of each evidence node
        # the title is the first passage; its evidence supports the publication date
        self._evidence_node(f"ev:{self.number:03d}-title", self.title, 0, len(self.title))


def generate(out: Path, triples: int, seed: int = 0, *, root: Path = REPO) -> Stats:
    """Write a synthetic project of about ``triples`` asserted triples into ``out`` (replaced)."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    for folder in ("ontology", "shapes", "queries"):
        (out / folder).mkdir(parents=True)
        src = root / folder
        if src.is_dir():
            for f in sorted(src.iterdir()):
                if f.is_file() and f.suffix in (".ttl", ".rq", ".md"):
                    shutil.copyfile(f, out / folder / f.name)
    seeds, kg = out / "seeds", out / "kg"
    seeds.mkdir()
    kg.mkdir()
    rng = random.Random(seed)
    world = _World(triples, rng)
    ontology_triples = 950  # about what ontology/csto.ttl holds
    budget = triples - ontology_triples - world.entity_triples
    facts = _Facts(world, rng)
    written = world.entity_triples
    per_doc = max(200, -(-budget // world.n_docs))
    shared: list[tuple[int, list[Fact]]] = []
    for number in range(world.n_docs):
        doc = _Document(number, rng, world)
        doc.start(f"{number:03d}_{hashlib.sha256(f'{seed}:{number}'.encode()).hexdigest()[:16]}")
        prefix = f"{number:03d}"
        last = number == world.n_docs - 1
        while doc.triples < per_doc or (last and (facts.memberships or shared)):
            if shared and shared[0][0] != number and (rng.random() < 0.3 or last):
                group = shared.pop(0)[1]
            elif last and facts.memberships:
                group = facts.memberships.pop()
            else:
                group = doc.own_views_stated(facts.next_group())
                # described again by a later document (not a claim: a claim is one source's own assertion)
                if rng.random() < 0.35 and not last and not any("a csto:Claim" in f.lines for f in group):
                    shared.append((number, group))
            doc.add_group(group, prefix)
        doc.finish(seeds, kg)
        written += doc.triples
    # an entity that no document names and no fact links is not a curator's entity (a topic aside: the curator's own
    # summary); validation warns of a name with a word no seed writes (shape:NameSpelledAsTheSeeds)
    said = {w for f in seeds.iterdir() for w in re.findall(r"\w+", f.read_text(encoding="utf-8"))}
    linked = {iri for f in kg.iterdir() for iri in re.findall(r"(?<![\w:]):[\w-]+", f.read_text(encoding="utf-8"))}
    unnamed = {
        line
        for line in world.entities
        if line.startswith(":")
        and " a csto:Topic " not in line
        and line.split(" ", 1)[0] not in linked
        and not set(re.findall(r"\w+", line.split('"')[1])) <= said
    }
    written -= sum(line.count(" ; ") + 1 for line in unnamed)
    (kg / "entities.trig").write_text(
        "# Synthetic shared entities (generated by bench/generate.py; do not edit).\n"
        + PREFIXES
        + "\ngraph:entities {\n\n"
        + "\n".join(line for line in world.entities if line not in unnamed)
        + "\n\n}\n",
        encoding="utf-8",
    )
    docs = range(world.n_docs)
    stats = Stats(seed, triples, len(docs), written + ontology_triples, len(docs) * 2 + 1)
    (out / "GENERATED.json").write_text(json.dumps(stats.__dict__, indent=2) + "\n")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", default="1e4", help="asserted triples to aim at (e.g. 1e4, 1e5, 1e6)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    stats = generate(args.out, parse_scale(args.triples), args.seed)
    print(json.dumps(stats.__dict__))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
