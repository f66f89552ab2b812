import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const WRANGLER = path.join(ROOT, "node_modules", ".bin", "wrangler");

/** The enrollment key local runs use; README shows it. Production sets its own secret. */
export const LOCAL_ENROLLMENT_KEY = "rapport-local-enrollment-key";
/** The secret that signs survey links in local runs; production sets its own (wrangler secret put LINK_SECRET). */
export const LOCAL_LINK_SECRET = "rapport-local-link-secret";

/** Environment for wrangler on a machine without internet: no telemetry, no Request.cf download. */
export function wranglerEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_LOG_SANITIZE: "true",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  };
}

/**
 * Creates .dev.vars with the local enrollment key and link secret when it is missing; an existing
 * file only gains a missing LINK_SECRET line (no value is ever overwritten).
 */
export function ensureDevVars(): boolean {
  const file = path.join(ROOT, ".dev.vars");
  if (existsSync(file)) {
    ensureLinkSecret(file);
    return false;
  }
  writeFileSync(
    file,
    `# Local secrets for wrangler dev (not committed).\nENROLLMENT_KEY=${LOCAL_ENROLLMENT_KEY}\nLINK_SECRET=${LOCAL_LINK_SECRET}\n`,
  );
  return true;
}

/** Adds the local LINK_SECRET to a .dev.vars written before surveys existed (other lines stay as they are). */
function ensureLinkSecret(file: string): void {
  const text = readFileSync(file, "utf8");
  if (/^\s*LINK_SECRET\s*=/m.test(text)) return;
  appendFileSync(file, `${text.endsWith("\n") || text === "" ? "" : "\n"}LINK_SECRET=${LOCAL_LINK_SECRET}\n`);
}

/** Applies D1 migrations to the local database (under `persistTo`, or wrangler's default .wrangler/state). */
export function applyLocalMigrations(persistTo?: string): void {
  const args = ["d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : [])];
  const result = spawnSync(WRANGLER, args, { cwd: ROOT, env: wranglerEnv(), encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`wrangler ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export interface LocalWorker {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface LocalWorkerOptions {
  port: number;
  host?: string;
  persistTo?: string;
  /** Extra variables for the Worker (passed as --var NAME:value). */
  vars?: Record<string, string>;
  /** Where wrangler's output goes; defaults to being dropped. */
  onOutput?: (line: string) => void;
  /** How long to wait for the health check. */
  timeoutMs?: number;
}

/** Starts `wrangler dev` on local D1 and resolves once GET /api/v1/health answers. */
export async function startLocalWorker(options: LocalWorkerOptions): Promise<LocalWorker> {
  const host = options.host ?? "127.0.0.1";
  const args = [
    "dev",
    "--ip",
    host,
    "--port",
    String(options.port),
    "--show-interactive-dev-session=false",
    ...(options.persistTo ? ["--persist-to", options.persistTo] : []),
    ...Object.entries(options.vars ?? {}).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ];
  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    env: wranglerEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const url = `http://${host}:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      try {
        process.kill(-(child.pid as number), "SIGTERM");
      } catch {
        resolve();
      }
      setTimeout(() => {
        try {
          process.kill(-(child.pid as number), "SIGKILL");
        } catch {}
      }, 5000).unref();
    });

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return { url, process: child, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`wrangler dev did not become healthy on ${url}:\n${output.join("\n")}`);
}
