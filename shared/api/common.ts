import * as z from "zod/mini";

/*
 * Schemas shared by the Worker and the add-on are written with zod/mini: the same validation as
 * classic zod in a functional form that bundles to about a quarter of the size, which matters
 * because Apps Script parses all of Code.js for every formula cell (docs/benchmarks.md).
 */

/** Stable error codes of the Worker's JSON API. Clients branch on these, never on message text. */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "conflict",
  "unprocessable",
  "internal_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error shape of every failed API call: `{"error": {"code", "message", "details"?}}`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * The most one UrlFetchApp call may send, and receive: 50 MB each way
 * (developers.google.com/apps-script/guides/services/quotas). The add-on refuses to send more, and
 * the Worker refuses to answer the add-on's requests with more.
 */
export const URL_FETCH_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Text the Worker stores must be well-formed Unicode: a lone surrogate (only JSON's `\ud800`
 * escapes can send one) cannot be written as UTF-8 and would come back as U+FFFD.
 */
export function wellFormed(schema: z.ZodMiniString): z.ZodMiniString {
  return schema.check(
    z.refine((text) => !/\p{Cs}/u.test(text), {
      message: "contains a lone surrogate (a \\uD800–\\uDFFF escape without its pair); send well-formed Unicode",
    }),
  );
}

/** `GET /api/v1/health`. */
export const HealthResponse = z.object({ ok: z.literal(true), version: z.string() });
export type HealthResponse = z.infer<typeof HealthResponse>;

/** `POST /api/v1/workspaces` (enrollment): the new workspace and its token, shown only this once. */
export const EnrollmentResponse = z.object({
  workspaceId: z.string().check(z.minLength(1)),
  token: z.string().check(z.minLength(1)),
});
export type EnrollmentResponse = z.infer<typeof EnrollmentResponse>;

/** `DELETE /api/v1/workspace/token`: the caller's token no longer opens the workspace. */
export const RevokeResponse = z.object({ revoked: z.literal(true) });
export type RevokeResponse = z.infer<typeof RevokeResponse>;

/** `GET /api/v1/workspace`: the workspace a token belongs to, for the add-on's connection test. */
export const WorkspaceResponse = z.object({
  workspaceId: z.string().check(z.minLength(1)),
  createdAt: z.string(),
});
export type WorkspaceResponse = z.infer<typeof WorkspaceResponse>;

/** `POST /api/v1/workspaces` body: an optional label so the Worker's owner can tell workspaces apart. */
export const EnrollmentRequest = z.object({
  name: z.optional(wellFormed(z.string().check(z.trim(), z.maxLength(200)))),
});
export type EnrollmentRequest = z.infer<typeof EnrollmentRequest>;
