/**
 * The index Pagefind builds is of tokens, not words: every pair of adjacent characters of the
 * folded text (and every character followed by the end of the text), spelled in ASCII. A text
 * contains a 2-character term exactly when it has that term's token, so the index cannot miss a
 * page nor match a page by scattered characters, whatever Chinese word segmentation would say.
 * A 1-character term is a prefix of the tokens that start with it, which every occurrence of the
 * character has (the last character of the text has its end token), so it is exact too. A longer
 * term needs all its pairs, and the client then checks they are adjacent.
 */

/** Four base-36 digits spell any code point (36⁴ > 0x10FFFF). */
const code = (char: string) => spell(char.codePointAt(0)!);
const spelled = new Map<number, string>();
const spell = (point: number) => {
  let spelling = spelled.get(point);
  if (spelling === undefined) spelled.set(point, (spelling = point.toString(36).padStart(4, '0')));
  return spelling;
};
const END = '0000';
/** One number per pair of code points (both < 0x110000), to tell pairs apart without building their strings. */
const PAIR = 0x110000;

/** The distinct tokens of a folded text, space separated, in order of first occurrence: what goes into the Pagefind record. */
export function indexTokens(folded: string): string {
  const seen = new Set<number>();
  const tokens: string[] = [];
  let previous = -1;
  for (const char of folded) {
    const point = char.codePointAt(0)!;
    if (previous >= 0 && !seen.has(previous * PAIR + point)) {
      seen.add(previous * PAIR + point);
      tokens.push(spell(previous) + spell(point));
    }
    previous = point;
  }
  // The last character is followed by the end of the text (spelled as code point 0 is: the same token).
  if (previous >= 0 && !seen.has(previous * PAIR)) tokens.push(spell(previous) + END);
  return tokens.join(' ');
}

/**
 * The tokens to search for one folded term: all its pairs (`檔案管理` → 檔案, 案管, 管理). A text
 * holding the term holds them all; the pairs in between add no recall, but they rule out most
 * documents that hold the outer pairs apart (主任 … 秘書 without 主任秘書), each of which would
 * otherwise cost a fetch of its text to reject. They cost an index chunk each per shard searched.
 */
export function termTokens(term: string): string[] {
  const chars = [...term];
  if (chars.length === 1) return [code(chars[0]!)];
  const tokens = new Set<string>();
  for (let index = 0; index + 1 < chars.length; index++) tokens.add(`${code(chars[index]!)}${code(chars[index + 1]!)}`);
  return [...tokens];
}

/**
 * Whether the index alone decides that a text holds the folded term, with no need to read the text:
 * true for one or two characters (see above). A document Pagefind returns for a query of such
 * terms holds them all, so its results need no check and their count is exact.
 */
export const provenByIndex = (term: string): boolean => [...term].length <= 2;
