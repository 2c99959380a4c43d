"""Opens one layer of a GeoPackage in QGIS headless through its OGR provider, as a user adding it to a project would.

Usage: open_layer.py GPKG LAYER
Prints one JSON object: whether the layer is valid, its feature count, and the layers QGIS lists in the file
(ParcelDensityKeptTests checks them; this script decides nothing itself).
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsProviderRegistry, QgsVectorLayer  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(sys.argv[1] + "|layername=" + sys.argv[2], sys.argv[2], "ogr")
result = {"valid": layer.isValid(), "count": layer.featureCount() if layer.isValid() else -1}
subs = QgsProviderRegistry.instance().providerMetadata("ogr").querySublayers(sys.argv[1])
result["layers"] = sorted(s.name() for s in subs)
print(json.dumps(result, ensure_ascii=False), flush=True)
# QGIS 3.22 can crash in its own teardown (exitQgis, interpreter exit), so leave at once.
del layer
os._exit(0)
