/**
 * The index Pagefind builds is of tokens, not words, spelled in ASCII: every character of the
 * folded text, every pair of adjacent characters (and the last character followed by the end of
 * the text), and every three adjacent characters (a `z` before them, which no other token starts
 * with). A text contains a 1-, 2- or 3-character term exactly when it has that term's token, so
 * the index cannot miss a page nor match a page by scattered characters, whatever Chinese word
 * segmentation would say. A longer term needs all its triples, and the client then checks they are
 * adjacent. (A 1-character term was once left to Pagefind's prefix matching over the pairs that
 * start with it; at 10,000 documents 電 then missed 15 of its 9,189 documents, those whose pairs
 * with 電 lay in index chunks Pagefind did not load for the prefix.)
 */

/** Four base-36 digits spell any code point (36⁴ > 0x10FFFF); the first is never `z` (0x10FFFF < 35 × 36³). Spellings are cached: the same few thousand characters recur in every text. */
const spelled = new Map<number, string>();
const code = (char: string) => {
  const point = char.codePointAt(0)!;
  let spelling = spelled.get(point);
  if (spelling === undefined) spelled.set(point, (spelling = point.toString(36).padStart(4, '0')));
  return spelling;
};
const END = '0000';
/** Starts a triple's token, so that no other token is a prefix of a triple's (Pagefind matches prefixes). */
const TRIPLE = 'z';
/**
 * Starts a single character's token. Bare, a character's four digits are a prefix of each of its
 * pairs, and Pagefind then returned, for a pair absent from a shard, the documents holding only its
 * first character (資安 found reports with 資 and no 資安 in a shard of 15 documents).
 */
const SINGLE = 'y';

/**
 * The distinct tokens of a folded text, space separated, in order of first occurrence: what goes into the Pagefind record.
 * Which tokens were seen is kept as small integers (each distinct character of the text numbered in
 * order, a pair or triple by its characters' numbers), so a token is spelled only the first time:
 * spelling and hashing every token string was ~2 ms of the shard builder's time per document.
 */
export function indexTokens(folded: string): string {
  const ids = new Map<number, number>();
  const spellings: string[] = [];
  const text: number[] = [];
  for (const char of folded) {
    const point = char.codePointAt(0)!;
    let id = ids.get(point);
    if (id === undefined) ids.set(point, (id = spellings.length)), spellings.push(code(char));
    text.push(id);
  }
  // Character ids 1…n; 0 after the last character stands for the end of the text.
  const n = spellings.length + 1;
  const pairs = new Set<number>();
  const triples = new Set<number>();
  const seen = new Uint8Array(n);
  const tokens: string[] = [];
  for (let index = 0; index < text.length; index++) {
    const a = text[index]!;
    const b = index + 1 < text.length ? text[index + 1]! + 1 : 0;
    if (!seen[a]) (seen[a] = 1), tokens.push(`${SINGLE}${spellings[a]}`);
    const pair = (a + 1) * n + b;
    if (!pairs.has(pair)) pairs.add(pair), tokens.push(`${spellings[a]}${b ? spellings[b - 1] : END}`);
    if (index + 2 < text.length) {
      const triple = pair * n + text[index + 2]! + 1;
      if (!triples.has(triple)) triples.add(triple), tokens.push(`${TRIPLE}${spellings[a]}${spellings[b - 1]}${spellings[text[index + 2]!]}`);
    }
  }
  return tokens.join(' ');
}

/**
 * The tokens to search for one folded term: the character, the pair, the
 * triple, or all triples of a longer term (`檔案管理` → 檔案管, 案管理). A text holding the term holds
 * them all; overlapping triples rule out most documents that hold the parts apart (電子公報…公文
 * without 電子公文 holds 電子, 子公 and 公文, not 子公文), each of which would otherwise cost a fetch
 * of its text to reject; and a term of n characters costs n − 2 index chunks per shard searched.
 */
export function termTokens(term: string): string[] {
  const chars = [...term].map(code);
  if (chars.length === 1) return [`${SINGLE}${chars[0]}`];
  if (chars.length === 2) return [chars.join('')];
  const tokens = new Set<string>();
  for (let index = 0; index + 2 < chars.length; index++) tokens.add(`${TRIPLE}${chars[index]}${chars[index + 1]}${chars[index + 2]}`);
  return [...tokens];
}

/**
 * Whether the index alone decides that a text holds the folded term, with no need to read the text:
 * true for up to three characters (see above). A document Pagefind returns for a query of such
 * terms holds them all, so its results need no check and their count is exact.
 */
export const provenByIndex = (term: string): boolean => [...term].length <= 3;
