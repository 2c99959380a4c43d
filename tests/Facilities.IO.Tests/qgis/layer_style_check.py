"""Opens GeoPackage layers in QGIS headless and reports the style QGIS applied by itself (from layer_styles).

Usage: layer_style_check.py GPKG ID_FIELD LAYER [LAYER ...]
Prints one JSON object: per layer, whether it is valid, the renderer type, its categories (value, label, colour) and,
per feature (keyed by ID_FIELD), the fill colour of the symbol QGIS draws it with and the symbol layer classes.
GeoPackageLayerStylesTests compares them with the app's colour rules; this script decides nothing itself.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsExpressionContextUtils, QgsRenderContext, QgsVectorLayer  # noqa: E402


def symbol_entry(symbol):
    return {
        "colour": symbol.symbolLayer(0).color().name(),
        "alpha": symbol.symbolLayer(0).color().alpha(),
        "layers": [symbol.symbolLayer(i).layerType() for i in range(symbol.symbolLayerCount())],
    }


def main():
    path, id_field, layers = sys.argv[1], sys.argv[2], sys.argv[3:]
    app = QgsApplication([], False)
    app.initQgis()
    out = {"layers": {}}
    try:
        for name in layers:
            layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
            entry = {"valid": layer.isValid()}
            if layer.isValid():
                renderer = layer.renderer()
                entry["renderer"] = renderer.type()
                if renderer.type() == "categorizedSymbol":
                    entry["categories"] = [
                        dict(value=c.value(), label=c.label(), **symbol_entry(c.symbol())) for c in renderer.categories()
                    ]
                ctx = QgsRenderContext()
                ctx.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
                renderer.startRender(ctx, layer.fields())
                features = {}
                for f in layer.getFeatures():
                    ctx.expressionContext().setFeature(f)
                    symbol = renderer.symbolForFeature(f, ctx)
                    features[str(f[id_field])] = symbol_entry(symbol) if symbol else None
                renderer.stopRender(ctx)
                entry["features"] = features
                del renderer
            out["layers"][name] = entry
            del layer
    finally:
        print(json.dumps(out), flush=True)
        app.exitQgis()
    # QGIS 3.22's Python bindings can crash while the interpreter tears down after exitQgis(); the answer is printed.
    os._exit(0)


if __name__ == "__main__":
    main()
