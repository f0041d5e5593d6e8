#!/usr/bin/env python3
"""Time NetworkX's and python-igraph's maximum flow on CSV edge lists.

Usage: /usr/bin/python3 maxflow_bench.py [--runs N] [--only networkx|igraph]
       [--networkx-max-edges M] FILE.csv ...

Each file has a header from,to,capacity and nodes named s and t (as
written by `go run ./transit/flow/internal/flowbench -o DIR`). Timing
excludes reading the file and building the graph: it is the best of N runs
of networkx.maximum_flow_value (default flow_func, preflow_push) and of
igraph's Graph.maxflow_value (C core). Output, one line per file and
solver: "file solver value seconds", as flowbench prints for package flow.
Debian packages: python3-networkx, python3-igraph.
"""
import argparse
import csv
import os
import sys
import time


def read(path):
    ids, edges, caps = {}, [], []
    with open(path, newline="") as f:
        r = csv.reader(f)
        h = next(r)
        cf, ct, cc = h.index("from"), h.index("to"), h.index("capacity")
        for row in r:
            u = ids.setdefault(row[cf], len(ids))
            v = ids.setdefault(row[ct], len(ids))
            edges.append((u, v))
            caps.append(float(row[cc]))
    return ids, edges, caps


def best(runs, f):
    value, t = None, float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        value = f()
        t = min(t, time.perf_counter() - start)
    return value, t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", choices=["networkx", "igraph"])
    ap.add_argument("--networkx-max-edges", type=int, default=10**7)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    for path in a.files:
        ids, edges, caps = read(path)
        s, t = ids["s"], ids["t"]
        name = os.path.basename(path)
        if a.only != "networkx":
            import igraph
            g = igraph.Graph(n=len(ids), edges=edges, directed=True)
            v, d = best(a.runs, lambda: g.maxflow_value(s, t, capacity=caps))
            print(f"{name} igraph {v:.17g} {d:.4f}", flush=True)
            del g
        if a.only != "igraph" and len(edges) <= a.networkx_max_edges:
            import networkx as nx
            g = nx.DiGraph()
            g.add_nodes_from(range(len(ids)))
            for (u, v), c in zip(edges, caps):
                # Parallel edges add up (the benchmark families have none).
                if g.has_edge(u, v):
                    g[u][v]["capacity"] += c
                else:
                    g.add_edge(u, v, capacity=c)
            v, d = best(a.runs, lambda: nx.maximum_flow_value(g, s, t))
            print(f"{name} networkx {v:.17g} {d:.4f}", flush=True)
            del g


if __name__ == "__main__":
    sys.exit(main())
