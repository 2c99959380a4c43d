// Every label goes through i18n/<lang>.json; the page starts in Vietnamese and the switch swaps the dictionary and
// re-renders whatever subscribed. A missing key shows the key itself, so a gap is visible rather than blank.
import { busy } from './api.js';

const dictionaries = {};
let current = 'vi';
const listeners = [];

export function loadLanguage(lang) {
  // One busy period from the request to the relabelled page, so "idle" means the switch is complete.
  return busy(() => switchTo(lang));
}

async function switchTo(lang) {
  if (!dictionaries[lang]) {
    const response = await fetch(`i18n/${lang}.json`);
    if (!response.ok) throw new Error(`i18n/${lang}.json: HTTP ${response.status}`);
    dictionaries[lang] = await response.json();
  }
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem('facilities.lang', lang);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
  applyToDocument(document);
  for (const listener of listeners) listener(lang);
}

export function savedLanguage() {
  try {
    return localStorage.getItem('facilities.lang') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const language = () => current;

export function t(key, vars) {
  const dict = dictionaries[current] || {};
  let text = Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return text;
}

/** A translation when the key exists, else the fallback (codes the dictionary does not know). */
export function tOr(key, fallback) {
  const dict = dictionaries[current] || {};
  return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : fallback;
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** data-i18n="key" sets the text; data-i18n-attr="aria-label:key;placeholder:key" sets attributes. */
export function applyToDocument(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}

/** Numbers in the page's language (1.234,5 in Vietnamese); null stays "unknown". */
export function formatNumber(value, digits = 2) {
  if (value === null || value === undefined || value === '') return t('popup.unknown');
  if (typeof value !== 'number') return String(value);
  return value.toLocaleString(current === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
}

/** Server errors carry both languages: {"error":{"code","vi","en"}}. */
export function errorText(error) {
  if (error && typeof error === 'object') {
    if (error.code === 'http' && !error.vi) return t('error.http', { status: error.status });
    return error[current] || error.vi || error.en || error.code || '';
  }
  return String(error ?? '');
}
