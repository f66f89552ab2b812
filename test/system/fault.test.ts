import { expect, it } from "vitest";
import { runFaultScenario } from "../load/fault";

/**
 * The fault test: the Worker process (wrangler dev and its workerd) is killed with SIGKILL in the
 * middle of a survey load and started again on the same local D1 state (see runFaultScenario).
 * Every acknowledged answer must still be there, and no retried one may be stored twice.
 * `npm run bench` runs the same scenario at full size (20,000 submissions).
 */

const SUBMISSIONS = 3000;

it("keeps every acknowledged answer exactly once when the Worker is killed mid-load and restarted", async () => {
  const run = await runFaultScenario({ submissions: SUBMISSIONS, concurrency: 64 });
  expect(run.ackedBeforeKill).toBeGreaterThanOrEqual(SUBMISSIONS * 0.4);
  expect(run.ackedBeforeKill).toBeLessThan(SUBMISSIONS);
  // Requests were in flight when the process died, and lost acknowledgements were sent again.
  expect(run.result.retries).toBeGreaterThan(0);
  expect(run.result.resentAfterLostAck).toBeGreaterThan(SUBMISSIONS / 8);
  expect(run.result.failures).toEqual([]);
  expect(run.result.acks).toHaveLength(SUBMISSIONS);
  expect(run.check.problems).toEqual([]);
  expect(run.check.stored).toBe(SUBMISSIONS);
}, 300_000);
