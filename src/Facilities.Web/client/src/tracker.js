// The certificate (GCN) tracker: login, cases filtered by commune/step/overdue, a case's detail with its history and
// a transition form (allowed moves and the version the user saw), and progress per commune as an SVG bar chart.
// The server scopes everything to the user's commune; the page only shows what it is given.
import { api, busy, query, ApiError } from './api.js';
import { errorText, formatNumber, language, t, tOr, onLanguageChange } from './i18n.js';
import { state } from './state.js';
import { byId as $, child } from './dom.js';
import { OKABE_ITO } from './ramp.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';

const SESSION_FLAG = 'facilities.session';

// The procedures, their steps and names come from the server (GET /api/procedures: Core owns them); the page keeps
// no list of its own. The certificate's steps fill the step filter, as the case list is the certificate's.
/** @type {import('./types.js').Procedures} */
let procedures = { procedures: [], readyToBuild: [] };
/** @type {import('./types.js').Chain[]} */
let chains = [];
/** @type {VectorLayer<VectorSource>|null} */
let chainLayer = null;

function gcnSteps() {
  const gcn = procedures.procedures.find((p) => p.code === 'gcn');
  return gcn ? gcn.steps : [];
}

// One colour per stage of the chain: the first procedure not done yet, "ready" or "blocked" (Okabe–Ito, colour-blind safe).
const STAGE_COLOURS = {
  land_allocation: OKABE_ITO.orange,
  gcn: OKABE_ITO.skyBlue,
  building_permit: OKABE_ITO.purple,
  ready: OKABE_ITO.green,
  blocked: OKABE_ITO.vermillion,
};
export function stageColour(stage) {
  return STAGE_COLOURS[stage] || OKABE_ITO.grey;
}

export function stageName(stage) {
  if (stage === 'ready' || stage === 'blocked') return t(`stage.${stage}`);
  const p = procedures.procedures.find((x) => x.code === stage);
  return p ? p.name[language()] || p.name.vi : stage;
}

/** A form field of the tracker panel. @param {string} id */
const $field = (id) => /** @type {HTMLInputElement & HTMLSelectElement} */ ($(id));
/** @typedef {import('./types.js').Case} Case */
/** @type {Case[]} */
let cases = [];
let progress = [];
/** @type {import('./types.js').CaseDetail|null} */
let detail = null;
/** @type {import('./types.js').HistoryEntry[]} */
let history = [];
/** @type {import('./types.js').Chain|null} */
let detailChain = null;
/** Set by initTracker: centres the map on a case's site. @type {(c: Case) => void} */
let onShowCase = () => {};
// What the case's status line says, kept as a key or the server's two-language error so that it is written again in
// the other language when the user switches.
/** @type {{ kind: string, key?: string, vars?: () => Record<string, unknown>, error?: any, text?: string }|null} */
let detailStatus = null;

function stepName(step, name) {
  if (name && typeof name === 'object' && name[language()]) return name[language()];
  const served = gcnSteps().find((s) => s.code === step);
  if (served) return served.name[language()] || served.name.vi;
  return tOr(`step.${step}`, step);
}

// Dates as the server sends them (a day "2026-03-30", or an instant already in Vietnam's time, "…T09:00:00+07:00")
// written dd/MM/yyyy and dd/MM/yyyy HH:mm in both languages: only the text is rearranged, never converted to the
// browser's time zone, and deadlines are computed by the server's working-day calendar, not here.
export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[4] === undefined ? `${m[3]}/${m[2]}/${m[1]}` : `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}`;
}

function setFlag(on) {
  try {
    if (on) sessionStorage.setItem(SESSION_FLAG, '1');
    else sessionStorage.removeItem(SESSION_FLAG);
  } catch {
    // No storage: the user logs in again after a reload.
  }
}

function hasFlag() {
  try {
    return sessionStorage.getItem(SESSION_FLAG) === '1';
  } catch {
    return false;
  }
}

function showSession() {
  const user = state.user;
  $('login-form').hidden = !!user;
  $('session').hidden = !user;
  $('tracker-main').hidden = !user;
  if (user) $('session-user').textContent = t('login.as', { user: user.user, role: tOr(`role.${user.role}`, user.role) });
}

async function login(e) {
  e.preventDefault();
  $('login-error').textContent = '';
  try {
    state.user = await api('api/login', { json: { user: $field('login-user').value, password: $field('login-password').value } });
    setFlag(true);
    $field('login-password').value = '';
    showSession();
    await refreshAll();
  } catch (err) {
    $('login-error').textContent = err instanceof ApiError && err.status === 401 ? t('login.failed') : errorText(err.error || err.message);
  }
}

async function logout() {
  try {
    await api('api/logout', { method: 'POST' });
  } finally {
    state.user = null;
    setFlag(false);
    cases = [];
    chains = [];
    detail = null;
    renderChains();
    showSession();
  }
}

function filters() {
  return { commune: $field('filter-commune').value, step: $field('filter-step').value, overdue: $field('filter-overdue').checked ? 'true' : '' };
}

export async function loadCases() {
  cases = await api(`api/cases${query(filters())}`);
  renderCases();
}

async function loadProgress() {
  progress = await api('api/progress');
  renderCommuneOptions();
  renderProgress();
}

async function loadProcedures() {
  procedures = await api('api/procedures');
  renderStepOptions();
}

// Every readable site's chain: its stage and expected ready-to-build date, for the table and the map.
async function loadChains() {
  chains = await api('api/chains');
  renderChains();
  renderCases();
}

async function refreshAll() {
  await loadProcedures();
  await Promise.all([loadProgress(), loadCases(), loadChains()]);
}

function renderChains() {
  const source = chainLayer && chainLayer.getSource();
  if (!source) return;
  source.clear(true);
  for (const c of chains) {
    if (typeof c.lon !== 'number' || typeof c.lat !== 'number') continue;
    const f = new Feature({ geometry: new Point(fromLonLat([c.lon, c.lat])) });
    f.setId(c.siteId);
    f.setProperties({ stage: c.stage, readyToBuild: c.readyToBuild, name: c.schoolName, colour: stageColour(c.stage) });
    source.addFeature(f);
  }
  renderLegend();
}

function renderLegend() {
  const root = $('chain-legend');
  const stages = [...procedures.procedures.map((p) => p.code), 'ready', 'blocked'];
  root.replaceChildren(
    ...stages.map((stage) => {
      const li = document.createElement('li');
      li.dataset.stage = stage;
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = stageColour(stage);
      li.append(swatch, ` ${stageName(stage)}: ${chains.filter((c) => c.stage === stage).length}`);
      return li;
    }),
  );
}

function chainStyle(feature) {
  return new Style({
    image: new Circle({
      radius: 6,
      fill: new Fill({ color: feature.get('colour') }),
      stroke: new Stroke({ color: '#333', width: 1 }),
    }),
  });
}

function renderCommuneOptions() {
  const select = $field('filter-commune');
  const value = select.value;
  const options = [new Option(t('filter.all'), '')];
  for (const p of progress) options.push(new Option(p.communeName || p.communeCode, p.communeCode));
  select.replaceChildren(...options);
  select.value = options.some((o) => o.value === value) ? value : '';
}

function renderStepOptions() {
  const select = $field('filter-step');
  const value = select.value;
  select.replaceChildren(new Option(t('filter.all'), ''), ...gcnSteps().map((s) => new Option(stepName(s.code, s.name), s.code)));
  select.value = value;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function renderCases() {
  const body = child($('cases-table'), 'tbody');
  body.replaceChildren(
    ...cases.map((c) => {
      const tr = document.createElement('tr');
      tr.dataset.siteId = c.siteId;
      tr.dataset.step = c.step;
      tr.dataset.commune = c.communeCode;
      if (c.overdue) tr.classList.add('overdue');
      const chain = chains.find((x) => x.siteId === c.siteId);
      tr.dataset.stage = chain ? chain.stage : '';
      const first = document.createElement('td');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link case-open';
      b.textContent = c.schoolName;
      b.title = t('cases.showOnMap');
      b.addEventListener('click', () => busy(() => selectCase(c.siteId)));
      first.append(b);
      tr.append(
        first,
        cell(c.communeName || c.communeCode),
        cell(stepName(c.step, c.stepName)),
        cell(formatDate(c.dueDate)),
        cell(c.workingDaysUsed === null || c.workingDaysUsed === undefined ? '' : formatNumber(c.workingDaysUsed)),
        cell(c.overdue ? t('yes') : t('no'), c.overdue ? 'flag' : ''),
        cell(chain ? stageName(chain.stage) : ''),
        cell(chain ? formatDate(chain.readyToBuild) : ''),
      );
      return tr;
    }),
  );
  $('cases-count').textContent = cases.length ? t('cases.count', { count: cases.length }) : t('cases.none');
}

async function selectCase(siteId) {
  const c = cases.find((x) => x.siteId === siteId);
  if (c && typeof c.lon === 'number' && typeof c.lat === 'number') onShowCase(c);
  await loadDetail(siteId);
  child($('case-detail'), 'h3').focus();
}

async function loadDetail(siteId) {
  detailStatus = null;
  $('detail-reload').hidden = true;
  [detail, history, detailChain] = await Promise.all([
    api(`api/cases/${encodeURIComponent(siteId)}`),
    api(`api/cases/${encodeURIComponent(siteId)}/history`),
    api(`api/cases/${encodeURIComponent(siteId)}/chain`),
  ]);
  renderDetail();
}

function renderDetail() {
  const section = $('case-detail');
  section.hidden = !detail;
  if (!detail) return;
  section.dataset.siteId = detail.siteId;
  section.dataset.version = String(detail.version);
  section.dataset.step = detail.step;
  child(section, 'h3').textContent = t('detail.heading', { name: detail.schoolName });
  $('detail-summary').textContent = `${detail.communeName || detail.communeCode} · ${stepName(detail.step, detail.stepName)} · ${t('detail.version', { version: detail.version })}`;
  renderDue();
  renderDetailChain();
  renderStatus();
  const rows = history.map((h) => {
    const tr = document.createElement('tr');
    tr.dataset.sequence = String(h.sequence);
    tr.dataset.to = h.to;
    tr.append(cell(formatDate(h.at)), cell(h.user), cell(h.from ? stepName(h.from) : ''), cell(stepName(h.to)), cell(h.note || ''));
    return tr;
  });
  child($('history-table'), 'tbody').replaceChildren(...rows);
  $('history-empty').hidden = rows.length > 0;
  const moves = detail.allowedMoves || [];
  const canWrite = moves.length > 0 && !!state.user && state.user.role !== 'viewer';
  $('transition-form').hidden = !canWrite;
  $('no-moves').hidden = canWrite;
  $field('transition-to').replaceChildren(...moves.map((m) => new Option(stepName(m.step, m.name), m.step)));
}

// The deadline as the server computed it: due date, working days left (or overdue by), received, last change.
function renderDue() {
  if (!detail) return;
  const due = $('detail-due');
  due.dataset.dueDate = detail.dueDate || '';
  due.dataset.daysLeft = detail.workingDaysLeft === null || detail.workingDaysLeft === undefined ? '' : String(detail.workingDaysLeft);
  const parts = [];
  if (detail.receivedAt) parts.push(t('detail.received', { at: formatDate(detail.receivedAt) }));
  if (detail.dueDate) parts.push(t('detail.due', { date: formatDate(detail.dueDate) }));
  const left = detail.workingDaysLeft;
  if (typeof left === 'number') {
    parts.push(left >= 0 ? t('detail.daysLeft', { days: formatNumber(left, 0) }) : t('detail.daysOverdue', { days: formatNumber(-left, 0) }));
  } else if (detail.clock === 'paused') {
    parts.push(t('detail.paused'));
  } else if (!detail.receivedOn) {
    parts.push(t('detail.notReceived'));
  }
  if (detail.lastChangeAt) parts.push(t('detail.lastChange', { at: formatDate(detail.lastChangeAt) }));
  due.textContent = parts.join(' · ');
  due.classList.toggle('error', !!detail.overdue);
}

// The site's whole path: each procedure's step, office and expected end, the critical path and the ready-to-build date.
function renderDetailChain() {
  const root = $('detail-chain');
  if (!detailChain) {
    root.replaceChildren();
    return;
  }
  const lang = language();
  const items = detailChain.procedures.map((p) => {
    const li = document.createElement('li');
    li.dataset.procedure = p.procedure;
    li.dataset.step = p.step;
    if (p.critical) li.classList.add('critical');
    const office = p.office ? ` · ${p.office[lang] || p.office.vi}` : '';
    const end = p.expectedFinish ? ` · ${t('chain.expectedEnd', { date: formatDate(p.expectedFinish) })}` : '';
    li.textContent = `${p.name[lang] || p.name.vi}: ${p.stepName[lang] || p.stepName.vi}${office}${end}${p.critical ? ' ★' : ''}`;
    return li;
  });
  const ready = document.createElement('li');
  ready.className = 'ready';
  ready.dataset.readyToBuild = detailChain.readyToBuild || '';
  ready.textContent = t('chain.readyToBuild', { date: detailChain.readyToBuild ? formatDate(detailChain.readyToBuild) : t('chain.unknown') });
  root.replaceChildren(...items, ready);
}

function setStatus(next) {
  detailStatus = next;
  renderStatus();
}

function renderStatus() {
  const status = $('detail-status');
  const s = detailStatus;
  status.textContent = !s ? '' : s.error ? errorText(s.error) : s.key ? t(s.key, s.vars && s.vars()) : s.text;
  status.className = s ? s.kind : '';
  status.dataset.kind = s ? s.kind : '';
}

async function transition(e) {
  e.preventDefault();
  if (!detail) return;
  const to = $field('transition-to').value;
  setStatus(null);
  try {
    await api(`api/cases/${encodeURIComponent(detail.siteId)}/transitions`, {
      json: { to, version: detail.version, note: $field('transition-note').value },
    });
    $field('transition-note').value = '';
    await loadDetail(detail.siteId);
    setStatus({ kind: 'ok', key: 'detail.done', vars: () => ({ step: stepName(to) }) });
    await refreshAll();
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      setStatus({ kind: 'error', key: 'detail.conflict' });
      $('detail-reload').hidden = false;
    } else if (err instanceof ApiError) {
      setStatus({ kind: 'error', error: err.error });
    } else {
      setStatus({ kind: 'error', text: String(err.message || err) });
    }
  }
}

function renderProgress() {
  const root = $('progress-chart');
  const ns = 'http://www.w3.org/2000/svg';
  const rowHeight = 26;
  const labelWidth = 150;
  const barWidth = 260;
  const height = progress.length * rowHeight + 30;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${labelWidth + barWidth + 60} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('progress.chart'));
  const max = Math.max(1, ...progress.map((p) => p.sites || 0));
  const el = (name, attrs, text) => {
    const node = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  progress.forEach((p, i) => {
    const y = i * rowHeight + 4;
    const g = el('g', { 'data-commune': p.communeCode });
    g.append(el('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 12 }, p.communeName || p.communeCode));
    const open = gcnSteps().filter((st) => st.clock !== 'stopped').map((st) => st.code);
    const inProgress = open.reduce((s, k) => s + ((p.byStep && p.byStep[k]) || 0), 0);
    const parts = [
      ['progress.withCertificate', p.withCertificate || 0, OKABE_ITO.blue],
      ['progress.inProgress', inProgress, OKABE_ITO.orange],
      ['progress.notStarted', typeof p.notStarted === 'number' ? p.notStarted : Math.max(0, (p.sites || 0) - (p.withCertificate || 0) - inProgress), '#d9d9d9'],
    ];
    let x = labelWidth;
    for (const [key, n, colour] of parts) {
      const w = (barWidth * n) / max;
      if (w > 0) {
        const rect = el('rect', { x, y, width: w, height: rowHeight - 8, fill: colour, 'data-part': key });
        rect.append(el('title', {}, `${t(key)}: ${n}`));
        g.append(rect);
      }
      x += w;
    }
    const overdue = p.overdue ? ` · ${t('progress.overdue')} ${p.overdue}` : '';
    g.append(el('text', { x: x + 4, y: y + 15, 'font-size': 11 }, `${p.withCertificate || 0}/${p.sites || 0}${overdue}`));
    svg.append(g);
  });
  const ly = progress.length * rowHeight + 12;
  [['progress.withCertificate', OKABE_ITO.blue], ['progress.inProgress', OKABE_ITO.orange], ['progress.notStarted', '#d9d9d9']].forEach(([key, colour], i) => {
    const x = labelWidth + i * 100 - 140;
    svg.append(el('rect', { x: Math.max(0, x), y: ly, width: 10, height: 10, fill: colour }));
    svg.append(el('text', { x: Math.max(0, x) + 14, y: ly + 9, 'font-size': 10 }, t(key)));
  });
  root.replaceChildren(svg);
}

export async function initTracker({ showCase, map }) {
  onShowCase = showCase;
  if (map) {
    chainLayer = new VectorLayer({ source: new VectorSource(), style: chainStyle, zIndex: 50, properties: { key: 'chains' } });
    map.addLayer(chainLayer);
  }
  renderStepOptions();
  $('login-form').addEventListener('submit', (e) => busy(() => login(e)));
  $('logout').addEventListener('click', () => busy(logout));
  $('case-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    busy(loadCases);
  });
  $('transition-form').addEventListener('submit', (e) => busy(() => transition(e)));
  $('detail-reload').addEventListener('click', () => {
    const shown = detail;
    if (shown) busy(() => loadDetail(shown.siteId));
  });
  $('detail-close').addEventListener('click', () => {
    detail = null;
    renderDetail();
  });
  onLanguageChange(() => {
    renderStepOptions();
    renderCommuneOptions();
    showSession();
    renderCases();
    renderDetail();
    renderProgress();
    renderLegend();
  });
  showSession();
  // Only ask who is logged in when this tab logged in before: an anonymous GET /api/me is a 401, which the browser
  // reports on the console.
  if (hasFlag()) {
    await busy(restoreSession);
  }
}

async function restoreSession() {
  try {
    state.user = await api('api/me');
    showSession();
    await refreshAll();
  } catch {
    state.user = null;
    setFlag(false);
    showSession();
  }
}
