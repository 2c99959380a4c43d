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
  stamp: null,
  selectedWard: null,
  compliance: new Map(),
  complianceRows: new Map(),
  user: null,
  firstPaintMs: null,
};

export const INDICATORS = {
  deficit: { field: 'deficit_rooms', url: 'api/deficit', legend: 'legend.deficit' },
  teachers: { field: 'teacher_shortfall', url: 'api/teachers', legend: 'legend.teachers' },
};
