"""Renders the running app's OGC API layers through QGIS's OAPIF provider to a PNG (the picture in docs/qgis.md).

Usage: render_live_layers.py BASE_URL OUT.png
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsProject,  # noqa: E402
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main():
    base, out = sys.argv[1], sys.argv[2]
    app = QgsApplication([], False)
    app.initQgis()
    layers = []
    for name, colour in [("schools", "#c0392b"), ("industrial_zones", "#8e44ad"), ("urban_areas", "#f39c12"),
                         ("wards", "#2c3e50"), ("parcels", "#95a5a6")]:
        layer = QgsVectorLayer(f"url='{base}/ogc' typename='{name}'", name, "OAPIF")
        assert layer.isValid(), name
        symbol = layer.renderer().symbol()
        symbol.setColor(QColor(colour))
        if name == "wards":
            symbol.setColor(QColor(0, 0, 0, 0))
            symbol.symbolLayer(0).setStrokeColor(QColor(colour))
            symbol.symbolLayer(0).setStrokeWidth(0.6)
        QgsProject.instance().addMapLayer(layer)
        layers.append(layer)
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[-1].crs())
    settings.setExtent(layers[3].extent())
    settings.setOutputSize(QSize(900, 700))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(out, "png")
    print(out, flush=True)
    app.exitQgis()
    os._exit(0)


if __name__ == "__main__":
    main()
