import { addCpu, type CpuSample, sampleCpu } from "../load/cpu";
import { createIngestSurvey, enrollWorkspace, openForms, respondentIp } from "../load/ingest";
import { startDevServerWorker } from "../setup/localWorker";
import type { Bench, BenchResult } from "./lib";

/**
 * CPU per request of the three routes a respondent meets (the survey page, the score, the
 * comment), one request at a time against wrangler's dev server without the inspector. Each is
 * held to the Workers Free plan's 10 ms of CPU, so respondents never depend on the Paid plan's
 * larger limit. workerd does not report a request's CPU time, so the whole workerd process tree is
 * sampled from /proc: that also counts local D1's SQLite and the dev proxy, an upper bound on
 * what the Worker itself spends on Cloudflare.
 */
const REQUESTS = 300;
const FREE_PLAN_CPU_MS = 10;

function workerdMs(before: CpuSample, after: CpuSample): number {
  const totals = new Map<string, number>();
  addCpu(totals, before, after);
  let ms = 0;
  for (const [name, value] of totals) if (name.startsWith("workerd")) ms += value;
  return ms;
}

async function timed(work: () => Promise<void>): Promise<number | null> {
  const before = sampleCpu(process.pid);
  if (before.size === 0) return null;
  await work();
  return workerdMs(before, sampleCpu(process.pid)) / REQUESTS;
}

const field = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, "&") ?? null;

export const respondentCpuBench: Bench = {
  title: `Respondent routes: CPU per request, ${REQUESTS} each, one at a time`,
  async run(): Promise<BenchResult[]> {
    const worker = await startDevServerWorker();
    try {
      const ws = await enrollWorkspace(worker.url, worker.enrollmentKey);
      const survey = await createIngestSurvey(ws);
      // Warm-up: the first requests compile the Worker and open the database.
      for (let i = 0; i < 50; i++) await (await fetch(survey.url)).arrayBuffer();

      const page = await timed(async () => {
        for (let i = 0; i < REQUESTS; i++) await (await fetch(survey.url)).arrayBuffer();
      });

      const forms = await openForms(ws, survey, REQUESTS, 8);
      const next: string[] = [];
      const score = await timed(async () => {
        for (const form of forms) {
          const response = await fetch(`${worker.url}/s/${survey.id}`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": form.ip },
            body: form.body,
            redirect: "manual",
          });
          await response.arrayBuffer();
          next.push(new URL(response.headers.get("location") ?? "/", worker.url).toString());
        }
      });

      const comments: { body: string; ip: string }[] = [];
      for (const [i, url] of next.entries()) {
        const html = await (await fetch(url)).text();
        const fields = new URLSearchParams({
          comment: `Answer ${i}: quick delivery, friendly support.`,
          action: "send",
        });
        for (const name of ["r", "nonce", "lang"]) {
          const value = field(html, name);
          if (value !== null) fields.set(name, value);
        }
        comments.push({ body: fields.toString(), ip: respondentIp(i) });
      }
      let stored = 0;
      const comment = await timed(async () => {
        for (const { body, ip } of comments) {
          const response = await fetch(`${worker.url}/s/${survey.id}/comment`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": ip },
            body,
            redirect: "manual",
          });
          await response.arrayBuffer();
          if (response.status === 303) stored++;
        }
      });

      const result = (name: string, ms: number | null, extra = ""): BenchResult => ({
        name,
        value: ms === null ? "not measured (no /proc)" : `${ms.toFixed(2)} ms${extra}`,
        goal: `< ${FREE_PLAN_CPU_MS} ms (Free plan)`,
        ok: ms === null || ms < FREE_PLAN_CPU_MS,
      });
      return [
        result("GET /s/:id (survey page)", page),
        result("POST /s/:id (score)", score, ` (${next.filter((u) => u.includes("/next")).length} stored)`),
        result("POST /s/:id/comment", comment, ` (${stored} stored)`),
      ];
    } finally {
      await worker.dispose();
    }
  },
};
