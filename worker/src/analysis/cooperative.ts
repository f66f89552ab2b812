import type { Work } from "../../../shared/models/work";

/**
 * Work done between two returns to the event loop, in row evaluations: about 2–8 ms of CPU.
 * Small analyses never pause; a large fit pauses a few hundred times, each pause costing a timer.
 */
export const WORK_PER_SLICE = 50_000;

/** A macrotask turn: a resolved promise would run before any other request's events. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs a model computation in slices, handing the event loop back between them. A Worker isolate
 * serves many requests at once on one thread: without the pauses, one large fit would keep every
 * survey page that lands on the same isolate waiting until it ends.
 */
export async function runInSlices<T>(work: Work<T>, slice = WORK_PER_SLICE): Promise<T> {
  let sinceTurn = 0;
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    sinceTurn += step.value;
    if (sinceTurn >= slice) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
}
