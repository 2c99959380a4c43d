// Declarations tsc needs to type-check the client's JSDoc (npm run typecheck); esbuild ignores this file.

// CSS imported for its side effect: esbuild writes it to app.css.
declare module '*.css';

interface Window {
  /**
   * The end-to-end tests' hook (testHook.js): main.js sets { ready } first, testHook.js the rest, programme.js adds
   * `programme`, exportPng.js `lastExport`. Read by tests/Facilities.Web.E2E only.
   */
  __facilities?: {
    ready: Promise<void>;
    programme?: Record<string, (...args: any[]) => unknown>;
    lastExport?: unknown;
    [key: string]: unknown;
  };
}
