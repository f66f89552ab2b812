import { describe, expect, it } from "vitest";
import { Survey } from "../../shared/api/surveys";
import { createApp } from "../../worker/src/app";
import { enroll, json, request } from "./helpers";

interface OpenApi {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

async function fetchDocument(): Promise<OpenApi> {
  const response = await request("/api/v1/openapi.json");
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApi;
}

describe("GET /api/v1/openapi.json", () => {
  it("is served without a token as an OpenAPI 3.1 document with the one error shape", async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
  });

  it("describes every /api/v1 route the Worker serves, and no other", async () => {
    const doc = await fetchDocument();
    const served = new Set(
      createApp()
        .routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/"))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}").replace(/\/$/, "")}`),
    );
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`)),
    );
    expect([...described].sort()).toEqual([...served].sort());
    expect(served.size).toBeGreaterThanOrEqual(14);
  });

  it("marks which routes need the workspace token, and those routes refuse a request without one", async () => {
    const doc = await fetchDocument();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const open = op.security.length === 0 || path === "/api/v1/workspaces";
        if (open) continue;
        const response = await request(path.replace("{id}", "x"), { method: method.toUpperCase() });
        expect(response.status, `${method} ${path}`).toBe(401);
      }
    }
  });

  it("describes a survey as the Worker answers it", async () => {
    const { token } = await enroll();
    const created = await request(
      "/api/v1/surveys",
      json("POST", { type: "nps", title: "T", question: { en: "Q?" } }, token),
    );
    const body = await created.json();
    // The document's schema for this answer comes from the same zod schema the add-on checks with.
    expect(Survey.safeParse(body).success).toBe(true);
    const doc = await fetchDocument();
    const schema = doc.paths["/api/v1/surveys"]?.post?.responses["201"] as {
      content: { "application/json": { schema: { required: string[] } } };
    };
    for (const field of schema.content["application/json"].schema.required) expect(body).toHaveProperty(field);
  });
});
