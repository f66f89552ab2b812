import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { zonedParts } from "./cellFormat";
import type { Realm } from "./realm";

/** In-memory fakes of the Apps Script services the add-on uses, other than SpreadsheetApp. */

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakeProperties {
  readonly data = new Map<string, string>();
  constructor(private readonly realm: Realm) {}

  getProperty(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    return this.realm.import(Object.fromEntries(this.data));
  }
  getKeys(): string[] {
    return this.realm.import([...this.data.keys()]);
  }
  setProperty(key: string, value: string): FakeProperties {
    const text = String(value);
    if (Buffer.byteLength(text) > PROPERTY_VALUE_LIMIT) {
      throw this.realm.error("Argument too large: value");
    }
    this.data.set(key, text);
    const total = [...this.data].reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (total > PROPERTY_STORE_LIMIT) {
      this.data.delete(key);
      throw this.realm.error(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    }
    return this;
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false): FakeProperties {
    if (deleteAllOthers) this.data.clear();
    for (const [k, v] of Object.entries(properties)) this.setProperty(k, v);
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.data.delete(key);
    return this;
  }
  deleteAllProperties(): FakeProperties {
    this.data.clear();
    return this;
  }
}

/*
 * CacheService's documented limits (developers.google.com/apps-script/reference/cache/cache):
 * keys up to 250 characters and values up to 100 KB (both refused with an exception when larger),
 * at most 6 hours, and a cap of 1,000 items per cache: past it, the cache keeps the 900 items
 * farthest from expiring. Each of the user, document and script caches is its own.
 */
const CACHE_VALUE_LIMIT = 100 * 1024;
const CACHE_KEY_LIMIT = 250;
const CACHE_MAX_TTL = 21600;
const CACHE_ITEM_CAP = 1000;
const CACHE_KEPT_PAST_CAP = 900;

export class FakeCache {
  private readonly data = new Map<string, { value: string; expires: number }>();
  constructor(
    private readonly realm: Realm,
    private readonly now: () => number,
  ) {}

  get(key: string): string | null {
    const entry = this.data.get(key);
    if (!entry) return null;
    if (entry.expires <= this.now()) {
      this.data.delete(key);
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return this.realm.import(out);
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    this.store(key, value, expirationInSeconds);
    this.evictPastCap();
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    for (const [k, v] of Object.entries(values)) this.store(k, v, expirationInSeconds);
    this.evictPastCap();
  }
  /** How many items the cache holds (tests). */
  get size(): number {
    return this.data.size;
  }
  private store(key: string, value: string, expirationInSeconds: number): void {
    if (String(key).length > CACHE_KEY_LIMIT) throw this.realm.error("Argument too large: key");
    if (Buffer.byteLength(String(value)) > CACHE_VALUE_LIMIT) throw this.realm.error("Argument too large: value");
    const ttl = Math.min(expirationInSeconds, CACHE_MAX_TTL);
    this.data.delete(key);
    this.data.set(key, { value: String(value), expires: this.now() + ttl * 1000 });
  }
  private evictPastCap(): void {
    if (this.data.size <= CACHE_ITEM_CAP) return;
    // Ties (items written together) go oldest first.
    const byExpiry = [...this.data].map(([key, entry], order) => ({ key, expires: entry.expires, order }));
    byExpiry.sort((a, b) => a.expires - b.expires || a.order - b.order);
    for (const { key } of byExpiry.slice(0, this.data.size - CACHE_KEPT_PAST_CAP)) this.data.delete(key);
  }
  remove(key: string): void {
    this.data.delete(key);
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.data.delete(k);
  }
  /** Tests use this to check the add-on survives the cache vanishing, as it may in Apps Script. */
  evictAll(): void {
    this.data.clear();
  }
}

/**
 * A lock. One execution runs at a time in the harness, so the lock is free unless a test says
 * another execution holds it (`heldElsewhere`): then, as in Apps Script
 * (developers.google.com/apps-script/reference/lock/lock), tryLock returns false after its timeout
 * and waitLock throws. Acquisitions and refusals are recorded.
 */
export class FakeLock {
  private held = false;
  acquisitions = 0;
  refusals = 0;
  /** True while "another execution" holds the lock. */
  heldElsewhere = false;

  constructor(private readonly realm: Realm) {}

  tryLock(_timeoutInMillis: number): boolean {
    if (this.heldElsewhere) {
      this.refusals++;
      return false;
    }
    this.held = true;
    this.acquisitions++;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw this.realm.error("Lock timeout: another process was holding the lock for too long.");
    }
  }
  releaseLock(): void {
    this.held = false;
  }
  hasLock(): boolean {
    return this.held;
  }
}

export class FakeHtmlOutput {
  private title = "";
  private width = 300;
  private height = 0;
  constructor(private content: string) {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): FakeHtmlOutput {
    this.content = content;
    return this;
  }
  append(html: string): FakeHtmlOutput {
    this.content += html;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): FakeHtmlOutput {
    this.title = title;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): FakeHtmlOutput {
    this.width = width;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): FakeHtmlOutput {
    this.height = height;
    return this;
  }
  setSandboxMode(): FakeHtmlOutput {
    return this;
  }
  setXFrameOptionsMode(): FakeHtmlOutput {
    return this;
  }
  addMetaTag(): FakeHtmlOutput {
    return this;
  }
}

export function createHtmlService(distDir: string, realm: Realm) {
  return {
    SandboxMode: { IFRAME: "IFRAME", NATIVE: "NATIVE", EMULATED: "EMULATED" },
    XFrameOptionsMode: { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" },
    createHtmlOutput: (html = "") => new FakeHtmlOutput(String(html)),
    createHtmlOutputFromFile: (name: string) => {
      const file = path.join(distDir, name.endsWith(".html") ? name : `${name}.html`);
      try {
        return new FakeHtmlOutput(readFileSync(file, "utf8"));
      } catch {
        throw realm.error(`No HTML file named ${name} was found.`);
      }
    },
  };
}

/** Java SimpleDateFormat patterns as Utilities.formatDate takes them (the letters the add-on uses). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date.getTime(), timeZone);
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return pattern.replace(/'([^']*)'|yyyy|yy|MM|M|dd|d|HH|H|mm|ss|SSS|XXX|Z/g, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case "yyyy":
        return pad(p.year, 4);
      case "yy":
        return pad(p.year % 100, 2);
      case "MM":
        return pad(p.month, 2);
      case "M":
        return String(p.month);
      case "dd":
        return pad(p.day, 2);
      case "d":
        return String(p.day);
      case "HH":
        return pad(p.hour, 2);
      case "H":
        return String(p.hour);
      case "mm":
        return pad(p.minute, 2);
      case "ss":
        return pad(p.second, 2);
      case "SSS":
        return pad(date.getTime() % 1000, 3);
      default: {
        const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
        const offset = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
        const sign = offset < 0 ? "-" : "+";
        const hh = pad(Math.floor(Math.abs(offset) / 60), 2);
        const mm = pad(Math.abs(offset) % 60, 2);
        return token === "XXX" ? (offset === 0 ? "Z" : `${sign}${hh}:${mm}`) : `${sign}${hh}${mm}`;
      }
    }
  });
}

export function createUtilities(realm: Realm) {
  return {
    formatDate: (date: Date, timeZone: string, pattern: string) => formatDate(realm.export(date), timeZone, pattern),
    getUuid: () => randomUUID(),
    sleep: (_ms: number) => {},
    base64Encode: (data: string) => Buffer.from(String(data), "utf8").toString("base64"),
    base64EncodeWebSafe: (data: string) => Buffer.from(String(data), "utf8").toString("base64url"),
    base64Decode: (data: string) =>
      realm.import([...Buffer.from(String(data), "base64")].map((b) => (b > 127 ? b - 256 : b))),
    newBlob: (data: string) => ({ getDataAsString: () => String(data) }),
    Charset: { UTF_8: "UTF-8", US_ASCII: "US-ASCII" },
  };
}
