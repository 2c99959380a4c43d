"""Loads a result collection of the running app (deficit, teachers…) through QGIS's own OAPIF provider, headless.

Usage: results_check.py BASE_URL QUERY COLLECTION MINLON,MINLAT,MAXLON,MAXLAT
QUERY (e.g. level=thcs&year=2030&method=admin) goes on the connection's URL: QGIS 3.22 sends a landing page URL's
query with every request it makes, which is how a QGIS user picks the run. Prints one JSON object: whether the layer
is valid, its fields, the features read (ids, distinct), the feature count QGIS reports, the values of level, year and
method it read, and the ids QGIS returns for the rectangle. OapifResultsQgisTests compares them; this script decides nothing.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsFeatureRequest, QgsRectangle, QgsVectorLayer  # noqa: E402


def main():
    base, query, name, bbox = sys.argv[1], sys.argv[2], sys.argv[3], [float(v) for v in sys.argv[4].split(",")]
    app = QgsApplication([], False)
    app.initQgis()
    out = {}
    try:
        uri = f"url='{base}/ogc?{query}' typename='{name}'"
        layer = QgsVectorLayer(uri, name, "OAPIF")
        out["valid"] = layer.isValid()
        if layer.isValid():
            features = list(layer.getFeatures())
            out["fields"] = layer.fields().names()
            out["count"] = layer.featureCount()
            out["ids"] = [f["id"] for f in features]
            out["distinct"] = len(set(out["ids"]))
            out["values"] = {k: sorted({str(f[k]) for f in features}) for k in ("level", "year", "method") if k in out["fields"]}
            out["crs"] = layer.crs().authid()
            # A fresh layer, so QGIS asks the server with bbox= rather than filtering the features it cached.
            fresh = QgsVectorLayer(uri + " restrictToRequestBBOX='1'", name, "OAPIF")
            inside = [f["id"] for f in fresh.getFeatures(QgsFeatureRequest().setFilterRect(QgsRectangle(*bbox)))]
            out["bbox_ids"] = inside
            del fresh
        else:
            out["error"] = layer.error().summary()
        del layer
    finally:
        print(json.dumps(out), flush=True)
        app.exitQgis()
    # QGIS 3.22's Python bindings can crash while the interpreter tears down after exitQgis(); the answer is printed.
    os._exit(0)


if __name__ == "__main__":
    main()
