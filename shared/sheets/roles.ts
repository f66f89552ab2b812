/**
 * The roles a sheet's columns can hold, as plain lists with no dependencies, so that the sidebars
 * can import them without the detectors (columns.ts, sheetKinds.ts) that define what each means.
 */

/** A client sheet's roles (columns.ts): the Dashboard, Segments and the client card read through them. */
export const COLUMN_ROLES = ["clientId", "name", "email", "date", "amount", "score", "comment"] as const;
/** The roles a transaction list needs: one purchase per row. */
export const TRANSACTION_ROLES = ["clientId", "date", "amount"] as const;
/** The roles of survey scores kept in a client sheet. */
export const SCORE_ROLES = ["score", "date", "comment"] as const;
/** A sheet of service requests. */
export const REQUEST_ROLES = ["opened", "firstResponse", "resolved"] as const;
/** A sheet of contracts. */
export const CONTRACT_ROLES = ["contractEnd", "renewed"] as const;
/** A client list's stage column (a funnel). */
export const STAGE_ROLES = ["stage"] as const;
/** A transaction list's category column (cross-sell). */
export const CATEGORY_ROLES = ["category"] as const;
