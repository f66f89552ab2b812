import { exports } from "cloudflare:workers";

export const ENROLLMENT_KEY = "test-enrollment-key";
const BASE = "https://rapport.test";

/** Sends a request to the Worker under test (the same module `wrangler dev` serves). */
export function request(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

export function json(method: string, body: unknown, token?: string): RequestInit {
  return {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  };
}

/** Enrolls a new workspace with the test enrollment key and returns its id and token. */
export async function enroll(name = "Test workbook"): Promise<{ workspaceId: string; token: string }> {
  const response = await request("/api/v1/workspaces", json("POST", { name }, ENROLLMENT_KEY));
  if (response.status !== 201) throw new Error(`enrollment failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { workspaceId: string; token: string };
}
