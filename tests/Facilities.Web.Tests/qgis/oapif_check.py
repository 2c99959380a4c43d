"""Loads the running app's OGC API collections through QGIS's own OAPIF provider (not GDAL), headless.

Usage: oapif_check.py BASE_URL BBOX_LAYER MINLON,MINLAT,MAXLON,MAXLAT [LAYER ...]
Prints one JSON object: per layer, whether QGIS found it valid, the features it read (all pages), the feature count
QGIS reports, and for BBOX_LAYER the features QGIS returns for the rectangle. OapifQgisTests compares them with the
dataset; this script decides nothing itself.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsFeatureRequest, QgsRectangle, QgsVectorLayer  # noqa: E402


def main():
    base, bbox_layer, bbox = sys.argv[1], sys.argv[2], [float(v) for v in sys.argv[3].split(",")]
    layers = sys.argv[4:]
    app = QgsApplication([], False)
    app.initQgis()
    out = {"layers": {}}
    try:
        for name in layers:
            layer = QgsVectorLayer(f"url='{base}/ogc' typename='{name}'", name, "OAPIF")
            entry = {"valid": layer.isValid()}
            if layer.isValid():
                ids = [f["id"] if "id" in f.fields().names() else f["code"] for f in layer.getFeatures()]
                entry["read"] = len(ids)
                entry["distinct"] = len(set(ids))
                entry["fields"] = layer.fields().names()
                entry["crs"] = layer.crs().authid()
                if name == bbox_layer:
                    # A fresh layer, so QGIS asks the server with bbox= rather than filtering the features it cached.
                    fresh = QgsVectorLayer(f"url='{base}/ogc' typename='{name}' restrictToRequestBBOX='1'", name, "OAPIF")
                    request = QgsFeatureRequest().setFilterRect(QgsRectangle(*bbox))
                    inside = [f["id"] for f in fresh.getFeatures(request)]
                    entry["bbox_read"] = len(inside)
                    entry["bbox_distinct"] = len(set(inside))
                    del fresh
            else:
                entry["error"] = layer.error().summary()
            out["layers"][name] = entry
            del layer
    finally:
        print(json.dumps(out), flush=True)
        app.exitQgis()
    # QGIS 3.22's Python bindings can crash while the interpreter tears down after exitQgis(); the answer is printed.
    os._exit(0)


if __name__ == "__main__":
    main()
