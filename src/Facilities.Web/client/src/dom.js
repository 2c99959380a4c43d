// Typed look-ups of the page's own elements. index.html defines every id and class the modules ask for, so a missing
// one is a bug in the page, not a state to carry on from: it throws with the id, instead of every caller checking null.

/**
 * The element with this id.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no element #${id}`);
  return el;
}

/**
 * The input with this id (a text, number, range, checkbox or radio input).
 * @param {string} id
 * @returns {HTMLInputElement}
 */
export const inputById = (id) => /** @type {HTMLInputElement} */ (byId(id));

/**
 * The select with this id.
 * @param {string} id
 * @returns {HTMLSelectElement}
 */
export const selectById = (id) => /** @type {HTMLSelectElement} */ (byId(id));

/**
 * The first element under root matching selector.
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function child(root, selector) {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`no element matches '${selector}' where the page expects one`);
  return /** @type {HTMLElement} */ (el);
}

/**
 * A 2D context of a canvas this page just created. A browser gives none only when it cannot draw at all, where the
 * map could not either; say so instead of failing on a null later.
 * @param {HTMLCanvasElement} canvas
 * @returns {CanvasRenderingContext2D}
 */
export function context2d(canvas) {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gives no 2D canvas');
  return ctx;
}
