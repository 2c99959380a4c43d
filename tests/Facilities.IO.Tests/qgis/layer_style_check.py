"""Opens GeoPackage layers in QGIS headless and reports the style QGIS applied by itself (from layer_styles).

Usage: layer_style_check.py GPKG ID_FIELD LAYER [LAYER ...]
Prints one JSON object: per layer, whether it is valid, the renderer type, its categories (value, label, colour) and,
per feature (keyed by ID_FIELD), the fill colour of the symbol QGIS draws it with and the symbol layer classes; then the
same for the layer's styleSLD as QGIS imports it (a rule-based renderer), under "sld".
GeoPackageLayerStylesTests compares them with the app's colour rules; this script decides nothing itself.
"""
import json
import os
import sqlite3
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsExpressionContextUtils, QgsRenderContext, QgsVectorLayer  # noqa: E402


def symbol_entry(symbol):
    return {
        "colour": symbol.symbolLayer(0).color().name(),
        "alpha": symbol.symbolLayer(0).color().alpha(),
        "layers": [symbol.symbolLayer(i).layerType() for i in range(symbol.symbolLayerCount())],
    }


def drawn(layer, id_field):
    renderer = layer.renderer()
    ctx = QgsRenderContext()
    ctx.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    renderer.startRender(ctx, layer.fields())
    features = {}
    for f in layer.getFeatures():
        ctx.expressionContext().setFeature(f)
        symbols = renderer.symbolsForFeature(f, ctx)
        features[str(f[id_field])] = symbol_entry(symbols[0]) if symbols else None
    renderer.stopRender(ctx)
    return features


def sld_entry(path, name, id_field):
    """The layer's default styleSLD loaded into a fresh layer, as QGIS's "Load Style… (SLD)" would."""
    with sqlite3.connect(path) as c:
        sld = c.execute("SELECT styleSLD FROM layer_styles WHERE f_table_name = ? AND useAsDefault", (name,)).fetchone()[0]
    with tempfile.NamedTemporaryFile("w", suffix=".sld", delete=False, encoding="utf-8") as f:
        f.write(sld)
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    message, ok = layer.loadSldStyle(f.name)
    os.unlink(f.name)
    entry = {"loaded": ok, "message": message, "renderer": layer.renderer().type()}
    if ok:
        entry["features"] = drawn(layer, id_field)
    del layer
    return entry


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
                entry["features"] = drawn(layer, id_field)
                entry["sld"] = sld_entry(path, name, id_field)
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
