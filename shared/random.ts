/**
 * mulberry32, the one seeded pseudo-random generator: small, fast and the same in every
 * JavaScript engine, so clustering starts, simulations and demo data repeat exactly run to run.
 * Returns numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
