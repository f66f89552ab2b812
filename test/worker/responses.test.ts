import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SurveyResponse } from "../../shared/api/surveys";
import { factorHistograms, scoreHistogram } from "../../worker/src/surveys/answerStore";
import {
  answer,
  CSI_SURVEY,
  expectApiError,
  freshIp,
  NPS_SURVEY,
  nonceServedAgo,
  openPage,
  pathOf,
  post,
  workspace,
} from "./surveyHelpers";

describe("GET /api/v1/surveys/:id/responses", () => {
  it("pages in arrival order with a cursor; nextCursor stays put when nothing is new", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    for (let i = 0; i < 7; i++) await answer(`/s/${survey.id}`, { score: String(i) });
    const first = await ws.page(survey.id, "?limit=3");
    expect(first.responses.map((r) => r.score)).toEqual([0, 1, 2]);
    expect(first.hasMore).toBe(true);
    const second = await ws.page(survey.id, `?cursor=${first.nextCursor}&limit=3`);
    expect(second.responses.map((r) => r.score)).toEqual([3, 4, 5]);
    const third = await ws.page(survey.id, `?cursor=${second.nextCursor}&limit=3`);
    expect(third.responses.map((r) => r.score)).toEqual([6]);
    expect(third.hasMore).toBe(false);
    const empty = await ws.page(survey.id, `?cursor=${third.nextCursor}`);
    expect(empty).toEqual({ responses: [], nextCursor: third.nextCursor, hasMore: false });
    const all = await ws.page(survey.id);
    expect(all.responses).toHaveLength(7);
    expect(all.hasMore).toBe(false);
  });

  it("hands an edited answer out again after everything paged before it, with its new content", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const [a, b] = await ws.links(survey.id, ["a", "b"]);
    await answer(pathOf(a?.url as string), { score: "1" });
    await answer(pathOf(b?.url as string), { score: "2" });
    const seen = await ws.page(survey.id);
    expect(seen.responses.map((r) => [r.contactId, r.score])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    await answer(pathOf(a?.url as string), { score: "9" });
    const later = await ws.page(survey.id, `?cursor=${seen.nextCursor}`);
    expect(later.responses.map((r) => [r.contactId, r.score])).toEqual([["a", 9]]);
    expect(later.responses[0]?.id).toBe(seen.responses[0]?.id);
  });

  it.each([
    ["limit=0"],
    ["limit=1001"],
    ["limit=abc"],
    ["limit=2.5"],
    ["cursor=-1"],
    ["cursor=abc"],
    ["cursor=1e3"],
    ["cursor=1234567890123456"],
    ["page=2"],
  ])("refuses ?%s", async (query) => {
    const ws = await workspace();
    const survey = await ws.create();
    await expectApiError(await ws.call("GET", `/surveys/${survey.id}/responses?${query}`), 400, "validation_failed");
  });

  it("never skips or repeats an answer while answers arrive and are edited during paging", async () => {
    const ws = await workspace();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant("new" as const), score: fc.integer({ min: 0, max: 10 }) }),
            fc.record({
              kind: fc.constant("edit" as const),
              contact: fc.integer({ min: 0, max: 4 }),
              score: fc.integer({ min: 0, max: 10 }),
            }),
            fc.record({ kind: fc.constant("page" as const), limit: fc.integer({ min: 1, max: 4 }) }),
          ),
          { minLength: 4, maxLength: 20 },
        ),
        fc.integer({ min: 1, max: 4 }),
        async (operations, parallel) => {
          const survey = await ws.create();
          const links = await ws.links(
            survey.id,
            [0, 1, 2, 3, 4].map((i) => `contact-${i}`),
          );
          const pages = await Promise.all(links.map((link) => openPage(pathOf(link.url))));
          // The pager: what it has been handed, in order, and where it stands.
          const delivered: SurveyResponse[] = [];
          let cursor = "0";
          // One pager reads one page at a time (each from the previous page's cursor), while the
          // writes around it run concurrently.
          let pager = Promise.resolve();
          const fetchPage = (limit: number) => {
            pager = pager.then(async () => {
              const page = await ws.page(survey.id, `?cursor=${cursor}&limit=${limit}`);
              delivered.push(...page.responses);
              cursor = page.nextCursor;
            });
            return pager;
          };
          const run = async (op: (typeof operations)[number]) => {
            if (op.kind === "page") return fetchPage(op.limit);
            if (op.kind === "new") {
              const page = await openPage(`/s/${survey.id}`);
              return void (await post(`/s/${survey.id}`, { ...page.fields, score: String(op.score) }));
            }
            const fields = (pages[op.contact] as { fields: Record<string, string> }).fields;
            await post(`/s/${survey.id}`, {
              ...fields,
              nonce: await nonceServedAgo(survey.id, 1000),
              score: String(op.score),
            });
          };
          // Operations run `parallel` at a time, so pages are read while writes land.
          for (let i = 0; i < operations.length; i += parallel) {
            await Promise.all(operations.slice(i, i + parallel).map(run));
          }
          for (;;) {
            const before = delivered.length;
            await fetchPage(3);
            if (delivered.length === before) break;
          }
          const current = await ws.responses(survey.id);
          // No skip: the pager's latest view of each answer is its current state, and it knows them all.
          const latest = new Map(delivered.map((r) => [r.id, r]));
          expect([...latest.keys()].sort()).toEqual(current.map((r) => r.id).sort());
          for (const row of current) expect(latest.get(row.id)).toEqual(row);
          // No repeat: an answer comes again only after it changed.
          const previous = new Map<string, SurveyResponse>();
          for (const row of delivered) {
            const before = previous.get(row.id);
            if (before) expect(row).not.toEqual(before);
            previous.set(row.id, row);
          }
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);
});

describe("the summary's queries (for GET /surveys/:id/summary)", () => {
  it("counts current scores per value, once per answer, leaving flagged answers out unless asked", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const links = await ws.links(survey.id, ["a", "b", "c"]);
    const scores = [10, 9, 9, 7, 3, 0, 10];
    for (const score of scores) await answer(`/s/${survey.id}`, { score: String(score) });
    // An edited answer counts with its new score only.
    await answer(pathOf(links[0]?.url as string), { score: "2" });
    await answer(pathOf(links[0]?.url as string), { score: "6" });
    await answer(pathOf(links[1]?.url as string), { score: "10" });
    // Flagged: honeypot.
    await answer(`/s/${survey.id}`, { score: "1", website: "x" });
    const rows = await ws.responses(survey.id);
    const naive = (include: (r: SurveyResponse) => boolean) => {
      const counts = new Map<number, number>();
      for (const r of rows) if (r.score !== null && include(r)) counts.set(r.score, (counts.get(r.score) ?? 0) + 1);
      return [...counts].sort((x, y) => x[0] - y[0]).map(([score, count]) => ({ score, count }));
    };
    expect(await scoreHistogram(env.DB, survey.id)).toEqual(naive((r) => r.flags.length === 0));
    expect(await scoreHistogram(env.DB, survey.id, { includeFlagged: true })).toEqual(naive(() => true));
    expect(await scoreHistogram(env.DB, survey.id)).toEqual([
      { score: 0, count: 1 },
      { score: 3, count: 1 },
      { score: 6, count: 1 },
      { score: 7, count: 1 },
      { score: 9, count: 2 },
      { score: 10, count: 3 },
    ]);
  });

  it("counts CSI ratings per factor and value", async () => {
    const ws = await workspace();
    const survey = await ws.create(CSI_SURVEY);
    const answers: Record<string, string>[] = [
      { "f.speed": "5", "f.quality": "4", "f.support": "1" },
      { "f.speed": "5", "f.quality": "2" },
      { "f.quality": "2", "f.support": "3" },
    ];
    for (const fields of answers) await answer(`/s/${survey.id}`, fields, { ip: freshIp() });
    expect(await factorHistograms(env.DB, survey.id)).toEqual([
      { factorId: "quality", rating: 2, count: 2 },
      { factorId: "quality", rating: 4, count: 1 },
      { factorId: "speed", rating: 5, count: 2 },
      { factorId: "support", rating: 1, count: 1 },
      { factorId: "support", rating: 3, count: 1 },
    ]);
    expect(await scoreHistogram(env.DB, survey.id)).toEqual([]);
  });

  it("uses the covering index, not a table scan", async () => {
    const plan = await env.DB.prepare(
      "EXPLAIN QUERY PLAN SELECT score, COUNT(*) FROM responses WHERE survey_id = ? AND score IS NOT NULL AND flags = 0 GROUP BY score",
    )
      .bind("x")
      .all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join(" ")).toContain("COVERING INDEX responses_scores");
    const ws = await workspace();
    const survey = await ws.create({ ...NPS_SURVEY });
    expect(await scoreHistogram(env.DB, survey.id)).toEqual([]);
  });
});
