// Entry point of the map app: loads the translations and /api/meta, builds the map, wires the panels.
// Everything comes from the local server; there is no CDN and, unless /api/meta names one, no base map.
import 'ol/ol.css';
import './styles.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { api, query } from './api.js';
import { applyToDocument, errorText, language, loadLanguage, onLanguageChange, savedLanguage, t } from './i18n.js';
import { state, INDICATORS } from './state.js';
import { classify, isNoData } from './ramp.js';
import { createLayers, LAYER_ORDER, schoolKey } from './layers.js';
import { closePopup, createPopup, openPopup, refreshPopup } from './popup.js';
import { renderLegend } from './legend.js';
import { createSearch } from './search.js';
import { exportPng } from './exportPng.js';
import { createControls, renderControlLabels } from './controls.js';
import { initTracker } from './tracker.js';
import { exposeTestHook } from './testHook.js';
import { initProgramme } from './programme.js';
import { byId as $ } from './dom.js';

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const CLICK_PRIORITY = ['cases', 'schools', 'sites', 'parcels', 'industrial', 'urban', 'wards'];

let map;
let layers;
let choroplethRequest = 0;
let sitesKey = '';

function setStatus(text) {
  $('status').textContent = text;
}

function showError(err) {
  const text = err && err.error ? errorText(err.error) : String((err && err.message) || err);
  $('error').textContent = t('app.error', { message: text });
  $('error').hidden = false;
}

async function loadLayer(url, layer, early) {
  const fc = await (early || api(url));
  layer.getSource().clear(true);
  layer.getSource().addFeatures(geojson.readFeatures(fc));
  return fc;
}

function updateStatus() {
  const count = layers.wards.getSource().getFeatures().length;
  const stamp = state.stamp ? ` · ${t('popup.stamp', { stamp: state.stamp.stamp_id || state.stamp.stampId || '' })}` : '';
  const noData = state.noDataWards > 0 ? ` · ${t('status.noData', { count: state.noDataWards })}` : '';
  setStatus(`${t('status.wards', { count })}${noData}${stamp}`);
}

async function loadChoropleth() {
  const request = ++choroplethRequest;
  const indicator = INDICATORS[state.indicator];
  /** @type {{ features: Array<{ properties: import('./types.js').DeficitProperties }>, stamp?: object }} */
  const fc = await api(`${indicator.url}${query({ level: state.level, year: state.year, method: state.method })}`);
  if (request !== choroplethRequest) return; // a later switch already asked for newer figures
  const features = geojson.readFeatures(fc);
  state.indicatorField = indicator.field;
  state.stamp = fc.stamp || null;
  // Wards without school data are "no data": their figures stay in the popup but do not set the class breaks.
  const withData = features.filter((f) => !isNoData(f.getProperties()));
  state.noDataWards = features.length - withData.length;
  state.classes = classify(withData.map((f) => f.get(indicator.field)));
  const source = layers.wards.getSource();
  source.clear(true);
  source.addFeatures(features);
  renderLegend(layers);
  updateStatus();
  // An open ward popup follows the new figures of the same ward.
  refreshPopup((shown) => {
    if (shown.layerKey !== 'wards') return shown.feature;
    const code = shown.feature.get('ward_code') || shown.feature.get('code');
    return features.find((f) => (f.get('ward_code') || f.get('code')) === code) || null;
  });
}

async function loadSites() {
  const key = `${state.level}|${state.year}`;
  if (!layers.sites.getVisible() || sitesKey === key) return;
  sitesKey = key;
  try {
    await loadLayer(`api/sites${query({ level: state.level, year: state.year, top: 50 })}`, layers.sites);
  } catch (err) {
    sitesKey = '';
    showError(err);
  }
}

async function loadCompliance() {
  if (state.compliance.size) return;
  const fc = await api('api/compliance');
  for (const f of fc.features || []) {
    const p = f.properties || {};
    const id = schoolKey(p);
    state.complianceRows.set(id, p);
    // The overall status is Core's (ComplianceRow.Overall), served with the row: the browser decides nothing.
    state.compliance.set(id, p.compliance_status || 'unknown');
  }
}

async function onChoroplethChange(what = {}) {
  try {
    if (what.level) {
      layers.schools.changed();
    }
    await Promise.all([loadChoropleth(), loadSites()]);
  } catch (err) {
    showError(err);
  }
}

async function onSchoolColourChange() {
  try {
    if (state.schoolColour === 'compliance') await loadCompliance();
    layers.schools.changed();
    renderLegend(layers);
    refreshPopup();
  } catch (err) {
    showError(err);
  }
}

function onLayerToggle(key, visible) {
  layers[key].setVisible(visible);
  if (key === 'sites' && visible) loadSites();
  renderLegend(layers);
}

function pickFeature(pixel) {
  const hits = {};
  map.forEachFeatureAtPixel(
    pixel,
    (feature, layer) => {
      const key = layer.get('key');
      if (!hits[key]) hits[key] = feature;
    },
    { hitTolerance: 3 },
  );
  for (const key of CLICK_PRIORITY) if (hits[key]) return { key, feature: hits[key] };
  return null;
}

function showCase(c) {
  const source = layers.cases.getSource();
  source.clear(true);
  const at = fromLonLat([c.lon, c.lat]);
  const marker = new Feature({ geometry: new Point(at), name: c.schoolName, id: c.siteId });
  source.addFeature(marker);
  map.getView().setCenter(at);
  map.getView().setZoom(Math.max(map.getView().getZoom() || 0, 16));
}

function setTab(name) {
  for (const tab of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[role="tab"]'))) {
    const selected = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls') ?? '').hidden = !selected;
  }
  document.body.dataset.tab = name;
  map.updateSize();
}

function wireTabs() {
  const tabs = [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[role="tab"]'))];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => setTab(tab.dataset.tab));
    tab.addEventListener('keydown', (/** @type {KeyboardEvent} */ e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      setTab(next.dataset.tab);
      next.focus();
    });
  });
}

function pageTitle() {
  const levelName = /** @type {HTMLSelectElement} */ ($('level-select')).selectedOptions[0]?.textContent || state.level;
  return `${t(INDICATORS[state.indicator].legend)} · ${levelName} · ${state.year} · ${t(`method.${state.method}`)}`;
}

async function start() {
  let resolveReady;
  const ready = new Promise((resolve) => {
    resolveReady = resolve;
  });
  window.__facilities = { ready };
  // The translations, the meta and the reference layers do not depend on each other: ask for them all at once
  // (first paint is measured: docs/performance.md). Only the choropleth waits for the meta's levels and years.
  const early = {
    schools: api('api/layers/schools'),
    urban: api('api/layers/urban_areas'),
    industrial: api('api/layers/industrial_zones'),
  };
  for (const p of Object.values(early)) p.catch(() => {}); // reported where awaited, not as unhandled
  /** @type {[unknown, import('./types.js').Meta]} */
  const [, meta] = await Promise.all([loadLanguage(savedLanguage()), api('api/meta')]);
  state.meta = meta;
  state.level = meta.defaultLevel && meta.levels.includes(meta.defaultLevel) ? meta.defaultLevel : meta.levels[Math.min(1, meta.levels.length - 1)];
  const years = meta.years && meta.years.length ? meta.years : [meta.baseYear];
  state.year = years.includes(2030) ? 2030 : years[0];
  state.method = (meta.methods || ['admin'])[0];

  layers = createLayers(meta);
  map = new Map({
    target: 'map',
    layers: LAYER_ORDER.filter((k) => layers[k]).map((k) => layers[k]),
    view: new View({ center: [0, 0], zoom: 2, maxZoom: 20 }),
    controls: defaultControls().extend([new ScaleLine()]),
  });
  exposeTestHook({ ready, map, layers });
  if (meta.bbox) map.getView().fit(transformExtent(meta.bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  createPopup(map);

  createControls({ onChoroplethChange, onSchoolColourChange, onLayerToggle, layers });
  createSearch({
    wardSource: layers.wards.getSource(),
    onPick: (feature, coordinate) => {
      map.getView().fit(feature.getGeometry().getExtent(), { padding: [60, 60, 60, 60], maxZoom: 15 });
      openPopup(feature, 'wards', coordinate, true);
    },
  });
  map.on('singleclick', (e) => {
    const hit = pickFeature(e.pixel);
    if (hit) openPopup(hit.feature, hit.key, e.coordinate, false);
    else closePopup();
  });
  map.on('pointermove', (e) => {
    if (!e.dragging) map.getTargetElement().style.cursor = map.hasFeatureAtPixel(e.pixel) ? 'pointer' : '';
  });
  initProgramme(map); // after the map's click handler: a project click closes the ward popup it opened
  $('export-png').addEventListener('click', () => exportPng(map, layers, pageTitle()).catch(showError));
  $('lang-switch').addEventListener('click', () => loadLanguage(language() === 'vi' ? 'en' : 'vi').catch(showError));
  onLanguageChange(() => {
    renderControlLabels();
    renderLegend(layers);
    refreshPopup();
    updateStatus();
    for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) el.textContent = t(el.dataset.i18n);
  });
  wireTabs();
  setTab('map');

  setStatus(t('status.loading'));
  const [schools] = await Promise.all([
    loadLayer('api/layers/schools', layers.schools, early.schools),
    loadLayer('api/layers/urban_areas', layers.urban, early.urban),
    loadLayer('api/layers/industrial_zones', layers.industrial, early.industrial),
    loadChoropleth(),
  ]);
  const schoolLevels = new Set((schools.features || []).map((f) => f.properties && f.properties.level));
  state.filterSchoolsByLevel = meta.levels.some((l) => schoolLevels.has(l));
  layers.schools.changed();
  map.once('rendercomplete', () => {
    state.firstPaintMs = Math.round(performance.now());
    document.documentElement.dataset.ready = '1';
    resolveReady();
  });
  map.render();
  await initTracker({
    showCase: (c) => {
      showCase(c);
    },
    map,
  });
}

start().catch((err) => {
  showError(err);
  // The page stays usable enough to show the error; the tests see it in the DOM, not as an uncaught exception.
  document.documentElement.dataset.ready = 'error';
});
applyToDocument(document);
