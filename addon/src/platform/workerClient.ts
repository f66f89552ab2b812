import type { z } from "zod";
import { ErrorBody } from "../../../shared/api/common";
import { RapportError } from "../../../shared/errors";
import { workerUrl, workspaceToken } from "./settings";

export type Auth = { kind: "workspace" } | { kind: "enrollment"; key: string } | { kind: "none" };

export interface WorkerRequest<T extends z.ZodType> {
  method: "get" | "post" | "patch" | "delete";
  /** Path under the Worker URL, e.g. "api/v1/health". */
  path: string;
  body?: unknown;
  auth: Auth;
  /** Schema of a successful response; the answer is checked, not trusted. */
  response: T;
}

/** A URL the add-on accepts as a Worker address: http(s), a host, nothing after a path. */
export function isWorkerUrl(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/i.test(url.trim());
}

/**
 * Calls the Worker through UrlFetchApp and returns the response body checked against its schema.
 * Every failure becomes a RapportError a person can act on: unreachable, not allowed by the
 * manifest, not enrolled, token rejected, or the Worker's own error code and message.
 */
export function callWorker<T extends z.ZodType>(request: WorkerRequest<T>): z.infer<T> {
  const base = workerUrl();
  const headers: Record<string, string> = { Accept: "application/json" };
  if (request.auth.kind === "workspace") {
    const token = workspaceToken();
    if (!token) throw new RapportError("worker.notEnrolled");
    headers.Authorization = `Bearer ${token}`;
  } else if (request.auth.kind === "enrollment") {
    headers.Authorization = `Bearer ${request.auth.key}`;
  }
  const url = base + request.path.replace(/^\//, "");
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(url, {
      method: request.method,
      headers,
      muteHttpExceptions: true,
      followRedirects: true,
      ...(request.body === undefined ? {} : { contentType: "application/json", payload: JSON.stringify(request.body) }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/urlFetchWhitelist|permission to access|not allowed/i.test(message)) {
      throw new RapportError("worker.notAllowed", { allowed: __RAPPORT_DEFAULT_WORKER_URL__ });
    }
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
  const { code, message } = error.data.error;
  if (status === 401 && request.auth.kind === "workspace") throw new RapportError("worker.tokenRejected");
  if (status === 401 && request.auth.kind === "enrollment") throw new RapportError("worker.enrollmentKeyRejected");
  if (status === 403 && request.auth.kind === "enrollment") throw new RapportError("worker.enrollmentDisabled");
  if (status === 429) throw new RapportError("worker.rateLimited");
  throw new RapportError("worker.failed", { status, code, message });
}
