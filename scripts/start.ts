/**
 * `npm start`: builds the add-on, applies local D1 migrations, starts the Worker (wrangler dev,
 * local persisted D1) and the add-on preview. Ports: RAPPORT_WORKER_PORT (8787),
 * RAPPORT_PREVIEW_PORT (8788); RAPPORT_HOST (127.0.0.1). Ctrl-C stops everything.
 */
import { buildAddon } from "../addon/build/build";
import { startPreview } from "../addon/preview/server";
import { applyLocalMigrations, ensureDevVars, LOCAL_ENROLLMENT_KEY, startLocalWorker } from "./lib/worker";

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number from 1 to 65535, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const host = process.env.RAPPORT_HOST || "127.0.0.1";
  const workerPort = port("RAPPORT_WORKER_PORT", 8787);
  const previewPort = port("RAPPORT_PREVIEW_PORT", 8788);
  const verbose = process.env.RAPPORT_VERBOSE === "1";

  console.log("Building the add-on…");
  await buildAddon();
  if (ensureDevVars()) console.log(`Created .dev.vars with the local enrollment key "${LOCAL_ENROLLMENT_KEY}".`);
  console.log("Applying local D1 migrations…");
  applyLocalMigrations();
  console.log("Starting the Worker…");
  const worker = await startLocalWorker({
    port: workerPort,
    host,
    onOutput: (line) => {
      if (verbose || /error|✘/i.test(line)) console.log(`[worker] ${line}`);
    },
  });
  const preview = await startPreview({ port: previewPort, host, workerUrl: `${worker.url}/` });

  console.log("");
  console.log(`  Worker   ${worker.url}   (health: ${worker.url}/api/v1/health)`);
  console.log(`  Preview  ${preview.url}   (demo workbook + add-on sidebar)`);
  console.log("");
  console.log(`  Local enrollment key: ${LOCAL_ENROLLMENT_KEY}   (from .dev.vars)`);
  console.log("  Press Ctrl-C to stop.");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await Promise.allSettled([preview.close(), worker.stop()]);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // If this process dies some other way, do not leave wrangler running in its own process group.
  process.once("exit", () => {
    try {
      process.kill(-(worker.process.pid as number), "SIGTERM");
    } catch {}
  });
  worker.process.once("exit", (code) => {
    if (stopping) return;
    console.error(`The Worker exited (code ${code}); stopping the preview.`);
    void preview.close().then(() => process.exit(1));
  });
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
