// Click popups. Each figure is a row with data-field and data-value (the raw number from the API), so what a planner
// reads is what the tests compare with the CLI's CSV. Escape or the close button shuts it.
import Overlay from 'ol/Overlay.js';
import { formatNumber, t, tOr } from './i18n.js';
import { state } from './state.js';
import { isNoData } from './ramp.js';
import { schoolKey, schoolLoad } from './layers.js';
import { byId, child } from './dom.js';

const WARD_FIELDS = {
  deficit: [
    'pupils', 'classes_needed', 'rooms_needed', 'rooms_available', 'deficit_rooms', 'school_age_residents',
    'resident_pupils', 'urban_area_pupils', 'industrial_zone_pupils', 'schools', 'subject_rooms_required',
    'subject_rooms_available', 'subject_rooms_deficit', 'allocated_pupils', 'unserved_pupils', 'beyond_reach_pupils',
    'accessibility',
  ],
  teachers: [
    'classes', 'teachers_per_class', 'teachers_needed', 'teachers_available', 'teacher_shortfall',
    'schools_unknown_teachers', 'english_shortfall', 'it_shortfall',
  ],
};
const SITE_FIELDS = [
  'rank', 'score', 'score_rooms_short', 'score_unserved_pupils', 'score_school_distance', 'score_land_status',
  'score_area_margin', 'area_m2', 'land_use', 'merged',
];
const COMPLIANCE_CHECKS = ['site_area', 'classrooms', 'subject_rooms', 'sports_ground', 'toilets'];
// Counts of people the models make fractional: shown whole ("2.078", not "2.077,76"); data-value keeps the exact figure.
const PEOPLE_FIELDS = new Set([
  'pupils', 'school_age_residents', 'resident_pupils', 'urban_area_pupils', 'industrial_zone_pupils', 'allocated_pupils',
  'unserved_pupils', 'beyond_reach_pupils', 'pupils_taught', 'plannedPopulation', 'workers',
  'teachers_needed', 'teachers_available', 'teacher_shortfall', 'english_shortfall', 'it_shortfall',
]);

let overlay;
/** @type {HTMLElement|undefined} */
let container;
/** @type {HTMLElement|null} */
let lastFocus = null;
/** @type {{ feature: any, layerKey: string, coordinate: number[] }|null} */
let shown = null;

export function createPopup(map) {
  container = byId('popup');
  overlay = new Overlay({ element: container, autoPan: { animation: { duration: 150 } }, positioning: 'bottom-center', offset: [0, -10] });
  map.addOverlay(overlay);
  child(container, '.popup-close').addEventListener('click', closePopup);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && container && !container.hidden) closePopup();
  });
  return overlay;
}

export function closePopup() {
  if (!container || container.hidden) return;
  container.hidden = true;
  shown = null;
  overlay.setPosition(undefined);
  if (state.selectedWard) {
    const ward = state.selectedWard;
    state.selectedWard = null;
    ward.changed();
  }
  if (lastFocus && document.body.contains(lastFocus)) lastFocus.focus();
  lastFocus = null;
}

function row(field, value, labelKey) {
  const tr = document.createElement('tr');
  tr.dataset.field = field;
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = t(labelKey || `field.${field}`);
  const td = document.createElement('td');
  td.dataset.value = value === null || value === undefined ? '' : String(value);
  td.textContent = typeof value === 'number' || value === null || value === undefined
    ? formatNumber(value, PEOPLE_FIELDS.has(field) ? 0 : 2) : String(value);
  tr.append(th, td);
  return tr;
}

/** @param {HTMLTableRowElement[]} rows */
function table(rows) {
  const tbl = document.createElement('table');
  tbl.className = 'figures';
  const body = document.createElement('tbody');
  body.append(...rows);
  tbl.append(body);
  return tbl;
}

function pick(props, ...keys) {
  for (const k of keys) if (props[k] !== undefined) return props[k];
  return undefined;
}

function wardContent(props) {
  const kind = pick(props, 'unit_type', 'kind');
  const rows = [row('ward_code', pick(props, 'ward_code', 'code'))];
  if (kind) rows.push(row('unit_type', tOr(`unit_type.${kind}`, kind)));
  rows.push(row('level', tOr(`level.${state.level}`, state.level)));
  // First the data status: a ward without school data says "không có dữ liệu" before any figure that looks like a shortage.
  if (props.data_status) {
    const status = row('data_status', tOr(`data_status.${props.data_status}`, props.data_status));
    child(status, 'td').dataset.value = props.data_status;
    if (isNoData(props)) status.className = 'no-data';
    rows.push(status);
  }
  if ('schools_in_data' in props) rows.push(row('schools_in_data', props.schools_in_data));
  for (const f of WARD_FIELDS[state.indicator]) if (f in props) rows.push(row(f, props[f]));
  return { title: pick(props, 'ward_name', 'name'), kind: 'ward', body: [table(rows)] };
}

function schoolContent(props) {
  const rows = [
    row('level', tOr(`level.${props.level}`, props.level)),
    row('classrooms', props.classrooms),
    row('classes', props.classes),
    row('pupils', props.pupils),
  ];
  const load = schoolLoad(props);
  // load_ratio is enrolled pupils ÷ capacity everywhere (the catchment model's share is allocated_ratio, not shown here).
  rows.push(row('load_ratio', typeof load === 'number' ? `${formatNumber(load * 100, 0)} %` : null));
  const compliance = state.complianceRows.get(schoolKey(props));
  if (compliance) {
    // The overall status comes decided from the server (Core's ComplianceRow.Overall); the popup only shows it.
    const overall = compliance.compliance_status;
    if (overall !== undefined) {
      const status = row('compliance_status', tOr(`compliance.${overall}`, overall), 'field.compliance');
      child(status, 'td').dataset.value = overall;
      rows.push(status);
    }
    for (const c of COMPLIANCE_CHECKS) {
      if (compliance[c] !== undefined) rows.push(row(c, tOr(`compliance.${compliance[c]}`, compliance[c])));
    }
  }
  return { title: props.name, kind: 'school', body: [table(rows)] };
}

function siteContent(props) {
  const rows = SITE_FIELDS.filter((f) => props[f] !== undefined).map((f) =>
    f === 'merged' ? row(f, tOr(String(props[f]), props[f])) : row(f, props[f]));
  /** @type {HTMLElement[]} */
  const body = [table(rows)];
  // The score is the sum of its parts: a small bar per criterion shows why a site ranks where it does.
  const parts = SITE_FIELDS.filter((f) => f.startsWith('score_') && typeof props[f] === 'number');
  const total = parts.reduce((s, f) => s + props[f], 0);
  if (total > 0) {
    const bars = document.createElement('div');
    bars.className = 'score-bar';
    bars.setAttribute('role', 'img');
    bars.setAttribute('aria-label', parts.map((f) => `${t(`field.${f}`)}: ${formatNumber(props[f])}`).join('; '));
    parts.forEach((f, i) => {
      const span = document.createElement('span');
      span.style.width = `${(100 * props[f]) / total}%`;
      span.className = `part part-${i}`;
      span.title = `${t(`field.${f}`)}: ${formatNumber(props[f])}`;
      bars.append(span);
    });
    body.push(bars);
  }
  return { title: `${t('popup.site')} ${pick(props, 'site_id', 'id') ?? ''}`, kind: 'site', body };
}

function areaContent(props, kind) {
  const fields = kind === 'urban'
    ? [['plannedPopulation', pick(props, 'plannedPopulation', 'planned_population')], ['reservedSchoolLandM2', pick(props, 'reservedSchoolLandM2', 'reserved_school_land_m2')]]
    : [['workers', props.workers]];
  const rows = fields.filter(([, v]) => v !== undefined).map(([f, v]) => row(f, v));
  return { title: props.name, kind, body: [table(rows)] };
}

function parcelContent(props) {
  const rows = [row('land_use', props.land_use), row('area_m2', props.area_m2)];
  return { title: `${t('popup.parcel')} ${props.id ?? ''}`, kind: 'parcel', body: [table(rows)] };
}

/** Opens the popup for a feature of the given layer key at a map coordinate. */
export function openPopup(feature, layerKey, coordinate, focus) {
  const props = feature.getProperties();
  let content;
  if (layerKey === 'wards') content = wardContent(props);
  else if (layerKey === 'schools') content = schoolContent(props);
  else if (layerKey === 'sites') content = siteContent(props);
  else if (layerKey === 'urban' || layerKey === 'industrial') content = areaContent(props, layerKey);
  else if (layerKey === 'parcels') content = parcelContent(props);
  else return;
  if (!container) throw new Error('openPopup before createPopup');

  const previous = state.selectedWard;
  state.selectedWard = layerKey === 'wards' ? feature : null;
  if (previous && previous !== state.selectedWard) previous.changed();
  if (state.selectedWard) feature.changed();

  container.dataset.kind = content.kind;
  const idKeys = { ward: ['ward_code', 'code'], site: ['site_id', 'id'], school: ['id', 'school_id'] }[content.kind] || ['id'];
  container.dataset.featureId = String(pick(props, ...idKeys) ?? '');
  child(container, '.popup-kind').textContent = t(`popup.${content.kind}`);
  child(container, '.popup-title').textContent = content.title ?? '';
  const body = child(container, '.popup-body');
  body.replaceChildren(...content.body);
  container.hidden = false;
  shown = { feature, layerKey, coordinate };
  overlay.setPosition(coordinate);
  if (focus) {
    lastFocus = /** @type {HTMLElement|null} */ (document.activeElement);
    child(container, '.popup-close').focus();
  }
}

export function popupFeatureKind() {
  return container && !container.hidden ? container.dataset.kind : null;
}

/** Redraws an open popup (after a language switch, or when the ward's figures were reloaded). */
export function refreshPopup(replacement) {
  if (!shown) return;
  const feature = replacement ? replacement(shown) : shown.feature;
  if (!feature) closePopup();
  else openPopup(feature, shown.layerKey, shown.coordinate, false);
}
