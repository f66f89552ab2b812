import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../shared/api/common";
import { dayFromYmd, isoDay } from "../../shared/cells/dates";
import { Random } from "../shared/models/simulate";
import { enroll, request } from "./helpers";
import { answer, freshIp, openPage, rows, workspace } from "./surveyHelpers";

/**
 * A Worker isolate serves many requests on one thread. These tests run the Worker in the test's
 * own isolate, so a fit that never hands the event loop back would hold every page below until it
 * ended; they count what is served while a large analysis is still running.
 */

/** Clients with 5 purchases each on random days of one year: a Pareto/NBD fit that runs to its work budget. */
function lookAlikes(clients: number): string {
  const random = new Random(11);
  const start = dayFromYmd(2024, 1, 1);
  const lines = ["customer,date,amount"];
  for (let c = 0; c < clients; c++) {
    for (let k = 0; k < 5; k++) lines.push(`L${c},${isoDay(start + Math.floor(random.next() * 365))},10`);
  }
  return `${lines.join("\n")}\n`;
}

/** Simulated clients in 3 clear groups (recent and frequent, lapsed, one-off) for the segments route. */
function groups(clients: number): string {
  const random = new Random(5);
  const start = dayFromYmd(2024, 1, 1);
  const lines = ["customer,date,amount"];
  for (let c = 0; c < clients; c++) {
    const kind = c % 3;
    const purchases = kind === 0 ? 12 : kind === 1 ? 4 : 1;
    const from = kind === 1 ? 0 : 200;
    for (let k = 0; k < purchases; k++) {
      const day = start + from + Math.floor(random.next() * 160);
      lines.push(`G${c},${isoDay(day)},${(10 + random.next() * (kind === 0 ? 200 : 40)).toFixed(2)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Starts an analysis and opens the survey page again and again until the analysis answers;
 * returns how many pages were served in the meantime, and the analysis's answer.
 */
async function pagesServedDuring(analysis: Promise<Response>, pagePath: string) {
  let finished = false;
  const settled = analysis.finally(() => {
    finished = true;
  });
  let pages = 0;
  while (!finished) {
    const page = await openPage(pagePath);
    expect(page.status).toBe(200);
    if (!finished) pages++;
  }
  return { pages, response: await settled };
}

describe("survey pages while a large analysis runs", () => {
  it("serves the survey page and stores an answer while a Pareto/NBD fit runs to its work budget", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const { token } = await enroll();
    const fit = request("/api/v1/analyze/clv?model=pareto&customers=false", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
      body: lookAlikes(4000),
    });
    let fitEnded = false;
    const fitting = fit.finally(() => {
      fitEnded = true;
    });
    // One answer sent while the fit runs: stored before the fit ends.
    const submission = answer(`/s/${survey.id}`, { score: "9" }, { ip: freshIp() }).then(async (response) => ({
      response,
      stored: (await rows(survey.id)).length,
      fitEnded,
    }));
    const { pages, response } = await pagesServedDuring(fitting, `/s/${survey.id}`);
    // The fit ran to its end: 8 million row evaluations (4,000 rows × 2,000), in about 200 slices.
    expect(response.status).toBe(422);
    expect(ErrorBody.parse(await response.json()).error.details).toMatchObject({ key: "models.fitBudget" });
    const answered = await submission;
    expect(answered.response.status).toBe(303);
    expect(answered).toMatchObject({ stored: 1, fitEnded: false });
    // Without the slices every page sent after the fit began would wait for its end: at most the
    // one or two served while the CSV was still being read.
    expect(pages).toBeGreaterThanOrEqual(10);
  });

  it("serves the survey page while the segments route clusters 2,000 clients (7 values of k, 4 starts each)", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const { token } = await enroll();
    const segments = request("/api/v1/analyze/segments?customers=false", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
      body: groups(2_000),
    });
    const { pages, response } = await pagesServedDuring(segments, `/s/${survey.id}`);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(pages).toBeGreaterThanOrEqual(10);
  }, 60_000);
});
