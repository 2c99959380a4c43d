"""Edits a GeoPackage's schools layer in QGIS headless, as a user would in an editing session: one attribute changed,
one feature deleted, one feature added (a copy of the first, moved), then the edits committed through QGIS's own
OGR provider.

Usage: edit_schools.py GPKG
Prints one JSON object: whether the layer was valid, whether the commit succeeded, its errors, and the feature count
after. GeoPackageHashCacheTests checks the content hash afterwards; this script decides nothing itself.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsVectorLayer  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(sys.argv[1] + "|layername=schools", "schools", "ogr")
result = {"valid": layer.isValid()}
if layer.isValid():
    features = list(layer.getFeatures())
    first, last = features[0], features[-1]
    layer.startEditing()
    name = layer.fields().indexOf("name")
    layer.changeAttributeValue(first.id(), name, "Trường sửa trong QGIS")
    layer.deleteFeature(last.id())
    added = QgsFeature(layer.fields())
    added.setAttributes([None] + first.attributes()[1:])
    moved = QgsGeometry(first.geometry())
    moved.translate(0.001, 0)
    added.setGeometry(moved)
    layer.addFeature(added)
    result["committed"] = layer.commitChanges()
    result["errors"] = layer.commitErrors()
    result["count"] = layer.featureCount()
print(json.dumps(result, ensure_ascii=False), flush=True)
# The commit is on disk; QGIS 3.22 can crash in its own teardown (exitQgis, interpreter exit), so leave at once.
del layer
os._exit(0)
