import { Hono } from "hono";
import { EnrollmentRequest, type EnrollmentResponse, type WorkspaceResponse } from "../../../shared/api/common";
import { bearer, hashToken, newToken, secretsEqual } from "../auth";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
import { validate } from "../validation";

/** `POST /api/v1/workspaces`: enroll a spreadsheet with the owner's enrollment key. */
export const enrollment = new Hono<AppEnv>().post(
  "/",
  async (c, next) => {
    const expected = c.env.ENROLLMENT_KEY;
    if (!expected) {
      throw new ApiError(403, "forbidden", "Enrollment is disabled: the Worker's owner has not set ENROLLMENT_KEY.");
    }
    const given = bearer(c.req.header("Authorization"));
    if (!given || !(await secretsEqual(given, expected))) {
      throw new ApiError(401, "unauthorized", "Send the enrollment key as 'Authorization: Bearer <key>'.");
    }
    await next();
  },
  validate("json", EnrollmentRequest),
  async (c) => {
    const { name } = c.req.valid("json");
    const workspaceId = crypto.randomUUID();
    const token = newToken();
    await c.env.DB.prepare("INSERT INTO workspaces (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)")
      .bind(workspaceId, name ?? null, await hashToken(token), new Date().toISOString())
      .run();
    return c.json<EnrollmentResponse>({ workspaceId, token }, 201);
  },
);

/** `GET /api/v1/workspace` (behind the token middleware): which workspace this token opens, for the add-on's connection test. */
export const workspace = new Hono<AppEnv>().get("/", async (c) => {
  const row = await c.env.DB.prepare("SELECT id, created_at FROM workspaces WHERE id = ?")
    .bind(c.get("workspaceId"))
    .first<{ id: string; created_at: string }>();
  if (!row) throw new ApiError(404, "not_found", "Workspace not found.");
  return c.json<WorkspaceResponse>({ workspaceId: row.id, createdAt: row.created_at });
});
