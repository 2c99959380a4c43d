// Ward search that ignores diacritics. Results are buttons, so Tab/Enter work; Enter in the box takes the first.
import { getCenter } from 'ol/extent.js';
import { t } from './i18n.js';
import { searchByName } from './text.js';
import { byId, inputById } from './dom.js';

export function createSearch({ wardSource, onPick }) {
  const input = inputById('search-input');
  const list = byId('search-results');
  const status = byId('search-status');
  let hits = [];

  function render() {
    const q = input.value;
    hits = q.trim() ? searchByName(wardSource.getFeatures(), q, (f) => f.get('ward_name') || f.get('name'), (f) => f.get('ward_code') || f.get('code')) : [];
    list.replaceChildren(
      ...hits.slice(0, 10).map((f) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = f.get('ward_name') || f.get('name');
        b.addEventListener('click', () => pick(f));
        li.append(b);
        return li;
      }),
    );
    status.textContent = q.trim() ? (hits.length ? t('search.results', { count: hits.length }) : t('search.none')) : '';
  }

  function pick(feature) {
    onPick(feature, interiorPoint(feature.getGeometry()));
  }

  input.addEventListener('input', render);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      render();
      if (hits.length) pick(hits[0]);
    }
  });
  return { render };
}

/** A point inside the ward (of its largest part), where its popup opens. */
export function interiorPoint(geometry) {
  const type = geometry.getType();
  if (type === 'Polygon') return geometry.getInteriorPoint().getCoordinates().slice(0, 2);
  if (type === 'MultiPolygon') {
    /** @type {import('ol/geom/Polygon.js').default|null} */
    let best = null;
    for (const polygon of geometry.getPolygons()) if (!best || polygon.getArea() > best.getArea()) best = polygon;
    if (best) return best.getInteriorPoint().getCoordinates().slice(0, 2);
  }
  return getCenter(geometry.getExtent());
}
