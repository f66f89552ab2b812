import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import { ApiError } from "./errors";

const encoder = new TextEncoder();

/**
 * The secret that signs every link the Worker makes (survey links, unsubscribe links); without it
 * surveys and sending are off, said plainly.
 */
export function linkSecret(c: Context<AppEnv>): string {
  const secret = c.env.LINK_SECRET;
  if (!secret) {
    throw new ApiError(403, "forbidden", "Surveys are disabled: the Worker's owner has not set LINK_SECRET.");
  }
  return secret;
}

function toHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** SHA-256 of a token, hex: what the database keeps instead of the token. */
export async function hashToken(token: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", encoder.encode(token)));
}

/** A new workspace token: "rpt_" and 32 random bytes, base64url. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `rpt_${base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}

/** The bearer credential of a request, or null. */
export function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? (match[1] as string) : null;
}

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export async function secretsEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}

/**
 * Admits a request with `Authorization: Bearer <enrollment key>`: the Worker owner's key, which
 * creates workspaces and reconnects a spreadsheet to its own.
 */
export const requireEnrollmentKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.env.ENROLLMENT_KEY;
  if (!expected) {
    throw new ApiError(403, "forbidden", "Enrollment is disabled: the Worker's owner has not set ENROLLMENT_KEY.");
  }
  const given = bearer(c.req.header("Authorization"));
  if (!given || !(await secretsEqual(given, expected))) {
    throw new ApiError(401, "unauthorized", "Send the enrollment key as 'Authorization: Bearer <key>'.");
  }
  await next();
};

/** Admits a request with `Authorization: Bearer <workspace token>` and records its workspace and token. */
export const requireWorkspace: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearer(c.req.header("Authorization"));
  if (!token) throw new ApiError(401, "unauthorized", "Send the workspace token as 'Authorization: Bearer <token>'.");
  const tokenHash = await hashToken(token);
  const row = await c.env.DB.prepare("SELECT workspace_id FROM workspace_tokens WHERE token_hash = ?")
    .bind(tokenHash)
    .first<{ workspace_id: string }>();
  if (!row) {
    throw new ApiError(
      401,
      "unauthorized",
      "The workspace token is not valid. Reconnect the spreadsheet in Settings with the enrollment key and the workspace ID.",
    );
  }
  c.set("workspaceId", row.workspace_id);
  c.set("tokenHash", tokenHash);
  await next();
};
