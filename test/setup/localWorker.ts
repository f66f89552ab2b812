import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import {
  applyLocalMigrations,
  LOCAL_ENROLLMENT_KEY,
  LOCAL_LINK_SECRET,
  type LocalWorker,
  ROOT,
  startLocalWorker,
  wranglerEnv,
} from "../../scripts/lib/worker";

/** A port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface TestWorker extends LocalWorker {
  enrollmentKey: string;
  stateDir: string;
  dispose(): Promise<void>;
}

/** wrangler dev on a fresh, migrated local D1 in a temporary folder, with a known enrollment key. */
export async function startTestWorker(): Promise<TestWorker> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "rapport-test-d1-"));
  applyLocalMigrations(stateDir);
  const worker = await startLocalWorker({
    port: await freePort(),
    persistTo: stateDir,
    vars: { ENROLLMENT_KEY: LOCAL_ENROLLMENT_KEY, LINK_SECRET: LOCAL_LINK_SECRET },
  });
  return {
    ...worker,
    enrollmentKey: LOCAL_ENROLLMENT_KEY,
    stateDir,
    async dispose() {
      await worker.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

export interface DevServerWorker {
  url: string;
  enrollmentKey: string;
  dispose(): Promise<void>;
}

/**
 * The same local dev server as `wrangler dev` (wrangler's own startWorker API: Miniflare, workerd,
 * local D1), with the DevTools inspector off. `wrangler dev` always attaches the inspector and
 * relays every D1 call of a request to it (about 2 ms of CPU per call), which production never
 * does; the ingest benchmark measures both.
 */
export async function startDevServerWorker(): Promise<DevServerWorker> {
  const { unstable_startWorker } = await import("wrangler");
  Object.assign(process.env, wranglerEnv());
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "rapport-bench-d1-"));
  applyLocalMigrations(stateDir);
  const worker = await unstable_startWorker({
    config: path.join(ROOT, "wrangler.toml"),
    bindings: {
      ENROLLMENT_KEY: { type: "plain_text", value: LOCAL_ENROLLMENT_KEY },
      LINK_SECRET: { type: "plain_text", value: LOCAL_LINK_SECRET },
    },
    dev: {
      inspector: false,
      server: { hostname: "127.0.0.1", port: await freePort() },
      persist: stateDir,
      logLevel: "warn",
    },
  });
  const url = (await worker.url).toString().replace(/\/$/, "");
  return {
    url,
    enrollmentKey: LOCAL_ENROLLMENT_KEY,
    async dispose() {
      await worker.dispose();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
