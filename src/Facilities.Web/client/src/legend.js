// The legend mirrors the styles: the choropleth classes, the school size and colour keys, and the area layers.
import { formatNumber, t } from './i18n.js';
import { state, INDICATORS } from './state.js';
import { schoolRadius } from './layers.js';
import { CIVIDIS_4, COMPLIANCE_COLOURS, LOAD_KEYS, NO_DATA, NO_SHORTAGE, OKABE_ITO, UNKNOWN } from './ramp.js';
import { byId } from './dom.js';

function item(colour, label, shape = 'box', size, hatched) {
  const li = document.createElement('li');
  const swatch = document.createElement('span');
  swatch.className = `swatch ${shape}${hatched ? ' no-data' : ''}`;
  swatch.style.background = colour;
  if (size) {
    swatch.style.width = `${size * 2}px`;
    swatch.style.height = `${size * 2}px`;
  }
  swatch.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  text.textContent = label;
  li.append(swatch, text);
  return li;
}

function group(title, items) {
  const section = document.createElement('section');
  const h = document.createElement('h3');
  h.textContent = title;
  const ul = document.createElement('ul');
  ul.append(...items);
  section.append(h, ul);
  return section;
}

/** Legend entries as data, shared by the page and the PNG export. */
export function legendEntries(layers) {
  const groups = [];
  if (layers.wards.getVisible()) {
    /** @type {Array<{ colour: string, label: string, hatched?: boolean, key?: string }>} */
    const entries = state.classes.map((c) => ({
      colour: c.colour,
      label: c.upper - c.lower === 1 ? formatNumber(c.upper) : `${formatNumber(c.lower + 1)}–${formatNumber(c.upper)}`,
    }));
    entries.push({ colour: NO_SHORTAGE, label: t('legend.none') });
    entries.push({ colour: UNKNOWN, label: t('legend.unknown') });
    if (state.noDataWards > 0) {
      entries.push({ colour: NO_DATA, label: t('legend.noData', { count: state.noDataWards }), hatched: true, key: 'no-data' });
    }
    groups.push({ title: t(INDICATORS[state.indicator].legend), entries });
  }
  if (layers.schools.getVisible()) {
    const entries = state.schoolColour === 'compliance'
      ? ['pass', 'fail', 'unknown'].map((k) => ({ colour: COMPLIANCE_COLOURS[k], label: t(`compliance.${k}`), shape: 'dot' }))
      : LOAD_KEYS.map((k, i) => ({ colour: CIVIDIS_4[i], label: t(k), shape: 'dot' }));
    if (state.schoolColour !== 'compliance') entries.push({ colour: UNKNOWN, label: t('legend.unknown'), shape: 'dot' });
    groups.push({ title: t(state.schoolColour === 'compliance' ? 'legend.compliance' : 'legend.load'), entries });
    groups.push({
      title: t('legend.schoolsSize'),
      entries: [5, 20, 40].map((n) => ({ colour: '#ffffff', label: formatNumber(n), shape: 'dot', size: schoolRadius(n) })),
    });
  }
  const areas = [];
  if (layers.urban.getVisible()) areas.push({ colour: OKABE_ITO.orange, label: t('legend.urban') });
  if (layers.industrial.getVisible()) areas.push({ colour: OKABE_ITO.skyBlue, label: t('legend.industrial') });
  if (layers.sites.getVisible()) areas.push({ colour: OKABE_ITO.purple, label: t('legend.sites') });
  if (areas.length) groups.push({ title: '', entries: areas });
  return groups;
}

export function renderLegend(layers) {
  byId('legend-body').replaceChildren(
    ...legendEntries(layers).map((g) => group(g.title, g.entries.map((e) => item(e.colour, e.label, e.shape, e.size, e.hatched)))),
  );
}
