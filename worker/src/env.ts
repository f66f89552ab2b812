/** Bindings and secrets the Worker reads; see wrangler.toml and .dev.vars. */
export interface Env {
  DB: D1Database;
  /** Secret set by the Worker's owner; spreadsheets enroll (and reconnect to their workspace) with it. */
  ENROLLMENT_KEY?: string;
  /**
   * Secret set by the Worker's owner; signs personal survey links, form nonces and answer tokens,
   * and keys the hash of respondents' IP addresses. Changing it invalidates every link sent.
   */
  LINK_SECRET?: string;
}

/** Per-request values set by middleware. */
export interface Variables {
  workspaceId: string;
  /** The SHA-256 of the request's workspace token (to revoke it). */
  tokenHash: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: Variables;
}
