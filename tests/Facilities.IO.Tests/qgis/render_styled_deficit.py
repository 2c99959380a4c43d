"""Draws one deficit layer of a result GeoPackage with the default style QGIS takes from its layer_styles, headless,
with the legend QGIS builds from that style beside the map (the docs/qgis.md figure).

Usage: render_styled_deficit.py GPKG LAYER OUT.png
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsLayerTreeLayer, QgsLegendRenderer, QgsLegendSettings,  # noqa: E402
                       QgsLayerTreeModel, QgsLayerTree, QgsMapRendererSequentialJob, QgsMapSettings, QgsRenderContext,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QSize, QSizeF  # noqa: E402
from qgis.PyQt.QtGui import QColor, QImage, QPainter  # noqa: E402


def main():
    path, name, out = sys.argv[1], sys.argv[2], sys.argv[3]
    app = QgsApplication([], False)
    app.initQgis()
    try:
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(layer.crs())
        extent = layer.extent()
        extent.scale(1.05)
        settings.setExtent(extent)
        settings.setOutputSize(QSize(900, 900))
        settings.setBackgroundColor(QColor(255, 255, 255))
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        map_image = job.renderedImage()

        root = QgsLayerTree()
        root.addLayer(layer)
        model = QgsLayerTreeModel(root)
        legend = QgsLegendRenderer(model, QgsLegendSettings())
        image = QImage(1500, 900, QImage.Format_ARGB32)
        image.fill(QColor(255, 255, 255))
        painter = QPainter(image)
        painter.drawImage(0, 0, map_image)
        painter.translate(900, 20)
        # The legend is laid out in millimetres at the image's 96 dpi; three times that reads beside a 900 px map.
        painter.scale(3, 3)
        context = QgsRenderContext.fromQPainter(painter)
        legend.drawLegend(context)
        painter.end()
        image.save(out, "png")
        del legend, model, root, layer
    finally:
        app.exitQgis()
    # QGIS 3.22's Python bindings can crash while the interpreter tears down after exitQgis(); the image is saved.
    os._exit(0)


if __name__ == "__main__":
    main()
