// JSON over fetch. Errors keep the server's bilingual message and the HTTP status, so callers can tell a stale
// version (409) from a refusal (400/403).
export class ApiError extends Error {
  constructor(status, body, url) {
    const err = body && body.error ? body.error : null;
    super(err ? `${err.vi || ''} / ${err.en || ''}` : `HTTP ${status} ${url}`);
    this.status = status;
    // Without the server's bilingual body, errorText() words it from the translation files.
    this.error = err || { code: 'http', status };
  }
}

let pending = 0;
/** @type {Array<(value?: unknown) => void>} */
const idleWaiters = [];

function settle() {
  pending -= 1;
  document.documentElement.dataset.busy = pending > 0 ? '1' : '0';
  if (pending === 0) for (const resolve of idleWaiters.splice(0)) resolve();
}

/** Resolves when no request is in flight (the E2E tests wait on it instead of sleeping). */
export function requestsIdle() {
  return pending === 0
    ? Promise.resolve()
    : new Promise((resolve) => {
        idleWaiters.push(resolve);
      });
}

/**
 * Runs a multi-request action (log in, then load cases and progress) as one busy period, so "idle" is not reported
 * in the gap between its requests.
 */
export async function busy(action) {
  pending += 1;
  document.documentElement.dataset.busy = '1';
  try {
    return await action();
  } finally {
    settle();
  }
}

/**
 * A fetch that answers the parsed JSON (null for an empty body) or throws an ApiError.
 * @param {string} url
 * @param {RequestInit & { json?: unknown }} [options] `json` is sent as the body, by POST unless `method` says otherwise.
 * @returns {Promise<any>}
 */
export async function api(url, options = {}) {
  pending += 1;
  document.documentElement.dataset.busy = '1';
  try {
    /** @type {RequestInit & { json?: unknown }} */
    const init = { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...options };
    if (options.json !== undefined) {
      init.method = init.method || 'POST';
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
      init.body = JSON.stringify(options.json);
      delete init.json;
    }
    const response = await fetch(url, init);
    const text = response.status === 204 ? '' : await response.text();
    let body = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    if (!response.ok) throw new ApiError(response.status, body, url);
    return body;
  } finally {
    settle();
  }
}

/** @param {Record<string, unknown>} params @returns {string} `?a=1&b=2`, or '' when nothing is set. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
