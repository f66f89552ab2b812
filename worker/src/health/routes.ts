import { Hono } from "hono";
import type { HealthResponse } from "../../../shared/api/common";
import { VERSION } from "../../../shared/version";
import type { AppEnv } from "../env";

export const health = new Hono<AppEnv>().get("/", (c) => c.json<HealthResponse>({ ok: true, version: VERSION }));
