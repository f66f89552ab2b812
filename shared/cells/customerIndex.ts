/**
 * Numbers customers by first appearance. Whole-number ids from 0 to 4 million (the usual CRM
 * and order-system ids) are looked up in a flat table that grows as larger ids appear; other ids
 * (text, fractions, huge numbers) in a Map. A Map with hundreds of thousands of keys costs far
 * more per look-up than the rows it indexes, and made million-row inputs grow faster than linearly.
 */
const DENSE_LIMIT = 1 << 22;

export class CustomerIndex {
  /** Ids in order of first appearance: customer c is `customers[c]`. */
  readonly customers: (string | number)[] = [];
  private readonly byKey = new Map<string | number, number>();
  /** dense[id] = customer index + 1 (0: not seen yet). */
  private dense = new Int32Array(1024);

  /** The customer number of `key`, adding it when new. */
  indexOf(key: string | number): number {
    if (typeof key === "number" && key >>> 0 === key && key < DENSE_LIMIT) {
      if (key >= this.dense.length) {
        let size = this.dense.length;
        while (size <= key) size *= 2;
        const grown = new Int32Array(Math.min(size, DENSE_LIMIT));
        grown.set(this.dense);
        this.dense = grown;
      }
      const found = this.dense[key] as number;
      if (found !== 0) return found - 1;
      const c = this.customers.length;
      this.customers.push(key);
      this.dense[key] = c + 1;
      return c;
    }
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    const c = this.customers.length;
    this.customers.push(key);
    this.byKey.set(key, c);
    return c;
  }
}
