// The one shared state of the page. Modules read it; main.js changes it and asks layers to redraw.
export const state = {
  meta: /** @type {import('./types.js').Meta|null} */ (null),
  level: '',
  year: 0,
  method: 'admin',
  indicator: 'deficit',
  indicatorField: 'deficit_rooms',
  schoolColour: 'load',
  filterSchoolsByLevel: false,
  /** @type {Array<{ lower: number, upper: number, colour: string }>} */
  classes: [],
  // Wards of the current answer with no school of the level in the data (drawn hatched as "no data").
  noDataWards: 0,
  /** @type {{ stamp_id?: string, stampId?: string, dataset?: string, norms_version?: string, normsVersion?: string }|null} */
  stamp: null,
  /** @type {import('ol/Feature.js').default|null} */
  selectedWard: null,
  compliance: new Map(),
  complianceRows: new Map(),
  /** @type {{ user: string, role: string }|null} */
  user: null,
  /** @type {number|null} */
  firstPaintMs: null,
};

/**
 * The dataset's metadata, once /api/meta has answered (main.js asks for it before it builds anything that reads it).
 * @returns {import('./types.js').Meta}
 */
export function loadedMeta() {
  if (!state.meta) throw new Error('/api/meta has not answered yet');
  return state.meta;
}

export const INDICATORS = {
  deficit: { field: 'deficit_rooms', url: 'api/deficit', legend: 'legend.deficit' },
  teachers: { field: 'teacher_shortfall', url: 'api/teachers', legend: 'legend.teachers' },
};
