"""Renders a result collection of the running app, read through QGIS's OAPIF provider and styled with the default QML
of the same result's GeoPackage (the CLI's layer_styles), to a PNG: the picture in docs/qgis.md.

Usage: render_results.py BASE_URL QUERY COLLECTION STYLE_GPKG STYLE_LAYER OUT.png
e.g. render_results.py http://127.0.0.1:8080 "level=thcs&year=2030" deficit d.gpkg deficit_thcs docs/img/qgis-results-deficit.png
"""
import os
import sqlite3
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsVectorLayer  # noqa: E402
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main():
    base, query, name, gpkg, style_layer, out = sys.argv[1:7]
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer(f"url='{base}/ogc?{query}' typename='{name}'", name, "OAPIF")
    assert layer.isValid(), name
    with sqlite3.connect(gpkg) as c:
        qml = c.execute("SELECT styleQML FROM layer_styles WHERE f_table_name = ? AND useAsDefault", (style_layer,)).fetchone()[0]
    with tempfile.NamedTemporaryFile("w", suffix=".qml", delete=False, encoding="utf-8") as f:
        f.write(qml)
    message, ok = layer.loadNamedStyle(f.name)
    os.unlink(f.name)
    assert ok, message
    QgsProject.instance().addMapLayer(layer)
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent().buffered(0.01))
    settings.setOutputSize(QSize(900, 700))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(out, "png")
    print(out, flush=True)
    app.exitQgis()
    os._exit(0)


if __name__ == "__main__":
    main()
