// window.__facilities: what the end-to-end tests (tests/Facilities.Web.E2E) read and call instead of sleeping or
// guessing at pixels: feature counts and colours, page coordinates of a ward, and an idle() promise.
import { requestsIdle } from './api.js';
import { state } from './state.js';
import { wardColour } from './ramp.js';
import { interiorPoint } from './search.js';

export function exposeTestHook({ ready, map, layers }) {
  window.__facilities = {
    ready,
    get map() {
      return map;
    },
    get state() {
      return state;
    },
    wardCount: () => layers.wards.getSource().getFeatures().length,
    wardColours: () =>
      layers.wards
        .getSource()
        .getFeatures()
        .map((f) => wardColour(state.classes, f.getProperties(), state.indicatorField)),
    wardValues: () =>
      Object.fromEntries(
        layers.wards
          .getSource()
          .getFeatures()
          .map((f) => [f.get('ward_code') || f.get('code'), f.get(state.indicatorField)]),
      ),
    /** Page coordinates of a point inside the ward, for a real mouse click. */
    wardPixel: (code) => {
      const feature = layers.wards.getSource().getFeatures().find((f) => (f.get('ward_code') || f.get('code')) === code);
      if (!feature) return null;
      const pixel = map.getPixelFromCoordinate(interiorPoint(feature.getGeometry()));
      const rect = map.getTargetElement().getBoundingClientRect();
      return { x: rect.left + pixel[0], y: rect.top + pixel[1] };
    },
    /** Centres the view on a point inside the ward (a popup's auto-pan may have moved it out of sight). */
    centerOnWard: (code) => {
      const feature = layers.wards.getSource().getFeatures().find((f) => (f.get('ward_code') || f.get('code')) === code);
      if (feature) map.getView().setCenter(interiorPoint(feature.getGeometry()));
    },
    /** Page coordinates of a point inside the n-th feature of a layer (for clicking sites, schools…). */
    featurePixel: (key, n = 0) => {
      const features = layers[key].getSource().getFeatures();
      if (!features[n]) return null;
      const geometry = features[n].getGeometry();
      const type = geometry.getType();
      const at = type === 'Point' ? geometry.getCoordinates() : interiorPoint(geometry);
      const pixel = map.getPixelFromCoordinate(at);
      const rect = map.getTargetElement().getBoundingClientRect();
      return { x: rect.left + pixel[0], y: rect.top + pixel[1], id: features[n].getId() ?? null };
    },
    /** Centres the view on the n-th feature of a layer at a zoom. */
    zoomToFeature: (key, n, zoom) => {
      const geometry = layers[key].getSource().getFeatures()[n].getGeometry();
      map.getView().setCenter(geometry.getType() === 'Point' ? geometry.getCoordinates() : interiorPoint(geometry));
      map.getView().setZoom(zoom);
    },
    layerCount: (key) => (layers[key] && layers[key].getSource().getFeatures ? layers[key].getSource().getFeatures().length : 0),
    idle: async () => {
      await requestsIdle();
      // A popup's auto-pan or a fit may still be moving the view: wait for it to stop before the last render.
      while (map.getView().getAnimating()) {
        await new Promise((resolve) => {
          map.once('moveend', resolve);
        });
      }
      await new Promise((resolve) => {
        map.once('rendercomplete', resolve);
        map.render();
      });
    },
    center: () => map.getView().getCenter(),
    firstPaintMs: () => state.firstPaintMs,
  };
}
