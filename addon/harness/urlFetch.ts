import { fileURLToPath } from "node:url";
import { createSyncFn } from "synckit";
import type { Realm } from "./realm";

interface WorkerRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  followRedirects: boolean;
  timeoutMs: number;
}
type WorkerResult =
  | { ok: true; status: number; headers: Record<string, string>; body: string; ms: number }
  | { ok: false; message: string; ms: number; timedOut: boolean };

/**
 * How long UrlFetchApp waits for an answer before throwing "Timeout: <url>": about 60 s per call.
 * Its parameters have no timeout to shorten it
 * (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetchurl,-params).
 * Tests of a frozen server pass a shorter one to the harness instead of waiting a minute.
 */
export const URL_FETCH_TIMEOUT_MS = 60_000;

/** UrlFetchApp.fetch's params, the subset the add-on uses. */
interface FetchParams {
  method?: string;
  contentType?: string;
  payload?: string | Record<string, string>;
  headers?: Record<string, string>;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
}

/** A record of each request, for tests (headers are kept; bodies too, so tests can check what was sent). */
export interface FetchLogEntry {
  url: string;
  method: string;
  status: number | null;
  ms: number;
}

const fetchSync = createSyncFn<(request: WorkerRequest) => Promise<WorkerResult>>(
  fileURLToPath(new URL("./fetch-worker.mjs", import.meta.url)),
);

class FakeHttpResponse {
  constructor(
    private readonly status: number,
    private readonly headers: Record<string, string>,
    private readonly body: string,
  ) {}
  getResponseCode(): number {
    return this.status;
  }
  getContentText(): string {
    return this.body;
  }
  getHeaders(): Record<string, string> {
    return { ...this.headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this.headers };
  }
  getBlob() {
    return { getDataAsString: () => this.body, getContentType: () => this.headers["content-type"] ?? null };
  }
}

/**
 * UrlFetchApp doing real, synchronous HTTP (through a worker thread). Like Apps Script it refuses
 * URLs outside the allow-list, throws on 4xx/5xx unless muteHttpExceptions is set, and throws
 * "Address unavailable" style errors when the server cannot be reached.
 */
export function createUrlFetchApp(
  realm: Realm,
  allowedPrefixes: () => readonly string[],
  log: FetchLogEntry[],
  timeoutMs = URL_FETCH_TIMEOUT_MS,
) {
  function fetch(url: string, params: FetchParams = {}): FakeHttpResponse {
    const p = realm.export(params) as FetchParams;
    if (!allowedPrefixes().some((prefix) => url.startsWith(prefix))) {
      throw realm.error(
        `Exception: The script does not have permission to access ${url}: it is not in urlFetchWhitelist of appsscript.json.`,
      );
    }
    const method = (p.method ?? "get").toUpperCase();
    const headers: Record<string, string> = { ...(p.headers ?? {}) };
    let body: string | undefined;
    if (p.payload !== undefined && method !== "GET") {
      if (typeof p.payload === "string") {
        body = p.payload;
        headers["Content-Type"] = p.contentType ?? "application/x-www-form-urlencoded";
      } else {
        body = new URLSearchParams(p.payload).toString();
        headers["Content-Type"] = "application/x-www-form-urlencoded";
      }
    }
    const result = fetchSync({
      url,
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      followRedirects: p.followRedirects ?? true,
      timeoutMs,
    });
    log.push({ url, method, status: result.ok ? result.status : null, ms: result.ms });
    if (!result.ok && result.timedOut) throw realm.error(`Exception: Timeout: ${url}`);
    if (!result.ok) throw realm.error(`Exception: Address unavailable: ${url} (${result.message})`);
    if (result.status >= 400 && !p.muteHttpExceptions) {
      throw realm.error(
        `Exception: Request failed for ${url} returned code ${result.status}. Truncated server response: ${result.body.slice(0, 200)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return new FakeHttpResponse(result.status, result.headers, result.body);
  }
  return {
    fetch,
    fetchAll: (requests: Array<{ url: string } & FetchParams>) =>
      realm.export(requests).map(({ url, ...params }) => fetch(url, params)),
  };
}
