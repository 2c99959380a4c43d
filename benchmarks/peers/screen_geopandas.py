#!/usr/bin/python3
"""The hard constraints of the parcel screening (docs/sites.md) in GeoPandas, for scripts/bench-peers.sh (issue 15).

Written for Debian 12's packages: GeoPandas 0.12, Shapely 1.8 (no PyGEOS, so no vectorised GEOS calls and no
maximum_inscribed_circle), pandas 1.5, Fiona 1.9, Rtree. Reads the layers either from CSV files with a WKT geometry
column (as `ogr2ogr -f CSV -lco GEOMETRY=AS_WKT` writes them) or from the GeoPackage through Fiona, reprojects to
the city's metric CRS and writes the ids of the parcels that pass, one a line, sorted (byte order).

The rules, as the C# engine applies them (src/Facilities.Core/Screening):
  land use   current or planned land use is DGD (codes trimmed, upper case): the DGD-only norms file of the bench
  area       area_m2 >= the minimum of the ward containing the centroid (phuong: urban minimum; xa, dac_khu or no
             ward: rural); on a shared boundary the ward first in the layer
  industrial no industrial zone closer than the minimum distance (strictly less fails; inside is 0)
  schools    no point school in or on the parcel, no school site polygon whose interior meets the parcel's
  width      2 x the radius of the largest inscribed circle >= the minimum width
Cheap tests first, as a GeoPandas user would: the attribute tests before any geometry is parsed.
"""
import argparse
import sys
import time

import geopandas as gpd
import pandas as pd
from shapely import wkt as shapely_wkt
from shapely.ops import polylabel


def read_layer(args, name, usecols=None):
    """One layer as a GeoDataFrame in WGS 84 (the GeoPackage's CRS), from CSV or the GeoPackage."""
    if args.gpkg:
        return gpd.read_file(args.gpkg, layer=name)
    frame = pd.read_csv(f"{args.csv_dir}/{name}.csv", usecols=usecols, dtype=str, keep_default_na=False)
    return frame


def to_geo(frame, metric):
    """A pandas frame with a WKT column as a GeoDataFrame in the metric CRS."""
    geometry = gpd.GeoSeries([shapely_wkt.loads(w) for w in frame["WKT"]], index=frame.index, crs="EPSG:4326")
    return gpd.GeoDataFrame(frame.drop(columns=["WKT"]), geometry=geometry).to_crs(metric)


def width_at_least(geom, minimum):
    """Whether the largest inscribed circle is at least `minimum` across: bounds first, then the pole of
    inaccessibility (polylabel, to 0.05 m) only when the bounds cannot decide, as SiteGeometry.IsWideEnough does."""
    minx, miny, maxx, maxy = geom.bounds
    if min(maxx - minx, maxy - miny) < minimum:
        return False  # the circle fits inside the envelope
    hull = geom.convex_hull
    if 4 * geom.area / hull.length < minimum:
        return False  # r <= 2A/P of the hull
    if geom.equals(hull) and 2 * geom.area / geom.length >= minimum:
        return True  # convex: r >= A/P
    polygons = getattr(geom, "geoms", [geom])
    best = 0.0
    for polygon in polygons:
        centre = polylabel(polygon, tolerance=0.05)
        best = max(best, polygon.exterior.distance(centre) if not polygon.interiors
                   else min([polygon.exterior.distance(centre)] + [r.distance(centre) for r in polygon.interiors]))
    return 2 * best >= minimum


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--csv-dir", help="directory with parcels.csv, wards.csv, schools.csv, industrial_zones.csv")
    source.add_argument("--gpkg", help="the GeoPackage (read through Fiona)")
    parser.add_argument("--metric", default="EPSG:32648", help="the city's metric CRS (UTM 48N for the generated cities)")
    parser.add_argument("--min-rural", type=float, required=True)
    parser.add_argument("--min-urban", type=float, required=True)
    parser.add_argument("--min-industrial", type=float, required=True)
    parser.add_argument("--min-width", type=float, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    started = time.perf_counter()
    low, high = min(args.min_rural, args.min_urban), max(args.min_rural, args.min_urban)

    # 1. Land use and the lower area bound, on attributes only.
    if args.gpkg:
        parcels = read_layer(args, "parcels").to_crs(args.metric)
    else:
        parcels = read_layer(args, "parcels", usecols=["WKT", "id", "land_use", "planned_land_use", "area_m2"])
    dgd = (parcels["land_use"].fillna("").str.strip().str.upper() == "DGD") | \
          (parcels["planned_land_use"].fillna("").str.strip().str.upper() == "DGD")
    area = pd.to_numeric(parcels["area_m2"])
    admitted = parcels[dgd & (area >= low)].copy()
    admitted["area_m2"] = pd.to_numeric(admitted["area_m2"])
    if not args.gpkg:
        admitted = to_geo(admitted, args.metric)
    read_done = time.perf_counter()

    # 2. Area against the minimum of the centroid's ward.
    wards = read_layer(args, "wards")
    wards = wards.to_crs(args.metric) if args.gpkg else to_geo(wards, args.metric)
    wards["ward_order"] = range(len(wards))
    between = admitted[admitted["area_m2"] < high]
    centroids = gpd.GeoDataFrame({"parcel": between.index}, index=between.index, geometry=between.geometry.centroid, crs=args.metric)
    located = gpd.sjoin(centroids, wards[["ward_order", "unit_type", "geometry"]], how="left", predicate="intersects")
    located = located.sort_values("ward_order").drop_duplicates("parcel").set_index("parcel")
    urban = located["unit_type"].reindex(between.index).eq("phuong")
    minimum = urban.map({True: args.min_urban, False: args.min_rural})
    too_small = between.index[between["area_m2"] < minimum]
    passed = admitted.drop(index=too_small)

    # 3. Industrial zones: few polygons, so one distance per zone and parcel.
    zones = read_layer(args, "industrial_zones")
    zones = zones.to_crs(args.metric) if args.gpkg else to_geo(zones, args.metric)
    near = pd.Series(False, index=passed.index)
    for zone in zones.geometry:
        near |= passed.geometry.distance(zone) < args.min_industrial
    passed = passed[~near]

    # 4. School sites: candidates from the spatial index, then the exact test per pair.
    schools = read_layer(args, "schools")
    schools = schools.to_crs(args.metric) if args.gpkg else to_geo(schools, args.metric)
    pairs = gpd.sjoin(passed[["geometry"]], schools[["geometry"]], how="inner", predicate="intersects")
    blocked = set()
    for parcel, school in zip(pairs.index, pairs["index_right"]):
        site = schools.geometry.iloc[school] if args.gpkg else schools.geometry.loc[school]
        if site.geom_type in ("Point", "MultiPoint") or passed.geometry.loc[parcel].relate(site)[0] != "F":
            blocked.add(parcel)
    passed = passed.drop(index=list(blocked))

    # 5. Width.
    wide = [width_at_least(g, args.min_width) for g in passed.geometry]
    passed = passed[wide]

    ids = sorted(passed["id"], key=lambda s: s.encode("utf-8"))
    with open(args.out, "w", encoding="utf-8") as f:
        f.writelines(i + "\n" for i in ids)
    done = time.perf_counter()
    print(f"geopandas {gpd.__version__}: {len(parcels):,} parcels read, {len(admitted):,} admitted on attributes, "
          f"{len(ids):,} pass; read {read_done - started:.2f} s, rules {done - read_done:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
