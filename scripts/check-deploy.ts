/**
 * `npm run check:deploy` (CI runs it after the build): what `wrangler deploy` would upload, held
 * to budgets, so a deploy cannot fail late. The bundle (wrangler deploy --dry-run) must stay
 * within WORKER_BUNDLE_BUDGET, raw and gzipped; Cloudflare's own limits are 3 MB gzipped on the
 * Free plan and 10 MB on Paid. The Worker's startup, profiled by `wrangler check startup`, must
 * stay under Cloudflare's 1 s limit (developers.cloudflare.com/workers/platform/limits/#worker-startup-time);
 * locally it takes about 80 ms, so only a real regression trips it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT, WRANGLER, wranglerEnv } from "./lib/worker";

export const WORKER_BUNDLE_BUDGET = { rawBytes: 1_500_000, gzipBytes: 280_000 };
export const STARTUP_BUDGET_MS = 1_000;

function wrangler(args: string[]): string {
  const result = spawnSync(WRANGLER, args, { cwd: ROOT, env: wranglerEnv(), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "rapport-deploy-"));
const problems: string[] = [];
try {
  wrangler(["deploy", "--dry-run", "--outdir", dir]);
  const bundle = readFileSync(path.join(dir, "index.js"));
  const gzip = gzipSync(bundle).length;
  console.log(
    `Worker bundle: ${bundle.length} bytes, ${gzip} gzipped (budget ${WORKER_BUNDLE_BUDGET.rawBytes} / ${WORKER_BUNDLE_BUDGET.gzipBytes})`,
  );
  if (bundle.length > WORKER_BUNDLE_BUDGET.rawBytes)
    problems.push(`bundle ${bundle.length} bytes > ${WORKER_BUNDLE_BUDGET.rawBytes}`);
  if (gzip > WORKER_BUNDLE_BUDGET.gzipBytes)
    problems.push(`gzipped bundle ${gzip} bytes > ${WORKER_BUNDLE_BUDGET.gzipBytes}`);

  const profile = path.join(dir, "startup.cpuprofile");
  wrangler(["check", "startup", "--outfile", profile]);
  const { startTime, endTime } = JSON.parse(readFileSync(profile, "utf8")) as { startTime: number; endTime: number };
  const startupMs = (endTime - startTime) / 1000;
  console.log(`Worker startup (local profile): ${startupMs.toFixed(0)} ms (budget ${STARTUP_BUDGET_MS} ms)`);
  if (startupMs > STARTUP_BUDGET_MS) problems.push(`startup ${startupMs.toFixed(0)} ms > ${STARTUP_BUDGET_MS} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`check:deploy failed: ${problems.join("; ")}`);
  process.exit(1);
}
