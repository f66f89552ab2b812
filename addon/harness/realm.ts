import vm from "node:vm";

/**
 * A fresh V8 context standing in for Apps Script's: only the language's built-ins, no Node
 * globals (no require, process, setTimeout, fetch, URL, TextEncoder), as in Apps Script.
 *
 * Values crossing between Node and the context are copied into the other realm, so that the
 * add-on sees its own `Date` and `Array` (instanceof works as in Apps Script) and tests see Node's.
 */
export interface Realm {
  readonly context: vm.Context;
  /** Copies a plain value (primitives, arrays, plain objects, Dates) into the context's realm. */
  import<T>(value: T): T;
  /** Copies a value from the context back into Node's realm. */
  export<T>(value: T): T;
  /** An Error of the context's realm, so `e instanceof Error` holds inside the add-on. */
  error(message: string): Error;
  /** A Date of the context's realm. */
  date(time: number): Date;
  /** Runs a script in the context. */
  run(code: string, filename: string): unknown;
}

// Runs inside the context: builds values with the context's own constructors. It also removes
// built-ins newer than ES2020, so code that leans on them fails here rather than in an older
// Apps Script V8 (the bundle is lowered to ES2019 syntax, but esbuild does not polyfill APIs).
//
// The context's Date reads the harness clock (`now`), so a test that moves the clock forward a day
// moves the add-on's "today" with it, as a later execution in Apps Script would see.
const REALM_HELPERS = `
(function (now) {
  var HostDate = Date;
  class ClockDate extends HostDate {
    constructor(...args) {
      if (args.length === 0) super(now());
      else super(...args);
    }
    static now() { return now(); }
  }
  globalThis.Date = ClockDate;
  delete Object.hasOwn;
  delete Array.prototype.at;
  delete Array.prototype.findLast;
  delete Array.prototype.findLastIndex;
  delete Array.prototype.toSorted;
  delete Array.prototype.toReversed;
  delete String.prototype.at;
  delete String.prototype.replaceAll;
  function isDate(v) { return Object.prototype.toString.call(v) === "[object Date]"; }
  function copy(v) {
    if (v === null || typeof v !== "object") return v;
    if (isDate(v)) return new Date(v.getTime());
    if (Array.isArray(v)) {
      var a = new Array(v.length);
      for (var i = 0; i < v.length; i++) a[i] = copy(v[i]);
      return a;
    }
    var o = {};
    var keys = Object.keys(v);
    for (var k = 0; k < keys.length; k++) o[keys[k]] = copy(v[keys[k]]);
    return o;
  }
  return {
    copy: copy,
    error: function (message) { return new Error(message); },
    date: function (time) { return new Date(time); },
  };
})
`;

function copyToHost(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Object.prototype.toString.call(value) === "[object Date]") return new Date((value as Date).getTime());
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyToHost(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyToHost((value as Record<string, unknown>)[key]);
  return out;
}

export function createRealm(globals: Record<string, unknown> = {}, now: () => number = Date.now): Realm {
  const context = vm.createContext({}, { name: "Apps Script (harness)" });
  const helpers = (
    vm.runInContext(REALM_HELPERS, context) as (now: () => number) => {
      copy(v: unknown): unknown;
      error(m: string): Error;
      date(t: number): Date;
    }
  )(now);
  const realm: Realm = {
    context,
    import: <T>(value: T) => helpers.copy(value) as T,
    export: <T>(value: T) => copyToHost(value) as T,
    error: (message) => helpers.error(message),
    date: (time) => helpers.date(time),
    run: (code, filename) => vm.runInContext(code, context, { filename }),
  };
  for (const [name, value] of Object.entries(globals)) context[name] = value;
  return realm;
}
