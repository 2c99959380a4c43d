// JSDoc types of the server's answers that the client reads (type-checked by `npm run typecheck`; no code here).
// Only the fields the client uses are listed; the server's endpoints are the reference (src/Facilities.Web/Endpoints).

/**
 * A text in both languages, as the server words names and errors.
 * @typedef {{ vi: string, en?: string }} Bilingual
 */

/**
 * GET /api/meta (MetaEndpoints): the dataset, the levels, years and methods the controls offer, and where the map
 * starts. bbox is [minLon, minLat, maxLon, maxLat] (null for a dataset with no ward geometry).
 * @typedef {object} Meta
 * @property {string} dataset
 * @property {string|null} [title]
 * @property {string} datasetSha256
 * @property {string} normsVersion
 * @property {string} toolVersion
 * @property {string[]} levels
 * @property {string} [defaultLevel]
 * @property {number} baseYear
 * @property {number[]} years
 * @property {string[]} [methods]
 * @property {number[]|null} bbox
 * @property {string[]} layers
 * @property {{ url: string, layer: string, minZoom: number, maxZoom: number }} [parcelTiles]
 * @property {string} tracker
 * @property {string|null} [basemapUrl]
 */

/**
 * Properties of a ward feature of /api/deficit (DeficitColumns). A count is null where the ward has no data
 * ("no data", never zero); data_status says why.
 * @typedef {object} DeficitProperties
 * @property {string} ward_code
 * @property {string} ward_name
 * @property {number} year
 * @property {number|null} pupils
 * @property {number|null} rooms_needed
 * @property {number|null} rooms_available
 * @property {number|null} deficit_rooms
 * @property {number|null} [schools]
 * @property {string} [data_status]
 */

/**
 * A GCN case of GET /api/cases (one school site's land-certificate file).
 * @typedef {object} Case
 * @property {string} siteId
 * @property {string} schoolName
 * @property {string} communeCode
 * @property {string} [communeName]
 * @property {string} step
 * @property {Bilingual} [stepName]
 * @property {string|null} [dueDate]
 * @property {number|null} [workingDaysUsed]
 * @property {boolean} [overdue]
 * @property {number} [lon]
 * @property {number} [lat]
 */

/**
 * GET /api/cases/{siteId}: a case with its version (for optimistic concurrency) and the moves the user may make.
 * @typedef {Case & { version: number, allowedMoves?: Array<{ step: string, name: Bilingual }> } & Record<string, any>} CaseDetail
 */

/**
 * One row of a case's GET /api/cases/{siteId}/history.
 * @typedef {{ sequence: number, at: string, user: string, from: string|null, to: string, note: string|null }} HistoryEntry
 */

/**
 * GET /api/programme (ProgrammeEndpoints): the chosen projects as GeoJSON features, each ward's unmet pupils per year
 * before and after the programme, and the summary.
 * @typedef {object} ProgrammeAnswer
 * @property {import('./programme.js').ProgrammeSummary} programme
 * @property {Array<{ ward_code: string, year: number, before: number, after: number }>} trajectory
 * @property {object[]} features
 * @property {{ stamp_id: string } & Record<string, unknown>} stamp the run's inputs hash, norms version and options (GeoJson.Stamp)
 */

/**
 * A procedure of GET /api/procedures (Core/Tracker/Procedures): its code, name and steps in order.
 * @typedef {{ code: string, name: Bilingual, steps: Array<{ code: string, name: Bilingual, clock?: string }> } & Record<string, any>} Procedure
 */

/**
 * GET /api/procedures: the procedures and how a site becomes ready to build.
 * @typedef {{ procedures: Procedure[], readyToBuild: unknown[] }} Procedures
 */

/**
 * One site's chain of procedures (GET /api/chains lists them; GET /api/cases/{siteId}/chain gives one).
 * @typedef {object} Chain
 * @property {string} siteId
 * @property {string} [schoolName]
 * @property {string} stage the first procedure not done yet, "ready" or "blocked"
 * @property {string|null} [readyToBuild] expected ready-to-build date (yyyy-MM-dd)
 * @property {number} [lon]
 * @property {number} [lat]
 * @property {Array<{ procedure: string, step: string, critical?: boolean, office?: Bilingual|null, expectedFinish?: string|null, name: Bilingual, stepName: Bilingual }>} procedures
 */

export {};
