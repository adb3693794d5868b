"""Reads a GraphML file with a real consumer and prints it in a plain form.

usage: /usr/bin/python3 graphml_dump.py networkx|igraph|json|csv FILE

networkx and igraph read GraphML; json reads entgraph's node-link JSON with
networkx's node_link_graph; csv reads FILE.nodes.csv and FILE.edges.csv
(FILE without .csv) with Python's csv module, as Gephi's spreadsheet import
would see them.

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
        nodes.append((data["label"], data["entity_type"], data["mentions"], data["documents"]))
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
    nodes = [(v["label"], v["entity_type"], v["mentions"], v["documents"]) for v in g.vs]
    edges = []
    for e in g.es:
        la, lb = sorted([g.vs[e.source]["label"], g.vs[e.target]["label"]])
        edges.append((la, lb, e["weight"], e["documents"]))
    return nodes, edges


def dump_json(path):
    import json
    import networkx as nx
    with open(path, encoding="utf-8") as fp:
        g = nx.node_link_graph(json.load(fp))
    if g.is_directed() or g.is_multigraph():
        raise SystemExit("networkx read a directed graph or a multigraph from the JSON")
    nodes = [(d["label"], d["entity_type"], d["mentions"], d["documents"]) for _, d in g.nodes(data=True)]
    edges = []
    for a, b, d in g.edges(data=True):
        la, lb = sorted([g.nodes[a]["label"], g.nodes[b]["label"]])
        edges.append((la, lb, d["weight"], d["documents"]))
    return nodes, edges


def dump_csv(path):
    import csv
    with open(path + ".nodes.csv", encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    if not rows or list(rows[0])[:2] != ["Id", "Label"]:
        raise SystemExit("the nodes table does not start with Id,Label")
    label = {r["Id"]: r["Label"] for r in rows}
    nodes = [(r["Label"], r["entity_type"], r["mentions"], r["documents"]) for r in rows]
    with open(path + ".edges.csv", encoding="utf-8", newline="") as fp:
        reader = csv.DictReader(fp)
        if reader.fieldnames[:4] != ["Source", "Target", "Type", "Weight"]:
            raise SystemExit("the edges table does not start with Source,Target,Type,Weight")
        edges = []
        for r in reader:
            if r["Type"] != "Undirected":
                raise SystemExit("an edge is not Undirected")
            la, lb = sorted([label[r["Source"]], label[r["Target"]]])
            edges.append((la, lb, r["Weight"], r["documents"]))
    return nodes, edges


def main():
    reader, path = sys.argv[1], sys.argv[2]
    dump = {"networkx": dump_networkx, "igraph": dump_igraph, "json": dump_json, "csv": dump_csv}[reader]
    nodes, edges = dump(path)
    for label, kind, mentions, documents in sorted(nodes):
        print(f"node {label} {kind} mentions={fmt(mentions)} documents={fmt(documents)}")
    for a, b, weight, documents in sorted(edges):
        print(f"edge {a} -- {b} weight={fmt(weight)} documents={fmt(documents)}")


main()
