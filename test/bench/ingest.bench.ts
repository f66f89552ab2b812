import { runFaultScenario } from "../load/fault";
import {
  createIngestSurvey,
  enrollWorkspace,
  hammerHealth,
  openForms,
  submitForms,
  summarize,
  verifyStored,
} from "../load/ingest";
import { startTestWorker } from "../setup/localWorker";
import type { Bench, BenchResult } from "./lib";

const SUBMISSIONS = Number(process.env.RAPPORT_INGEST_SUBMISSIONS) || 20_000;
const CONCURRENCY = 64;

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

/**
 * Survey ingestion against `wrangler dev` on loopback: 64 respondents at a time each send a score
 * (half through personal links, half through the anonymous link; every respondent from its own
 * address). Compared with GET /api/v1/health of the same Worker under the same load, then every
 * acknowledged answer is checked to be stored exactly once.
 */
export const ingestBench: Bench = {
  title: `Survey ingestion: ${fmt(SUBMISSIONS)} submissions, ${CONCURRENCY} at a time, wrangler dev on loopback`,
  async run(): Promise<BenchResult[]> {
    const worker = await startTestWorker();
    try {
      const ws = await enrollWorkspace(worker.url, worker.enrollmentKey);
      // Warm-up on another survey: the first requests compile the Worker and open the database.
      const warm = await createIngestSurvey(ws);
      await hammerHealth(worker.url, 500, CONCURRENCY);
      await submitForms(worker.url, warm.id, await openForms(ws, warm, 500, CONCURRENCY), { concurrency: CONCURRENCY });

      const survey = await createIngestSurvey(ws);
      const forms = await openForms(ws, survey, SUBMISSIONS, CONCURRENCY);
      const health = await hammerHealth(worker.url, SUBMISSIONS, CONCURRENCY);
      const submitted = await submitForms(worker.url, survey.id, forms, { concurrency: CONCURRENCY });
      const ingest = summarize(submitted.latenciesMs, submitted.elapsedMs);
      const check = await verifyStored(ws, survey.id, forms, submitted.acks);
      const ratio = ingest.throughputPerSecond / health.throughputPerSecond;
      const problems = [...submitted.failures.slice(0, 3), ...check.problems.slice(0, 3)];
      return [
        {
          name: "GET /api/v1/health (trivial route)",
          value: `${fmt(health.throughputPerSecond)}/s, p50 ${health.p50Ms.toFixed(1)} ms, p99 ${health.p99Ms.toFixed(1)} ms`,
          goal: "reference",
          ok: true,
        },
        {
          name: "POST /s/:id (score submission)",
          value: `${fmt(ingest.throughputPerSecond)}/s, p50 ${ingest.p50Ms.toFixed(1)} ms, p99 ${ingest.p99Ms.toFixed(1)} ms`,
          goal: `≥ ${fmt(20_000)} submissions`,
          ok: ingest.count >= 20_000,
        },
        {
          name: "throughput ratio submission / trivial route",
          value: ratio.toFixed(2),
          goal: "≥ 0.5",
          ok: ratio >= 0.5,
        },
        {
          name: "acknowledged submissions stored exactly once",
          value: `${fmt(submitted.acks.length)} acknowledged, ${fmt(check.stored)} stored, ${submitted.failures.length} failed${
            problems.length ? `: ${problems.join("; ")}` : ""
          }`,
          goal: "all, once",
          ok: submitted.failures.length === 0 && check.problems.length === 0 && check.stored === SUBMISSIONS,
        },
      ];
    } finally {
      await worker.dispose();
    }
  },
};

/** The fault scenario of test/system at full size: SIGKILL at 40 % of the load, restart on the same state. */
export const ingestFaultBench: Bench = {
  title: `Survey ingestion with a crash: ${fmt(SUBMISSIONS)} submissions, Worker killed and restarted mid-load`,
  async run(): Promise<BenchResult[]> {
    const run = await runFaultScenario({ submissions: SUBMISSIONS, concurrency: CONCURRENCY });
    const problems = [...run.result.failures.slice(0, 3), ...run.check.problems.slice(0, 3)];
    return [
      {
        name: "killed after / restarted in",
        value: `${fmt(run.ackedBeforeKill)} acknowledged / ${(run.downtimeMs / 1000).toFixed(1)} s`,
        goal: "mid-load",
        ok: run.ackedBeforeKill > 0 && run.ackedBeforeKill < SUBMISSIONS,
      },
      {
        name: "sent again (network error / lost acknowledgement)",
        value: `${fmt(run.result.retries)} / ${fmt(run.result.resentAfterLostAck)}`,
        goal: "> 0 each",
        ok: run.result.retries > 0 && run.result.resentAfterLostAck > 0,
      },
      {
        name: "acknowledged answers stored exactly once",
        value: `${fmt(run.result.acks.length)} acknowledged, ${fmt(run.check.stored)} stored${
          problems.length ? `: ${problems.join("; ")}` : ""
        }`,
        goal: "all, once",
        ok: run.result.failures.length === 0 && run.check.problems.length === 0 && run.check.stored === SUBMISSIONS,
      },
    ];
  },
};
