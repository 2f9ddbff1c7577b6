"""Which variables of a query only ever hold a boolean: the ones a store without a boolean type answers as 1 and 0.

Virtuoso 7.2 has no boolean value: ``true``, ``EXISTS { … }``, ``?a = ?b`` and
``BOUND(?x)`` all come back as ``"1"^^xsd:integer`` / ``"0"^^xsd:integer``,
even a literal ``"true"^^xsd:boolean`` written in the query (measured through
its SPARQL endpoint). SPARQL 1.1 (section 17.4) makes these ``xsd:boolean``
``true`` / ``false``, so ``csto-kg serve --store`` would answer a competency
query such as cq81 (``BIND (EXISTS { … } AS ?absent)``) differently from the
embedded store.

A result cannot say whether a 1 was a boolean, but the query can:
:func:`boolean_variables` names the variables every binding of which is a
boolean-valued expression (``BIND (e AS ?v)`` or ``(e AS ?v)`` in a projection
or ``GROUP BY``, with ``e`` an operator or function whose value SPARQL defines
as a boolean), and that occur nowhere else but as a plain column of a
``SELECT`` or inside expressions (``FILTER``, ``ORDER BY``, ``HAVING``, another
expression). A variable that a triple pattern, a ``VALUES`` block or a
non-boolean expression could bind is left alone: its 1 may be a number. The
reading is lexical and errs towards leaving a value as the store gave it.
"""

from __future__ import annotations

from .sparql_lex import significant_tokens

__all__ = ["boolean_variables", "XSD_BOOLEAN"]

XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"

# functions whose value is a boolean (SPARQL 1.1 section 17.4), as the grammar's keywords
_BOOLEAN_FUNCTIONS = frozenset(
    {
        "BOUND",
        "ISIRI",
        "ISURI",
        "ISBLANK",
        "ISLITERAL",
        "ISNUMERIC",
        "REGEX",
        "SAMETERM",
        "LANGMATCHES",
        "CONTAINS",
        "STRSTARTS",
        "STRENDS",
    }
)
# characters of the operators whose value is a boolean: || && = != < > <= >= (and ! before an operand)
_COMPARISON_CHARS = frozenset("|&=<>")
_ARITHMETIC_CHARS = frozenset("+-*/")
_OPENING = {"(": ")", "{": "}", "[": "]"}
_CLOSING = frozenset(_OPENING.values())
# clauses whose variables are read, not bound (to the next clause keyword or the end of the group)
_EXPRESSION_CLAUSES = frozenset({"FILTER", "HAVING", "ORDER"})
_CLAUSE_ENDS = frozenset({"LIMIT", "OFFSET", "VALUES", "HAVING", "ORDER", "GROUP"})


def boolean_variables(query: str) -> frozenset[str]:
    """Names (without ``?`` or ``$``) of the variables of ``query`` that can only hold an ``xsd:boolean``."""
    tokens = [(kind, text.upper() if kind == "word" else text) for kind, text in significant_tokens(query)]
    closing = _brackets(tokens)
    if closing is None:
        return frozenset()
    boolean: set[str] = set()
    other: set[str] = set()
    read = _read_positions(tokens, closing)
    opening = {end: start for start, end in closing.items()}
    for i, (kind, text) in enumerate(tokens):
        if kind != "var":
            continue
        name = text[1:]
        if i > 0 and tokens[i - 1] == ("word", "AS"):
            # ( e AS ?v ): the bracket that closes right after the variable opens the expression
            start = opening.get(i + 1) if i + 1 < len(tokens) and tokens[i + 1][1] == ")" else None
            if start is not None and _is_boolean(tokens, closing, start + 1, i - 1):
                boolean.add(name)
            else:
                other.add(name)
        elif i not in read:
            other.add(name)
    return frozenset(boolean - other)


def _brackets(tokens: list) -> dict[int, int] | None:
    """Index of the closing bracket of each opening one; None if they do not balance."""
    out: dict[int, int] = {}
    stack: list[int] = []
    for i, (kind, text) in enumerate(tokens):
        if kind != "other":
            continue
        if text in _OPENING:
            stack.append(i)
        elif text in _CLOSING:
            if not stack or _OPENING[tokens[stack[-1]][1]] != text:
                return None
            out[stack.pop()] = i
    return out if not stack else None


def _read_positions(tokens: list, closing: dict[int, int]) -> set[int]:
    """Positions of variables that are read, not bound: inside any ``( … )`` but a collection's or a ``VALUES``'s,
    in a ``FILTER`` / ``HAVING`` / ``ORDER BY`` clause, or a plain column of a ``SELECT``."""
    read: set[int] = set()
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == "word" and text == "SELECT":
            i = _read_clause(tokens, closing, i + 1, ("WHERE", "{", "FROM"), read)
            continue
        if kind == "word" and text in _EXPRESSION_CLAUSES:
            i = _read_clause(tokens, closing, i + 1, (*_CLAUSE_ENDS, "}", "."), read)
            continue
        if text == "(" and _is_expression_bracket(tokens, i):
            read.update(k for k in range(i, closing[i]) if tokens[k][0] == "var")
            i = closing[i]
        i += 1
    return read


def _read_clause(tokens: list, closing: dict[int, int], j: int, ends: tuple, read: set[int]) -> int:
    """Add to ``read`` the variables of the clause from ``j`` to the first of ``ends`` (bracketed expressions
    whole); the position where it ends."""
    while j < len(tokens) and tokens[j][1] not in ends:
        if tokens[j][1] in ("(", "["):
            read.update(k for k in range(j, closing[j]) if tokens[k][0] == "var")
            j = closing[j]
        elif tokens[j][0] == "var":
            read.add(j)
        j += 1
    return j


def _is_expression_bracket(tokens: list, i: int) -> bool:
    """Does the ``(`` at ``i`` open an expression (a function's arguments, ``BIND``, ``GROUP BY``'s), rather than
    an RDF collection or a ``VALUES`` row of a pattern? Operators and commas occur only inside such a bracket, and a
    function called by its IRI (``xsd:integer(…)``) is read with the bracket around it; after an IRI or a variable
    a bracket is a collection, the object of a triple."""
    before = tokens[i - 1] if i > 0 else ("other", "")
    return before[0] == "word" and before[1] not in ("VALUES", "A")


def _is_boolean(tokens: list, closing: dict[int, int], start: int, end: int) -> bool:
    """Is the expression ``tokens[start:end]`` one whose value SPARQL defines as a boolean?"""
    if start >= end:
        return False
    kind, text = tokens[start]
    # one bracketed expression: what it holds
    if text == "(" and closing.get(start) == end - 1:
        return _is_boolean(tokens, closing, start + 1, end - 1)
    top = []  # the tokens at the expression's own level
    i = start
    while i < end:
        top.append(tokens[i])
        i = closing[i] + 1 if tokens[i][1] in _OPENING else i + 1
    texts = [t for _, t in top]
    if any(k == "other" and t in _COMPARISON_CHARS for k, t in top) or "IN" in texts:
        return True
    if texts == ["TRUE"] or texts == ["FALSE"]:
        return True
    if texts in (["EXISTS", "{"], ["NOT", "EXISTS", "{"]):
        return True
    if kind == "word" and text in _BOOLEAN_FUNCTIONS and texts == [text, "("]:
        return True
    if text == "!" and not any(k == "other" and t in _ARITHMETIC_CHARS for k, t in top[1:]):
        return True
    return False
