import { Hono } from "hono";
import {
  EnrollmentRequest,
  type EnrollmentResponse,
  type RevokeResponse,
  type WorkspaceResponse,
} from "../../../shared/api/common";
import { hashToken, newToken, requireEnrollmentKey } from "../auth";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
import { validate } from "../validation";

/**
 * A new token of a workspace, and the statement that keeps its hash: one token per spreadsheet
 * connected to the workspace. The caller runs the statement (alone, or in a batch).
 */
async function newWorkspaceToken(
  db: D1Database,
  workspaceId: string,
  at: string,
): Promise<{ token: string; hash: string; insert: D1PreparedStatement }> {
  const token = newToken();
  const hash = await hashToken(token);
  const insert = db
    .prepare("INSERT INTO workspace_tokens (token_hash, workspace_id, created_at) VALUES (?, ?, ?)")
    .bind(hash, workspaceId, at);
  return { token, hash, insert };
}

/**
 * `POST /api/v1/workspaces`: enroll a spreadsheet with the owner's enrollment key (a new workspace).
 * `POST /api/v1/workspaces/:id/tokens`: reconnect a spreadsheet to an existing workspace (a token
 * lost or forgotten, a copy of the spreadsheet) with the same key and the workspace's id; its
 * surveys and answers are all still there. A workspace token never opens another workspace: only
 * the key, which the Worker's owner holds, reaches a workspace by its id.
 */
export const enrollment = new Hono<AppEnv>()
  .post("/", requireEnrollmentKey, validate("json", EnrollmentRequest), async (c) => {
    const { name } = c.req.valid("json");
    const workspaceId = crypto.randomUUID();
    const at = new Date().toISOString();
    const { token, hash, insert } = await newWorkspaceToken(c.env.DB, workspaceId, at);
    await c.env.DB.batch([
      c.env.DB.prepare("INSERT INTO workspaces (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)").bind(
        workspaceId,
        name ?? null,
        hash,
        at,
      ),
      insert,
    ]);
    return c.json<EnrollmentResponse>({ workspaceId, token }, 201);
  })
  .post("/:id/tokens", requireEnrollmentKey, async (c) => {
    const workspaceId = c.req.param("id");
    const row = await c.env.DB.prepare("SELECT id FROM workspaces WHERE id = ?")
      .bind(workspaceId)
      .first<{ id: string }>();
    if (!row) throw new ApiError(404, "not_found", "No workspace with this ID on this Worker.");
    const { token, insert } = await newWorkspaceToken(c.env.DB, row.id, new Date().toISOString());
    await insert.run();
    return c.json<EnrollmentResponse>({ workspaceId: row.id, token }, 201);
  });

/**
 * `GET /api/v1/workspace` (behind the token middleware): which workspace this token opens, for the
 * add-on's connection test. `DELETE /api/v1/workspace/token`: revokes the caller's own token (a
 * spreadsheet forgetting its enrollment); the workspace and its other tokens stay.
 */
export const workspace = new Hono<AppEnv>()
  .get("/", async (c) => {
    const row = await c.env.DB.prepare("SELECT id, created_at FROM workspaces WHERE id = ?")
      .bind(c.get("workspaceId"))
      .first<{ id: string; created_at: string }>();
    if (!row) throw new ApiError(404, "not_found", "Workspace not found.");
    return c.json<WorkspaceResponse>({ workspaceId: row.id, createdAt: row.created_at });
  })
  .delete("/token", async (c) => {
    await c.env.DB.prepare("DELETE FROM workspace_tokens WHERE token_hash = ?").bind(c.get("tokenHash")).run();
    return c.json<RevokeResponse>({ revoked: true });
  });
