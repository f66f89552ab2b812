/**
 * L-BFGS minimisation with an Armijo backtracking line search, for the models' likelihoods on
 * log-parameters (so every parameter stays positive without constraints). Points where the
 * objective is not finite are treated as infinitely bad, so the search backs away from them.
 */
import { finish, type Work } from "./work";

/** Writes the gradient into `gradient` and returns the objective at `x`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/** An objective evaluated in pieces, pausing between them (see `Work`). */
export type ObjectiveWork = (x: Float64Array, gradient: Float64Array) => Work<number>;

export interface MinimizeOptions {
  /** Stop when every gradient component is below this (default 1e-9). */
  gradientTolerance?: number;
  /** Stop when the objective changes by less than this, relative, twice in a row (default 1e-14). */
  relativeTolerance?: number;
  /** Iteration cap (default 500). */
  maxIterations?: number;
  /** History length of L-BFGS (default 8). */
  memory?: number;
  /** Coordinates outside ±bound are treated as infinitely bad (default 30: e^30 ≈ 1e13). */
  bound?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] as number));
  return m;
}

/** Minimises `objective` from `start`, running straight through. */
export function minimize(
  objective: Objective,
  start: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  return finish(
    minimizeWork(
      function* (x, gradient) {
        const value = objective(x, gradient);
        yield 1;
        return value;
      },
      start,
      options,
    ),
  );
}

/** The same minimisation of an objective that pauses while it is evaluated (see `Work`). */
export function* minimizeWork(
  objective: ObjectiveWork,
  start: ArrayLike<number>,
  options: MinimizeOptions = {},
): Work<MinimizeResult> {
  const gtol = options.gradientTolerance ?? 1e-9;
  const rtol = options.relativeTolerance ?? 1e-14;
  const maxIterations = options.maxIterations ?? 500;
  const m = options.memory ?? 8;
  const bound = options.bound ?? 30;
  const n = start.length;

  let evaluations = 0;
  function* evaluate(x: Float64Array, g: Float64Array): Work<number> {
    evaluations++;
    for (let i = 0; i < n; i++) if (!(Math.abs(x[i] as number) <= bound)) return Number.POSITIVE_INFINITY;
    const v = yield* objective(x, g);
    if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) if (!Number.isFinite(g[i] as number)) return Number.POSITIVE_INFINITY;
    return v;
  }

  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = yield* evaluate(x, g);
  if (!Number.isFinite(f)) {
    return { x, value: f, gradient: g, iterations: 0, evaluations, converged: false };
  }
  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const rhoHistory: number[] = [];
  const direction = new Float64Array(n);
  const alphas = new Float64Array(m);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  let converged = maxAbs(g) < gtol;
  let iterations = 0;
  let smallSteps = 0;

  while (!converged && iterations < maxIterations) {
    iterations++;
    // Two-loop recursion: direction = −H·g.
    for (let i = 0; i < n; i++) direction[i] = -(g[i] as number);
    const k = sHistory.length;
    for (let j = k - 1; j >= 0; j--) {
      const a = (rhoHistory[j] as number) * dot(sHistory[j] as Float64Array, direction);
      alphas[j] = a;
      const y = yHistory[j] as Float64Array;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) - a * (y[i] as number);
    }
    if (k > 0) {
      const s = sHistory[k - 1] as Float64Array;
      const y = yHistory[k - 1] as Float64Array;
      const gamma = dot(s, y) / dot(y, y);
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) * gamma;
    } else {
      // First step: at most one unit in log-parameter space.
      const scale = 1 / Math.max(1, maxAbs(direction));
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) * scale;
    }
    for (let j = 0; j < k; j++) {
      const b = (rhoHistory[j] as number) * dot(yHistory[j] as Float64Array, direction);
      const s = sHistory[j] as Float64Array;
      const a = alphas[j] as number;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) + (a - b) * (s[i] as number);
    }
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction (curvature information went stale): restart from steepest descent.
      sHistory.length = 0;
      yHistory.length = 0;
      rhoHistory.length = 0;
      const scale = 1 / Math.max(1, maxAbs(g));
      for (let i = 0; i < n; i++) direction[i] = -(g[i] as number) * scale;
      slope = dot(g, direction);
    }
    // Armijo backtracking; a step longer than 5 units in log space is never useful.
    let step = Math.min(1, 5 / Math.max(1e-300, maxAbs(direction)));
    let fNew = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (direction[i] as number);
      fNew = yield* evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= fNew === Number.POSITIVE_INFINITY ? 0.1 : 0.5;
    }
    if (!(fNew <= f)) break; // no progress possible from here
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (sHistory.length === m) {
        sHistory.shift();
        yHistory.shift();
        rhoHistory.shift();
      }
      sHistory.push(s);
      yHistory.push(y);
      rhoHistory.push(1 / sy);
    }
    const change = Math.abs(f - fNew);
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    if (maxAbs(g) < gtol) converged = true;
    else if (change <= rtol * Math.max(1, Math.abs(f))) {
      smallSteps++;
      // Flat for two iterations with a small gradient: as good as it gets in double precision.
      if (smallSteps >= 2 && maxAbs(g) < 1e-5) converged = true;
      // Flat for long with a large gradient: stuck against the edge of where the objective is
      // defined. Stop (not converged) rather than creep along it.
      else if (smallSteps >= 10) break;
    } else smallSteps = 0;
  }
  return { x, value: f, gradient: g, iterations, evaluations, converged };
}
