"""Opens the app's parcel tiles as a QGIS "Vector Tiles" (XYZ) connection with the app's style URL, headless.

Usage: vector_tiles_check.py TILE_TEMPLATE ZMIN ZMAX STYLE_URL Z X Y
Prints one JSON object: whether QGIS found the layer valid, whether it loaded the style from the URL (and its message),
the renderer's styles (name, layer, geometry type) QGIS converted from the GL style, and how many pixels QGIS draws when it renders that tile with the style. TileDiscoveryQgisTests compares them; this decides nothing.
"""
import json
import os
import sys
from urllib.parse import quote

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererSequentialJob, QgsMapSettings, QgsTileMatrix,
    QgsTileXYZ, QgsVectorTileLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main():
    template, zmin, zmax, style_url = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    z, x, y = (int(v) for v in sys.argv[5:8])
    app = QgsApplication([], False)
    app.initQgis()
    out = {}
    try:
        uri = f"type=xyz&url={quote(template, safe=':/')}&zmin={zmin}&zmax={zmax}&styleUrl={quote(style_url, safe=':/')}"
        layer = QgsVectorTileLayer(uri, "parcels")
        out["valid"] = layer.isValid()
        if layer.isValid():
            message, ok = layer.loadDefaultStyle()
            out["style_loaded"] = ok
            out["style_message"] = message
            out["styles"] = [
                {"name": s.styleName(), "layer": s.layerName(), "geometry": int(s.geometryType())}
                for s in layer.renderer().styles()
            ]
            tile = QgsTileXYZ(x, y, z)
            # QGIS fetches the tile the template names, decodes it with its own MVT decoder and draws it with the
            # converted style (3.22 exposes neither the raw tile nor the decoder to Python): count the pixels that
            # differ from the white background.
            extent = QgsTileMatrix.fromWebMercator(z).tileExtent(tile)
            settings = QgsMapSettings()
            settings.setLayers([layer])
            settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
            settings.setExtent(extent)
            settings.setOutputSize(QSize(512, 512))
            settings.setBackgroundColor(QColor(255, 255, 255))
            job = QgsMapRendererSequentialJob(settings)
            job.start()
            job.waitForFinished()
            image = job.renderedImage()
            drawn = 0
            for px in range(0, 512, 2):
                for py in range(0, 512, 2):
                    if image.pixel(px, py) != 0xFFFFFFFF:
                        drawn += 1
            out["drawn_pixels"] = drawn
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
