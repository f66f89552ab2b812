/**
 * Load generator for survey ingestion against a running Worker (wrangler dev): many respondents at
 * once open a survey page (personal or anonymous link) and send a score. Used by the ingest
 * benchmark (`npm run bench`) and by the fault test (test/system), which stops the Worker in the
 * middle. Every acknowledged submission is then checked to be stored exactly once.
 */
import type { LinksResponse, ResponsesPage, Survey } from "../../shared/api/surveys";

export interface Workspace {
  baseUrl: string;
  token: string;
}

export async function enrollWorkspace(baseUrl: string, enrollmentKey: string): Promise<Workspace> {
  const response = await fetch(`${baseUrl}/api/v1/workspaces`, {
    method: "POST",
    headers: { Authorization: `Bearer ${enrollmentKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "ingest" }),
  });
  if (response.status !== 201) throw new Error(`enrollment failed: ${response.status} ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  return { baseUrl, token };
}

async function api<T>(ws: Workspace, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${ws.baseUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${ws.token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function createIngestSurvey(ws: Workspace): Promise<Survey> {
  return api<Survey>(ws, "POST", "/surveys", {
    type: "nps",
    title: "Ingest",
    question: { en: "How likely are you to recommend us?", ru: "Порекомендуете ли вы нас?" },
    followUp: { en: "Why?" },
    anonymous: true,
  });
}

/** One respondent's form: the page was served (nonce), the score is chosen. */
export interface Form {
  index: number;
  contactId: string | null;
  body: string;
  score: number;
  ip: string;
}

/** A distinct client address per respondent (Cloudflare passes it as CF-Connecting-IP). */
export function respondentIp(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/** Runs `task` over 0…count-1 with `concurrency` workers. */
export async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        await task(index);
      }
    }),
  );
}

/**
 * Opens `count` survey pages (half through personal links) and keeps their forms. Pages are
 * served before the timed submissions, so the timing measures ingestion only.
 */
export async function openForms(ws: Workspace, survey: Survey, count: number, concurrency: number): Promise<Form[]> {
  const personal = Math.floor(count / 2);
  const links: string[] = [];
  for (let start = 0; start < personal; start += 500) {
    const contacts = Array.from({ length: Math.min(500, personal - start) }, (_, i) => ({ id: `C-${start + i}` }));
    const { links: batch } = await api<LinksResponse>(ws, "POST", `/surveys/${survey.id}/links`, { contacts });
    links.push(...batch.map((link) => link.url));
  }
  const forms: Form[] = new Array(count);
  await pool(count, concurrency, async (index) => {
    const url = index < personal ? (links[index] as string) : survey.url;
    const html = await retryingText(url);
    const nonce = /name="nonce" value="([^"]+)"/.exec(html)?.[1];
    if (!nonce) throw new Error(`no form at ${url}`);
    const fields = new URLSearchParams({ nonce, lang: "en", score: String(index % 11) });
    for (const name of ["c", "k"]) {
      const value = new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
      if (value) fields.set(name, decodeHtml(value));
    }
    forms[index] = {
      index,
      contactId: index < personal ? `C-${index}` : null,
      body: fields.toString(),
      score: index % 11,
      ip: respondentIp(index),
    };
  });
  return forms;
}

function decodeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function retryingText(url: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
      if (attempt > 50) throw new Error(`GET ${url}: ${response.status}`);
    } catch (error) {
      if (attempt > 50) throw error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Ack {
  form: Form;
  responseId: string;
}

export interface SubmitResult {
  acks: Ack[];
  /** Submissions that failed for good (no retry wanted, or a refusal such as 429). */
  failures: string[];
  /** Attempts that failed and were sent again (network error or 5xx while the Worker was down). */
  retries: number;
  /** Forms that were stored, lost their acknowledgement and were sent again. */
  resentAfterLostAck: number;
  latenciesMs: number[];
  elapsedMs: number;
}

export interface SubmitOptions {
  concurrency: number;
  /** Send again after a network error or 5xx, as a respondent's browser would on reload. */
  retry?: boolean;
  /** Called after each acknowledged submission (the fault test stops the Worker from here). */
  onAck?: (count: number) => void;
  /**
   * Forms whose first acknowledgement is lost on the way back (the phone's connection drops after
   * the Worker stored the answer): the respondent sends the same form again.
   */
  loseFirstAck?: (index: number) => boolean;
}

/** Posts every form; an acknowledgement is the 303 to the follow-up page naming the stored answer. */
export async function submitForms(
  baseUrl: string,
  surveyId: string,
  forms: Form[],
  options: SubmitOptions,
): Promise<SubmitResult> {
  const acks: Ack[] = [];
  const failures: string[] = [];
  const latenciesMs: number[] = [];
  let retries = 0;
  let resentAfterLostAck = 0;
  const started = performance.now();
  await pool(forms.length, options.concurrency, async (index) => {
    const form = forms[index] as Form;
    for (let attempt = 0; ; attempt++) {
      const sent = performance.now();
      let outcome: string;
      try {
        const response = await fetch(`${baseUrl}/s/${surveyId}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": form.ip },
          body: form.body,
          redirect: "manual",
        });
        await response.arrayBuffer();
        const location = response.headers.get("location") ?? "";
        const id = /[?&]r=([0-9a-f-]{36})\./.exec(location)?.[1];
        if (response.status === 303 && id && attempt === 0 && options.loseFirstAck?.(index)) {
          resentAfterLostAck++;
          continue;
        }
        if (response.status === 303 && id) {
          latenciesMs.push(performance.now() - sent);
          acks.push({ form, responseId: id });
          options.onAck?.(acks.length);
          return;
        }
        outcome = `HTTP ${response.status}`;
        if (response.status < 500) {
          failures.push(`form ${index}: ${outcome}`);
          return;
        }
      } catch (error) {
        outcome = (error as Error).message;
      }
      if (!options.retry || attempt > 600) {
        failures.push(`form ${index}: ${outcome}`);
        return;
      }
      retries++;
      await new Promise((r) => setTimeout(r, 50 + Math.min(attempt, 10) * 50));
    }
  });
  return { acks, failures, retries, resentAfterLostAck, latenciesMs, elapsedMs: performance.now() - started };
}

/** Every answer of the survey, paged by cursor. */
export async function allResponses(ws: Workspace, surveyId: string): Promise<ResponsesPage["responses"]> {
  const all: ResponsesPage["responses"] = [];
  let cursor = "0";
  for (;;) {
    const page = await api<ResponsesPage>(ws, "GET", `/surveys/${surveyId}/responses?cursor=${cursor}&limit=1000`);
    all.push(...page.responses);
    cursor = page.nextCursor;
    if (!page.hasMore) return all;
  }
}

export interface Verification {
  stored: number;
  problems: string[];
}

/**
 * Checks the store against what was acknowledged: each acknowledged answer is there once with the
 * score sent (and the contact of its link), and nothing else is there: no answer twice, no
 * answer that no form sent.
 */
export async function verifyStored(ws: Workspace, surveyId: string, forms: Form[], acks: Ack[]): Promise<Verification> {
  const rows = await allResponses(ws, surveyId);
  const problems: string[] = [];
  const byId = new Map<string, number>();
  for (const row of rows) byId.set(row.id, (byId.get(row.id) ?? 0) + 1);
  for (const [id, n] of byId) if (n > 1) problems.push(`answer ${id} listed ${n} times`);
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const ackedForms = new Set<number>();
  for (const ack of acks) {
    if (ackedForms.has(ack.form.index)) problems.push(`form ${ack.form.index} acknowledged twice`);
    ackedForms.add(ack.form.index);
    const row = rowById.get(ack.responseId);
    if (!row) {
      problems.push(`acknowledged answer ${ack.responseId} (form ${ack.form.index}) is missing`);
      continue;
    }
    if (row.score !== ack.form.score) problems.push(`answer ${row.id}: score ${row.score}, sent ${ack.form.score}`);
    if (row.contactId !== ack.form.contactId)
      problems.push(`answer ${row.id}: contact ${row.contactId}, sent ${ack.form.contactId}`);
  }
  const contacts = rows.filter((row) => row.contactId !== null).map((row) => row.contactId);
  if (new Set(contacts).size !== contacts.length) problems.push("a contact has more than one answer");
  // Every stored answer must come from a distinct form: as many rows as forms that reached the Worker.
  if (rows.length !== new Set(acks.map((a) => a.responseId)).size) {
    problems.push(`${rows.length} answers stored for ${acks.length} acknowledged submissions of ${forms.length} forms`);
  }
  return { stored: rows.length, problems };
}

export interface LatencySummary {
  count: number;
  throughputPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function summarize(latenciesMs: readonly number[], elapsedMs: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    count: sorted.length,
    throughputPerSecond: (sorted.length / elapsedMs) * 1000,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

/** Latencies and wall time of `count` requests to the trivial route (GET /api/v1/health), `concurrency` at a time. */
export async function hammerHealth(
  baseUrl: string,
  count: number,
  concurrency: number,
): Promise<{ latenciesMs: number[]; elapsedMs: number }> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  await pool(count, concurrency, async () => {
    const sent = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/health`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`health: ${response.status}`);
    latenciesMs.push(performance.now() - sent);
  });
  return { latenciesMs, elapsedMs: performance.now() - started };
}
