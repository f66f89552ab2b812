/**
 * UTF-8 sizes of strings, counted without encoding them: Apps Script has no TextEncoder, and a
 * 50 MB body would be copied just to be measured. A surrogate pair counts 4 bytes.
 */

/** Bytes of the UTF-16 unit at `i` (with its pair, when it starts one) and how many units that took. */
function unitAt(text: string, i: number): [bytes: number, units: number] {
  const code = text.charCodeAt(i);
  if (code < 0x80) return [1, 1];
  if (code < 0x800) return [2, 1];
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) return [4, 2];
  return [3, 1];
}

/** Bytes of `text` in UTF-8. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const [size, units] = unitAt(text, i);
    bytes += size;
    i += units;
  }
  return bytes;
}

/** Pieces of `text` of at most `maxBytes` in UTF-8 each, never splitting a surrogate pair. */
export function utf8Chunks(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const [size, units] = unitAt(text, i);
    if (bytes + size > maxBytes) {
      chunks.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    i += units;
  }
  if (start < text.length || chunks.length === 0) chunks.push(text.slice(start));
  return chunks;
}
