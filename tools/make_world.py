"""Make data/world.json.gz, the shapes plot_map() draws, from Natural Earth's TopoJSON.

Source: Natural Earth 5.1.2 (public domain), as quantized TopoJSON in the repository
cublya/world-atlas (files countries-110m.json and countries-50m.json, UN-style boundary view:
Crimea with Ukraine, Western Sahara apart). Usage:

    python tools/make_world.py countries-110m.json countries-50m.json data/world.json.gz

Each state of the 1:110m file is kept by its ISO 3166-1 alpha-3 code (Natural Earth's
``isoA3``, else ``adm0A3``), its polygons' outer rings rounded to 0.1 degree (a ring crossing the 180th meridian kept on one
side of it); each UN Member
or observer that 1:110m lacks gets a point: the mean of the vertices of its largest 1:50m
polygon.
"""

from __future__ import annotations

import gzip
import json
import sys


def _arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def _ring(arcs: list, ids: list[int]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in ids:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def _polygons(arcs: list, geom: dict) -> list[list[list[tuple[float, float]]]]:
    if geom["type"] == "Polygon":
        return [[_ring(arcs, r) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[_ring(arcs, r) for r in p] for p in geom["arcs"]]
    return []


def _code(props: dict) -> str | None:
    for key in ("isoA3", "adm0A3"):
        v = props.get(key)
        if v and v != "-99":
            return "XKX" if v == "KOS" else v
    return None


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the 180th meridian (Russia's Chukotka, Fiji) drawn on one side of it:
    its points on the other side are moved across and pressed onto the meridian, so that no
    band is drawn across the map."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:])):
        return ring
    east = sum(1 for x, _ in ring if x > 0) >= len(ring) / 2
    if east:
        return [(min(180.0, x + 360 if x < 0 else x), y) for x, y in ring]
    return [(max(-180.0, x - 360 if x > 0 else x), y) for x, y in ring]


def _area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def main(small: str, medium: str, out: str) -> None:
    t110 = json.load(open(small, encoding="utf-8"))
    t50 = json.load(open(medium, encoding="utf-8"))
    countries: dict[str, list] = {}
    arcs = _arcs(t110)
    for g in t110["objects"]["countries"]["geometries"]:
        code = _code(g.get("properties", {}))
        if code is None:
            continue
        for poly in _polygons(arcs, g):
            ring = _unwrap(poly[0])
            ring = [[round(x, 1), round(y, 1)] for x, y in ring]
            ring = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
            if len(ring) >= 4:
                countries.setdefault(code, []).append([ring])
    points: dict[str, list[float]] = {}
    arcs50 = _arcs(t50)
    for g in t50["objects"]["countries"]["geometries"]:
        code = _code(g.get("properties", {}))
        if code is None or code in countries or code in points:
            continue
        polys = _polygons(arcs50, g)
        if not polys:
            continue
        ring = max((p[0] for p in polys), key=_area)
        points[code] = [round(sum(x for x, _ in ring) / len(ring), 2), round(sum(y for _, y in ring) / len(ring), 2)]
    data = {"source": "Natural Earth 5.1.2, 1:110m (public domain)", "countries": countries, "points": points}
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, separators=(",", ":"), sort_keys=True)
    print(f"{len(countries)} shapes, {len(points)} points -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
