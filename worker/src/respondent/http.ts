import type { Context } from "hono";
import type { ContentfulStatusCode, RedirectStatusCode } from "hono/utils/http-status";
import type { Locale } from "../../../shared/i18n/locale";
import type { AppEnv } from "../env";
import type { SurveyDefinition } from "../surveys/rows";
import { acceptedLanguages, explicitLanguage } from "./language";
import { pageCssHash } from "./style";
import { type StatusKind, statusPage } from "./views";

/**
 * How the respondent routes answer: an HTML page with its security headers, a redirect, or a
 * status page in the reader's language with the fitting status code. Never cached.
 */

type C = Context<AppEnv>;

export async function page(c: C, status: ContentfulStatusCode, body: string, headers: Record<string, string> = {}) {
  const styleHash = await pageCssHash();
  c.header("Content-Type", "text/html; charset=utf-8");
  c.header(
    "Content-Security-Policy",
    `default-src 'none'; style-src ${styleHash}; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  );
  c.header("Cache-Control", "no-store");
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.body(body, status);
}

export function redirect(c: C, location: string, status: RedirectStatusCode = 303) {
  c.header("Cache-Control", "no-store");
  return c.redirect(location, status);
}

const STATUS_CODES: Record<StatusKind, ContentfulStatusCode> = {
  notFound: 404,
  closed: 410,
  full: 410,
  badLink: 403,
  inviteOnly: 403,
  throttled: 403,
  rateLimited: 429,
  tooLarge: 413,
  badForm: 400,
  error: 503,
};

export function status(
  c: C,
  lang: Locale,
  kind: StatusKind,
  options: {
    survey?: SurveyDefinition | null;
    days?: number;
    retryAfter?: number;
    backHref?: string;
    other?: string;
  } = {},
) {
  const body = statusPage(lang, kind, {
    surveyTitle: options.survey?.title,
    params: options.days !== undefined ? { days: options.days } : undefined,
    backHref: options.backHref,
    otherLanguageHref: options.other ?? (c.req.method === "GET" ? sameUrlInOtherLanguage(c, lang) : undefined),
  });
  return page(c, STATUS_CODES[kind], body, options.retryAfter ? { "Retry-After": String(options.retryAfter) } : {});
}

/** The URL of this GET request with `lang=` set to the other language. */
export function sameUrlInOtherLanguage(c: C, lang: Locale): string {
  const url = new URL(c.req.url);
  url.searchParams.set("lang", lang === "en" ? "ru" : "en");
  return `${url.pathname}${url.search}`;
}

/** The browser's language before the survey is known (status pages of unknown surveys). */
export function browserLanguage(c: C, explicit?: string | null): Locale {
  return explicitLanguage(explicit) ?? acceptedLanguages(c.req.header("Accept-Language"))[0] ?? "en";
}

export function query(params: Record<string, string | undefined | null>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/**
 * The same GET page in the other language, or undefined when the page's survey is written in one
 * language only (the page stays in it; a switch would change nothing).
 */
export function otherLanguage(
  path: string,
  lang: Locale,
  params: Record<string, string | undefined | null> = {},
  languages: readonly Locale[] = ["en", "ru"],
): string | undefined {
  if (languages.length < 2) return undefined;
  return `${path}${query({ ...params, lang: lang === "en" ? "ru" : "en" })}`;
}
