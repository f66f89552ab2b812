import { RapportError } from "../../../shared/errors";

/** How long a survey action waits for another one (a sync, links) on this spreadsheet to finish. */
const WAIT_MS = 20_000;

/**
 * Runs `body` holding the spreadsheet's document lock: two people (or two sidebars) syncing or
 * adding links at once would interleave their reads and writes of the same rows.
 */
export function withDocumentLock<T>(body: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(WAIT_MS)) throw new RapportError("surveys.busy");
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}
