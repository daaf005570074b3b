"""Convert world-atlas TopoJSON (Natural Earth, public domain) to the GeoJSON the dashboard maps ship.

Run once when updating the map (needs no network if the npm tarball is already unpacked)::

    cd $(mktemp -d) && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/world_geojson.py package/countries-50m.json \
        src/ctip/dashboard/static/dashboard/world.geojson [TOLERANCE]

Each feature gets ``properties.iso3`` (ISO 3166-1 alpha-3 from the feature's ISO numeric id, via
pycountry) and keeps its English ``name``; features without an ISO code (e.g. Northern Cyprus,
Somaliland) keep ``iso3`` empty. Coordinates are rounded to 0.01 degree to keep the file small; rings that cross the antimeridian
are moved east of it; Antarctica is left out.

Each TopoJSON arc is simplified (Douglas-Peucker, default tolerance 0.05 degree, about a twelfth of a
pixel on the dashboard's world map) before the rings are assembled. Arcs are the borders neighbours
share, and their end points are kept, so neighbouring countries still meet exactly; every country of
the 1:50m data stays on the map (a closed arc keeps at least four points). At 0.05 degree the file
shrinks from 1.4 MB to 0.47 MB and the points the browser projects for each map from 94,600 to about a
third (see docs/benchmarks.md).
"""

from __future__ import annotations

import json
import sys

import pycountry

BY_NAME = {"Kosovo": "XKX"}  # user-assigned code, as CTDC and UN agencies write it


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Undo delta encoding and quantisation of every arc."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: drop points closer than ``tolerance`` to the line through the kept neighbours."""
    if tolerance <= 0 or len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            # distance to the chord, or to its start when the arc is closed (start = end)
            dist = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if dist > worst:
                worst, index = dist, i
        if index > 0 and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    kept = [p for p, k in zip(points, keep, strict=True) if k]
    if points[0] == points[-1] and len(kept) < 4:
        return points  # a small island's closed arc: keep its shape rather than collapse it
    return kept


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Join arcs into one closed ring; a negative index means the reversed arc ~index."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    if any(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:], strict=False)):
        # The ring crosses the antimeridian (Russia, Fiji): draw it east of 180° instead of across the map.
        points = [(x + 360 if x < 0 else x, y) for x, y in points]
    return [list(p) for p in points]


def iso3(numeric_id: str | None) -> str:
    if numeric_id is None or numeric_id == "-99":
        return ""
    country = pycountry.countries.get(numeric=numeric_id.zfill(3))
    return country.alpha_3 if country else ""


def convert(topology: dict, tolerance: float = 0.05) -> dict:
    arcs = [simplify(arc, tolerance) for arc in decode_arcs(topology)]
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            coordinates = [ring(r, arcs) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        if geometry.get("id") == "010":
            continue  # Antarctica: no trafficking data, and it wraps the pole, which flat maps draw badly
        features.append({
            "type": "Feature",
            "properties": {"name": geometry["properties"]["name"], "iso3": BY_NAME.get(geometry["properties"]["name"]) or iso3(geometry.get("id"))},
            "geometry": {"type": geometry["type"], "coordinates": coordinates},
        })
    return {"type": "FeatureCollection", "features": features,
            "attribution": "Natural Earth (public domain), via world-atlas 2.0.2 (ISC, Mike Bostock)"}


def main(argv: list[str]) -> int:
    source, target, *rest = argv
    with open(source, encoding="utf-8") as fh:
        geojson = convert(json.load(fh), float(rest[0]) if rest else 0.05)
    with open(target, "w", encoding="utf-8") as fh:
        json.dump(geojson, fh, separators=(",", ":"))
    missing = [f["properties"]["name"] for f in geojson["features"] if not f["properties"]["iso3"]]
    print(f"{len(geojson['features'])} countries written to {target}; without ISO code: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
