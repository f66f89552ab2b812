import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../shared/api/common";
import { startTestWorker, type TestWorker } from "../setup/localWorker";

/**
 * Refusals of bodies still being uploaded, against wrangler dev (workerd behind wrangler's proxy,
 * where an answer sent before the upload ends used to become a plain-text 503 "Your worker
 * restarted mid-request"). Each case runs twice: the failure was intermittent.
 */

let worker: TestWorker;
let token: string;

beforeAll(async () => {
  worker = await startTestWorker();
  const enrolled = await fetch(`${worker.url}/api/v1/workspaces`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${worker.enrollmentKey}` },
    body: "{}",
  });
  token = ((await enrolled.json()) as { token: string }).token;
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

/** A body sent in 1 MiB chunks without a Content-Length (Transfer-Encoding: chunked). */
function chunked(text: string): RequestInit {
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 1 << 20) controller.enqueue(bytes.subarray(at, at + (1 << 20)));
      controller.close();
    },
  });
  return { body: stream, duplex: "half" } as RequestInit;
}

async function apiError(response: Response): Promise<{ status: number; code: string; message: string }> {
  const text = await response.text();
  const parsed = ErrorBody.safeParse(
    (() => {
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    })(),
  );
  if (!parsed.success) return { status: response.status, code: "(not JSON)", message: text.slice(0, 200) };
  return { status: response.status, code: parsed.data.error.code, message: parsed.data.error.message };
}

const csvHeaders = () => ({ "Content-Type": "text/csv", Authorization: `Bearer ${token}` });
const jsonHeaders = () => ({ "Content-Type": "application/json", Authorization: `Bearer ${token}` });

describe("a body refused while it is still arriving", () => {
  const rows = Array.from({ length: 400_000 }, (_, i) => `C${i},2024-01-01,1.5`).join("\n");

  it.each([1, 2])("a bad date on line 2 of a 400,000-line CSV: the JSON 400 naming the line (run %i)", async () => {
    const body = `customer,date,amount\nA,not-a-date,1\n${rows}\n`;
    for (const init of [{ body }, chunked(body)]) {
      const response = await fetch(`${worker.url}/api/v1/analyze/rfm`, {
        method: "POST",
        headers: csvHeaders(),
        ...init,
      });
      expect(await apiError(response)).toMatchObject({ status: 400, code: "validation_failed" });
    }
  });

  it.each([1, 2])("a 10 MB field: the JSON 400 about the line's length (run %i)", async () => {
    const body = `customer,date,amount\n${"x".repeat(10_000_000)},2024-01-01,1\n${rows}\n`;
    const response = await fetch(`${worker.url}/api/v1/analyze/rfm`, { method: "POST", headers: csvHeaders(), body });
    const error = await apiError(response);
    expect(error).toMatchObject({ status: 400, code: "validation_failed" });
    expect(error.message).toContain("longer than 10000 characters");
  });

  it.each([1, 2])("20 MB sent in chunks to /api/v1/surveys: the JSON 413 (run %i)", async () => {
    const body = JSON.stringify({ type: "nps", title: "x".repeat(20 << 20) });
    const response = await fetch(`${worker.url}/api/v1/surveys`, {
      method: "POST",
      headers: jsonHeaders(),
      ...chunked(body),
    });
    expect(await apiError(response)).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it.each([1, 2])(
    "20 MB sent in chunks to a survey form: the page that says the answer is too long (run %i)",
    async () => {
      const created = await fetch(`${worker.url}/api/v1/surveys`, {
        method: "POST",
        headers: jsonHeaders(),
        body: JSON.stringify({ type: "nps", title: "Form", question: { en: "How likely?" }, anonymous: true }),
      });
      const survey = (await created.json()) as { id: string };
      const response = await fetch(`${worker.url}/s/${survey.id}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        ...chunked(`score=9&comment=${"x".repeat(20 << 20)}`),
      });
      expect(response.status).toBe(413);
      expect(await response.text()).toContain("Your answer is too long");
    },
  );
});
