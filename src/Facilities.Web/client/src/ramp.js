// Colour-blind-safe ramps. Viridis (Smith & van der Walt, matplotlib) for the ward choropleths: perceptually uniform,
// readable in grey and with every common colour-vision deficiency. Light = few rooms short, dark = many. Cividis
// (Nuñez et al. 2018) for school load. Categorical colours follow Okabe & Ito (2008).
import { context2d } from './dom.js';
export const VIRIDIS_5 = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
export const NO_SHORTAGE = '#f2f2f2';
export const UNKNOWN = '#b8b8b8';
// Wards with no school of the level in the data: hatched grey, the same as the CLI's render (MapColors.NoData), so
// missing data never reads as the deepest shortage (docs/map-app.md).
export const NO_DATA = '#bdbdbd';
export const NO_DATA_LINE = '#737373';
export const CIVIDIS_4 = ['#00224e', '#575c6d', '#a59c74', '#fee838'];
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#999999',
};

/**
 * Class breaks for positive values: up to five quantile classes (wards are few and their deficits skewed, so equal
 * widths would put nearly every ward in the lightest class), upper bounds rounded up to whole numbers because rooms
 * and teachers are counted in units. Values ≤ 0 form the "no shortage" class, null the "unknown" class.
 */
export function classify(values) {
  const positive = values.filter((v) => typeof v === 'number' && v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const count = Math.min(5, new Set(positive.map((v) => Math.ceil(v))).size);
  const classes = [];
  let lower = 0;
  for (let i = 1; i <= count; i += 1) {
    const upper = Math.ceil(positive[Math.ceil((i * positive.length) / count) - 1]);
    if (upper > lower) {
      classes.push({ lower, upper, colour: '' });
      lower = upper;
    }
  }
  // Spread the ramp over however many classes there are, so two classes still get light and dark.
  classes.forEach((c, i) => {
    const at = classes.length === 1 ? VIRIDIS_5.length - 1 : Math.round((i * (VIRIDIS_5.length - 1)) / (classes.length - 1));
    c.colour = VIRIDIS_5[at];
  });
  return classes;
}

/** The colour of one value: classes are (lower, upper]. */
export function colourFor(classes, value) {
  if (value === null || value === undefined || Number.isNaN(value)) return UNKNOWN;
  if (value <= 0) return NO_SHORTAGE;
  for (const c of classes) if (value <= c.upper) return c.colour;
  return classes.length ? classes[classes.length - 1].colour : NO_SHORTAGE;
}

/**
 * Whether a result row says its ward has no school of the level in the data (the server's data_status).
 * @param {Partial<import('./types.js').DeficitProperties> & Record<string, any>} props
 */
export function isNoData(props) {
  return props.data_status === 'no_school_data';
}

/**
 * The colour of a ward row: no data first, then its value's class.
 * @param {Array<{ lower: number, upper: number, colour: string }>} classes
 * @param {Partial<import('./types.js').DeficitProperties> & Record<string, any>} props
 * @param {string} field the indicator's column (deficit_rooms, teacher_shortfall)
 */
export function wardColour(classes, props, field) {
  if (isNoData(props)) return NO_DATA;
  const value = props[field];
  return colourFor(classes, typeof value === 'number' ? value : null);
}

/** @type {CanvasPattern|null} */
let pattern = null;
/** The hatch of the no-data fill as a canvas pattern (OpenLayers fills and the PNG export draw with it). */
export function noDataPattern() {
  if (!pattern) {
    const tile = document.createElement('canvas');
    tile.width = 8;
    tile.height = 8;
    const ctx = context2d(tile);
    ctx.fillStyle = NO_DATA;
    ctx.fillRect(0, 0, 8, 8);
    ctx.strokeStyle = NO_DATA_LINE;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    // One diagonal and its two wrapped corners, so the tiles join into continuous 45° lines.
    ctx.moveTo(0, 8);
    ctx.lineTo(8, 0);
    ctx.moveTo(-1, 1);
    ctx.lineTo(1, -1);
    ctx.moveTo(7, 9);
    ctx.lineTo(9, 7);
    ctx.stroke();
    pattern = ctx.createPattern(tile, 'repeat');
  }
  return pattern;
}

/** School load classes (pupils / capacity). */
export function loadClass(load) {
  if (load === null || load === undefined || Number.isNaN(load)) return null;
  if (load < 0.8) return 0;
  if (load <= 1.0) return 1;
  if (load <= 1.2) return 2;
  return 3;
}

export const LOAD_KEYS = ['legend.load.low', 'legend.load.ok', 'legend.load.high', 'legend.load.over'];

export const COMPLIANCE_COLOURS = {
  pass: OKABE_ITO.blue,
  fail: OKABE_ITO.vermillion,
  unknown: OKABE_ITO.grey,
};

/** #rrggbb + alpha → rgba() for OpenLayers fills. */
export function withAlpha(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
