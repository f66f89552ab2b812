import { type Context, Hono } from "hono";
import * as z from "zod/mini";
import {
  CreateSurveyRequest,
  LinksRequest,
  type LinksResponse,
  type ResponsesPage,
  ResponsesQuery,
  SURVEY_SCALES,
  SummaryQuery,
  type Survey,
  type SurveyList,
  type SurveySummary,
  UpdateSurveyRequest,
} from "../../../shared/api/surveys";
import { summarizeSurvey } from "../../../shared/metrics/surveySummary";
import { FLAGGED_IN_FIGURES } from "../../../shared/surveys/flags";
import { linkSecret } from "../auth";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
import { validate } from "../validation";
import { answerCounts, factorHistograms, lastAnswered, responsesAfter, scoreHistogram } from "./answerStore";
import { emailSnippet } from "./email";
import { publicUrl, type SurveyDefinition, surveyLanguages, toResponse, toSurvey } from "./rows";
import { signContact, signPreview } from "./signing";
import { createSurvey, getSurvey, listSurveys, updateSurvey } from "./surveyQueries";

/**
 * `/api/v1/surveys` (behind the workspace token): create, list, read and change surveys, make
 * personal links, and page through answers. Every query names the token's workspace, so another
 * workspace's survey id answers 404 exactly like an unknown one.
 */

type C = Context<AppEnv>;

const SurveyParam = z.object({ id: z.string() });

function origin(c: C): string {
  return new URL(c.req.url).origin;
}

/** A survey as the API answers it, with its signed preview link when the Worker can sign. */
async function surveyOut(c: C, survey: SurveyDefinition, now: Date): Promise<Survey> {
  const secret = c.env.LINK_SECRET;
  const previewUrl = secret
    ? `${publicUrl(origin(c), survey.id)}/preview?p=${await signPreview(secret, survey.id)}`
    : null;
  return toSurvey(survey, origin(c), now, previewUrl);
}

async function surveyOf(c: C, id: string): Promise<SurveyDefinition> {
  const survey = await getSurvey(c.env.DB, c.get("workspaceId"), id);
  if (!survey) throw new ApiError(404, "not_found", `No survey ${id} in this workspace.`);
  return survey;
}

function futureCloseDate(closesAt: string | null | undefined, now: Date): void {
  if (closesAt && Date.parse(closesAt) <= now.getTime()) {
    throw new ApiError(400, "validation_failed", "Invalid json: closesAt: must be in the future", {
      issues: [{ path: "closesAt", message: "must be in the future" }],
    });
  }
}

export const surveys = new Hono<AppEnv>()
  .post("/", validate("json", CreateSurveyRequest), async (c) => {
    linkSecret(c);
    const input = c.req.valid("json");
    const now = new Date();
    futureCloseDate(input.closesAt, now);
    const survey = await createSurvey(c.env.DB, c.get("workspaceId"), input, now);
    return c.json<Survey>(await surveyOut(c, survey, now), 201, { Location: `/api/v1/surveys/${survey.id}` });
  })
  .get("/", async (c) => {
    const now = new Date();
    const list = await listSurveys(c.env.DB, c.get("workspaceId"));
    return c.json<SurveyList>({ surveys: await Promise.all(list.map((s) => surveyOut(c, s, now))) });
  })
  .get("/:id", validate("param", SurveyParam), async (c) => {
    const survey = await surveyOf(c, c.req.valid("param").id);
    return c.json<Survey>(await surveyOut(c, survey, new Date()));
  })
  .patch("/:id", validate("param", SurveyParam), validate("json", UpdateSurveyRequest), async (c) => {
    const { id } = c.req.valid("param");
    const now = new Date();
    // As at creation: a close date in the past is refused (`closed: true` closes a survey now).
    futureCloseDate(c.req.valid("json").closesAt, now);
    const updated = await updateSurvey(c.env.DB, c.get("workspaceId"), id, c.req.valid("json"), now);
    if (!updated) throw new ApiError(404, "not_found", `No survey ${id} in this workspace.`);
    return c.json<Survey>(await surveyOut(c, updated, now));
  })
  .post("/:id/links", validate("param", SurveyParam), validate("json", LinksRequest), async (c) => {
    const secret = linkSecret(c);
    const survey = await surveyOf(c, c.req.valid("param").id);
    const { contacts, lang } = c.req.valid("json");
    const now = Date.now();
    const last = await lastAnswered(
      c.env.DB,
      survey.workspaceId,
      contacts.map((contact) => contact.id),
    );
    const snippetLanguage = lang ?? surveyLanguages(survey)[0] ?? "en";
    const throttleMs = (survey.throttleDays ?? 0) * 24 * 60 * 60 * 1000;
    const base = publicUrl(origin(c), survey.id);
    const links = await Promise.all(
      contacts.map(async ({ id }) => {
        const signature = await signContact(secret, survey.id, id);
        const url = `${base}?c=${encodeURIComponent(id)}&k=${signature}${lang ? `&lang=${lang}` : ""}`;
        const lastAnsweredAt = last.get(id) ?? null;
        return {
          contactId: id,
          url,
          eligible: lastAnsweredAt === null || throttleMs === 0 || Date.parse(lastAnsweredAt) <= now - throttleMs,
          lastAnsweredAt,
          emailHtml: emailSnippet(survey, url, snippetLanguage),
        };
      }),
    );
    return c.json<LinksResponse>({ links });
  })
  .get("/:id/responses", validate("param", SurveyParam), validate("query", ResponsesQuery), async (c) => {
    const survey = await surveyOf(c, c.req.valid("param").id);
    const { cursor, limit } = c.req.valid("query");
    const after = cursor === undefined ? 0 : Number(cursor);
    const page = await responsesAfter(c.env.DB, survey.id, after, limit ?? 100);
    const last = page.rows[page.rows.length - 1];
    return c.json<ResponsesPage>({
      responses: page.rows.map(toResponse),
      nextCursor: String(last ? last.seq : after),
      hasMore: page.hasMore,
    });
  })
  .get("/:id/summary", validate("param", SurveyParam), validate("query", SummaryQuery), async (c) => {
    const survey = await surveyOf(c, c.req.valid("param").id);
    const { includeFlagged, confidence } = c.req.valid("query");
    // Flagged answers count only when asked for: the rule every figure follows (shared/surveys/flags.ts).
    const include = includeFlagged === undefined ? FLAGGED_IN_FIGURES : includeFlagged === "true";
    const csi = survey.type === "csi";
    const [scores, ratings, counts] = await Promise.all([
      csi ? [] : scoreHistogram(c.env.DB, survey.id, { includeFlagged: include }),
      csi ? factorHistograms(c.env.DB, survey.id, { includeFlagged: include }) : [],
      answerCounts(c.env.DB, survey.id),
    ]);
    return c.json<SurveySummary>(
      summarizeSurvey({
        surveyId: survey.id,
        type: survey.type,
        scale: SURVEY_SCALES[survey.type],
        factors: survey.factors,
        scores,
        ratings,
        respondents: include ? counts.answers : counts.answers - counts.flagged,
        flagged: counts.flagged,
        includeFlagged: include,
        ...(confidence === undefined ? {} : { confidence }),
      }),
    );
  });
