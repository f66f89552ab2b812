// Runs in a worker thread: performs one HTTP request with Node's fetch and hands the result back
// synchronously to the harness (synckit blocks the caller until this resolves), as UrlFetchApp does.
import { runAsWorker } from "synckit";

runAsWorker(async (request) => {
  const started = Date.now();
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body === undefined ? undefined : request.body,
      redirect: request.followRedirects ? "follow" : "manual",
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const body = await response.text();
    const headers = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { ok: true, status: response.status, headers, body, ms: Date.now() - started };
  } catch (error) {
    const timedOut = error?.name === "TimeoutError" || error?.cause?.name === "TimeoutError";
    return {
      ok: false,
      message: error?.cause?.message ?? error?.message ?? String(error),
      ms: Date.now() - started,
      timedOut,
    };
  }
});
