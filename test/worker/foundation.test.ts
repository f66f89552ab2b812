import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody, HealthResponse } from "../../shared/api/common";
import { VERSION } from "../../shared/version";
import { ENROLLMENT_KEY, enroll, json, request } from "./helpers";
import { NPS_SURVEY } from "./surveyHelpers";

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body = ErrorBody.parse(await response.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

describe("health", () => {
  it("answers ok with the version, without a token", async () => {
    const response = await request("/api/v1/health");
    expect(response.status).toBe(200);
    expect(HealthResponse.parse(await response.json())).toEqual({ ok: true, version: VERSION });
  });

  it("sends security headers and forbids framing API responses", async () => {
    const response = await request("/api/v1/health");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("errors", () => {
  it("answers unknown routes with the JSON error shape", async () => {
    await expectError(await request("/nope"), 404, "not_found");
  });

  it("rejects malformed JSON with bad_request", async () => {
    const response = await request("/api/v1/workspaces", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${ENROLLMENT_KEY}` },
      body: "{not json",
    });
    await expectError(response, 400, "bad_request");
  });

  it("rejects a body of the wrong shape with validation_failed naming the field", async () => {
    const response = await request("/api/v1/workspaces", json("POST", { name: 42 }, ENROLLMENT_KEY));
    const body = await expectError(response, 400, "validation_failed");
    expect(body.error.message).toContain("name");
  });

  it("rejects oversized bodies with payload_too_large", async () => {
    const response = await request(
      "/api/v1/workspaces",
      json("POST", { name: "x".repeat(2 * 1024 * 1024) }, ENROLLMENT_KEY),
    );
    await expectError(response, 413, "payload_too_large");
  });
});

describe("enrollment", () => {
  it("creates a workspace and returns its token once", async () => {
    const { workspaceId, token } = await enroll();
    expect(workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(token).toMatch(/^rpt_[A-Za-z0-9_-]{43}$/);
  });

  it("stores only a hash of the token", async () => {
    const { workspaceId, token } = await enroll();
    const row = await env.DB.prepare("SELECT * FROM workspaces WHERE id = ?")
      .bind(workspaceId)
      .first<Record<string, unknown>>();
    expect(row).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a missing or wrong enrollment key", async () => {
    await expectError(await request("/api/v1/workspaces", json("POST", {})), 401, "unauthorized");
    await expectError(await request("/api/v1/workspaces", json("POST", {}, "wrong-key")), 401, "unauthorized");
  });

  it("refuses a workspace token in place of the enrollment key", async () => {
    const { token } = await enroll();
    await expectError(await request("/api/v1/workspaces", json("POST", {}, token)), 401, "unauthorized");
  });

  it("accepts an empty body", async () => {
    const response = await request("/api/v1/workspaces", {
      method: "POST",
      headers: { Authorization: `Bearer ${ENROLLMENT_KEY}`, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(201);
  });
});

describe("reconnecting a spreadsheet to its workspace", () => {
  const reconnect = (workspaceId: string, key?: string) =>
    request(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/tokens`, json("POST", {}, key));
  const whoIs = async (token: string) => {
    const r = await request("/api/v1/workspace", { headers: { Authorization: `Bearer ${token}` } });
    return r.status === 200 ? ((await r.json()) as { workspaceId: string }).workspaceId : r.status;
  };

  it("gives a new token of the same workspace with the enrollment key and its id; the surveys are all there", async () => {
    const { workspaceId, token } = await enroll();
    const created = await request("/api/v1/surveys", json("POST", NPS_SURVEY, token));
    expect(created.status).toBe(201);
    const response = await reconnect(workspaceId, ENROLLMENT_KEY);
    expect(response.status).toBe(201);
    const again = (await response.json()) as { workspaceId: string; token: string };
    expect(again.workspaceId).toBe(workspaceId);
    expect(again.token).not.toBe(token);
    expect(await whoIs(again.token)).toBe(workspaceId);
    // Both spreadsheets (the original and, say, its copy) reach the same surveys.
    const list = await request("/api/v1/surveys", { headers: { Authorization: `Bearer ${again.token}` } });
    expect(((await list.json()) as { surveys: unknown[] }).surveys).toHaveLength(1);
    expect(await whoIs(token)).toBe(workspaceId);
  });

  it("needs the enrollment key, never a token (of this workspace or another), and an existing id", async () => {
    const a = await enroll("A");
    const b = await enroll("B");
    await expectError(await reconnect(a.workspaceId), 401, "unauthorized");
    await expectError(await reconnect(a.workspaceId, "wrong-key"), 401, "unauthorized");
    await expectError(await reconnect(a.workspaceId, b.token), 401, "unauthorized");
    await expectError(await reconnect(a.workspaceId, a.token), 401, "unauthorized");
    await expectError(await reconnect("00000000-0000-4000-8000-000000000000", ENROLLMENT_KEY), 404, "not_found");
  });

  it("revokes only the caller's token when a spreadsheet forgets its enrollment", async () => {
    const { workspaceId, token } = await enroll();
    const copy = (await (await reconnect(workspaceId, ENROLLMENT_KEY)).json()) as { token: string };
    const revoked = await request("/api/v1/workspace/token", {
      method: "DELETE",
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ revoked: true });
    expect(await whoIs(token)).toBe(401);
    expect(await whoIs(copy.token)).toBe(workspaceId);
    // The token is gone for good: a second revoke with it is refused.
    await expectError(
      await request("/api/v1/workspace/token", { method: "DELETE", headers: { Authorization: `Bearer ${token}` } }),
      401,
      "unauthorized",
    );
  });
});

describe("token middleware", () => {
  it("admits a valid workspace token and tells which workspace it opens", async () => {
    const { workspaceId, token } = await enroll();
    const response = await request("/api/v1/workspace", { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ workspaceId });
  });

  it("answers 401 for a missing, malformed or wrong token", async () => {
    await expectError(await request("/api/v1/workspace"), 401, "unauthorized");
    await expectError(
      await request("/api/v1/workspace", { headers: { Authorization: "Basic abc" } }),
      401,
      "unauthorized",
    );
    await expectError(
      await request("/api/v1/workspace", { headers: { Authorization: "Bearer rpt_not-a-real-token" } }),
      401,
      "unauthorized",
    );
  });

  it("guards every other /api/v1 route, known or not", async () => {
    await expectError(await request("/api/v1/anything-else"), 401, "unauthorized");
  });

  it("keeps two workspaces apart", async () => {
    const a = await enroll("A");
    const b = await enroll("B");
    const seen = await Promise.all(
      [a, b].map(async ({ token }) => {
        const r = await request("/api/v1/workspace", { headers: { Authorization: `Bearer ${token}` } });
        return ((await r.json()) as { workspaceId: string }).workspaceId;
      }),
    );
    expect(seen).toEqual([a.workspaceId, b.workspaceId]);
  });
});
