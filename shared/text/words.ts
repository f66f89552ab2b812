import englishStemmer from "natural/lib/natural/stemmers/porter_stemmer";
import russianStemmer from "natural/lib/natural/stemmers/porter_stemmer_ru";
import { eng, rus } from "stopword";

/**
 * Words of comments in English or Russian, reduced to stems, for counting what comments talk
 * about: "доставка", "доставки" and "доставкой" are one term, as are "delay" and "delays".
 * Stemming and stop words come from libraries (natural's Porter and Snowball Russian stemmers,
 * the stopword package's lists); only the split into words and the handling of negation are ours.
 */

/** A negation is kept as a word of its own ("not", "не"): "не работает" and "работает" differ. */
const NEGATIONS = new Set(["not", "no", "never", "не", "нет", "ни", "никогда", "без"]);
/** English contractions that carry a negation: "doesn't work" is "not work". */
const NEGATED = /n['’]t$/;

const STOP_WORDS = new Set<string>([...eng, ...rus].filter((word) => !NEGATIONS.has(word)));

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-z]/;
/**
 * A word (letters and digits, with an apostrophe inside: don't, o'clock) or a clause break: a
 * phrase does not run across a full stop, comma, colon, bracket, dash or line break.
 */
const TOKEN = /([\p{L}\p{N}]+(?:['’]\p{L}+)*)|[.,;:!?()\u2013\u2014\n\r"«»]|\s-\s/gu;

/** The stem of one lower-case word, by its script; numbers and other scripts stay as written. */
export function stemOf(word: string): string {
  if (CYRILLIC.test(word)) return russianStemmer.stem(word);
  if (LATIN.test(word)) return englishStemmer.stem(word.replace(/['’]/g, ""));
  return word;
}

/** Stems numbered from 2; 0 and 1 are the English and the Russian negation. */
const NOT = 0;
const NE = 1;
/** A pair of stems is one number: (first + 1) × PAIR + second, above every single stem (stems stay far below 2²¹). */
const PAIR = 2 ** 21;
/** Word forms marked as a stop word (or too short) in the form cache. */
const SKIP = -1;

/**
 * The terms of a set of comments, numbered: each content word's stem, and each pair of
 * neighbouring words in a clause (a negation may start a pair, never end one or stand alone).
 * Stems are cached by word form, since the same words recur in every comment.
 */
export class Vocabulary {
  /** Word form → stem number (or SKIP). */
  private readonly forms = new Map<string, number>();
  /** Stem text → stem number. */
  private readonly stemNumbers = new Map<string, number>();
  /** Per stem number: its word forms and how often each was written. */
  private readonly written: Map<string, number>[] = [new Map([["not", 0]]), new Map([["не", 0]])];
  /** Term key (a stem, or a pair) → term number. */
  private readonly terms = new Map<number, number>();
  /** Per term number: its key. */
  private readonly keys: number[] = [];
  /** Per term number: the last text it was counted in (each text counts a term once). */
  private lastText = new Int32Array(1024);
  private texts = 0;

  /** Number of distinct terms seen so far. */
  get size(): number {
    return this.keys.length;
  }

  private stem(word: string): number {
    const known = this.forms.get(word);
    if (known !== undefined) {
      if (known !== SKIP) {
        const counts = this.written[known] as Map<string, number>;
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      return known;
    }
    let number = SKIP;
    const plain = word.replace(/ё/g, "е");
    if (word.length >= 2 && !STOP_WORDS.has(plain) && !/^\d+$/.test(word)) {
      const stem = stemOf(plain);
      number = this.stemNumbers.get(stem) ?? this.written.length;
      if (number === this.written.length) {
        this.stemNumbers.set(stem, number);
        this.written.push(new Map());
      }
      (this.written[number] as Map<string, number>).set(word, 1);
    }
    this.forms.set(word, number);
    return number;
  }

  private term(key: number, out: number[]): void {
    let number = this.terms.get(key);
    if (number === undefined) {
      number = this.keys.length;
      this.terms.set(key, number);
      this.keys.push(key);
      if (number >= this.lastText.length) {
        const grown = new Int32Array(this.lastText.length * 2);
        grown.set(this.lastText);
        this.lastText = grown;
      }
    }
    if (this.lastText[number] === this.texts) return;
    this.lastText[number] = this.texts;
    out.push(number);
  }

  /** The distinct terms of one text, appended to `out` as term numbers. */
  read(text: string, out: number[]): void {
    this.texts++;
    let previous = -1;
    for (const match of text.toLowerCase().matchAll(TOKEN)) {
      // Written forms keep their ё ("пришёл"); the stem reads it as е, as people often type it.
      const word = match[1];
      if (word === undefined) {
        previous = -1;
        continue;
      }
      let stem: number;
      if (NEGATIONS.has(word) || NEGATED.test(word)) stem = CYRILLIC.test(word) ? NE : NOT;
      else stem = this.stem(word);
      if (stem === SKIP) continue;
      const negation = stem === NOT || stem === NE;
      if (!negation) {
        this.term(stem, out);
        if (previous >= 0) this.term((previous + 1) * PAIR + stem, out);
      }
      previous = stem;
    }
  }

  /** A stem as most often written. */
  private display(stem: number): string {
    let best = "";
    let count = -1;
    for (const [word, n] of this.written[stem] as Map<string, number>) {
      if (n > count) {
        best = word;
        count = n;
      }
    }
    return best;
  }

  /** Whether a term is a pair of words. */
  isPhrase(term: number): boolean {
    return (this.keys[term] as number) >= PAIR;
  }

  /** A term as people wrote it: each of its words in its most written form ("slow delivery"). */
  text(term: number): string {
    const key = this.keys[term] as number;
    if (key < PAIR) return this.display(key);
    return `${this.display(Math.floor(key / PAIR) - 1)} ${this.display(key % PAIR)}`;
  }
}
