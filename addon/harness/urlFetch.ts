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

/*
 * UrlFetchApp's documented limits (developers.google.com/apps-script/guides/services/quotas):
 * 50 MB per request body and per response, URLs up to 2 KB, 20,000 calls a day for a consumer
 * account. The allow-list (developers.google.com/apps-script/manifest/allowlist-url): https
 * prefixes with a full domain and a non-empty path; a URL matches a prefix it equals or is a
 * child of (https://example.com/foo matches /foo, /foo/, /foo/bar and /foo?bar, not /foobar).
 */
export const URL_FETCH_MAX_BYTES = 50 * 1024 * 1024;
export const URL_FETCH_MAX_URL = 2 * 1024;
export const URL_FETCH_CALLS_PER_DAY = 20_000;

/** An allow-list entry as the manifest accepts it; throws with the reason otherwise. */
export function checkAllowlistPrefix(prefix: string): void {
  let parsed: URL;
  try {
    parsed = new URL(prefix);
  } catch {
    throw new Error(`urlFetchWhitelist: "${prefix}" is not a valid URL`);
  }
  if (parsed.protocol !== "https:") throw new Error(`urlFetchWhitelist: "${prefix}" must use https://`);
  if (!parsed.hostname.includes(".")) throw new Error(`urlFetchWhitelist: "${prefix}" needs a full domain`);
  if (!/^https:\/\/[^/]+\/.*$/.test(prefix)) {
    throw new Error(`urlFetchWhitelist: "${prefix}" needs a non-empty path, e.g. "${prefix}/"`);
  }
}

/** Whether `url` is the prefix itself or one of its children. */
export function allowlistMatches(prefix: string, url: string): boolean {
  if (!url.startsWith(prefix)) return false;
  if (url.length === prefix.length || prefix.endsWith("/")) return true;
  return "/?#".includes(url.charAt(prefix.length));
}

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
  limits: {
    timeoutMs?: number | undefined;
    callsPerDay?: number | undefined;
    /** The harness clock: the daily quota counts calls per UTC day. */
    now?: () => number;
  } = {},
) {
  const timeoutMs = limits.timeoutMs ?? URL_FETCH_TIMEOUT_MS;
  const callsPerDay = limits.callsPerDay ?? URL_FETCH_CALLS_PER_DAY;
  const now = limits.now ?? Date.now;
  const callsByDay = new Map<number, number>();
  function fetch(url: string, params: FetchParams = {}): FakeHttpResponse {
    const p = realm.export(params) as FetchParams;
    if (url.length > URL_FETCH_MAX_URL) throw realm.error("Exception: Limit Exceeded: URLFetch URL Length.");
    if (!allowedPrefixes().some((prefix) => allowlistMatches(prefix, url))) {
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
    if (body !== undefined && Buffer.byteLength(body) > URL_FETCH_MAX_BYTES) {
      throw realm.error("Exception: Limit Exceeded: URLFetch POST Size.");
    }
    const day = Math.floor(now() / 86_400_000);
    const calls = (callsByDay.get(day) ?? 0) + 1;
    if (calls > callsPerDay) {
      throw realm.error("Exception: Service invoked too many times for one day: urlfetch.");
    }
    callsByDay.set(day, calls);
    const result = fetchSync({
      url,
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      followRedirects: p.followRedirects ?? true,
      timeoutMs,
    });
    log.push({ url, method, status: result.ok ? result.status : null, ms: result.ms });
    if (result.ok && Buffer.byteLength(result.body) > URL_FETCH_MAX_BYTES) {
      throw realm.error(`Exception: Response too large: ${url} returned more than 50 MB.`);
    }
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
