"""``csto-kg``: build, validate, export, query and serve the CSTO knowledge graph.

Exit codes (all commands): 0 success (for ``validate``: the graph conforms),
1 the graph does not conform, 2 an error (bad input, bad arguments).
"""

from __future__ import annotations

import argparse
import sys

from . import __version__

__all__ = ["main"]


def _cmd_cite(args: argparse.Namespace) -> int:
    from .cite import evidence_turtle

    sys.stdout.write(evidence_turtle(args.seed, args.quote, args.id, args.occurrence))
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    import json

    from .validation import validate

    report = validate()
    done = report.shacl_incremental
    if done and "whole" not in done:  # said on stderr: stdout is the report, in the format asked for
        print(
            f"csto-kg validate: SHACL against build {done['previous']}: {done['changed_triples']} changed triple(s); "
            f"{done['shapes']['kept']} shape(s) kept, {done['shapes']['again']} validated again for "
            f"{done['focus_nodes_again']} focus node(s), {done['shapes']['whole']} whole",
            file=sys.stderr,
        )
    if args.format == "turtle":
        sys.stdout.write(report.graph.serialize(format="turtle"))
    elif args.format == "json":
        sys.stdout.write(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(report.to_text())
    return 0 if report.conforms else 1


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build, ensure_built

    # the process ends with the build: its rdflib dataset is left to the exit, not freed object by object
    kw = {"validate": not args.no_validate, "reasoner": args.reasoner, "release": False}
    b = build(**kw) if args.force else ensure_built(**kw)
    m = b.manifest
    state = "up to date" if b.reused else f"built in {sum(m['timings_s'].values()):.2f} s"
    print(
        f"{b.path} ({state}): {m['triples']['asserted']} asserted + {m['triples']['inferred']} inferred triples "
        f"in {len(m['graphs'])} graphs; conforms: {m['conforms']}"
    )
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    out = export(args.format, args.output, inferred=args.inferred)
    print(f"wrote {out}")
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from .build import ensure_built
    from .query import execute, open_store
    from .sparql_lex import UPDATE_OPERATIONS, operation, uses_service

    text = (
        sys.stdin.read()
        if args.query == "-"
        else (open(args.query, encoding="utf-8").read() if args.query.endswith(".rq") else args.query)
    )
    form = operation(text)
    if form in UPDATE_OPERATIONS:
        print(
            f"csto-kg query: error: {form} opens a SPARQL Update, and csto-kg query runs queries (SELECT, ASK, "
            "CONSTRUCT, DESCRIBE): the graph is built from the curated files in kg/; edit them, then csto-kg build",
            file=sys.stderr,
        )
        return 2
    store = open_store(ensure_built().store_path)
    try:
        _, body = execute(store, text, args.format)
    except SyntaxError as e:
        print(f"csto-kg query: error: malformed query: {e}", file=sys.stderr)
        return 2
    except (OSError, RuntimeError) as e:  # the engine's own call to a SERVICE endpoint (federated query)
        if not uses_service(text):
            raise
        print(f"csto-kg query: error: the query's SERVICE call failed: {e}", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(body)
    return 0


def _cmd_docs(args: argparse.Namespace) -> int:
    from .docs import write_index

    print(f"wrote {write_index()}")
    return 0


def _cmd_publish(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .build import ensure_built
    from .errors import UserError
    from .publish import Isql, publish
    from .remote_store import RemoteStore

    b = ensure_built()
    load_dir = Path(args.load_dir) if args.load_dir else b.path.parent.parent / "publish"
    r = publish(b.store_path, b.manifest["key"], Isql(args.isql, args.user, timeout=args.timeout), load_dir)
    served = RemoteStore(args.store).build_key()
    if served != r.build_key:
        raise UserError(
            f"{args.store} serves build {served[:16]}, not the one just published: "
            f"is it the SPARQL endpoint of the Virtuoso at {args.isql}?"
        )
    print(
        f"published build {r.build_key[:16]} to {args.store}: {sum(r.graphs.values())} quads in "
        f"{len(r.graphs)} graphs ({r.default_parts} default-graph part(s)); "
        f"loaded in {r.seconds_load:.2f} s, switched in {r.seconds_switch:.2f} s"
    )
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from .server.config import ServerConfig
    from .server.serve import serve

    config = ServerConfig.from_env()
    for name in ("host", "port", "web_workers", "query_timeout", "store"):
        if getattr(args, name) is not None:
            setattr(config, name, getattr(args, name))
    serve(config)
    return 0


def _endpoint(value: str) -> str:
    """An external store's SPARQL endpoint: an http:// or https:// URL with a host."""
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not the http:// or https:// URL of a SPARQL endpoint (e.g. http://127.0.0.1:8890/sparql)"
        )
    return value


def _host_port(value: str) -> str:
    """Virtuoso's isql address, ``host:port`` with a port from 1 to 65535."""
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not host:port with a port from 1 to 65535 (e.g. 127.0.0.1:1111)"
        )
    return value


def _seconds(value: str) -> float:
    """A time limit: a finite number of seconds over 0."""
    import math

    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds over 0")
    return seconds


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="csto-kg", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"csto-kg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "cite", help="print a verbatim evidence node (quote + code-point offsets) for a passage of a seed"
    )
    p.add_argument("seed", help="seed id, file name or number (e.g. 001)")
    p.add_argument("quote", help="the passage; no-break spaces and curly quotes may be typed plainly")
    p.add_argument("--id", required=True, help="local name of the evidence node, e.g. 001-kz-force-size")
    p.add_argument("--occurrence", type=int, help="which occurrence, when the passage occurs more than once")
    p.set_defaults(func=_cmd_cite)

    p = sub.add_parser(
        "validate",
        help="check the curated graph against the SHACL shapes, quotes and checksums "
        "(exit 0 conforms, 1 does not, 2 error)",
    )
    p.add_argument(
        "--format",
        choices=["text", "turtle", "json"],
        default="text",
        help="text for curators (default), turtle (the sh:ValidationReport) or json",
    )
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("build", help="load, reason and write the dataset (reuses the last build if no input changed)")
    p.add_argument("--force", action="store_true", help="build even if the inputs are unchanged")
    p.add_argument(
        "--no-validate", action="store_true", help="skip SHACL validation (the report is then not published)"
    )
    p.add_argument(
        "--reasoner",
        choices=["fast", "owlrl"],
        default=None,
        help="OWL RL reasoner: fast (default; same result, linear) or owlrl (the reference)",
    )
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("export", help="write the dataset to a file, atomically")
    p.add_argument("--format", required=True, choices=["ttl", "trig", "nq", "jsonld"])
    p.add_argument(
        "--inferred",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="include the inferred graph (default: yes)",
    )
    p.add_argument("-o", "--output", required=True, help="the file to write")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("query", help="run a SPARQL query (text, a .rq file, or - for stdin) on the current build")
    p.add_argument("query")
    p.add_argument(
        "--format", help="json|xml|csv|tsv for SELECT/ASK; ttl|nt|jsonld|rdfxml|trig|nq for CONSTRUCT/DESCRIBE"
    )
    p.set_defaults(func=_cmd_query)

    p = sub.add_parser(
        "docs",
        help="write ontology/INDEX.md: entities and topics, properties per class with "
        "example queries, disagreements (generated from the build)",
    )
    p.set_defaults(func=_cmd_docs)

    p = sub.add_parser(
        "serve",
        help="serve the SPARQL endpoint and linked-data pages with gunicorn "
        "(builds first unless the current build is up to date)",
    )
    p.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 8000)")
    p.add_argument("--workers", dest="web_workers", type=int, help="web worker processes (default 1)")
    p.add_argument("--query-timeout", type=float, help="time limit of a query in seconds (default 10)")
    p.add_argument(
        "--store",
        type=_endpoint,
        help="serve over this external SPARQL endpoint (loaded by csto-kg publish) "
        "instead of the build's embedded store",
    )
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("publish", help="load the current build into an external store (Virtuoso), atomically")
    p.add_argument(
        "--store",
        required=True,
        type=_endpoint,
        help="the store's SPARQL endpoint, e.g. http://127.0.0.1:8890/sparql "
        "(checked to serve the new build once it is switched in)",
    )
    p.add_argument("--isql", required=True, type=_host_port, help="Virtuoso's isql address host:port (its bulk loader)")
    p.add_argument("--user", default="dba", help="isql user (password from CSTO_KG_ISQL_PASSWORD, default dba)")
    p.add_argument("--load-dir", help="a folder the store may read (listed in its DirsAllowed); default build/publish")
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=600,
        help="seconds each step on the store (load, count, switch, drop) may take before publish stops "
        "with an error naming it (default 600)",
    )
    p.set_defaults(func=_cmd_publish)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # every command turns expected failures into a one-line error
        from .errors import is_user_error

        if not is_user_error(e):
            raise
        print(f"csto-kg {args.command}: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
