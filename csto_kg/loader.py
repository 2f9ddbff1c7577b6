"""The one loader every command uses: ontology + curated files -> rdflib Dataset.

Curated data lives in ``kg/*.trig``: one file per seed document holding the
named graph ``graph:<seed id>``, plus ``kg/entities.trig`` (graph
``graph:entities``) for the entities the seeds share. The ontology
(``ontology/*.ttl``) goes into ``graph:ontology``.

Errors name the file and line: syntax errors (with rdflib's reason), a file
whose graph is not the one its name says, ill-typed literals (``"2022-13-01"^^xsd:date``,
``"2023-13"^^xsd:gYearMonth``: :mod:`csto_kg.xsd_lexical`),
and dangling references (an IRI of this graph used but never described).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import unicodedata
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from . import paths
from .errors import UserError
from .heap import without_collector
from .indexed_graph import add_triples
from .memory_store import SharedContextsMemory
from .namespaces import BASE, ENTITIES_GRAPH, ONTOLOGY_GRAPH, PREFIXES, RDF, XSD, curie, seed_graph
from .terms import NotRdf11, Terms
from .xsd_lexical import problem as xsd_problem

__all__ = [
    "CuratedFileError",
    "LoadedData",
    "load",
    "read_turtle",
    "read_trig_unremembered",
    "curated_files",
    "ontology_files",
    "line_of",
    "shown_path",
]


class CuratedFileError(UserError):
    """A problem in a curated or ontology file, located by file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str, column: int | None = None):
        self.path, self.line, self.column, self.message = Path(path), line, column, message
        where = f"{shown_path(self.path)}" + (f":{line}" if line else "") + (f":{column}" if line and column else "")
        super().__init__(f"{where}: {message}")


@dataclass
class LoadedData:
    dataset: Dataset
    files: dict[URIRef, Path] = field(default_factory=dict)  # named graph -> file it came from
    # named graph -> the triples its file writes more than once, each once, in the order of their second writing (RDF
    # keeps one copy: a value typed twice in an object list is otherwise invisible); only graphs whose file repeats one
    repeated: dict[URIRef, list[tuple]] = field(default_factory=dict)

    def file_of_graph(self, graph: URIRef) -> Path | None:
        return self.files.get(graph)


def shown_path(path: Path) -> str:
    """A project file as a curator names it: ``kg/001_....trig`` (relative to the project root)."""
    for base in (paths.root(), path.parent.parent):
        try:
            return str(path.resolve().relative_to(Path(base).resolve()))
        except ValueError:
            continue
    return str(path)


def ontology_files(root: Path | None = None) -> list[Path]:
    return sorted(((root or paths.root()) / "ontology").glob("*.ttl"))


def curated_files(root: Path | None = None) -> list[Path]:
    return sorted(((root or paths.root()) / "kg").glob("*.trig"))


def _syntax_error(path: Path, e: BadSyntax) -> CuratedFileError:
    text = e._str.decode("utf-8", "replace") if isinstance(e._str, bytes) else str(e._str)
    i = e._i
    if i is None or not 0 <= i <= len(text):  # rdflib's -1: the parser ran out of text (an unclosed block)
        last = max(1, len(text.splitlines()))  # the file's last line, not the one past its final line end
        why = str(e._why).rstrip(".")
        opened = _unclosed_brace_line(text)
        left = f"the block opened at line {opened} is never closed" if opened else "a block is left open"
        return CuratedFileError(path, min(e.lines + 1, last), f"syntax error at the end of the file: {why} ({left})")
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return CuratedFileError(path, e.lines + 1, f"syntax error: {e._why}", col)


def _braces(text: str) -> tuple[list[int], list[int]]:
    """How deep in TriG blocks (``{ ... }``) each line of ``text`` begins, and the lines of the "{"s no "}" closes;
    braces in strings, IRIs and comments are not read."""
    opened: list[int] = []
    depths = [0]
    line, i, n = 1, 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "<":
            j = text.find(">", i + 1)
            if j > 0 and not any(x in text[i:j] for x in " \n{}"):
                i = j + 1
                continue
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            for _ in range(text.count("\n", i, j)):
                line += 1
                depths.append(len(opened))
            i = j + len(quote)
            continue
        elif c == "\n":
            line += 1
            depths.append(len(opened))
        elif c == "{":
            opened.append(line)
        elif c == "}" and opened:
            opened.pop()
        i += 1
    return depths, opened


def _unclosed_brace_line(text: str) -> int | None:
    """The line of the last "{" of a TriG text that no "}" closes, or None."""
    opened = _braces(text)[1]
    return opened[-1] if opened else None


def _line_outside_blocks(path: Path, needles: list[str]) -> int | None:
    """The first line of ``path`` that begins outside every ``{ ... }`` block and holds one of ``needles`` (a
    statement written after a graph block's "}"), else :func:`line_of`'s line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    depths = _braces(text)[0]
    for n, line in enumerate(text.splitlines(), 1):
        if depths[n - 1] == 0 and any(holds(line, needle) for needle in needles):
            return n
    return line_of(path, needles)


def line_of(path: Path, needles: list[str]) -> int | None:
    """The first line of ``path`` holding any of ``needles`` as written (1-based), if any: see :func:`holds`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for n, line in enumerate(lines, 1):
        if any(holds(line, needle) for needle in needles):
            return n
    return None


def _name_char(c: str) -> bool:
    return len(c) == 1 and (c.isalnum() or c in "_-:%")


def holds(line: str, needle: str) -> bool:
    """``needle`` occurs in ``line`` and, where it begins or ends with a name's character, not as part of a longer
    name: ``:nat`` is not found in ``:nato``, nor in ``csto:nat`` (a typo's first use is its line, not the first line
    naming what it was typed from)."""
    if not needle:
        return False
    start = 0
    while (k := line.find(needle, start)) >= 0:
        end = k + len(needle)
        before = line[k - 1] if k else " "
        after, then = line[end : end + 1], line[end + 1 : end + 2]
        open_before = not (_name_char(needle[0]) and (_name_char(before) or before == "."))
        open_after = not (_name_char(needle[-1]) and (_name_char(after) or (after == "." and _name_char(then))))
        if open_before and open_after:
            return True
        start = k + 1
    return False


def _spellings(term, prefixes: dict[str, str]) -> list[str]:
    """How ``term`` may be spelled in a Turtle file (full IRI, prefixed names, lexical form)."""
    if isinstance(term, Literal):
        return [f'"{term}"', str(term)]
    s = str(term)
    out = [f"<{s}>"]
    for pfx, ns in prefixes.items():
        if ns and s.startswith(ns):
            out.append(f"{pfx}:{s[len(ns) :]}")
    return out


def _parse(path: Path, fmt: str) -> Dataset | Graph:
    """rdflib's parse of ``path`` (the reference parser): its errors name the file and line."""
    ds = Dataset() if fmt == "trig" else Graph()
    with _quiet_terms():
        try:
            ds.parse(path, format=fmt)
        except BadSyntax as e:
            raise _syntax_error(path, e) from None
        except UnicodeDecodeError as e:
            raise CuratedFileError(path, None, f"not UTF-8: {e}") from None
        except Exception as e:  # rdflib raises assorted errors for bad IRIs, bad escapes...
            raise CuratedFileError(path, None, f"cannot parse: {e}") from None
    return ds


@contextmanager
def _quiet_terms():
    """rdflib logs a traceback for each ill-typed literal it makes; we report them ourselves, with file and line."""
    term_log = logging.getLogger("rdflib.term")
    level = term_log.level
    term_log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        term_log.setLevel(level)


@dataclass
class _Parsed:
    """One file's statements as rdflib terms: ``(s, p, o, graph)``, graph None for the default graph."""

    quads: list[tuple]
    prefixes: dict[str, str]
    by_oxigraph: bool = True  # False: rdflib's parser read it (from the path, not from the bytes hashed)


_OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG}


class _ParseMemo:
    """What a file's content parsed to, per content (the hash of its bytes, the format and the blank nodes' tag),
    in this process: a validation reads every curated and ontology file, and a curator's next validation (or the
    tests' next copy of the project) mostly reads the same bytes again. Bounded (least recently used out): at most
    ``files`` contents and ``size`` bytes of them. Only a parse that succeeded and that the file's place cannot
    change is kept (no IRI resolved against the file's own ``file:`` IRI); what is kept is immutable (tuples of
    rdflib's immutable terms) and each caller gets its own list and dict."""

    def __init__(self, files: int = 64, size: int = 32 << 20) -> None:
        self.files, self.size = files, size
        self._entries: OrderedDict[tuple, tuple[tuple, dict, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple) -> _Parsed | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
        return _Parsed(list(entry[0]), dict(entry[1]))

    def put(self, key: tuple, parsed: _Parsed, size: int) -> None:
        if not parsed.by_oxigraph or size > self.size or any(_NOT_PLACE_FREE(t) for q in parsed.quads for t in q):
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = (tuple(parsed.quads), dict(parsed.prefixes), size)
            self._bytes += size
            while len(self._entries) > self.files or self._bytes > self.size:
                self._bytes -= self._entries.popitem(last=False)[1][2]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


def _NOT_PLACE_FREE(term) -> bool:  # noqa: N802 - a predicate used as a constant
    """A term that depends on where the file is: a relative IRI resolved against the file's ``file:`` IRI."""
    return isinstance(term, URIRef) and term.startswith("file:")


_MEMO = _ParseMemo()


def _read(path: Path, fmt: str, terms: Terms) -> _Parsed:
    """Parse ``path`` with Oxigraph's parser (~10x rdflib's); anything it rejects goes to rdflib's.

    The two agree on every file the project holds (``tests/test_loader.py``). A
    file Oxigraph rejects is handed to rdflib, the reference: a syntax error is
    then reported with rdflib's reason, file and line, as before; a file only
    rdflib accepts is still loaded.

    A file parsed before in this process (the same content under the same folder and file name) is not parsed
    again (:class:`_ParseMemo`).

    Blank nodes are labelled by the file and their order in it (:func:`_blank_labels`), not by the parser's
    random labels: the same file gives the same graph in every process, two files never share a blank node, and
    an edit relabels only the blank nodes after it in its file. Two builds then differ where their files do (what
    an incremental validation compares: :mod:`csto_kg.validation.shacl_state`).
    """
    data = path.read_bytes()
    tag = re.sub(r"[^A-Za-z0-9]", "_", f"{path.parent.name}_{path.stem}")
    key = (fmt, hashlib.sha256(data).digest(), tag)
    parsed = _MEMO.get(key)
    if parsed is None:
        parsed = _parse_bytes(path, data, fmt, terms, tag)
        _MEMO.put(key, parsed, len(data))
    return parsed


def _blank_labels(quads: list[tuple], tag: str) -> list[tuple]:
    """``quads`` with each blank node relabelled ``b_<tag>_<k>``, ``k`` its order of first appearance."""
    labels: dict = {}

    def label(t):
        if isinstance(t, BNode):
            new = labels.get(t)
            if new is None:
                new = labels[t] = BNode(f"b_{tag}_{len(labels)}")
            return new
        return t

    return [
        (label(s), p, label(o), label(g)) if isinstance(s, BNode) or isinstance(o, BNode) or isinstance(g, BNode)
        else (s, p, o, g)
        for s, p, o, g in quads
    ]  # fmt: skip


def _parse_bytes(path: Path, data: bytes, fmt: str, terms: Terms, tag: str) -> _Parsed:
    """:func:`_read` of ``data``, the bytes of ``path``, without the memo; blank nodes labelled by ``tag``."""
    try:
        parser = ox.parse(data, format=_OX_FORMATS[fmt], base_iri=path.resolve().as_uri())
        conv, lexical = terms.rdflib, _lexical_check()
        with _quiet_terms():
            quads = [
                (
                    conv(q.subject),
                    conv(q.predicate),
                    conv(lexical(q.object)),
                    None if isinstance(q.graph_name, ox.DefaultGraph) else conv(q.graph_name),
                )
                for q in parser
            ]
        return _Parsed(_blank_labels(quads, tag), dict(parser.prefixes))
    except _IllTyped as e:
        raise _ill_typed(path, e.lexical, e.datatype, e.why) from None
    except (SyntaxError, ValueError, OSError, NotRdf11):
        pass
    parsed = _parse(path, fmt)  # raises the located error, or parses what Oxigraph would not
    prefixes = {p: str(n) for p, n in parsed.namespaces()}
    if isinstance(parsed, Dataset):
        default = parsed.default_graph.identifier
        quads = [(s, p, o, None if g.identifier == default else g.identifier) for g in parsed.graphs() for s, p, o in g]
    else:
        quads = [(s, p, o, None) for s, p, o in parsed]
    return _Parsed(_blank_labels(quads, tag), prefixes, by_oxigraph=False)


def read_turtle(path: Path) -> tuple[list[tuple], dict[str, str]]:
    """The triples of one Turtle file as rdflib terms, and its prefixes, read as :func:`load` reads the ontology:
    Oxigraph's parser, rdflib's for what it rejects; a syntax error or an ill-typed literal is a
    :class:`CuratedFileError` (file:line)."""
    parsed = _read(path, "turtle", Terms())
    triples = [(s, p, o) for s, p, o, _ in parsed.quads]
    _check_literals(path, triples, parsed.prefixes)
    return triples, parsed.prefixes


def read_trig_unremembered(path: Path) -> list[tuple]:
    """The quads ``(s, p, o, graph)`` of one TriG file as rdflib terms, read as :func:`load` reads ``kg/`` (Oxigraph's
    parser, one object per distinct term, blank nodes labelled by the file), but not kept in the memory of parses:
    for many files each read once (the tests' ~300 shape fixtures would push the curated files' parses out of it).
    ``graph`` is None for a triple outside any named graph."""
    return _parse_bytes(
        path, path.read_bytes(), "trig", Terms(), re.sub(r"[^A-Za-z0-9]", "_", f"file_{path.stem}")
    ).quads


def _ill_typed(path: Path, lexical: str, datatype: str, why: str | None = None) -> CuratedFileError:
    dt = curie(datatype) or f"<{datatype}>"
    message = f'ill-typed literal "{lexical}" for datatype {dt}' + (f": {why}" if why else "")
    # the literal with its datatype as written (a prefixed name or the IRI): the same lexical form may occur earlier
    # with another datatype ("2023-11-23"^^xsd:date on one line, ^^xsd:gYear on another)
    typed = [f'"{lexical}"^^{name}' for name in {dt, f"<{datatype}>"} if name]
    return CuratedFileError(path, line_of(path, typed) or line_of(path, [f'"{lexical}"^^']), message)


def _check_literals(path: Path, triples, prefixes: dict[str, str]) -> None:
    """rdflib's own ``ill_typed`` (its converter failed); the lexical forms as written are checked as they are
    parsed (:func:`_lexical_check`)."""
    for _s, _p, o in triples:
        if isinstance(o, Literal) and o.ill_typed:
            raise _ill_typed(path, str(o), str(o.datatype))


_CALENDAR = {str(XSD.date), str(XSD.gYearMonth), str(XSD.gYear)}
_ZONE = re.compile(r"(Z|[+-][0-9]{2}:[0-9]{2})$")


def _zoned_date(lexical: str, datatype: str) -> str | None:
    """A calendar date (xsd:date, gYearMonth, gYear) with a time zone ("2022-05-16+03:00") is valid XML Schema,
    but the project's dates are the seeds' calendar days, without a zone, and rdflib drops the zone as it reads
    the literal: the file would say one thing and the graph another."""
    if datatype in _CALENDAR and _ZONE.search(lexical):
        return (f"a date with a time zone ({_ZONE.search(lexical).group(0)}): the project's dates are calendar "
                "dates without one (rdflib would drop it silently); write the date alone")  # fmt: skip
    return None


class _IllTyped(Exception):
    def __init__(self, lexical: str, datatype: str, why: str):
        super().__init__(lexical, datatype, why)
        self.lexical, self.datatype, self.why = lexical, datatype, why


def _lexical_check():
    """A pass-through for parsed objects that raises :class:`_IllTyped` for a literal whose lexical form, as
    written, is outside its datatype's lexical space by XML Schema (:mod:`csto_kg.xsd_lexical`). It must see the
    form as written: rdflib rewrites some on the way in (``"1_000"`` to ``"1000"``, ``"True"`` to ``"true"``)."""
    seen: set = set()

    def check(term):
        if isinstance(term, ox.Literal) and term not in seen:
            why = xsd_problem(term.value, term.datatype.value) or _zoned_date(term.value, term.datatype.value)
            if why is not None:
                raise _IllTyped(term.value, term.datatype.value, why)
            seen.add(term)
        return term

    return check


@without_collector
def load(root: Path | None = None, *, with_ontology: bool = True) -> LoadedData:
    """Parse the ontology and every curated file into one Dataset, one named graph each."""
    root = root or paths.root()
    # the dataset's default graph is the union of its named graphs; its store keeps each set of graphs once
    out = Dataset(store=SharedContextsMemory(), default_union=True)
    files: dict[URIRef, Path] = {}
    repeated: dict[URIRef, list[tuple]] = {}
    prefixes: dict[str, str] = {}
    terms = Terms()

    if with_ontology:
        onto = out.graph(ONTOLOGY_GRAPH)
        for path in ontology_files(root):
            parsed = _read(path, "turtle", terms)
            _check_prefixes(path, parsed.prefixes)
            prefixes.update(parsed.prefixes)
            triples = [(s, p, o) for s, p, o, _ in parsed.quads]
            _check_literals(path, triples, prefixes)
            add_triples(out, onto, triples)
            files[ONTOLOGY_GRAPH] = path

    known_seeds = {p.stem for p in (root / "seeds").glob("*.txt")}
    _check_file_names(root, known_seeds)
    _check_seeds(root, known_seeds)
    for path in curated_files(root):
        parsed = _read(path, "trig", terms)
        prefixes.update(parsed.prefixes)
        expected = ENTITIES_GRAPH if path.stem == "entities" else seed_graph(path.stem)
        if path.stem != "entities" and path.stem not in known_seeds:
            raise CuratedFileError(path, None, f"no seed document seeds/{path.stem}.txt for this curated file")
        for s, _, _, name in parsed.quads:
            if name != expected:
                line = (_line_outside_blocks if name is None else line_of)(path, _spellings(s, prefixes))
                what = "the default graph" if name is None else f"graph <{name}>"
                raise CuratedFileError(path, line, f"triples in {what}; this file may only hold graph <{expected}>")
        _check_prefixes(path, parsed.prefixes)
        triples = [(s, p, o) for s, p, o, _ in parsed.quads]
        _check_literals(path, triples, prefixes)
        target = out.graph(expected)
        add_triples(out, target, triples)
        files[expected] = path
        if len(target) < len(triples):  # the graph holds fewer: the file writes a triple more than once
            repeated[expected] = written_twice(triples)

    _check_dangling(out, files, prefixes)
    return LoadedData(out, files, repeated)


def written_twice(triples: list[tuple]) -> list[tuple]:
    """The triples ``triples`` lists more than once, each once, in the order of their second writing."""
    seen: set = set()
    out: dict = {}
    for t in triples:
        if t in seen:
            out.setdefault(t, None)
        else:
            seen.add(t)
    return list(out)


def _namespace_slip(written: str, house: str) -> str:
    """What differs between a prefix's namespace as written and the house one, in words."""
    if written.rstrip("#/") == house.rstrip("#/"):
        end = written[-1:] if written[-1:] in "#/" else "nothing"
        return f"it ends in {end!r} where the namespace ends in {house[-1]!r}"
    if written.split("://", 1)[-1] == house.split("://", 1)[-1]:
        return f"{written.split('://', 1)[0]}:// where the namespace is {house.split('://', 1)[0]}://"
    return "another namespace"


def _check_prefixes(path: Path, prefixes: dict[str, str]) -> None:
    """A prefix of the house table (kg/README.md, "Prefixes": ``csto:``, ``:``, ``wd:``, ``xsd:`` ...) bound to
    another namespace: every term written with it would silently name another vocabulary's term (a ``csto:``
    with ``#`` for ``/``, ``wd:`` to Wikidata's ``/wiki/`` pages, ``xsd:`` without its ``#``). Prefixes the house
    table does not name are the file's own business."""
    for name, written in prefixes.items():
        house = PREFIXES.get(name)
        if house is None or written == house:
            continue
        line = line_of(path, [f"@prefix {name}:", f"PREFIX {name}:", f"@PREFIX {name}:", f"prefix {name}:"])
        raise CuratedFileError(
            path,
            line,
            f"prefix {name}: is bound to <{written}>, not the project's <{house}> ({_namespace_slip(written, house)}): "
            f"every term written {name}:... in this file would name another vocabulary's term. Fix: copy the "
            "prefix line from kg/README.md",
        )


def _check_file_names(root: Path, seeds: set[str]) -> None:
    """A curated file is named by its seed's id, ``kg/<number>_<hash>.trig``: a file renamed (a hash mistyped, the
    hash dropped) is refused at the file, naming the seed it was the file of (the one left without its file) and
    the line where it names that seed's graph."""
    for path in curated_files(root):
        if path.stem == "entities" or path.stem in seeds:
            continue
        number = path.stem.split("_", 1)[0]
        orphans = sorted(s for s in seeds if s.split("_", 1)[0] == number and not (root / "kg" / f"{s}.trig").is_file())
        why = f"no seed document seeds/{path.stem}.txt for this curated file"
        line = None
        if orphans:
            line = line_of(path, [f"graph:{orphans[0]} ", f"graph:{orphans[0]}{{", f"graph/{orphans[0]}>"])
            why += (f": its name no longer matches its seed's id, and seeds/{orphans[0]}.txt has no curated file. A "
                    f"curated file is named by its seed's number and hash: rename it kg/{orphans[0]}.trig")  # fmt: skip
        raise CuratedFileError(path, line, why)


def _check_seeds(root: Path, seeds: set[str]) -> None:
    """A seed file is the source's text as UTF-8 without a byte-order mark, with LF line ends (offsets are code
    points of that text: a BOM or a CR would shift them, and another encoding is not text the quotes can match),
    and has its curated file ``kg/<seed id>.trig`` (which holds its source record)."""
    for stem in sorted(seeds):
        path = root / "seeds" / f"{stem}.txt"
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            raise CuratedFileError(path, 1, "the seed starts with a byte-order mark (U+FEFF): save it as UTF-8 "
                                   "without a BOM, or every offset counts one code point too many")  # fmt: skip
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            line = data.count(b"\n", 0, e.start) + 1
            raise CuratedFileError(path, line, f"not UTF-8 (byte {data[e.start]:#04x} at byte offset {e.start}): "
                                   "a seed is the source's text saved as UTF-8 (re-save it; Latin-1 or "
                                   "Windows-1252 is not read)") from None  # fmt: skip
        if not unicodedata.is_normalized("NFC", text):
            pairs = (i for i in range(len(text)) if not unicodedata.is_normalized("NFC", text[max(0, i - 1) : i + 1]))
            at = next(pairs, 0)
            line = text.count("\n", 0, at) + 1
            raise CuratedFileError(path, line, f"not in Unicode NFC (a decomposed character, U+{ord(text[at]):04X} "
                                   "combining with the one before it): an editor re-saved it decomposed (NFD); save "
                                   "it composed (NFC), as the source's text and every quote are")  # fmt: skip
        if "\r" in text:
            line = text.count("\n", 0, text.index("\r")) + 1
            raise CuratedFileError(path, line, "a carriage return (CR, CRLF line ends): a seed's lines end in LF "
                                   "alone; a CR is a code point every offset after it counts")  # fmt: skip
        if not (root / "kg" / f"{stem}.trig").is_file():
            raise CuratedFileError(path, None, f"no curated file kg/{stem}.trig for this seed: a new seed needs its "
                                   f"file, with its source record (src:{stem} a csto:SourceDocument)")  # fmt: skip


_OWN = re.compile(re.escape(BASE) + r"(id|source|evidence)/")


def _check_dangling(ds: Dataset, files: dict[URIRef, Path], prefixes: dict[str, str]) -> None:
    """Every IRI minted by this graph that is used as an object, or described, must be typed somewhere.

    One pass over each graph's own triples (a whole-dataset ``quads`` pass costs several times more).
    """
    from .indexed_graph import dataset_view

    view = dataset_view(ds)  # each graph's triples in rdflib's order, without a generator of contexts per triple
    described = set(view.subjects(RDF.type, None))
    for gid, path in files.items():
        for s, _p, o in view.graph(gid):
            if isinstance(s, URIRef) and s not in described and _OWN.match(str(s)):
                line = line_of(path, [f"{x} " for x in _spellings(s, prefixes)])
                raise CuratedFileError(
                    path,
                    line,
                    f"untyped node: {curie(str(s)) or f'<{s}>'} is described but has no rdf:type anywhere (a new node "
                    "needs its class, e.g. `a csto:Claim`; a statement about an existing node needs its IRI spelt "
                    f"exactly){_similar(s, described, view, files, prefixes)}",
                )
            if isinstance(o, URIRef) and o not in described and _OWN.match(str(o)):
                line = line_of(path, _spellings(o, prefixes))
                raise CuratedFileError(
                    path,
                    line,
                    f"dangling reference: {curie(str(o)) or f'<{o}>'} is used but has no rdf:type anywhere"
                    f"{_similar(o, described, view, files, prefixes)}",
                )


def _similar(iri: URIRef, described: set, view, files: dict[URIRef, Path], prefixes: dict[str, str]) -> str:
    """``; a typed node of a similar name: :x (kg/file.trig:N)`` for the typed IRI of ``iri``'s namespace whose
    name is spelt most like its name (a letter or two apart: a slip in one of the two spellings; names compared
    without the namespace, which every IRI shares), else ``""``."""
    import difflib

    namespace = _OWN.match(str(iri)).group()
    names = [str(x)[len(namespace) :] for x in described if isinstance(x, URIRef) and str(x).startswith(namespace)]
    close = difflib.get_close_matches(str(iri)[len(namespace) :], names, n=1, cutoff=0.85)
    if not close:
        return ""
    near = URIRef(namespace + close[0])
    name = curie(str(near)) or f"<{near}>"
    where = next((path for gid, path in files.items() if (near, RDF.type, None) in view.graph(gid)), None)
    if where is None:  # typed only by the ontology or a derived graph
        return f"; a typed node of a similar name: {name}"
    line = line_of(where, [f"{x} " for x in _spellings(near, prefixes)])
    return f"; a typed node of a similar name: {name} ({where.parent.name}/{where.name}:{line})"
