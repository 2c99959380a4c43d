"""The same deficit choropleth as `facilities render`, made by QGIS's print layout, headless: a graduated renderer with
Jenks natural breaks on RdBu (surplus blue, shortage red), the title, a legend beside the map, a scale bar and a north
arrow, exported to PNG by QgsLayoutExporter (the docs/render.md comparison).

Usage: print_layout_choropleth.py GPKG LAYER FIELD TITLE OUT.png
Prints, as its last line, JSON with the class limits QGIS chose and the number of features in each class.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsClassificationJenks, QgsGraduatedSymbolRenderer, QgsLayoutExporter,  # noqa: E402
                       QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPicture,
                       QgsLayoutItemScaleBar, QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsProject, QgsStyle,
                       QgsUnitTypes, QgsVectorLayer, QgsFeatureRequest, QgsCoordinateReferenceSystem,
                       QgsCoordinateTransform)
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402


def main():
    path, name, field, title, out = sys.argv[1:6]
    app = QgsApplication([], False)
    app.initQgis()
    result = {}
    try:
        project = QgsProject.instance()
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not layer.isValid():
            raise SystemExit(f"cannot open {path} layer {name}")
        # Wards without school data are no data in `facilities render`; QGIS's graduated renderer leaves NULL unfilled.
        layer.setSubsetString("data_status IS NULL OR data_status <> 'no_schools'")
        project.addMapLayer(layer)

        renderer = QgsGraduatedSymbolRenderer(field)
        renderer.setClassificationMethod(QgsClassificationJenks())
        ramp = QgsStyle.defaultStyle().colorRamp("RdBu")
        ramp.invert()  # QGIS's RdBu runs red → blue; shortage (positive) must be red, as in our map.
        renderer.updateClasses(layer, 6)
        renderer.updateColorRamp(ramp)
        for i, r in enumerate(renderer.ranges()):
            r.symbol().symbolLayer(0).setStrokeColor(QColor(51, 51, 51))
        layer.setRenderer(renderer)
        values = [f[field] for f in layer.getFeatures(QgsFeatureRequest())]
        result["limits"] = [[r.lowerValue(), r.upperValue()] for r in renderer.ranges()]
        result["counts"] = [sum(1 for v in values if v is not None and (r.lowerValue() <= v <= r.upperValue()) and
                                (i == 0 or v > r.lowerValue())) for i, r in enumerate(renderer.ranges())]

        layout = QgsPrintLayout(project)
        layout.initializeDefaults()  # A4 landscape, 297 × 210 mm
        label = QgsLayoutItemLabel(layout)
        label.setText(title)
        label.setFont(QFont("DejaVu Sans", 18, QFont.Bold))
        label.attemptMove(QgsLayoutPoint(10, 6, QgsUnitTypes.LayoutMillimeters))
        label.attemptResize(QgsLayoutSize(277, 14, QgsUnitTypes.LayoutMillimeters))
        layout.addLayoutItem(label)

        # The map in UTM 48N (EPSG:32648), the metric CRS `facilities render` draws in.
        utm = QgsCoordinateReferenceSystem("EPSG:32648")
        map_item = QgsLayoutItemMap(layout)
        layout.addLayoutItem(map_item)
        map_item.attemptMove(QgsLayoutPoint(10, 22, QgsUnitTypes.LayoutMillimeters))
        map_item.attemptResize(QgsLayoutSize(200, 180, QgsUnitTypes.LayoutMillimeters))
        map_item.setLayers([layer])
        map_item.setCrs(utm)
        extent = QgsCoordinateTransform(layer.crs(), utm, project).transformBoundingBox(layer.extent())
        extent.scale(1.05)
        map_item.setExtent(extent)  # QGIS 3.22: zoomToExtent alone leaves a fresh map item with an empty extent
        map_item.zoomToExtent(extent)
        map_item.setFrameEnabled(True)

        legend = QgsLayoutItemLegend(layout)
        legend.setLinkedMap(map_item)
        legend.setTitle("")
        legend.attemptMove(QgsLayoutPoint(215, 22, QgsUnitTypes.LayoutMillimeters))
        layout.addLayoutItem(legend)

        scale = QgsLayoutItemScaleBar(layout)
        scale.setStyle("Single Box")
        scale.setLinkedMap(map_item)
        scale.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
        scale.attemptMove(QgsLayoutPoint(215, 185, QgsUnitTypes.LayoutMillimeters))
        layout.addLayoutItem(scale)

        arrow = QgsLayoutItemPicture(layout)
        arrow.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
        arrow.attemptMove(QgsLayoutPoint(270, 160, QgsUnitTypes.LayoutMillimeters))
        arrow.attemptResize(QgsLayoutSize(12, 18, QgsUnitTypes.LayoutMillimeters))
        layout.addLayoutItem(arrow)

        exporter = QgsLayoutExporter(layout)
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = 137  # 297 mm at 137 dpi ≈ 1600 px, the width of `facilities render`
        status = exporter.exportToImage(out, settings)
        result["status"] = int(status)
        result["ok"] = status == QgsLayoutExporter.Success
    finally:
        app.exitQgis()
    print(json.dumps(result))
    sys.stdout.flush()
    # QGIS 3.22's Python bindings can crash while the interpreter tears down after exitQgis(); the image is saved.
    os._exit(0)


if __name__ == "__main__":
    main()
