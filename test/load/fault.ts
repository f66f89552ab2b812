import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  applyLocalMigrations,
  LOCAL_ENROLLMENT_KEY,
  LOCAL_LINK_SECRET,
  type LocalWorker,
  startLocalWorker,
} from "../../scripts/lib/worker";
import { freePort } from "../setup/localWorker";
import {
  createIngestSurvey,
  enrollWorkspace,
  openForms,
  type SubmitResult,
  submitForms,
  type Verification,
  verifyStored,
} from "./ingest";

export interface FaultRun {
  submissions: number;
  /** Acknowledged submissions when the Worker was killed. */
  ackedBeforeKill: number;
  /** From the kill until the restarted Worker answered its health check. */
  downtimeMs: number;
  result: SubmitResult;
  check: Verification;
}

function kill(target: LocalWorker): Promise<void> {
  return new Promise((resolve) => {
    if (target.process.exitCode !== null || target.process.signalCode !== null) return resolve();
    target.process.once("exit", () => resolve());
    // The whole process group started here (wrangler and its workerd), at once, without warning.
    process.kill(-(target.process.pid as number), "SIGKILL");
  });
}

/**
 * The survey fault scenario: `submissions` respondents, `concurrency` at a time, answer through
 * wrangler dev on a fresh local D1; when `killAt` of them have been acknowledged the Worker's
 * process group is killed with SIGKILL and started again on the same state. Respondents whose
 * submission failed send the same form again (same nonce), as a browser reload would, and one form
 * in seven loses its first acknowledgement on the way back (stored, but the phone never heard) and
 * is sent again too. Then the store is checked against the acknowledgements.
 */
export async function runFaultScenario(options: {
  submissions: number;
  concurrency: number;
  killAt?: number;
}): Promise<FaultRun> {
  const killAt = options.killAt ?? 0.4;
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "rapport-fault-d1-"));
  let worker: LocalWorker | undefined;
  try {
    applyLocalMigrations(stateDir);
    const port = await freePort();
    const start = () =>
      startLocalWorker({
        port,
        persistTo: stateDir,
        vars: { ENROLLMENT_KEY: LOCAL_ENROLLMENT_KEY, LINK_SECRET: LOCAL_LINK_SECRET },
      });
    worker = await start();
    const baseUrl = worker.url;
    const ws = await enrollWorkspace(baseUrl, LOCAL_ENROLLMENT_KEY);
    const survey = await createIngestSurvey(ws);
    const forms = await openForms(ws, survey, options.submissions, options.concurrency);

    let restarted: Promise<void> | undefined;
    let ackedBeforeKill = 0;
    let downtimeMs = 0;
    const result = await submitForms(baseUrl, survey.id, forms, {
      concurrency: options.concurrency,
      retry: true,
      loseFirstAck: (index) => index % 7 === 3,
      onAck: (count) => {
        if (restarted || count < options.submissions * killAt) return;
        ackedBeforeKill = count;
        const running = worker as LocalWorker;
        const killedAt = performance.now();
        restarted = kill(running).then(async () => {
          worker = await start();
          downtimeMs = performance.now() - killedAt;
        });
      },
    });
    await restarted;
    const check = await verifyStored(ws, survey.id, forms, result.acks);
    return { submissions: options.submissions, ackedBeforeKill, downtimeMs, result, check };
  } finally {
    await worker?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
