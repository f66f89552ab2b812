import type { Work } from "../../../shared/models/work";

/**
 * Work done between two returns to the event loop, in row evaluations: about 2–8 ms of CPU.
 * Small analyses never pause; a large fit pauses a few hundred times, each pause costing a timer.
 */
export const WORK_PER_SLICE = 50_000;

/** Parsing a CSV character weighs about half a likelihood row evaluation: a slice is about 100 KB. */
export const CSV_WORK_PER_CHARACTER = 0.5;

/** A macrotask turn: a resolved promise would run before any other request's events. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Counts work done and hands the event loop back once a slice's worth has accumulated: for work
 * that arrives in pieces of its own (a request body read chunk by chunk, where a body already in
 * memory resolves every read without a turn).
 */
export function slicePacer(slice = WORK_PER_SLICE): (work: number) => Promise<void> | undefined {
  let sinceTurn = 0;
  return (work) => {
    sinceTurn += work;
    if (sinceTurn < slice) return undefined;
    sinceTurn = 0;
    return nextTurn();
  };
}

/**
 * Runs a model computation in slices, handing the event loop back between them. A Worker isolate
 * serves many requests at once on one thread: without the pauses, one large fit would keep every
 * survey page that lands on the same isolate waiting until it ends.
 */
export async function runInSlices<T>(work: Work<T>, slice = WORK_PER_SLICE): Promise<T> {
  const pace = slicePacer(slice);
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    const turn = pace(step.value);
    if (turn) await turn; // awaited only at a slice's end: no microtask per piece
  }
}
