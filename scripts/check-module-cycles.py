#!/usr/bin/env python3
"""Fails when modules of a Rust crate import each other in a cycle.

Reads every .rs file under the given src/ folder (default: the library's), finds the modules each
one names through `crate::…`, `super::…` and `use super::{…}` (test modules left out), and
reports every strongly connected group of more than one module. A module may use its own
submodules and its parent's items; what is refused is two files (or more) that need each other,
such as a store that reads corrections and corrections that write the store.

    python3 scripts/check-module-cycles.py [crates/normgraph/src] [-v]
"""
import os
import re
import sys


def modules(root):
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".rs"):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)[:-3]
                module = "crate" if rel in ("lib", "main") else "crate::" + rel.replace(os.sep, "::")
                with open(path, encoding="utf-8") as f:
                    found[module] = f.read()
    return found


def edges_of(found):
    def resolve(path):
        parts = path.split("::")
        for i in range(len(parts), 0, -1):
            candidate = "::".join(parts[:i])
            if candidate in found:
                return candidate
        return None

    edges = {m: set() for m in found}
    for module, source in found.items():
        source = source.split("#[cfg(test)]")[0]
        source = re.sub(r"//.*", "", source)
        parent = module.rsplit("::", 1)[0] if module != "crate" else None
        targets = []
        for group in re.finditer(r"crate::\{([^}]*)\}", source):
            targets += ["crate::" + item.strip().split(" ")[0] for item in group.group(1).split(",") if item.strip()]
        targets += [m.group(0) for m in re.finditer(r"crate(?:::[a-z_]+)+", source)]
        if parent:
            targets += [parent + "::" + m.group(1) for m in re.finditer(r"super::([a-z_]+)", source)]
            for group in re.finditer(r"use super::\{([^}]*)\}", source):
                for item in (i.strip() for i in group.group(1).split(",")):
                    if item and item[0].islower():
                        targets.append(parent + "::" + item.split("::")[0])
                    elif item:
                        targets.append(parent)
            if re.search(r"super::[A-Z{]", source):
                targets.append(parent)
        for target in targets:
            resolved = resolve(target)
            if resolved and resolved not in (module, "crate"):
                edges[module].add(resolved)
    return edges


def cycles(edges):
    index, low, stack, on_stack, groups = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return groups


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "crates", "normgraph", "src")
    edges = edges_of(modules(root))
    if "-v" in sys.argv:
        for module in sorted(edges):
            print(module, "->", ", ".join(sorted(edges[module])))
    found = cycles(edges)
    for group in found:
        print("import cycle:", " ↔ ".join(group), file=sys.stderr)
    print(f"{len(edges)} modules, {sum(map(len, edges.values()))} imports, {len(found)} cycles")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
