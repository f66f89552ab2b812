import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";

/**
 * Cloudflare refuses request bodies over 100 MB (Free and Pro plans) before they reach a Worker
 * (developers.cloudflare.com/workers/platform/limits/#request-limits), so a body this size can
 * always be read to its end.
 */
export const MAX_DRAINED_BYTES = 100 * 1024 * 1024;

/**
 * Reads what is left of a request body after the route refused it early (a bad line 2 of a
 * 400,000-line CSV, a body over the limit), before the answer leaves. A Worker that answers while
 * the client is still uploading has its answer replaced by the runtime's plain-text 503 ("Your
 * worker restarted mid-request") under wrangler dev; reading the rest, which costs no parsing,
 * lets every refusal reach the client as the JSON error it is. The route reads the body through
 * a stand-in stream whose cancellation leaves the real one open for this.
 */
export const drainRefusedBodies: MiddlewareHandler<AppEnv> = async (c, next) => {
  const body = c.req.raw.body;
  if (!body) return next();
  const source = body.getReader();
  let finished = false;
  // The read the stand-in has under way, if any: the source allows one read at a time.
  let reading: Promise<unknown> = Promise.resolve();
  const standIn = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const read = source.read();
        reading = read.catch(() => {});
        const { done, value } = await read;
        if (done) {
          finished = true;
          controller.close();
        } else {
          controller.enqueue(value);
        }
      },
    },
    // Reads only when the route asks, so nothing is read ahead of a refusal.
    { highWaterMark: 0 },
  );
  c.req.raw = new Request(c.req.raw, { body: standIn, duplex: "half" } as RequestInit);
  try {
    await next();
  } finally {
    if (!finished) await drain(source, reading);
  }
};

async function drain(source: ReadableStreamDefaultReader<Uint8Array>, reading: Promise<unknown>): Promise<void> {
  let read = 0;
  try {
    await reading;
    for (;;) {
      const { done, value } = await source.read();
      if (done) return;
      read += value.byteLength;
      if (read > MAX_DRAINED_BYTES) break;
    }
    await source.cancel();
  } catch {
    // The client went away: nothing left to read or to answer.
  }
}
