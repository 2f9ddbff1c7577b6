"""Conditions on one value node, for the SHACL compiler (shacl_store): SPARQL, or pySHACL's own rule.

A :class:`ValueTest` is what ``sh:datatype``, ``sh:class``, ``sh:nodeKind``,
``sh:in``, ``sh:pattern``, ``sh:min/maxInclusive/Exclusive``,
``sh:min/maxLength``, ``sh:languageIn`` (and ``sh:or`` / ``sh:and`` / ``sh:not``
of shapes made of them) require of a value node. Where SPARQL says the same
as pySHACL, the test is an ``exact`` SPARQL expression; where pySHACL decides
in Python (a literal's well-formedness by rdflib, Python regular expressions,
rdflib's comparisons), the test carries pySHACL's rule, mirrored from
``pyshacl/constraints/core/*.py``, plus SPARQL conditions that surely imply its
answer, so that the store hands over only the values they do not settle.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pyshacl.constraints.core.value_constraints import DatatypeConstraintComponent
from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from .shacl_terms import sparql_term

__all__ = [
    "ValueTest",
    "class_test",
    "datatype_test",
    "in_test",
    "language_test",
    "length_test",
    "less_than",
    "pattern_test",
    "range_test",
    "SURE_DATE",
]

_NUMERIC = {
    str(XSD[t])
    for t in (
        "integer decimal float double nonPositiveInteger negativeInteger long int short byte nonNegativeInteger "
        "unsignedLong unsignedInt unsignedShort unsignedByte positiveInteger"
    ).split()
}
# Lexical forms that rdflib surely reads as a valid date (days 29-31 and other forms go to rdflib itself).
SURE_DATE = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$"


@dataclass
class ValueTest:
    """A condition on a value node ``{v}``: ``exact`` SPARQL, or pySHACL's Python ``rule`` after SPARQL prefilters.

    ``sure_pass`` / ``sure_fail`` are SPARQL conditions that imply pySHACL's answer; a value neither settles is
    decided by ``rule`` (on the rdflib term). Combinations (``and``/``or``/``not``) keep both bounds.
    """

    exact: str | None = None
    rule: Callable | None = None
    sure_pass: str = "false"
    sure_fail: str = "false"
    kids: list = field(default_factory=list)
    op: str = ""  # "", "and", "or", "not"

    def passes(self, v: str) -> str:
        if self.op:
            return _combine(self.op, [k.passes(v) for k in self.kids], [k.fails(v) for k in self.kids])
        return (self.exact if self.exact is not None else self.sure_pass).replace("{v}", v)

    def fails(self, v: str) -> str:
        if self.op:
            return _combine(self.op, [k.fails(v) for k in self.kids], [k.passes(v) for k in self.kids], negated=True)
        return f"!({self.exact})".replace("{v}", v) if self.exact is not None else self.sure_fail.replace("{v}", v)

    def leaves(self) -> list:
        return [x for k in self.kids for x in k.leaves()] if self.op else [self]

    def decide(self, term, exact_values: dict) -> bool:
        if self.op == "and":
            return all(k.decide(term, exact_values) for k in self.kids)
        if self.op == "or":
            return any(k.decide(term, exact_values) for k in self.kids)
        if self.op == "not":
            return not self.kids[0].decide(term, exact_values)
        if self.exact is not None:
            return exact_values[id(self)]
        return self.rule(term)

    @property
    def is_exact(self) -> bool:
        return all(k.exact is not None for k in self.leaves())


def _combine(op: str, same: list, other: list, negated: bool = False) -> str:
    """``passes``/``fails`` of a combination: and/or swap under ``fails``; ``not`` swaps the two bounds."""
    if op == "not":
        return other[0]
    joiner = " && " if (op == "and") != negated else " || "
    return "(" + joiner.join(same) + ")"


def _datatype_rule(dt: URIRef) -> Callable:
    def rule(v) -> bool:  # pySHACL's DatatypeConstraintComponent.evaluate, for one value
        if not isinstance(v, Literal):
            return False
        if v.datatype == dt:
            return getattr(v, "ill_typed", None) is not True and DatatypeConstraintComponent._assert_actual_datatype(
                None, v, dt
            )
        if dt == RDFS.Literal:
            return True
        if dt == RDFS.Datatype and v.datatype:
            return True
        if v.datatype is None and v.language is None and dt == XSD.string:
            return DatatypeConstraintComponent._assert_actual_datatype(None, v, dt)
        if dt == RDF.langString and v.language:
            return DatatypeConstraintComponent._assert_actual_datatype(None, v, dt)
        return False

    return rule


def datatype_test(dt: URIRef) -> ValueTest:
    d = f"<{dt}>"
    sdt = str(dt)
    if dt == RDFS.Literal:
        return ValueTest(exact="isLiteral({v})")
    if sdt in _NUMERIC:
        sure = f"(isLiteral({{v}}) && DATATYPE({{v}}) = {d} && isNumeric({{v}}))"
    elif dt in (XSD.string, RDF.langString, XSD.gYear, XSD.gYearMonth, XSD.anyURI):
        # any literal of these datatypes passes in pySHACL (a str value, or a datatype it does not check)
        return ValueTest(exact=f"(isLiteral({{v}}) && DATATYPE({{v}}) = {d})")
    elif dt == XSD.date:
        sure = f'(isLiteral({{v}}) && DATATYPE({{v}}) = {d} && REGEX(STR({{v}}), "{SURE_DATE}"))'
    elif dt == XSD.boolean:
        sure = f'(isLiteral({{v}}) && DATATYPE({{v}}) = {d} && STR({{v}}) IN ("true", "false"))'
    else:
        sure = "false"
    return ValueTest(
        rule=_datatype_rule(dt), sure_pass=sure, sure_fail=f"(!isLiteral({{v}}) || DATATYPE({{v}}) != {d})"
    )


def class_test(c) -> ValueTest:
    return ValueTest(exact=f"EXISTS {{ {{v}} <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(c)} }}")


def in_test(values: list) -> ValueTest:
    if not values:
        return ValueTest(exact="false")
    if any(isinstance(x, Literal) for x in values):  # literal identity vs the store's canonical forms: pySHACL decides
        members = set(values)
        iris = [x for x in values if not isinstance(x, Literal)]
        sure = " || ".join(f"sameTerm({{v}}, {sparql_term(x)})" for x in iris) or "false"
        return ValueTest(rule=lambda v: v in members, sure_pass=f"({sure})", sure_fail="isBlank({v})")
    return ValueTest(exact="(" + " || ".join(f"sameTerm({{v}}, {sparql_term(x)})" for x in values) + ")")


def pattern_test(pattern: Literal, flags: Literal | None) -> ValueTest:
    re_flags = 0
    if flags is not None:
        f = str(flags.value).lower()
        re_flags |= re.I if "i" in f else 0
        re_flags |= re.M if "m" in f else 0
    text = str(pattern.value) if pattern.value is not None and len(pattern.value) > 1 else str(pattern)
    matcher = re.compile(text, re_flags)

    def rule(v) -> bool:  # pySHACL's PatternConstraintComponent
        if isinstance(v, BNode):
            return False
        s = _node_string(v)
        return bool(matcher.match(s) or matcher.search(s))

    return ValueTest(rule=rule, sure_fail="isBlank({v})")


def _node_string(v) -> str:
    if isinstance(v, Literal) and v.value is not None and v.datatype in (None, RDF.langString, XSD.string):
        return str(v.value)
    return str(v)


def length_test(n: int, minimum: bool) -> ValueTest:
    if minimum and n == 0:
        return ValueTest(exact="true")
    op = ">=" if minimum else "<="
    return ValueTest(exact=f"(!isBlank({{v}}) && STRLEN(STR({{v}})) {op} {int(n)})")


def range_test(bound: Literal, param) -> ValueTest:
    """sh:min/maxInclusive/Exclusive: pySHACL compares with compare_literal; numeric values are settled in SPARQL."""
    ok = {
        SH.minInclusive: lambda c: c >= 0,
        SH.minExclusive: lambda c: c > 0,
        SH.maxInclusive: lambda c: c <= 0,
        SH.maxExclusive: lambda c: c < 0,
    }[param]
    op = {SH.minInclusive: ">=", SH.minExclusive: ">", SH.maxInclusive: "<=", SH.maxExclusive: "<"}[param]
    bound_is_string = isinstance(bound.value, str)

    def rule(v) -> bool:  # pySHACL's value range components
        if not isinstance(v, Literal):
            return False
        if bound_is_string != isinstance(v.value, str):
            return False
        try:
            return ok(compare_literal(v, bound))
        except (TypeError, NotImplementedError):
            return False

    sure = "false"
    if bound.datatype is not None and str(bound.datatype) in _NUMERIC and not bound_is_string:
        sure = f"(isNumeric({{v}}) && {{v}} {op} {sparql_term(bound)})"
    return ValueTest(rule=rule, sure_pass=sure, sure_fail="(isBlank({v}) || isIRI({v}))")


def language_test(tags: list) -> ValueTest:
    need = {str(t.value).lower() for t in tags}
    if "*" in need:
        return ValueTest(exact='(isLiteral({v}) && LANG({v}) != "")')
    listed = ", ".join('"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"' for t in sorted(need)) or '""'
    return ValueTest(
        exact=f'(isLiteral({{v}}) && LANG({{v}}) != "" && (LCASE(LANG({{v}})) IN ({listed}) '
        f'|| LCASE(IF(CONTAINS(LANG({{v}}), "-"), STRBEFORE(LANG({{v}}), "-"), LANG({{v}}))) IN ({listed})))'
    )


def less_than(value, other, strict: bool) -> bool:
    """pySHACL's sh:lessThan / sh:lessThanOrEquals comparison of two non-blank terms (property_pair_constraints)."""

    def norm(x):
        if isinstance(x, URIRef):
            return str(x), True
        if isinstance(x, Literal) and isinstance(x.value, str):
            return x.value, True
        return x, False

    a, a_str = norm(value)
    c, c_str = norm(other)
    if a_str != c_str:
        return False
    try:
        return bool(a < c) if strict else bool(a <= c)
    except TypeError:
        return False
