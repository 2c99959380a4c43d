// The build programme layer ("Chương trình đầu tư", docs/programme.md): the projects /api/programme chose, coloured
// by start year, and the wards coloured by the pupils still without a place in the slider's year after the
// programme. Every figure is the server's (ProgrammeComputation); the browser only picks a year and colours.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Overlay from 'ol/Overlay.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import { api, busy, query } from './api.js';
import { errorText, formatNumber, language, onLanguageChange, t, tOr } from './i18n.js';
import { classify, colourFor, withAlpha } from './ramp.js';
import { closePopup } from './popup.js';
import { byId, inputById, selectById } from './dom.js';

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
// Start years in a fixed colour-blind-safe order (Okabe–Ito), one per year of a plan of up to eight years.
const YEAR_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'];

// The scenarios the server knows (ProgrammeOptions.KnownScenarios), solved beside the base when ticked.
const SCENARIOS = ['budget-20%', 'budget+20%', 'growth-high', 'growth-low'];

/**
 * One scenario of the answer (ProgrammeEndpoints.Scenarios).
 * @typedef {{ name: string, projects: number, classrooms: number, cost_vnd: number, budget_vnd: number, spend_vnd: number,
 *   pupil_years_before: number, pupil_years_after: number, greedy_pupil_years_after: number, status: string, gap: number|null }} ScenarioRow
 */
/**
 * A unit cost the programme priced its projects with (norms' cost.* keys).
 * @typedef {{ key: string, value: number, unit: string, status: string, source: string }} UnitCost
 */
/**
 * The answer's summary (ProgrammeEndpoints.Summary).
 * @typedef {{ from: number, to: number, solver: string, method: string, status: string, gap: number|null,
 *   equity: { share: number, year: number, kept: boolean }|null, scenarios: ScenarioRow[], unit_costs: UnitCost[],
 *   pupil_years_before: number, pupil_years_after: number, greedy_pupil_years_after: number }} ProgrammeSummary
 */

/** @type {{ answer: import('./types.js').ProgrammeAnswer|null, year: number, classes: Array<{lower:number, upper:number, colour:string}>, after: Map<string, number> }} */
const prog = { answer: null, year: 0, classes: [], after: new Map() };
let wardsLayer;
let projectsLayer;
let overlay;
let popup;
/** @type {{ feature: any, coordinate: number[] }|null} */
let shownProject = null;

/** The colour of a project's start year. @param {number} year */
export function startYearColour(year) {
  const from = prog.answer ? prog.answer.programme.from : year;
  return YEAR_COLOURS[Math.max(0, year - from) % YEAR_COLOURS.length];
}

/** The colour of a ward in the slider's year: its unmet pupils after the programme, on breaks over every year. */
function wardColourOf(feature) {
  const v = prog.after.get(`${feature.get('code')}|${prog.year}`);
  return colourFor(prog.classes, v === undefined ? null : v);
}

function panelHtml() {
  const el = document.createElement('div');
  el.id = 'programme-panel';
  el.className = 'field';
  el.innerHTML = `
    <label class="inline"><input id="programme-toggle" type="checkbox"> <span data-i18n="programme.layer"></span></label>
    <div id="programme-body" hidden>
      <label for="programme-budget"><span data-i18n="programme.budget"></span></label>
      <input id="programme-budget" type="number" min="0" step="10" value="100">
      <label for="programme-method"><span data-i18n="programme.method"></span></label>
      <select id="programme-method">
        <option value="admin" data-i18n="programme.method.admin"></option>
        <option value="catchment" data-i18n="programme.method.catchment"></option>
      </select>
      <label for="programme-equity"><span data-i18n="programme.equity"></span></label>
      <input id="programme-equity" type="number" min="1" max="100" step="1" placeholder="—">
      <fieldset id="programme-scenarios-pick">
        <legend data-i18n="programme.scenarios"></legend>
        ${SCENARIOS.map((name) => `<label class="inline"><input type="checkbox" name="programme-scenario" value="${name}"> <span data-i18n="programme.scenario.${name}"></span></label>`).join('')}
      </fieldset>
      <label for="programme-year"><span data-i18n="programme.year"></span>: <output id="programme-year-output" for="programme-year"></output></label>
      <input id="programme-year" type="range">
      <p id="programme-status" class="hint" aria-live="polite"></p>
      <ul id="programme-legend" class="legend"></ul>
      <table id="programme-scenarios" class="programme-table"></table>
      <table id="programme-costs" class="programme-table"></table>
    </div>`;
  return el;
}

function relabel(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

function renderLegend() {
  const list = byId('programme-legend');
  list.replaceChildren();
  if (!prog.answer) return;
  const { from, to } = prog.answer.programme;
  for (let y = from; y <= to; y += 1) {
    const li = document.createElement('li');
    li.dataset.year = String(y);
    li.innerHTML = `<span class="swatch" style="background:${startYearColour(y)};border-radius:50%"></span> `;
    li.append(t('programme.startYear', { year: y }));
    list.append(li);
  }
  for (const c of prog.classes) {
    const li = document.createElement('li');
    li.innerHTML = `<span class="swatch" style="background:${c.colour}"></span> `;
    li.append(t('programme.unmet', { lower: formatNumber(c.lower, 0), upper: formatNumber(c.upper, 0) }));
    list.append(li);
  }
  const s = prog.answer.programme;
  byId('programme-status').textContent = t('programme.summary', {
    projects: prog.answer.features.length,
    before: formatNumber(s.pupil_years_before, 0),
    after: formatNumber(s.pupil_years_after, 0),
    stamp: prog.answer.stamp.stamp_id,
  });
}

/** A table's header row from i18n keys. @param {string[]} keys */
function headerRow(keys) {
  const tr = document.createElement('tr');
  for (const key of keys) {
    const th = document.createElement('th');
    th.textContent = t(key);
    tr.append(th);
  }
  return tr;
}

/** The scenarios side by side and the unit costs with their status, from the answer's summary. */
function renderTables() {
  const scenarios = byId('programme-scenarios');
  const costs = byId('programme-costs');
  scenarios.replaceChildren();
  costs.replaceChildren();
  if (!prog.answer) return;
  /** @type {ProgrammeSummary} */
  const s = prog.answer.programme;
  scenarios.append(headerRow(['programme.col.scenario', 'programme.col.projects', 'programme.col.cost', 'programme.col.after', 'programme.col.greedy']));
  for (const x of s.scenarios) {
    const tr = document.createElement('tr');
    tr.dataset.scenario = x.name;
    tr.dataset.after = String(x.pupil_years_after);
    tr.dataset.cost = String(x.cost_vnd);
    const cells = [
      tOr(`programme.scenario.${x.name}`, x.name),
      formatNumber(x.projects, 0),
      t('programme.billions', { value: formatNumber(x.cost_vnd / 1e9, 1) }),
      formatNumber(x.pupil_years_after, 0),
      formatNumber(x.greedy_pupil_years_after, 0),
    ];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    scenarios.append(tr);
  }
  if (s.equity) {
    const caption = document.createElement('caption');
    caption.textContent = t(s.equity.kept ? 'programme.equityKept' : 'programme.equityBroken', {
      share: formatNumber(s.equity.share * 100, 0),
      year: s.equity.year,
    });
    scenarios.prepend(caption);
  }
  costs.append(headerRow(['programme.col.unitCost', 'programme.col.value', 'programme.col.status']));
  for (const c of s.unit_costs) {
    const tr = document.createElement('tr');
    tr.dataset.key = c.key;
    tr.title = c.source;
    for (const text of [c.key, `${formatNumber(c.value, 0)} ${c.unit}`, tOr(`programme.status.${c.status}`, c.status)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    costs.append(tr);
  }
}

/** The query parameters the panel's controls ask for. */
function controls() {
  const budget = inputById('programme-budget').value || '0';
  /** @type {HTMLInputElement} */
  const equityInput = inputById('programme-equity');
  const share = Number(equityInput.value);
  const scenarios = [...document.querySelectorAll('input[name=programme-scenario]:checked')].map((el) => /** @type {HTMLInputElement} */ (el).value);
  return {
    budget,
    method: selectById('programme-method').value,
    equity: equityInput.value && share > 0 ? `${share / 100}@2030` : undefined,
    scenarios: scenarios.length > 0 ? scenarios.join(',') : undefined,
  };
}

function setYear(year) {
  prog.year = year;
  byId('programme-year-output').textContent = String(year);
  wardsLayer.changed();
}

async function load() {
  // ?solver=greedy on the page's address asks for the greedy programme (a quick look; the tests use it).
  const solver = new URLSearchParams(window.location.search).get('solver') || undefined;
  byId('programme-status').textContent = t('programme.loading');
  /** @type {import('./types.js').ProgrammeAnswer} */
  const answer = await api(`api/programme${query({ from: 2026, to: 2030, ...controls(), solver })}`);
  prog.answer = answer;
  prog.after = new Map(answer.trajectory.map((r) => [`${r.ward_code}|${r.year}`, r.after]));
  prog.classes = classify(answer.trajectory.map((r) => r.after));
  const projects = projectsLayer.getSource();
  projects.clear(true);
  projects.addFeatures(geojson.readFeatures({ type: 'FeatureCollection', features: answer.features }));
  const slider = inputById('programme-year');
  slider.min = String(answer.programme.from);
  slider.max = String(answer.programme.to);
  slider.value = String(answer.programme.to);
  setYear(answer.programme.to);
  renderLegend();
  renderTables();
}

function row(label, value, field) {
  const tr = document.createElement('tr');
  tr.dataset.field = field;
  const th = document.createElement('th');
  th.textContent = label;
  const td = document.createElement('td');
  td.textContent = value;
  tr.append(th, td);
  return tr;
}

/** Money in the plan list's unit (million VND), Vietnamese grouping. */
function millions(vnd) {
  return t('programme.millions', { value: formatNumber(Math.round(Number(vnd) / 1e6), 0) });
}

function showProject(feature, coordinate) {
  shownProject = { feature, coordinate };
  const p = feature.getProperties();
  const table = document.createElement('table');
  const costRow = row(t('programme.field.cost'), millions(p.cost_vnd), 'cost_vnd');
  costRow.dataset.value = String(p.cost_vnd);
  const byYear = Object.entries(p.cost_by_year || {}).map(([y, v]) => `${y}: ${millions(v)}`).join('; ');
  // The land status is bilingual text from the server ("vi / en", clauses joined by "; "): the page's language's half.
  const land = String(p.land_status || '')
    .split('; ')
    .map((clause) => clause.split(' / ')[language() === 'en' ? 1 : 0] || clause)
    .join('; ');
  table.append(
    row(t('programme.field.kind'), t(`programme.kind.${p.kind}`), 'kind'),
    row(t('programme.field.ward'), p.ward_name, 'ward_name'),
    row(t('programme.field.level'), tOr(`level.${p.level}`, p.level), 'level'),
    row(t('programme.field.classrooms'), formatNumber(p.classrooms, 0), 'classrooms'),
    costRow,
    row(t('programme.field.costByYear'), byYear, 'cost_by_year'),
    row(t('programme.field.years'), `${p.start_year}–${p.finish_year}`, 'years'),
    row(t('programme.field.land'), land + (p.land_overdue ? ` (${t('programme.overdue')})` : ''), 'land_status'),
  );
  popup.querySelector('.programme-popup-title').textContent = p.name;
  popup.querySelector('.programme-popup-body').replaceChildren(table);
  popup.dataset.featureId = p.id;
  popup.hidden = false;
  overlay.setPosition(coordinate);
}

function hideProject() {
  shownProject = null;
  popup.hidden = true;
  overlay.setPosition(undefined);
}

/** Adds the programme's layers, panel and popup to the map (off until its checkbox is ticked). */
export function initProgramme(map) {
  wardsLayer = new VectorLayer({
    source: new VectorSource(),
    visible: false,
    style: (f) => new Style({ fill: new Fill({ color: withAlpha(wardColourOf(f), 0.85) }), stroke: new Stroke({ color: '#ffffff', width: 1.2 }) }),
  });
  wardsLayer.set('key', 'programmeWards');
  projectsLayer = new VectorLayer({
    source: new VectorSource(),
    visible: false,
    style: (f) => new Style({
      image: new Circle({ radius: 8, fill: new Fill({ color: startYearColour(f.get('start_year')) }), stroke: new Stroke({ color: '#1a1a1a', width: 1.5 }) }),
    }),
  });
  projectsLayer.set('key', 'programme');
  map.addLayer(wardsLayer);
  map.addLayer(projectsLayer);

  popup = document.createElement('div');
  popup.id = 'programme-popup';
  popup.className = 'popup';
  popup.hidden = true;
  popup.innerHTML = '<button type="button" class="popup-close" aria-label="×">×</button><p class="popup-kind" data-i18n="programme.project"></p><h2 class="popup-title programme-popup-title"></h2><div class="programme-popup-body"></div>';
  popup.querySelector('.popup-close').addEventListener('click', hideProject);
  overlay = new Overlay({ element: popup, positioning: 'bottom-center', offset: [0, -10] });
  map.addOverlay(overlay);

  const panel = panelHtml();
  byId('export-png').before(panel);
  relabel(panel);
  relabel(popup);
  onLanguageChange(() => {
    relabel(panel);
    relabel(popup);
    renderLegend();
    renderTables();
    if (shownProject) showProject(shownProject.feature, shownProject.coordinate);
  });

  const toggle = inputById('programme-toggle');
  const fail = (err) => {
    byId('programme-status').textContent = err && err.error ? errorText(err.error) : String((err && err.message) || err);
  };
  toggle.addEventListener('change', () => {
    byId('programme-body').hidden = !toggle.checked;
    wardsLayer.setVisible(toggle.checked);
    projectsLayer.setVisible(toggle.checked);
    if (!toggle.checked) hideProject();
    else if (!prog.answer) {
      // One busy period for both requests, so the page's idle() waits for the programme, not just the wards.
      busy(async () => {
        const fc = await api('api/layers/wards');
        wardsLayer.getSource().addFeatures(geojson.readFeatures(fc));
        await load();
      }).catch(fail);
    }
  });
  // Every control re-plans through the server inside one busy period, so the page's idle() waits for the answer.
  const replan = () => busy(() => load()).catch(fail);
  byId('programme-budget').addEventListener('change', replan);
  byId('programme-method').addEventListener('change', replan);
  byId('programme-equity').addEventListener('change', replan);
  for (const box of panel.querySelectorAll('input[name=programme-scenario]')) box.addEventListener('change', replan);
  byId('programme-year').addEventListener('input', (e) => setYear(Number(/** @type {HTMLInputElement} */ (e.target).value)));
  // After the map's own click handler: a project under the pointer wins over the ward or school below it.
  map.on('singleclick', (e) => {
    if (!projectsLayer.getVisible()) return;
    const hit = map.forEachFeatureAtPixel(e.pixel, (f, layer) => (layer === projectsLayer ? f : undefined), { hitTolerance: 3 });
    if (hit) {
      closePopup();
      showProject(hit, hit.getGeometry().getCoordinates());
    } else hideProject();
  });

  window.__facilities = Object.assign(window.__facilities || /** @type {NonNullable<Window['__facilities']>} */ ({}), {
    programme: {
      /** Ward colours of the programme layer in the slider's year, by ward code. */
      wardColours: () => Object.fromEntries(wardsLayer.getSource().getFeatures().map((f) => [f.get('code'), wardColourOf(f)])),
      projects: () => projectsLayer.getSource().getFeatures().map((f) => f.getProperties()),
      /** Page coordinates of a project, for a real mouse click. */
      projectPixel: (id) => {
        const f = projectsLayer.getSource().getFeatures().find((x) => x.get('id') === id);
        const px = map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
        const rect = map.getTargetElement().getBoundingClientRect();
        return { x: rect.left + px[0], y: rect.top + px[1] };
      },
      loaded: () => prog.answer !== null,
      /** The answer's scenarios, base first, as the panel's table shows them. */
      scenarios: () => (prog.answer ? prog.answer.programme.scenarios : []),
    },
  });
}
