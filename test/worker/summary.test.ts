import { describe, expect, it } from "vitest";
import { SurveySummary } from "../../shared/api/surveys";
import { answer, CSI_SURVEY, expectApiError, NPS_SURVEY, pathOf, workspace } from "./surveyHelpers";

/**
 * `GET /api/v1/surveys/:id/summary`: answers stored through the respondent form, the metric
 * checked against values worked out by hand (NPS) or with scipy (Student t intervals).
 */

type Ws = Awaited<ReturnType<typeof workspace>>;

async function summary(ws: Ws, surveyId: string, query = ""): Promise<SurveySummary> {
  const response = await ws.call("GET", `/surveys/${surveyId}/summary${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return SurveySummary.parse(await response.json());
}

describe("GET /api/v1/surveys/:id/summary", () => {
  it("NPS with n and the adjusted-Wald interval; flagged answers left out unless asked", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    expect(await summary(ws, survey.id)).toMatchObject({ n: 0, nps: null, smallSample: true, flagged: 0 });
    for (const score of [10, 10, 9, 8, 7, 6, 0, 3, 9, 10]) await answer(`/s/${survey.id}`, { score: String(score) });
    // Two suspicious answers: the hidden honeypot field filled, and a form sent 0.2 s after the page.
    await answer(`/s/${survey.id}`, { score: "0", website: "http://spam.example" });
    await answer(`/s/${survey.id}`, { score: "1" }, { ageMs: 200 });

    const clean = await summary(ws, survey.id);
    // 5 promoters, 2 passives, 3 detractors of 10 → NPS 20; n′ = 13, p′ = 5.75/13, d′ = 3.75/13.
    expect(clean).toMatchObject({
      surveyId: survey.id,
      type: "nps",
      scale: { min: 0, max: 10 },
      n: 10,
      flagged: 2,
      includeFlagged: false,
      confidence: 0.95,
      smallSample: true,
      csat: null,
      ces: null,
      csi: null,
    });
    expect(clean.nps).toEqual({
      score: 20,
      lower: expect.closeTo(-30.32599443550415, 9),
      upper: expect.closeTo(61.095225204734916, 9),
      promoters: 5,
      passives: 2,
      detractors: 3,
    });

    const all = await summary(ws, survey.id, "?includeFlagged=true");
    // 12 answers: 5 promoters, 2 passives, 5 detractors → NPS 0.
    expect(all).toMatchObject({ n: 12, flagged: 2, includeFlagged: true });
    expect(all.nps).toMatchObject({ score: 0, promoters: 5, passives: 2, detractors: 5 });

    const at90 = await summary(ws, survey.id, "?confidence=0.9");
    expect(at90.confidence).toBe(0.9);
    expect(at90.nps?.lower).toBeCloseTo(-22.97693765710106, 9);
    expect(at90.nps?.upper).toBeCloseTo(53.74616842633183, 9);
  });

  it("counts an edited answer once, with its latest score", async () => {
    const ws = await workspace();
    const survey = await ws.create();
    const [link] = await ws.links(survey.id, ["C-1"]);
    await answer(pathOf(link?.url as string), { score: "2" });
    await answer(pathOf(link?.url as string), { score: "10" });
    const result = await summary(ws, survey.id);
    expect(result.n).toBe(1);
    expect(result.nps).toMatchObject({ score: 100, promoters: 1, detractors: 0 });
  });

  it("CES: the mean with a Student t interval clipped to 1–7 (scipy reference)", async () => {
    const ws = await workspace();
    const survey = await ws.create({ type: "ces", title: "Effort", question: { en: "It was easy." }, anonymous: true });
    for (const score of [1, 2, 2, 3, 7]) await answer(`/s/${survey.id}`, { score: String(score) });
    const result = await summary(ws, survey.id);
    expect(result).toMatchObject({ type: "ces", n: 5, scale: { min: 1, max: 7 }, nps: null, csat: null });
    // mean 3, s = √5.5, t(4; 0.975) = 2.7764451: 3 ± 2.91196 → [0.088 → 1, 5.91196].
    expect(result.ces).toEqual({ mean: 3, lower: 1, upper: expect.closeTo(5.911960192790152, 9) });
  });

  it("CSAT: top-2-box share and the mean", async () => {
    const ws = await workspace();
    const survey = await ws.create({
      type: "csat",
      title: "Support",
      question: { ru: "Довольны ли вы?" },
      anonymous: true,
    });
    for (const score of [5, 4, 4, 3, 1, 5]) await answer(`/s/${survey.id}`, { score: String(score) });
    const result = await summary(ws, survey.id);
    expect(result.csat).toEqual({
      share: expect.closeTo(4 / 6, 12),
      threshold: 4,
      mean: expect.closeTo(22 / 6, 12),
      lower: expect.closeTo(2.086693765682762, 9),
      upper: 5,
    });
  });

  it("CSI: per-factor means and n, weights normalised, the index by hand", async () => {
    const ws = await workspace();
    const survey = await ws.create(CSI_SURVEY); // speed 3, quality 5, support 2
    await answer(`/s/${survey.id}`, { "f.speed": "5", "f.quality": "4", "f.support": "3" });
    await answer(`/s/${survey.id}`, { "f.speed": "3", "f.quality": "5" });
    await answer(`/s/${survey.id}`, { "f.quality": "2", "f.support": "5" });
    const result = await summary(ws, survey.id);
    expect(result.n).toBe(3);
    // means 4, 11/3, 4: CSI = 100·(0.3·3/4 + 0.5·(8/3)/4 + 0.2·3/4) = 70.8333…
    expect(result.csi?.index).toBeCloseTo(70.83333333333333, 9);
    expect(result.csi?.factors.map((f) => [f.id, f.weight, f.mean, f.n])).toEqual([
      ["speed", 0.3, 4, 2],
      ["quality", 0.5, expect.closeTo(11 / 3, 12), 3],
      ["support", 0.2, 4, 2],
    ]);
    expect(result.csi?.factors[0]?.label).toEqual(CSI_SURVEY.factors?.[0]?.label);
  });

  it("is 404 for another workspace's survey and 400 for a bad query", async () => {
    const mine = await workspace();
    const theirs = await workspace();
    const survey = await mine.create(NPS_SURVEY);
    await expectApiError(await theirs.call("GET", `/surveys/${survey.id}/summary`), 404, "not_found");
    for (const query of ["includeFlagged=yes", "confidence=2", "confidence=abc", "n=5"]) {
      await expectApiError(await mine.call("GET", `/surveys/${survey.id}/summary?${query}`), 400, "validation_failed");
    }
  });
});
