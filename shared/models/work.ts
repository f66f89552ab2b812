/**
 * Long computations (model fits, clustering) written as generators that pause after each piece of
 * work and report its size, in row evaluations. The add-on runs them straight through
 * (`finish`); the Worker hands the event loop back between pieces, so one request's fit never
 * holds up the survey pages served by the same isolate. Generators keep a single synchronous
 * implementation for both: no async model code, no second copy.
 */
export type Work<T> = Generator<number, T, undefined>;

/** Runs a computation to its end without pausing. */
export function finish<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
