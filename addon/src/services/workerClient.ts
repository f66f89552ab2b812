import type * as z from "zod/mini";
import { ErrorBody, URL_FETCH_MAX_BYTES } from "../../../shared/api/common";
import { RapportError } from "../../../shared/errors";
import { en, type MessageKey } from "../../../shared/i18n/messages.en";
import { utf8Length } from "../../../shared/utf8";
import { workerUrl, workspaceToken } from "./settings";

export type Auth = { kind: "workspace" } | { kind: "enrollment"; key: string } | { kind: "none" };

export interface WorkerRequest<T extends z.ZodMiniType> {
  method: "get" | "post" | "patch" | "delete";
  /** Path under the Worker URL, e.g. "api/v1/health". */
  path: string;
  /** A JSON body, or with `contentType` a string sent as it is (the analysis routes take CSV). */
  body?: unknown;
  /** Content type of a string `body` sent as is, e.g. "text/csv; charset=utf-8"; JSON when absent. */
  contentType?: string;
  auth: Auth;
  /** Schema of a successful response; the answer is checked, not trusted. */
  response: T;
  /** Another Worker than the saved one (a URL being checked before it is saved), ending in "/". */
  baseUrl?: string;
}

/** A URL the add-on accepts as a Worker address: http(s), a host, nothing after a path. */
export function isWorkerUrl(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/i.test(url.trim());
}

function payload(request: WorkerRequest<z.ZodMiniType>): { contentType?: string; payload?: string } {
  if (request.body === undefined) return {};
  if (request.contentType) return { contentType: request.contentType, payload: String(request.body) };
  return { contentType: "application/json", payload: JSON.stringify(request.body) };
}

/**
 * A Worker error about the data (422, or 400 naming a line of a CSV body) carries the message key
 * and parameters in `details`: rendered here in the user's language instead of the Worker's English.
 */
function translatedDetails(details: unknown): RapportError | null {
  if (!details || typeof details !== "object") return null;
  const { key, params } = details as { key?: unknown; params?: unknown };
  if (typeof key !== "string" || !Object.keys(en).includes(key)) return null;
  const safe: Record<string, string | number> = {};
  if (params && typeof params === "object") {
    for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
      if (typeof value === "string" || typeof value === "number") safe[name] = value;
    }
  }
  return new RapportError(key as MessageKey, safe);
}

/**
 * Calls the Worker through UrlFetchApp and returns the response body checked against its schema.
 * Every failure becomes a RapportError a person can act on: unreachable, not allowed by the
 * manifest, not enrolled, token rejected, or the Worker's own error code and message.
 */
export function callWorker<T extends z.ZodMiniType>(request: WorkerRequest<T>): z.infer<T> {
  const base = request.baseUrl ?? workerUrl();
  const headers: Record<string, string> = { Accept: "application/json" };
  if (request.auth.kind === "workspace") {
    const token = workspaceToken();
    if (!token) throw new RapportError("worker.notEnrolled");
    headers.Authorization = `Bearer ${token}`;
  } else if (request.auth.kind === "enrollment") {
    headers.Authorization = `Bearer ${request.auth.key}`;
  }
  const url = base + request.path.replace(/^\//, "");
  const body = payload(request);
  // UrlFetchApp refuses a body over 50 MB with an exception that names nothing: said up front.
  if (body.payload !== undefined && utf8Length(body.payload) > URL_FETCH_MAX_BYTES) {
    throw new RapportError("worker.requestTooLarge", { mb: Math.round(utf8Length(body.payload) / 1048576) });
  }
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(url, {
      method: request.method,
      headers,
      muteHttpExceptions: true,
      followRedirects: true,
      ...body,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/urlFetchWhitelist|permission to access|not allowed/i.test(message)) {
      throw new RapportError("worker.notAllowed", { allowed: __RAPPORT_DEFAULT_WORKER_URL__ });
    }
    // UrlFetchApp gives up after 60 s with "Timeout: <url>" and has no shorter deadline to set: a
    // Worker that answers nothing is told apart from an address nothing answers at.
    if (/^(?:Exception: )?Timeout\b/i.test(message)) throw new RapportError("worker.timeout", { url: base });
    throw new RapportError("worker.unreachable", { url: base });
  }
  const status = response.getResponseCode();
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.getContentText());
  } catch {
    throw new RapportError("worker.badResponse", { url: base });
  }
  if (status >= 200 && status < 300) {
    const result = request.response.safeParse(parsed);
    if (!result.success) throw new RapportError("worker.badResponse", { url: base });
    return result.data;
  }
  const error = ErrorBody.safeParse(parsed);
  if (!error.success) throw new RapportError("worker.badResponse", { url: base });
  const { code, message, details } = error.data.error;
  if (status === 401 && request.auth.kind === "workspace") throw new RapportError("worker.tokenRejected");
  if (status === 401 && request.auth.kind === "enrollment") throw new RapportError("worker.enrollmentKeyRejected");
  if (status === 403 && request.auth.kind === "enrollment") throw new RapportError("worker.enrollmentDisabled");
  if (status === 429) throw new RapportError("worker.rateLimited");
  const translated = (status === 400 || status === 422) && translatedDetails(details);
  if (translated) throw translated;
  throw new RapportError("worker.failed", { status, code, message });
}
