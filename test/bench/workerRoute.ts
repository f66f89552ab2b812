/**
 * Runs `POST /api/v1/analyze/clv` of the Worker's own Hono app in this Node process (a stand-in
 * D1 answers the token check) on n simulated customers streamed in as CSV, and prints the CPU
 * time and the memory the process grew by, as JSON. `npm run bench` starts it as a child
 * process with a capped heap, since workerd itself does not report a request's memory.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { ANALYSIS_MAX_CUSTOMERS, ANALYSIS_MAX_ROWS } from "../../shared/api/analysis";
import { TransactionCsvReader } from "../../shared/api/transactionsCsv";
import type { Transactions } from "../../shared/cells/transactions";
import { fitSummary, predictRows, summarizeForClv } from "../../shared/models/analysis";
import { Random, simulateCustomer } from "../shared/models/simulate";

const n = Number(process.argv[2] ?? 1_000_000);
/** "unsorted": ids in a scrambled order (each customer's lines still together), so the reader needs its id map. */
const unsorted = process.argv[3] === "unsorted";
const idOf = (c: number) => (unsorted ? ((c * 7919) % n) + 1 : c + 1);
const baseline = process.memoryUsage();
const fakeDb = {
  prepare: () => ({ bind: () => ({ first: async () => ({ id: "bench" }) }) }),
};

/** CSV lines generated customer by customer while the request reads them (nothing held whole). */
function body(): ReadableStream<Uint8Array> {
  const random = new Random(1);
  const encoder = new TextEncoder();
  const start = 19358; // 2023-01-01
  let c = 0;
  let header = true;
  return new ReadableStream({
    pull(controller) {
      if (header) {
        header = false;
        controller.enqueue(encoder.encode("customer,date,amount\n"));
        return;
      }
      if (c >= n) {
        controller.close();
        return;
      }
      let chunk = "";
      for (let k = 0; k < 2000 && c < n; k++, c++) {
        const first = start + Math.floor(random.next() * 84);
        const nu = random.gamma(3.74, 15.44);
        const times = [
          0,
          ...simulateCustomer("bgnbd", [0.243, 4.414, 0.793, 2.426], (start + 273 - first) / 7, random),
        ];
        for (const t of times) {
          chunk += `${idOf(c)},${first + Math.floor(t * 7)},${Math.round(random.gamma(6.25, nu) * 100) / 100}\n`;
        }
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

// Loaded by a computed path: the Node-side type check must not pull in the Worker's types (D1, …).
const appModule = "../../worker/src/app";
const { createApp } = (await import(appModule)) as {
  createApp(): { fetch(request: Request, env: unknown): Promise<Response> };
};
/**
 * Live memory of the route's steps (V8 heap + array buffers after a full GC), taken at the end
 * of each step, when the most data is alive: what a 128 MB isolate has to hold.
 */
async function liveMemoryPeak(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return Number.NaN;
  const live = () => {
    gc();
    const m = process.memoryUsage();
    return (m.heapUsed + m.arrayBuffers - baseline.heapUsed - baseline.arrayBuffers) / 2 ** 20;
  };
  let peak = 0;
  const csv = new TransactionCsvReader(ANALYSIS_MAX_ROWS, ANALYSIS_MAX_CUSTOMERS);
  const reader = body().getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    csv.push(decoder.decode(value, { stream: true }));
  }
  let tx: Transactions | null = csv.finish();
  peak = Math.max(peak, live());
  const summary = summarizeForClv(tx, { predictions: true });
  peak = Math.max(peak, live()); // rows and summary together: the largest state
  tx = null;
  const fits = fitSummary(summary, { predictions: true });
  peak = Math.max(peak, live());
  const rows = predictRows(fits, { horizonMonths: 12, monthlyDiscount: 0.01 });
  peak = Math.max(peak, live());
  if (rows.pAlive.length === 0 || tx !== null) throw new Error("unreachable");
  return peak;
}

const livePeakMb = await liveMemoryPeak();
const app = createApp();
// The longest the route holds the thread without yielding: what other requests to the same
// isolate (survey pages) would wait for.
const stalls = monitorEventLoopDelay({ resolution: 5 });
stalls.enable();
const cpu = process.cpuUsage();
const started = performance.now();
const response = await app.fetch(
  new Request("http://bench/api/v1/analyze/clv", {
    method: "POST",
    headers: { Authorization: "Bearer bench", "Content-Type": "text/csv" },
    body: body(),
    duplex: "half",
  } as RequestInit),
  { DB: fakeDb, ENROLLMENT_KEY: "unused" },
);
let bytes = 0;
const reader = (response.body as ReadableStream<Uint8Array>).getReader();
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
}
const used = process.cpuUsage(cpu);
stalls.disable();
const end = process.memoryUsage();
console.log(
  JSON.stringify({
    status: response.status,
    customers: n,
    responseBytes: bytes,
    wallMs: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    longestStallMs: stalls.max / 1e6,
    livePeakMb,
    // Resident set growth over the process's own baseline (Node's runtime itself excluded).
    rssGrowthMb: (process.resourceUsage().maxRSS * 1024 - baseline.rss) / 2 ** 20,
    heapUsedMb: end.heapUsed / 2 ** 20,
    arrayBuffersMb: end.arrayBuffers / 2 ** 20,
  }),
);
