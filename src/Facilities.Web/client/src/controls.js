// The map panel's controls: level, year slider, method, indicator, school colour, and the layer switcher.
// Option texts come from the translation files and are rebuilt on a language switch.
import { t, tOr } from './i18n.js';
import { state, loadedMeta } from './state.js';
import { byId as $, inputById, selectById as $select } from './dom.js';


/**
 * @param {HTMLSelectElement} select
 * @param {string[]} values
 * @param {(value: string) => string} labelOf
 */
function fillSelect(select, values, labelOf) {
  const value = select.value;
  select.replaceChildren(...values.map((v) => new Option(labelOf(v), v)));
  if (values.includes(value)) select.value = value;
}

export function renderControlLabels() {
  const meta = loadedMeta();
  fillSelect($select('level-select'), meta.levels, (l) => tOr(`level.${l}`, l));
  $select('level-select').value = state.level;
  fillSelect($select('indicator-select'), ['deficit', 'teachers'], (k) => t(`indicator.${k}`));
  $select('indicator-select').value = state.indicator;
  fillSelect($select('school-colour-select'), ['load', 'compliance'], (k) => t(`schoolColour.${k}`));
  $select('school-colour-select').value = state.schoolColour;
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name="method"]'))) {
    /** @type {Element} */ (input.nextElementSibling).textContent = t(`method.${input.value}`);
  }
}

export function createControls({ onChoroplethChange, onSchoolColourChange, onLayerToggle, layers }) {
  const meta = loadedMeta();
  const methods = $('method-group');
  methods.replaceChildren(
    ...(meta.methods || ['admin']).map((m) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'method';
      input.value = m;
      input.id = `method-${m}`;
      input.checked = m === state.method;
      input.addEventListener('change', () => {
        if (input.checked) {
          state.method = m;
          onChoroplethChange();
        }
      });
      const span = document.createElement('span');
      label.append(input, span);
      return label;
    }),
  );
  renderControlLabels();

  $select('level-select').addEventListener('change', (e) => {
    state.level = /** @type {HTMLSelectElement} */ (e.target).value;
    onChoroplethChange({ level: true });
  });
  $select('indicator-select').addEventListener('change', (e) => {
    state.indicator = /** @type {HTMLSelectElement} */ (e.target).value;
    onChoroplethChange();
  });
  $select('school-colour-select').addEventListener('change', (e) => {
    state.schoolColour = /** @type {HTMLSelectElement} */ (e.target).value;
    onSchoolColourChange();
  });

  const years = meta.years && meta.years.length ? meta.years : [meta.baseYear];
  const slider = inputById('year-slider');
  slider.min = String(Math.min(...years));
  slider.max = String(Math.max(...years));
  slider.step = '1';
  slider.value = String(state.year);
  $('year-output').textContent = String(state.year);
  // The label follows while dragging; the data reloads when the thumb is released (or on each arrow key).
  slider.addEventListener('input', () => {
    $('year-output').textContent = slider.value;
  });
  slider.addEventListener('change', () => {
    state.year = Number(slider.value);
    onChoroplethChange();
  });

  const list = $('layer-list');
  const keys = ['basemap', 'wards', 'schools', 'urban', 'industrial', 'parcels', 'sites'].filter((k) => layers[k]);
  list.replaceChildren(
    ...keys.map((key) => {
      const li = document.createElement('li');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.id = `layer-${key}`;
      input.checked = layers[key].getVisible();
      input.addEventListener('change', () => onLayerToggle(key, input.checked));
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.dataset.i18n = `layer.${key}`;
      label.textContent = t(`layer.${key}`);
      li.append(input, label);
      return li;
    }),
  );
}
