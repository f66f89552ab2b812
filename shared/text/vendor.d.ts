/* Types of the text libraries' modules Rapport imports one by one (to bundle only those). */

declare module "natural/lib/natural/stemmers/porter_stemmer" {
  /** Porter's English stemmer (natural). */
  const stemmer: { stem(word: string): string };
  export default stemmer;
}

declare module "natural/lib/natural/stemmers/porter_stemmer_ru" {
  /** The Snowball Russian stemmer (natural's port). */
  const stemmer: { stem(word: string): string };
  export default stemmer;
}

declare module "stopword" {
  /** Stop words of a language (the Snowball lists for Russian), lower case. */
  export const eng: readonly string[];
  export const rus: readonly string[];
}
