"""``csto-kg publish``: load the current build into an external SPARQL store, atomically.

The store is Virtuoso Open Source, loaded by its bulk path (``ld_dir`` +
``rdf_loader_run`` through ``isql``); it then serves the standard SPARQL 1.1
Protocol that :class:`csto_kg.remote_store.RemoteStore` speaks. Steps:

1. The build's quads are streamed as N-Quads into a load folder the store can
   read (its ``DirsAllowed``): every named graph under a *staging* name, the
   default graph (the deduplicated union) as one or more graphs of this build,
   a description of the dataset (:data:`~csto_kg.remote_store.DATASET_GRAPH`)
   and the moves of step 3.
2. The store bulk-loads the file; the staged graphs are counted against the
   build, and a load that fails or counts short is removed and reported.
3. A checkpoint makes the staged graphs durable (the bulk loader does not log);
   then one call of a stored procedure, one transaction, switches the staged
   graphs to their real names and the dataset description to the new build: a
   client sees the old build or the new one, never a half-loaded graph. The
   procedure reads its moves from a graph loaded with the build, so the SQL
   sent is the same size for any number of graphs; it is not logged (see
   ``_SWITCH_PROCEDURE``) and a checkpoint follows it.
4. The graphs of older publications are dropped, row by row (the one just
   replaced stays until the next publish, for servers that still read its
   default-graph parts). Nothing outside ``urn:csto-kg:`` is touched.

Virtuoso's quirks handled here:

- ``isql`` URL-decodes its ``exec=`` argument (``+`` arrives as a space), so
  SQL is encoded for it (:func:`_exec_arg`);
- its bulk loader turns automatic checkpoints off and leaves them off: the
  interval is read before the load and put back after it;
- its default graph is every graph it holds, repeated per graph: the dataset
  description names the graphs that make the default graph, and
  :class:`~csto_kg.remote_store.RemoteStore` sends them with every query (the
  named graphs with a query that says ``GRAPH``);
- it stores ``xsd:gYear``, ``xsd:gYearMonth`` and ``xsd:date`` values as one
  date-time type, so ``"2022"^^xsd:gYear`` and ``"2022-01"^^xsd:gYearMonth``
  on one subject and predicate collide in a graph and one is silently lost.
  Seeds give one node dates at different precision (each in its own graph),
  so the default graph is split into parts in which no two of a subject's
  values for a property collide (:func:`union_parts`); a named graph with
  such a pair is refused before anything is loaded.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import UserError
from .namespaces import CSTO
from .remote_store import DATASET_GRAPH

__all__ = ["publish", "union_parts", "Isql", "PublishReport", "StoreTimeout"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_TYPES = {_XSD + "date", _XSD + "dateTime", _XSD + "gYear", _XSD + "gYearMonth"}


class StoreTimeout(UserError):
    """The store did not finish a step in time: it may still be running it, so nothing more is sent."""


@dataclass
class PublishReport:
    build_key: str
    graphs: dict[str, int]  # graph IRI (default-graph parts included) -> quads loaded
    default_parts: int
    seconds_load: float
    seconds_switch: float


class Isql:
    """Virtuoso's ``isql`` client (Debian: ``isql-vt``) run against ``host:port``."""

    def __init__(
        self,
        address: str,
        user: str = "dba",
        password: str | None = None,
        program: str | None = None,
        timeout: float = 600,
    ):
        self.address = address
        self.timeout = timeout
        self.user = user
        self.password = password if password is not None else os.environ.get("CSTO_KG_ISQL_PASSWORD", "dba")
        self.program = program or shutil.which("isql-vt") or shutil.which("isql")
        if not self.program:
            raise UserError("Virtuoso's isql client is not installed (Debian package virtuoso-opensource)")

    def run(self, sql: str, timeout: float | None = None) -> str:
        """Run ``sql`` (statements separated by ``;``); return its output, or raise naming the error."""
        timeout = timeout or self.timeout
        try:
            out = subprocess.run(
                [self.program, self.address, self.user, self.password, f"exec={_exec_arg(sql)}"],
                capture_output=True,
                text=True,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise StoreTimeout(
                f"Virtuoso at {self.address} did not answer within {timeout:g} s to: {_head(sql)}"
            ) from None
        except OSError as e:
            raise UserError(f"could not run {self.program} ({e.strerror}) for: {_head(sql)}") from None
        text = out.stdout + out.stderr
        error = re.search(r"\*\*\* Error[^\n]*\n?[^\n]*", text)
        if out.returncode != 0 or error:
            said = error.group(0) if error else " ".join(text.split())[-400:]  # isql's own complaint comes last
            raise UserError(f"Virtuoso at {self.address}: {' '.join(said.split())}")  # its two lines: one
        return text

    def run_all(self, statements, batch_chars: int = 60_000, batch_statements: int = 40) -> None:
        """Run many statements in few ``isql`` calls: each under the kernel's limit on one argument, and
        under isql's own limit of 50 statements (semicolons) on one line."""
        batch: list[str] = []
        size = 0
        for stmt in statements:
            if batch and (size + len(stmt) > batch_chars or len(batch) >= batch_statements):
                self.run(" ".join(batch))
                batch, size = [], 0
            batch.append(stmt)
            size += len(stmt) + 1
        if batch:
            self.run(" ".join(batch))


def _exec_arg(sql: str) -> str:
    """``sql`` as isql's ``exec=`` wants it: isql URL-decodes the argument, so ``+`` would arrive as a space."""
    return sql.replace("%", "%25").replace("+", "%2B")


def _head(sql: str, n: int = 120) -> str:
    one = " ".join(sql.split())
    return one if len(one) <= n else one[: n - 1] + "…"


def _collision_key(q: ox.Quad) -> tuple:
    """What Virtuoso compares when it stores (s, p, o): date-like literals by the instant they start."""
    o = q.object
    if isinstance(o, ox.Literal) and o.datatype.value in _DATE_TYPES:
        m = re.match(r"(-?\d{4,})(?:-(\d\d))?(?:-(\d\d))?", o.value)
        if m:
            return q.subject, q.predicate, ("date", m.group(1), m.group(2) or "01", m.group(3) or "01")
    return q.subject, q.predicate, o


def union_parts(triples) -> list[list[ox.Triple]]:
    """Split triples into parts in which no two collide as Virtuoso stores them (usually one part)."""
    parts: list[list[ox.Triple]] = []
    seen: list[set] = []
    for t in triples:
        key = _collision_key(ox.Quad(t.subject, t.predicate, t.object))
        for i, keys in enumerate(seen):
            if key not in keys:
                keys.add(key)
                parts[i].append(t)
                break
        else:
            seen.append({key})
            parts.append([t])
    return parts


def _staging(run: str, graph: str) -> str:
    return f"urn:csto-kg:build:{run}:staging:{hashlib.sha1(graph.encode()).hexdigest()[:16]}"


def _dataset_quads(run: str, key: str, parts: list[str], named: list[str]) -> list[ox.Quad]:
    g = ox.NamedNode(_staging(run, DATASET_GRAPH))
    s = ox.NamedNode(DATASET_GRAPH)
    quads = [ox.Quad(s, ox.NamedNode(str(CSTO.buildKey)), ox.Literal(key), g)]
    quads += [ox.Quad(s, ox.NamedNode(str(CSTO.defaultGraphPart)), ox.NamedNode(p), g) for p in parts]
    quads += [ox.Quad(s, ox.NamedNode(str(CSTO.namedGraph)), ox.NamedNode(n), g) for n in named]
    return quads


def _check_named_graph(graph: str, quads: list[ox.Quad]) -> None:
    keys: dict[tuple, ox.Quad] = {}
    for q in quads:
        other = keys.setdefault(_collision_key(q), q)
        if other is not q and other.object != q.object:
            raise UserError(
                f"graph <{graph}> holds {other.object} and {q.object} for <{q.subject.value}> "
                f"<{q.predicate.value}>: Virtuoso stores them as one value and would lose one"
            )


def _is_date(term) -> bool:
    return isinstance(term, ox.Literal) and term.datatype.value in _DATE_TYPES


def stage(store: ox.Store, run: str, key: str, path: Path) -> tuple[dict[str, int], list[str], list[str]]:
    """Write the quads to load (staging names) to ``path`` as N-Quads, streamed from ``store``.

    Returns the expected count per loaded graph, the default graph's parts and the named graphs.
    ``run`` names this publication (the build key and a time): its graphs never collide with the
    ones being served, even when the same build is published again. Only date-typed values can
    collide in Virtuoso (a graph holds each other triple once), so only they are kept in memory,
    to check the named graphs and split the default graph (a streamed 10⁶ build took 5.4 GB before).
    """
    expected: dict[str, int] = defaultdict(int)
    staged: dict[str, ox.NamedNode] = {}
    named_dates: dict[str, list[ox.Quad]] = defaultdict(list)
    default_dates: list[ox.Triple] = []
    part = [ox.NamedNode(f"urn:csto-kg:build:{run}:default:0")]

    def quads():
        for q in store:
            if isinstance(q.graph_name, ox.DefaultGraph):
                if _is_date(q.object):
                    default_dates.append(q.triple)
                    continue
                g = part[0]
            else:
                name = q.graph_name.value
                g = staged.get(name) or staged.setdefault(name, ox.NamedNode(_staging(run, name)))
                if _is_date(q.object):
                    named_dates[name].append(q)
            expected[g.value] += 1
            yield ox.Quad(q.subject, q.predicate, q.object, g)
        for name, dates in named_dates.items():
            _check_named_graph(name, dates)
        for i, triples in enumerate(union_parts(default_dates)):
            if i == len(part):
                part.append(ox.NamedNode(f"urn:csto-kg:build:{run}:default:{i}"))
            expected[part[i].value] += len(triples)
            yield from (ox.Quad(t.subject, t.predicate, t.object, part[i]) for t in triples)
        parts = [p.value for p in part if expected.get(p.value)]
        for extra in (_dataset_quads(run, key, parts, sorted(staged)), _moves_quads(run, sorted(staged))):
            for q in extra:
                expected[q.graph_name.value] += 1
            yield from extra

    ox.serialize(quads(), path, format=ox.RdfFormat.N_QUADS)
    parts = [p.value for p in part if expected.get(p.value)]
    return {g: n for g, n in expected.items() if n}, parts, sorted(staged)


def _counts(isql: Isql, prefix: str) -> dict[str, int]:
    text = isql.run(
        f"SPARQL SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER(STRSTARTS(STR(?g), '{prefix}')) }} GROUP BY ?g;"
    )
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^(urn:csto-kg:\S+)\s+(\d+)\s*$", text, re.M)}


# Deleting a graph needs no atomicity (it is no longer served) but may be millions of rows: row by row,
# logged, so no transaction grows past Virtuoso's TransactionAfterImageLimit.
# (Virtuoso's names are case-insensitive: a parameter called g would be the column G, and delete everything.)
_DROP_PROCEDURE = """CREATE PROCEDURE DB.DBA.CSTO_KG_DROP (in graph_iri varchar)
{
  log_enable (3, 1);
  DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id(graph_iri, 0);
};"""


def _drop(isql: Isql, graphs: list[str]) -> None:
    """Delete whole graphs, a batch of statements per ``isql`` call (thousands of graphs at 10⁶)."""
    if graphs:
        isql.run(_DROP_PROCEDURE)
        isql.run_all(f"DB.DBA.CSTO_KG_DROP('{g}');" for g in graphs)


# The switch reads its moves from a graph loaded with the build, so its SQL stays the same size for any
# number of graphs (a statement naming 1,005 graphs passed the kernel's 128 KB limit on one argument).
# It is not logged (log_enable 0): Virtuoso aborts a logged transaction past TransactionAfterImageLimit
# (50 MB by default; moving 3.5 million quads at 10⁶ passed it). It stays one transaction, rolled back
# whole on any error; the checkpoint after it makes it durable (a crash before that recovers the
# checkpoint before it: the old build served, the new one staged). Each graph is moved by copying its rows
# under the new name and deleting the staged ones: `UPDATE ... SET G = DST`, the same move in one statement, ran
# 10-15x slower in about one fresh store in three or four (11.6 against 0.75 s for the curated build, the same plan,
# a core busy, no lock waits; bench/README.md, "A switch sometimes ten times slower"); the copy never did (28
# publishes at 0.48-0.63 s). At 10^6 the copy is the slower, 308 against 267 s, and UPDATE never took its slow path.
_MOVES_TO = "urn:csto-kg:publish:movesTo"
_SWITCH_PROCEDURE = f"""CREATE PROCEDURE DB.DBA.CSTO_KG_SWITCH (in moves varchar, in expected integer)
{{
  declare n integer;
  declare exit handler for sqlstate '*' {{ rollback work; resignal; }};
  log_enable (0, 1);
  n := 0;
  for (SELECT S AS SRC, O AS DST FROM DB.DBA.RDF_QUAD
       WHERE G = iri_to_id(moves, 0) AND P = iri_to_id('{_MOVES_TO}', 0)) do
    {{
      DELETE FROM DB.DBA.RDF_QUAD WHERE G = DST;
      INSERT INTO DB.DBA.RDF_QUAD (G, S, P, O) SELECT DST, S, P, O FROM DB.DBA.RDF_QUAD WHERE G = SRC;
      DELETE FROM DB.DBA.RDF_QUAD WHERE G = SRC;
      n := n + 1;
    }}
  if (n <> expected)
    signal ('CSTO1', sprintf ('the switch found %d graphs to move, not %d: nothing was switched', n, expected));
  DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id(moves, 0);
  return n;
}};"""


def _moves_graph(run: str) -> str:
    return f"urn:csto-kg:build:{run}:moves"


def _moves_quads(run: str, named: list[str]) -> list[ox.Quad]:
    """One quad per graph to switch in: its staging name moves to its real name."""
    g, p = ox.NamedNode(_moves_graph(run)), ox.NamedNode(_MOVES_TO)
    return [ox.Quad(ox.NamedNode(_staging(run, n)), p, ox.NamedNode(n), g) for n in [*named, DATASET_GRAPH]]


def _switch(isql: Isql, run: str, expected_moves: int, attempts: int = 3) -> None:
    """The staged graphs take their real names in one transaction (one procedure call, all or nothing).

    A deadlock with concurrent readers (SQL state 40001) rolls the call back; it is tried again.
    """
    isql.run(_SWITCH_PROCEDURE)
    for attempt in range(attempts):
        try:
            isql.run(f"SELECT DB.DBA.CSTO_KG_SWITCH('{_moves_graph(run)}', {expected_moves});")
            return
        except StoreTimeout:
            raise
        except UserError as e:
            if "40001" not in str(e) or attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))


def _published_run(isql: Isql) -> str | None:
    """The run whose default-graph parts the store's dataset description names now."""
    text = isql.run(
        f"SPARQL SELECT ?part WHERE {{ GRAPH <{DATASET_GRAPH}> {{ <{DATASET_GRAPH}> "
        f"<{CSTO.defaultGraphPart}> ?part }} }};"
    )
    m = re.search(r"urn:csto-kg:build:([\w-]+):default:", text)
    return m.group(1) if m else None


def _bulk_load(isql: Isql, path: Path) -> None:
    """Virtuoso's bulk loader on one file, leaving the store's automatic checkpoints as they were.

    ``rdf_loader_run`` turns the checkpoint interval to 0 (off) and leaves it so; the interval it
    replaced is read first and put back after the load, failed or not (not after a load that ran past
    its time limit: the loader may still be running, and setting the interval would wait for it).
    """
    out = isql.run("SELECT checkpoint_interval(0);")
    m = re.search(r"^\s*(-?\d+)\s*$", out, re.M)
    if not m:
        raise UserError(f"Virtuoso at {isql.address} did not say its checkpoint interval: {out.strip()[-200:]}")
    try:
        isql.run(f"ld_dir('{path.parent}', '{path.name}', 'urn:csto-kg:unused'); rdf_loader_run();")
    except StoreTimeout:
        raise
    except UserError:
        isql.run(f"SELECT checkpoint_interval({m.group(1)});")
        raise
    isql.run(f"SELECT checkpoint_interval({m.group(1)});")


def publish(store_path: Path, key: str, isql: Isql, load_dir: Path) -> PublishReport:
    """Load the build whose store is at ``store_path`` into Virtuoso and switch it in."""
    run = f"{key[:16]}-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}"
    previous = _published_run(isql)
    load_dir.mkdir(parents=True, exist_ok=True)
    path = (load_dir / f"csto-kg-{run}.nq").resolve()
    try:
        expected, parts, named = stage(ox.Store.read_only(str(store_path)), run, key, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    prefix = f"urn:csto-kg:build:{run}:"
    t0 = time.perf_counter()
    switching = switched = False
    try:
        _bulk_load(isql, path)
        errors = isql.run(f"SELECT ll_error FROM DB.DBA.load_list WHERE ll_file = '{path}' AND ll_error IS NOT NULL;")
        if re.search(r"^\s*[1-9]\d* Rows", errors, re.M):
            raise UserError(f"Virtuoso could not load {path.name}: {' '.join(errors.split()[-12:])}")
        got = _counts(isql, prefix)
        if got != expected:
            short = {g: (got.get(g, 0), n) for g, n in expected.items() if got.get(g) != n}
            raise UserError(f"Virtuoso loaded other counts than the build holds (graph: loaded, expected): {short}")
        # The bulk loader does not log: a checkpoint makes the staged graphs durable before the switch.
        isql.run("checkpoint;")
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        switching = True
        _switch(isql, run, len(named) + 1)
        switched = True
        isql.run("checkpoint;")  # the switch is not logged: durable from here
        switch_s = time.perf_counter() - t1
    except StoreTimeout as e:
        # The store may still be busy with that step: say what is left rather than queue more behind it.
        path.unlink(missing_ok=True)
        served = "the switch to the new build may still complete" if switching else "the served build is unchanged"
        raise StoreTimeout(
            f"{e}; nothing more was sent ({served}; graphs named {prefix}* may remain until the next publish, "
            "which drops them)"
        ) from None
    except UserError as e:
        path.unlink(missing_ok=True)
        if switched:  # the new build is served: its graphs must stay
            raise UserError(
                f"{e} (after the switch to the new build, which is served but not yet checkpointed)"
            ) from None
        try:
            _drop(isql, list(_counts(isql, prefix)))
            isql.run(f"DELETE FROM DB.DBA.load_list WHERE ll_file = '{path}';")
        except UserError as cleanup:
            raise UserError(f"{e} (and removing the staged graphs failed too: {cleanup})") from None
        raise
    path.unlink(missing_ok=True)
    isql.run(f"DELETE FROM DB.DBA.load_list WHERE ll_file = '{path}';")
    # Older publications go; the one just replaced stays until the next, for servers still reading its parts.
    keep = {run, previous}
    _drop(isql, [g for g in _counts(isql, "urn:csto-kg:build:") if g.split(":")[3] not in keep])
    return PublishReport(key, expected, len(parts), load_s, switch_s)
