"""Human labels for IRIs, so pages never show a raw IRI where a name will do.

A resource's label is its ``skos:prefLabel``, ``rdfs:label``, ``dcterms:title``
or ``foaf:name`` in the store (English first). Terms of the reused
vocabularies (RDF, OWL, PROV, ORG, OWL-Time, Web Annotation...) carry no
labels in the graph, so they get their local name spelt as words
("wasDerivedFrom" -> "was derived from"); the prefixed name is always
available as :func:`curie` for a tooltip.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from csto_kg.derive import DATE_PROPERTIES
from csto_kg.namespaces import BASE
from csto_kg.namespaces import curie as _curie

__all__ = ["Labeller", "curie", "local_name", "humanise"]

_LABEL_PROPS = [
    ox.NamedNode(p)
    for p in (
        "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://www.w3.org/2000/01/rdf-schema#label",
        "http://purl.org/dc/terms/title",
        "http://xmlns.com/foaf/0.1/name",
    )
]
# A few reused terms whose local names read badly as words.
_KNOWN = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "type",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://www.w3.org/2000/01/rdf-schema#comment": "comment",
    "http://www.w3.org/2000/01/rdf-schema#subClassOf": "subclass of",
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf": "subproperty of",
    "http://www.w3.org/2000/01/rdf-schema#isDefinedBy": "defined by",
    "http://www.w3.org/2000/01/rdf-schema#seeAlso": "see also",
    "http://www.w3.org/2004/02/skos/core#exactMatch": "same as (Wikidata)",
    "http://www.w3.org/2004/02/skos/core#altLabel": "also called",
    "http://www.w3.org/2004/02/skos/core#prefLabel": "preferred label",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "evidence",
    "http://www.w3.org/ns/oa#hasSource": "source document",
    "http://www.w3.org/ns/oa#hasSelector": "selector",
    "http://www.w3.org/ns/oa#exact": "exact quote",
    "http://www.w3.org/ns/oa#start": "start offset (code points)",
    "http://www.w3.org/ns/oa#end": "end offset (code points, exclusive)",
    "http://www.w3.org/2006/time#inXSDDate": "date",
    "http://www.w3.org/2006/time#inXSDgYearMonth": "month",
    "http://www.w3.org/2006/time#inXSDgYear": "year",
    "http://www.w3.org/2006/time#hasBeginning": "beginning",
    "http://www.w3.org/2006/time#hasEnd": "end",
    "http://purl.org/dc/terms/identifier": "file name",
    "http://purl.org/dc/terms/creator": "author",
    "http://rdfs.org/ns/void#dataDump": "data dump",
    "http://www.w3.org/2006/time#unitDay": "day",
    "http://www.w3.org/2006/time#unitWeek": "week",
    "http://www.w3.org/2006/time#unitMonth": "month",
    "http://www.w3.org/2006/time#unitYear": "year",
    "http://www.w3.org/2004/02/skos/core#hiddenLabel": "spelling in the sources",
    # licences and vocabularies the dataset description names
    "https://creativecommons.org/licenses/by/4.0/": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "http://purl.org/dc/terms/": "DCMI Metadata Terms (Dublin Core)",
    "http://www.w3.org/2004/02/skos/core#": "SKOS (Simple Knowledge Organization System)",
    "http://www.w3.org/2006/time#": "OWL-Time",
    "http://www.w3.org/ns/oa#": "Web Annotation Vocabulary",
    "http://www.w3.org/ns/org#": "W3C Organization Ontology",
    "http://www.w3.org/ns/prov#": "PROV-O (provenance)",
    "http://rdfs.org/ns/void#": "VoID (Vocabulary of Interlinked Datasets)",
    "http://www.w3.org/ns/dcat#": "DCAT (Data Catalog Vocabulary)",
    "http://xmlns.com/foaf/0.1/": "FOAF",
    "https://schema.org/": "schema.org",
    "http://www.w3.org/2002/07/owl#": "OWL 2",
    "http://www.w3.org/ns/shacl#": "SHACL",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "RDF (the RDF concepts vocabulary)",
    "http://www.w3.org/2000/01/rdf-schema#": "RDF Schema",
    "http://purl.org/vocab/vann/": "VANN (a vocabulary for annotating vocabulary descriptions)",
    "http://www.w3.org/2001/XMLSchema#": "XML Schema datatypes",
}
_VOID = "http://rdfs.org/ns/void#"
_PREFERRED_NAMESPACE = ox.NamedNode("http://purl.org/vocab/vann/preferredNamespaceUri")

_CSTO = BASE + "ontology/"
_DATE_PROPS = [ox.NamedNode(str(p)) for p in DATE_PROPERTIES]
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_MARKED_READING = ox.NamedNode(_CSTO + "MarkedReading")
_CHANGE = ox.NamedNode(_CSTO + "Change")
_RELATIVE_TIME = ox.NamedNode(_CSTO + "RelativeTime")
_WEIGHED_OPTION = ox.NamedNode(_CSTO + "WeighedOption")
_RELIANCE = ox.NamedNode(_CSTO + "Reliance")
_UNCERTAINTY = ox.NamedNode(_CSTO + "Uncertainty")
_PRESCRIPTION = ox.NamedNode(_CSTO + "Prescription")
# A csto:RelativeTime's relation and distance as words: "shortly before", "a few weeks before", "in the week before".
_RELATION_WORDS = {_CSTO + "EarlierThanAnchor": "before", _CSTO + "LaterThanAnchor": "after"}
_DISTANCE_WORDS = {_CSTO + "Near": "shortly "}

# Nodes csto_kg.derive mints under a fact's IRI.
_DERIVED = {"during": "period", "start": "start", "end": "end"}


def local_name(iri: str) -> str:
    for sep in ("#", "/"):
        stripped = iri.rstrip(sep)
        if sep in stripped:
            tail = stripped.rsplit(sep, 1)[1]
            if tail:
                return tail
    return iri


def humanise(name: str) -> str:
    """``wasDerivedFrom`` -> ``was derived from`` (acronyms such as ``XSD`` are kept)."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").replace("-", " ").split()
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words) or name


def curie(iri: str) -> str:
    """The prefixed name of ``iri`` (``csto:State``), else the IRI itself."""
    return _curie(iri) or iri


class Labeller:
    """Labels from one store, remembered for the lifetime of the (immutable) build."""

    def __init__(self, store: ox.Store):
        self.store = store
        self._cache: dict[str, str] = {}
        self._stored: dict[str, str | None] = {}

    def stored(self, iri: str) -> str | None:
        """The label the graph gives ``iri``, if any (asked of the store once per IRI: a page asks it of each named
        graph once per value it badges)."""
        if iri in self._stored:
            return self._stored[iri]
        node, label = ox.NamedNode(iri), None
        for prop in _LABEL_PROPS:
            values = [
                q.object
                for q in self.store.quads_for_pattern(node, prop, None, None)
                if isinstance(q.object, ox.Literal)
            ]
            if values:
                values.sort(key=lambda lit: (lit.language not in ("en", None), lit.language is not None, lit.value))
                best = [v for v in values if v.language == values[0].language]
                label = self._most_precise(node, [v.value for v in best]) if len(best) > 1 else values[0].value
                break
        self._stored[iri] = label
        return label

    def _most_precise(self, node: ox.NamedNode, names: list[str]) -> str:
        """Of several labels in one language (seeds naming one resource each in its own words), the most precise: the
        one naming the most precise date that the resource's own dates bear out (a named date is a prefix of one of
        its date values, so at best the preferred date's precision), then the longest, then the first in
        alphabetical order. The Kazakhstan invocation, dated January 2022, was titled by seed 004's "… (2022)",
        first in alphabetical order, not seed 001's "… (January 2022)"."""
        dates = {
            q.object.value
            for p in _DATE_PROPS
            for q in self.store.quads_for_pattern(node, p, None, None)
            if isinstance(q.object, ox.Literal)
        }
        return min(
            names,
            key=lambda name: (
                -max((len(d) for d in _named_dates(name) if any(v.startswith(d) for v in dates)), default=0),
                -len(name),
                name,
            ),
        )

    def _statement(self, iri: str) -> str | None:
        """A reified statement of graph:support: "Armenia — member — …" (its subject, property and value)."""
        if not iri.startswith(BASE + "statement/"):
            return None
        rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        parts = []
        for p in ("subject", "predicate", "object"):
            o = next(
                (q.object for q in self.store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(rdf + p), None, None)),
                None,
            )
            if o is None:
                return None
            parts.append(self(o.value) if isinstance(o, ox.NamedNode) else o.value)
        return "Statement: " + " — ".join(parts)

    def _evidence(self, iri: str) -> str | None:
        """An evidence node (a passage of a seed): its seed and the quote's opening words, not its slug
        ("Passage in 000: “The delay is rooted in the absence of member-state Armenia…”")."""
        if not iri.startswith(BASE + "evidence/"):
            return None
        oa = "http://www.w3.org/ns/oa#"
        node = ox.NamedNode(iri)
        source = next(
            (q.object for q in self.store.quads_for_pattern(node, ox.NamedNode(oa + "hasSource"), None)), None
        )
        exact = None
        for sel in self.store.quads_for_pattern(node, ox.NamedNode(oa + "hasSelector"), None):
            exact = next(
                (q.object.value for q in self.store.quads_for_pattern(sel.object, ox.NamedNode(oa + "exact"), None)),
                None,
            )
            if exact:
                break
        if source is None or not exact:
            return None
        words = exact.split()
        opening = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
        return f"Passage in {local_name(source.value)[:3]}: “{opening}”"

    def _marked_reading(self, iri: str) -> str | None:
        """A csto:MarkedReading (an unlabelled n-ary node pairing a reading of a fact with the words marking it):
        its marker words, its kind and its value ("“once again” — temporal aspect: recurrent"), not its slug."""
        node = ox.NamedNode(iri)
        if not any(self.store.quads_for_pattern(node, _TYPE, _MARKED_READING, None)):
            return None
        parts = {}
        for p in ("readingMarker", "readingProperty", "readingValue"):
            o = next((q.object for q in self.store.quads_for_pattern(node, ox.NamedNode(_CSTO + p), None, None)), None)
            if o is None:
                return None
            parts[p] = self(o.value) if isinstance(o, ox.NamedNode) else o.value
        return f"“{parts['readingMarker']}” — {parts['readingProperty']}: {parts['readingValue']}"

    def _one(self, node: ox.NamedNode, prop: str):
        return next(
            (q.object for q in self.store.quads_for_pattern(node, ox.NamedNode(_CSTO + prop), None, None)), None
        )

    def _change(self, iri: str) -> str | None:
        """A csto:Change (an unlabelled n-ary node of a fact: what changed, which way, the words): "increase of unity
        and cohesion of the CSTO (“increasing the cohesion of the CSTO member states”)", not its slug."""
        node = ox.NamedNode(iri)
        if not any(self.store.quads_for_pattern(node, _TYPE, _CHANGE, None)):
            return None
        way, item, marker = (self._one(node, p) for p in ("changeWay", "changedItem", "changeMarker"))
        if way is None or item is None:
            return None
        text = f"{self(way.value)} of {self(item.value) if isinstance(item, ox.NamedNode) else item.value}"
        result = self._one(node, "changeResult")  # a transformation: what the item turned into
        if isinstance(result, ox.NamedNode):
            text += f" into {self(result.value)}"
        return f"{text} (“{marker.value}”)" if isinstance(marker, ox.Literal) else text

    def _weighed_option(self, iri: str) -> str | None:
        """A csto:WeighedOption (an option a proposition weighs): its verdict, item and words, "rejected: a security
        threat to Kazakhstan (“less about a security threat to Kazakhstan”)", not its slug."""
        node = ox.NamedNode(iri)
        if not any(self.store.quads_for_pattern(node, _TYPE, _WEIGHED_OPTION, None)):
            return None
        verdict, item, marker = (self._one(node, p) for p in ("optionVerdict", "optionItem", "optionMarker"))
        if verdict is None or item is None:
            return None
        what = self(item.value) if isinstance(item, ox.NamedNode) else item.value
        return _words_beside(self(verdict.value), "", what, marker)

    def _reliance(self, iri: str) -> str | None:
        """A csto:Reliance: who relies, or is said not to, on whom, for what, in the words: "Armenia relies on Russia
        for military support (“has long relied on Russia for military support”)", "Uzbekistan does not rely on …"."""
        node = ox.NamedNode(iri)
        if not any(self.store.quads_for_pattern(node, _TYPE, _RELIANCE, None)):
            return None
        party, on, status = (self._one(node, p) for p in ("reliantParty", "reliedOn", "relianceStatus"))
        if not isinstance(party, ox.NamedNode) or not isinstance(on, ox.NamedNode) or status is None:
            return None
        verb = "does not rely on" if status.value == _CSTO + "RelianceDenied" else "relies on"
        text = f"{self(party.value)} {verb} {self(on.value)}"
        what, marker = self._one(node, "reliedFor"), self._one(node, "relianceMarker")
        if isinstance(what, ox.NamedNode):
            text += f" for {self(what.value)}"
        return f"{text} (“{marker.value}”)" if isinstance(marker, ox.Literal) else text

    def _kind_parties_item(self, iri: str, cls: ox.NamedNode, props: tuple[str, str, str, str], join: str):
        """An n-ary node read as "<kind><parties>: <item> (“<words>”)" (``props``: its kind, item, parties and words
        properties), or None if ``iri`` is not a ``cls`` or lacks its kind or item."""
        node = ox.NamedNode(iri)
        if not any(self.store.quads_for_pattern(node, _TYPE, cls, None)):
            return None
        kind, item, party, words = props
        kind, item, marker = (self._one(node, p) for p in (kind, item, words))
        if kind is None or not isinstance(item, ox.NamedNode):
            return None
        parties = {
            self(q.object.value)
            for q in self.store.quads_for_pattern(node, ox.NamedNode(_CSTO + party), None, None)
            if isinstance(q.object, ox.NamedNode)
        }
        who = join.format(", ".join(sorted(parties))) if parties else ""
        return _words_beside(self(kind.value), who, self(item.value), marker)

    def _uncertainty(self, iri: str) -> str | None:
        """A csto:Uncertainty: of which kind, about what, whose where the words name them: "doubted (Kazakhstan): the
        value of the CSTO (“appearing to question the CSTO's value”)", "unclear: … (“not always entirely clear”)"."""
        props = ("uncertaintyKind", "uncertainAbout", "uncertainParty", "uncertaintyMarker")
        return self._kind_parties_item(iri, _UNCERTAINTY, props, " ({})")

    def _prescription(self, iri: str) -> str | None:
        """A csto:Prescription: its force, for whom where the words say, and the act: "prohibition, for every state:
        security at the expense of others (“no state should …”)", not its slug."""
        props = ("deonticForce", "prescribedAct", "prescribedFor", "prescriptionMarker")
        return self._kind_parties_item(iri, _PRESCRIPTION, props, ", for {}")

    def _relative_time(self, iri: str) -> str | None:
        """A csto:RelativeTime (a fact's place in time against an anchor, in the source's vague words, with no date):
        "shortly before the publication of <source> (“recently”)", "before <fact> (“previously”)" — never a date."""
        node = ox.NamedNode(iri)
        if not any(self.store.quads_for_pattern(node, _TYPE, _RELATIVE_TIME, None)):
            return None
        anchor, relation = self._one(node, "timeAnchor"), self._one(node, "timeRelation")
        if not isinstance(anchor, ox.NamedNode) or relation is None:
            return None
        distance, unit, marker = (self._one(node, p) for p in ("timeDistance", "spanUnit", "timeMarker"))
        how = _DISTANCE_WORDS.get(distance.value, "") if distance is not None else ""
        if unit is not None and (distance is None or distance.value == _CSTO + "LastUnit"):
            how = f"in the {self(unit.value)} "  # "last week", "In the last year": "in the week before"
        elif distance is not None and unit is not None and not how:  # "a few" + week: "a few weeks "
            how = f"{self(distance.value)} {self(unit.value)}s "
        words = _RELATION_WORDS.get(relation.value) or self(relation.value)
        what = self(anchor.value)
        if anchor.value.startswith(BASE + "source/"):
            what = f"the publication of {what}"
        text = f"{how}{words} {what}"
        return f"{text} (“{marker.value}”)" if isinstance(marker, ox.Literal) else text

    def _partition(self, iri: str) -> str | None:
        """A VoID class or property partition of the dataset (``/dataset#class-csto-State``), by what it counts:
        "state (csto:State): 20 instances", "vocabulary (void:vocabulary): 15 triples" (a property without a prefix
        by its IRI); its stored label, "the instances of csto:State", gave neither the count nor the class's name."""
        if not iri.startswith(BASE + "dataset#"):
            return None
        node = ox.NamedNode(iri)
        for what, of, size, one, many in (
            ("class-", "class", "entities", "instance", "instances"),
            ("property-", "property", "triples", "triple", "triples"),
        ):
            if not iri.startswith(BASE + "dataset#" + what):
                continue
            term, n = (
                next((q.object for q in self.store.quads_for_pattern(node, ox.NamedNode(_VOID + p), None, None)), None)
                for p in (of, size)
            )
            if isinstance(term, ox.NamedNode) and isinstance(n, ox.Literal) and n.value.isdigit():
                count = int(n.value)
                name = curie(term.value)  # the IRI itself where no prefix is declared
                return f"{self(term.value)} ({name}): {count:,} {one if count == 1 else many}"
        return None

    def _namespace(self, iri: str) -> str | None:
        """A vocabulary's namespace (a ``void:vocabulary`` of the dataset) with no label of its own: the title of
        the ontology declaring it its ``vann:preferredNamespaceUri``, a known vocabulary's title, else its prefix
        ("rdf:"); it read as its last path segment in words ("22 rdf syntax ns#", "rdf schema#", "vann")."""
        if not iri.endswith(("#", "/")):
            return None
        for q in self.store.quads_for_pattern(None, _PREFERRED_NAMESPACE, ox.Literal(iri), None):
            if isinstance(q.subject, ox.NamedNode) and (title := self.stored(q.subject.value)):
                return title
        if iri in _KNOWN:
            return _KNOWN[iri]
        name = curie(iri)
        return name if name != iri else None

    def __call__(self, iri: str) -> str:
        if iri not in self._cache:
            label = (
                self._partition(iri)
                or self.stored(iri)
                or _KNOWN.get(iri)
                or _untitled_source(iri)
                or self._statement(iri)
                or self._evidence(iri)
                or self._marked_reading(iri)
                or self._change(iri)
                or self._relative_time(iri)
                or self._weighed_option(iri)
                or self._reliance(iri)
                or self._uncertainty(iri)
                or self._prescription(iri)
            )
            if label is None:
                parent, _, tail = iri.rpartition("/")
                parent_label = self.stored(parent) if parent.startswith(BASE + "id/") else None
                if parent_label and tail:
                    # a node the build derives from a fact: "<membership>/during" -> "period of <membership>"
                    label = f"{_DERIVED.get(tail, tail)} of {parent_label}"
                elif iri.startswith(BASE) and not iri.startswith(BASE + "ontology/"):
                    label = iri[len(BASE) :].split("/", 1)[-1] or iri
                else:
                    label = self._namespace(iri) or humanise(local_name(iri))
            self._cache[iri] = label
        return self._cache[iri]


def _words_beside(kind: str, who: str, item: str, marker) -> str:
    """A node's label, "<kind><who>: <item> (“<words>”)": its words after its item; where the item's own name ends in its words
    (a change: "increase of … (“increasing the cohesion …”)"), the node's words go beside its kind, which they state
    ("obligation (“what needs to be done”): increase of … (“increasing …”)"): two quotes in a row read as one."""
    if not isinstance(marker, ox.Literal):
        return f"{kind}{who}: {item}"
    if item.endswith("”)"):
        return f"{kind} (“{marker.value}”){who}: {item}"
    return f"{kind}{who}: {item} (“{marker.value}”)"


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "January February March April May June July August September October November December".split()
    )
}  # the labels' English month names, whatever the locale
_DATE_WORDS = re.compile(rf"\b(?:(?:(\d{{1,2}}) )?({'|'.join(_MONTHS)}) )?(\d{{4}})\b")


def _named_dates(text: str) -> list[str]:
    """The dates ``text`` names, as the ISO prefixes of their precision: "6 January 2022" -> "2022-01-06", "January
    2022" -> "2022-01", "2022" -> "2022"."""
    out = []
    for day_, month, year in _DATE_WORDS.findall(text):
        iso = year
        if month:
            iso += f"-{_MONTHS[month]:02d}"
            if day_:
                iso += f"-{int(day_):02d}"
        out.append(iso)
    return out


def _untitled_source(iri: str) -> str | None:
    """A source document without a title: named by its opening words, and said to be untitled."""
    from csto_kg.namespaces import SRC

    from .evidence_view import seed_text

    if not iri.startswith(str(SRC)):
        return None
    seed_id = iri[len(str(SRC)) :]
    try:
        words = seed_text(seed_id).text.split()
    except (FileNotFoundError, OSError):
        return None
    opening = " ".join(words[:9])
    return f"Untitled article ({seed_id[:3]}): “{opening}…”"
