import { addCpu, cpuPerRequest, sampleCpu } from "../load/cpu";
import { runFaultScenario } from "../load/fault";
import {
  type Ack,
  createIngestSurvey,
  enrollWorkspace,
  hammerHealth,
  openForms,
  submitForms,
  summarize,
  verifyStored,
} from "../load/ingest";
import { startDevServerWorker, startTestWorker } from "../setup/localWorker";
import type { Bench, BenchResult } from "./lib";

const SUBMISSIONS = Number(process.env.RAPPORT_INGEST_SUBMISSIONS) || 20_000;
const CONCURRENCY = 64;

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

const ROUNDS = 10;

/**
 * Survey ingestion against `wrangler dev` on loopback: 64 respondents at a time each send a score
 * (half through personal links, half through the anonymous link; every respondent from its own
 * address). Compared with GET /api/v1/health of the same Worker under the same load: the two
 * alternate in ten rounds, so that both meet the same background load of the machine. Then every
 * acknowledged answer is checked to be stored exactly once.
 */
interface IngestTarget {
  url: string;
  enrollmentKey: string;
  /** The process tree whose CPU time is sampled, when the Worker runs in its own processes. */
  pid: number | null;
  dispose(): Promise<void>;
}

function ingestBenchOn(label: string, start: () => Promise<IngestTarget>, checkRatio: boolean): Bench {
  return {
    title: `Survey ingestion: ${fmt(SUBMISSIONS)} submissions, ${CONCURRENCY} at a time, ${label}`,
    async run(): Promise<BenchResult[]> {
      const worker = await start();
      try {
        const ws = await enrollWorkspace(worker.url, worker.enrollmentKey);
        // Warm-up on another survey: the first requests compile the Worker and open the database.
        const warm = await createIngestSurvey(ws);
        await hammerHealth(worker.url, 500, CONCURRENCY);
        await submitForms(worker.url, warm.id, await openForms(ws, warm, 500, CONCURRENCY), {
          concurrency: CONCURRENCY,
        });

        const survey = await createIngestSurvey(ws);
        const forms = await openForms(ws, survey, SUBMISSIONS, CONCURRENCY);
        const health = { latenciesMs: [] as number[], elapsedMs: 0 };
        const ingest = { latenciesMs: [] as number[], elapsedMs: 0, acks: [] as Ack[], failures: [] as string[] };
        const perRound: string[] = [];
        const healthCpu = new Map<string, number>();
        const ingestCpu = new Map<string, number>();
        const root = worker.pid ?? process.pid;
        for (let round = 0; round < ROUNDS; round++) {
          const slice = forms.slice((round * forms.length) / ROUNDS, ((round + 1) * forms.length) / ROUNDS);
          const t0 = sampleCpu(root);
          const h = await hammerHealth(worker.url, slice.length, CONCURRENCY);
          const t1 = sampleCpu(root);
          const s = await submitForms(worker.url, survey.id, slice, { concurrency: CONCURRENCY });
          addCpu(healthCpu, t0, t1);
          addCpu(ingestCpu, t1, sampleCpu(root));
          health.latenciesMs.push(...h.latenciesMs);
          health.elapsedMs += h.elapsedMs;
          ingest.latenciesMs.push(...s.latenciesMs);
          ingest.elapsedMs += s.elapsedMs;
          ingest.acks.push(...s.acks);
          ingest.failures.push(...s.failures);
          perRound.push(`${fmt((s.acks.length / s.elapsedMs) * 1000)}`);
        }
        const healthSummary = summarize(health.latenciesMs, health.elapsedMs);
        const ingestSummary = summarize(ingest.latenciesMs, ingest.elapsedMs);
        const check = await verifyStored(ws, survey.id, forms, ingest.acks);
        const ratio = ingestSummary.throughputPerSecond / healthSummary.throughputPerSecond;
        const problems = [...ingest.failures.slice(0, 3), ...check.problems.slice(0, 3)];
        return [
          {
            name: "GET /api/v1/health (trivial route)",
            value: `${fmt(healthSummary.throughputPerSecond)}/s, p50 ${healthSummary.p50Ms.toFixed(1)} ms, p99 ${healthSummary.p99Ms.toFixed(1)} ms`,
            goal: "reference",
            ok: true,
          },
          {
            name: "POST /s/:id (score submission)",
            value: `${fmt(ingestSummary.throughputPerSecond)}/s, p50 ${ingestSummary.p50Ms.toFixed(1)} ms, p99 ${ingestSummary.p99Ms.toFixed(1)} ms`,
            goal: `≥ ${fmt(20_000)} submissions`,
            ok: ingestSummary.count >= 20_000,
          },
          {
            name: "submissions/s per round (table growing)",
            value: perRound.join(" "),
            goal: "info",
            ok: true,
          },
          ...(worker.pid === null
            ? []
            : [
                {
                  name: "CPU per health request (all processes)",
                  value: cpuPerRequest(healthCpu, SUBMISSIONS),
                  goal: "info",
                  ok: true,
                },
                {
                  name: "CPU per submission (all processes)",
                  value: cpuPerRequest(ingestCpu, SUBMISSIONS),
                  goal: "info",
                  ok: true,
                },
              ]),
          {
            name: "throughput ratio submission / trivial route",
            value: ratio.toFixed(2),
            goal: checkRatio ? "≥ 0.5" : "info (inspector relay, see docs)",
            ok: !checkRatio || ratio >= 0.5,
          },
          {
            name: "acknowledged submissions stored exactly once",
            value: `${fmt(ingest.acks.length)} acknowledged, ${fmt(check.stored)} stored, ${ingest.failures.length} failed${
              problems.length ? `: ${problems.join("; ")}` : ""
            }`,
            goal: "all, once",
            ok: ingest.failures.length === 0 && check.problems.length === 0 && check.stored === SUBMISSIONS,
          },
        ];
      } finally {
        await worker.dispose();
      }
    },
  };
}

/** `wrangler dev` as `npm start` runs it: the DevTools inspector relays each D1 call (dev only). */
export const ingestBench = ingestBenchOn(
  "wrangler dev on loopback",
  async () => {
    const worker = await startTestWorker();
    return {
      url: worker.url,
      enrollmentKey: worker.enrollmentKey,
      pid: worker.process.pid ?? null,
      dispose: worker.dispose,
    };
  },
  false,
);

/** wrangler's dev server (same Miniflare/workerd/local D1) without the inspector: the ratio goal is checked here. */
export const ingestBenchNoInspector = ingestBenchOn(
  "wrangler dev server without the DevTools inspector",
  async () => ({ ...(await startDevServerWorker()), pid: null }),
  true,
);

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
