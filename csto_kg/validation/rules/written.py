"""Curator slips of round 34: values written where no other rule reads them.

- ``shape:DateUnderADateProperty``: a date literal (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``,
  ``xsd:dateTime``) of a curated file is the value of one of the date properties the date rules read (csto:date,
  csto:startDate, csto:endDate, csto:attestedOn, csto:electedOn, csto:dateSigned, csto:datePublished,
  csto:refersToDate, a date estimate's bounds and OWL-Time values): a publication day written as
  ``dcterms:issued "2023-12-15"`` passed every date rule (its passage, its precision, its order against the seed's
  own date), since none reads it.
- ``shape:ExternalLinkInItsPassage``: a web address a fact gives as its source or a see-also link
  (``dcterms:source``, ``rdfs:seeAlso``, ``foaf:page``) outside the project's own IRIs is written, verbatim, in one
  of the fact's passages: a digit transposed in ``curid=466361`` went unseen.

Neither gives a result on the curated data (measured 2026-12-08); each reads the curated quads once.
"""

from __future__ import annotations

from rdflib import Literal, URIRef

from ...derive import DATE_PROPERTIES
from ...namespaces import BASE, CSTO, DCTERMS, FOAF, PROV, RDFS, SHAPE, TIME, XSD
from ..report import Result
from . import Context, Rule
from .curation import _c, _passages_of

_DATATYPES = frozenset({XSD.date, XSD.gYearMonth, XSD.gYear, XSD.dateTime})
_READ = frozenset(DATE_PROPERTIES) | {
    CSTO.notBefore, CSTO.notAfter, TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear, TIME.inXSDDateTimeStamp,
}  # fmt: skip
_LINKS = (DCTERMS.source, RDFS.seeAlso, FOAF.page)


def _dates_read(ctx: Context) -> list[Result]:
    out = []
    for s, p, o, gid in ctx.curated_quads():
        if isinstance(o, Literal) and o.datatype in _DATATYPES and p not in _READ:
            out.append(ctx.locator.statement_result(
                shape=SHAPE.DateUnderADateProperty, s=s, p=p, o=o, graph=gid,
                message=f"gives the date {o} by {_c(p)}, which no date rule reads (its passage, its precision, its "
                "order against the seed's own date). Fix: the date property that says what the date is "
                "(csto:datePublished, csto:dateSigned, csto:date ...)",
            ))  # fmt: skip
    return out


def _links_in_passages(ctx: Context) -> list[Result]:
    out = []
    for s, p, o, gid in ctx.curated_quads_of(*_LINKS):
        if not isinstance(o, URIRef) or not str(o).startswith(("http://", "https://")) or str(o).startswith(BASE):
            continue
        said = [text for ev in ctx.union.objects(s, PROV.wasDerivedFrom) for text in _passages_of(ctx, ev)]
        if said and not any(str(o) in text for text in said):
            out.append(ctx.locator.statement_result(
                shape=SHAPE.ExternalLinkInItsPassage, s=s, p=p, o=o, graph=gid,
                message=f"gives <{o}>, which none of its passages writes: a web address is copied from the "
                "source, verbatim. Fix: the address as the passage writes it",
            ))  # fmt: skip
    return out


RULES = [
    Rule(
        SHAPE.DateUnderADateProperty,
        "a date is given by a property the date rules read",
        "A date literal (xsd:date, xsd:gYearMonth, xsd:gYear, xsd:dateTime) of a curated file is the value of a date "
        "property the date rules read: csto:date, csto:startDate, csto:endDate, csto:attestedOn, csto:electedOn, "
        "csto:dateSigned, csto:datePublished, csto:refersToDate, csto:notBefore, csto:notAfter or an OWL-Time value "
        "of a date estimate (a publication day written as dcterms:issued escaped every date rule).",
        _dates_read,
    ),
    Rule(
        SHAPE.ExternalLinkInItsPassage,
        "a web address a fact gives is written in its passage",
        "A web address outside the project's IRIs that a fact gives as dcterms:source, rdfs:seeAlso or foaf:page is "
        "written, verbatim, in one of the fact's passages (a digit transposed in an image credit's address).",
        _links_in_passages,
    ),
]

__all__ = ["RULES"]
