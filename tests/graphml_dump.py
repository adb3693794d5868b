"""Reads a GraphML file with a real consumer and prints it in a plain form.

usage: /usr/bin/python3 graphml_dump.py networkx|igraph FILE

Prints one line per node, "node LABEL TYPE mentions=N documents=N", then one
per edge, "edge LABEL -- LABEL weight=W documents=N" (the two labels in
sorted order), each group sorted, so tests can compare the two consumers'
views with each other and with expected lines.
"""
import sys


def fmt(value):
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def dump_networkx(path):
    import networkx as nx
    g = nx.read_graphml(path)
    if g.is_directed():
        raise SystemExit("networkx read a directed graph")
    nodes = []
    for _, data in g.nodes(data=True):
        nodes.append((data["label"], data["type"], data["mentions"], data["documents"]))
    edges = []
    for a, b, data in g.edges(data=True):
        la, lb = sorted([g.nodes[a]["label"], g.nodes[b]["label"]])
        edges.append((la, lb, data["weight"], data["documents"]))
    return nodes, edges


def dump_igraph(path):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    if g.is_directed():
        raise SystemExit("igraph read a directed graph")
    nodes = [(v["label"], v["type"], v["mentions"], v["documents"]) for v in g.vs]
    edges = []
    for e in g.es:
        la, lb = sorted([g.vs[e.source]["label"], g.vs[e.target]["label"]])
        edges.append((la, lb, e["weight"], e["documents"]))
    return nodes, edges


def main():
    reader, path = sys.argv[1], sys.argv[2]
    nodes, edges = {"networkx": dump_networkx, "igraph": dump_igraph}[reader](path)
    for label, kind, mentions, documents in sorted(nodes):
        print(f"node {label} {kind} mentions={fmt(mentions)} documents={fmt(documents)}")
    for a, b, weight, documents in sorted(edges):
        print(f"edge {a} -- {b} weight={fmt(weight)} documents={fmt(documents)}")


main()
