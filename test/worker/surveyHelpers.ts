import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { ErrorBody } from "../../shared/api/common";
import {
  type CreateSurveyRequest,
  LinksResponse,
  ResponsesPage,
  Survey,
  type SurveyResponse,
} from "../../shared/api/surveys";
import { newNonce } from "../../worker/src/surveys/signing";
import { enroll, json, request } from "./helpers";

export const LINK_SECRET = env.LINK_SECRET as string;

export const NPS_SURVEY: CreateSurveyRequest = {
  type: "nps",
  title: "Spring check-in",
  question: {
    en: "How likely are you to recommend us to a friend?",
    ru: "Насколько вероятно, что вы порекомендуете нас другу?",
  },
  followUp: { en: "What is the main reason for your score?", ru: "Почему вы поставили такую оценку?" },
  anonymous: true,
};

export const CSI_SURVEY: CreateSurveyRequest = {
  type: "csi",
  title: "Service index",
  question: { en: "How satisfied are you with…", ru: "Насколько вы довольны…" },
  factors: [
    { id: "speed", label: { en: "Speed of delivery", ru: "Скоростью доставки" }, weight: 3 },
    { id: "quality", label: { en: "Product quality", ru: "Качеством товара" }, weight: 5 },
    { id: "support", label: { en: "Support", ru: "Поддержкой" }, weight: 2 },
  ],
  anonymous: true,
};

/** A workspace with an API client bound to its token. */
export async function workspace() {
  const { token, workspaceId } = await enroll();
  const call = (method: string, path: string, body?: unknown) =>
    request(
      `/api/v1${path}`,
      body === undefined ? { method, headers: { Authorization: `Bearer ${token}` } } : json(method, body, token),
    );
  return {
    token,
    workspaceId,
    call,
    async create(body: unknown = NPS_SURVEY): Promise<Survey> {
      const response = await call("POST", "/surveys", body);
      expect(response.status, await response.clone().text()).toBe(201);
      return Survey.parse(await response.json());
    },
    async links(surveyId: string, contacts: string[], lang?: "en" | "ru") {
      const response = await call("POST", `/surveys/${surveyId}/links`, {
        contacts: contacts.map((id) => ({ id })),
        ...(lang ? { lang } : {}),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return LinksResponse.parse(await response.json()).links;
    },
    async page(surveyId: string, query = "") {
      const response = await call("GET", `/surveys/${surveyId}/responses${query}`);
      expect(response.status, await response.clone().text()).toBe(200);
      return ResponsesPage.parse(await response.json());
    },
    async responses(surveyId: string): Promise<SurveyResponse[]> {
      const all: SurveyResponse[] = [];
      let cursor = "0";
      for (;;) {
        const page = await this.page(surveyId, `?cursor=${cursor}&limit=1000`);
        all.push(...page.responses);
        cursor = page.nextCursor;
        if (!page.hasMore) return all;
      }
    },
  };
}

export async function expectApiError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body = ErrorBody.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body;
}

/** The path and query of an absolute URL the Worker returned. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** The hidden and filled fields of the first form in a page. */
export function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1] as string] = decodeEntities(match[2] as string);
  }
  return fields;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** GETs a respondent page; returns status, HTML and its form's hidden fields. */
export async function openPage(path: string, headers: Record<string, string> = {}) {
  const response = await request(path, { headers });
  const html = await response.text();
  return { response, status: response.status, html, fields: formFields(html) };
}

let ipCounter = 0;
/** A new client address, so tests do not share rate limits or same-IP counts unless they mean to. */
export function freshIp(): string {
  ipCounter++;
  return `192.0.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** POSTs a respondent form (application/x-www-form-urlencoded) without following the redirect. */
export function post(path: string, fields: Record<string, string>, options: { ip?: string; cookie?: string } = {}) {
  return request(path, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "CF-Connecting-IP": options.ip ?? freshIp(),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

/** A nonce as if the page had been served `ageMs` ago (a person takes a few seconds to answer). */
export function nonceServedAgo(surveyId: string, ageMs = 10_000): Promise<string> {
  return newNonce(LINK_SECRET, surveyId, Date.now() - ageMs);
}

/** Opens the survey page at `path` and sends `score` with its form, as a person a while later would. */
export async function answer(
  path: string,
  extra: Record<string, string>,
  options: { ip?: string; cookie?: string; ageMs?: number } = {},
) {
  const page = await openPage(path);
  expect(page.status, page.html).toBe(200);
  const surveyId = new URL(path, "https://x").pathname.split("/")[2] as string;
  const fields = { ...page.fields, nonce: await nonceServedAgo(surveyId, options.ageMs ?? 10_000), ...extra };
  return post(`/s/${surveyId}`, fields, options);
}

/** The `r=` token in a redirect to the follow-up page. */
export function tokenOf(response: Response): string {
  const location = response.headers.get("location") ?? "";
  const token = new URL(location, "https://x").searchParams.get("r");
  if (!token) throw new Error(`no answer token in ${response.status} ${location}`);
  return token;
}

export async function rows(surveyId: string) {
  const { results } = await env.DB.prepare("SELECT * FROM responses WHERE survey_id = ? ORDER BY seq")
    .bind(surveyId)
    .all<Record<string, unknown>>();
  return results;
}
