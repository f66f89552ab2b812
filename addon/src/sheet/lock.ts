import { RapportError } from "../../../shared/errors";
import type { MessageKey } from "../../../shared/i18n/messages.en";

/** How long an action waits, by default, for another one on this spreadsheet to finish. */
const LOCK_WAIT_MS = 10_000;

export interface LockWait {
  /** The message when the lock stays busy: what kind of task is running. */
  readonly busy: MessageKey;
  readonly waitMs?: number;
}

/**
 * Runs `body` holding the spreadsheet's document lock, the one lock wrapper of the add-on: two
 * people (or two sidebars) writing at once would interleave their reads and writes of the same
 * rows. When the lock stays busy for `waitMs`, throws `busy`, a message saying another task is
 * running (never a Worker error: nothing was sent).
 */
export function withDocumentLock<T>(wait: LockWait, body: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(wait.waitMs ?? LOCK_WAIT_MS)) throw new RapportError(wait.busy);
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}
