// The map's layers and their styles. Styles read the shared state (level, indicator, classes) so a switch only needs
// a source refresh or layer.changed(), never new layers.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import MVT from 'ol/format/MVT.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { state } from './state.js';
import { isNoData, loadClass, noDataPattern, wardColour, CIVIDIS_4, COMPLIANCE_COLOURS, OKABE_ITO, UNKNOWN, withAlpha } from './ramp.js';

const wardStyles = new Map();
function wardStyle(feature, resolution) {
  const noData = isNoData(feature.getProperties());
  const colour = wardColour(state.classes, feature.getProperties(), state.indicatorField);
  const selected = state.selectedWard === feature;
  const label = resolution < 60 ? feature.get('ward_name') || feature.get('name') || '' : '';
  const key = `${colour}|${noData}|${selected}|${label}`;
  let style = wardStyles.get(key);
  if (!style) {
    style = new Style({
      fill: new Fill({ color: noData ? noDataPattern() : withAlpha(colour, 0.85) }),
      stroke: new Stroke({ color: selected ? '#000000' : '#ffffff', width: selected ? 3 : 1.2 }),
      text: label
        ? new Text({
            text: label,
            font: '12px sans-serif',
            fill: new Fill({ color: '#111111' }),
            stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 }),
            overflow: false,
          })
        : undefined,
    });
    wardStyles.set(key, style);
  }
  return style;
}

const schoolStyles = new Map();
function schoolColour(feature) {
  if (state.schoolColour === 'compliance') {
    const status = state.compliance.get(schoolKey(feature.getProperties())) || 'unknown';
    return COMPLIANCE_COLOURS[status] || UNKNOWN;
  }
  const cls = loadClass(schoolLoad(feature.getProperties()));
  return cls === null ? UNKNOWN : CIVIDIS_4[cls];
}

/** A school is one feature per school and level: compliance rows are matched on both. */
export function schoolKey(props) {
  return `${props.school_id ?? props.id}:${props.level}`;
}

/** Enrolled pupils ÷ capacity: the server's load_ratio (one meaning everywhere; the catchment model's is allocated_ratio). */
export function schoolLoad(props) {
  const v = props.load_ratio;
  return typeof v === 'number' ? v : null;
}

export function schoolRadius(classrooms) {
  const n = typeof classrooms === 'number' && classrooms > 0 ? classrooms : 0;
  return Math.min(16, 3 + 1.3 * Math.sqrt(n));
}

function schoolStyle(feature) {
  if (!schoolVisible(feature)) return null;
  const colour = schoolColour(feature);
  const radius = schoolRadius(feature.get('classrooms'));
  const key = `${colour}|${radius.toFixed(1)}`;
  let style = schoolStyles.get(key);
  if (!style) {
    style = new Style({
      image: new Circle({
        radius,
        fill: new Fill({ color: withAlpha(colour, 0.9) }),
        stroke: new Stroke({ color: '#1a1a1a', width: 1 }),
      }),
    });
    schoolStyles.set(key, style);
  }
  return style;
}

/** Schools of the chosen level only, when the dataset's school levels use the same codes as /api/meta. */
export function schoolVisible(feature) {
  return !state.filterSchoolsByLevel || feature.get('level') === state.level;
}

function polygonStyle(colour, dash) {
  return new Style({
    fill: new Fill({ color: withAlpha(colour, 0.25) }),
    stroke: new Stroke({ color: colour, width: 2.5, lineDash: dash }),
  });
}

const parcelStyles = new Map();
function parcelStyle(feature) {
  const use = feature.get('land_use') || '';
  let style = parcelStyles.get(use);
  if (!style) {
    // Education land (DGD) stands out; everything else is a thin outline.
    const dgd = use === 'DGD';
    style = new Style({
      fill: new Fill({ color: dgd ? withAlpha(OKABE_ITO.green, 0.35) : 'rgba(255,255,255,0.05)' }),
      stroke: new Stroke({ color: dgd ? OKABE_ITO.green : 'rgba(60,60,60,0.6)', width: dgd ? 1.5 : 0.6 }),
    });
    parcelStyles.set(use, style);
  }
  return style;
}

const siteStyle = new Style({
  fill: new Fill({ color: withAlpha(OKABE_ITO.purple, 0.35) }),
  stroke: new Stroke({ color: '#7a1f5c', width: 3 }),
});

const caseStyle = new Style({
  image: new Circle({
    radius: 10,
    fill: new Fill({ color: 'rgba(0,0,0,0)' }),
    stroke: new Stroke({ color: '#000000', width: 3 }),
  }),
});

export function createLayers(meta) {
  const layers = {};
  if (meta.basemapUrl) {
    layers.basemap = new TileLayer({
      source: new XYZ({ url: meta.basemapUrl, crossOrigin: 'anonymous' }),
      properties: { key: 'basemap' },
    });
  }
  layers.wards = new VectorLayer({ source: new VectorSource(), style: wardStyle, properties: { key: 'wards' } });
  layers.urban = new VectorLayer({
    source: new VectorSource(),
    style: polygonStyle(OKABE_ITO.orange, [8, 4]),
    properties: { key: 'urban' },
  });
  layers.industrial = new VectorLayer({
    source: new VectorSource(),
    style: polygonStyle(OKABE_ITO.skyBlue, [2, 4]),
    properties: { key: 'industrial' },
  });
  // Parcels come as vector tiles and only at high zoom: a city can have millions of them.
  const tiles = meta.parcelTiles || {};
  layers.parcels = new VectorTileLayer({
    source: new VectorTileSource({
      format: new MVT({ idProperty: 'id' }),
      url: tiles.url || 'tiles/parcels/{z}/{x}/{y}.mvt',
      // 256-pixel tiles, so view zoom z asks for tiles of zoom z: the server has none below its minZoom (14).
      tileSize: 256,
      minZoom: tiles.minZoom ?? 0,
      maxZoom: tiles.maxZoom ?? 18,
    }),
    style: parcelStyle,
    // Half a zoom early: from there the nearest tile zoom is already the server's first one.
    minZoom: (tiles.minZoom ?? 14) - 0.5,
    declutter: false,
    properties: { key: 'parcels' },
  });
  layers.sites = new VectorLayer({ source: new VectorSource(), style: siteStyle, visible: false, properties: { key: 'sites' } });
  layers.schools = new VectorLayer({ source: new VectorSource(), style: schoolStyle, properties: { key: 'schools' } });
  layers.cases = new VectorLayer({ source: new VectorSource(), style: caseStyle, properties: { key: 'cases' } });
  return layers;
}

/** Drawing order, bottom to top. */
export const LAYER_ORDER = ['basemap', 'wards', 'parcels', 'urban', 'industrial', 'sites', 'schools', 'cases'];
