/**
 * The index Pagefind builds is of tokens, not words: every pair of adjacent characters of the
 * folded text (and every character followed by the end of the text), spelled in ASCII. A text
 * contains a 2-character term exactly when it has that term's token, so the index cannot miss a
 * page nor match a page by scattered characters, whatever Chinese word segmentation would say.
 * A longer term needs all its pairs (the client then checks they are adjacent); a 1-character term
 * is a prefix of the tokens that start with it.
 */

/** Four base-36 digits spell any code point (36⁴ > 0x10FFFF). */
const code = (char: string) => char.codePointAt(0)!.toString(36).padStart(4, '0');
const END = '0000';

/** The distinct tokens of a folded text, space separated: what goes into the Pagefind record. */
export function indexTokens(folded: string): string {
  const chars = [...folded];
  const tokens = new Set<string>();
  chars.forEach((char, index) => tokens.add(`${code(char)}${index + 1 < chars.length ? code(chars[index + 1]!) : END}`));
  return [...tokens].join(' ');
}

/**
 * The tokens to search for one folded term: every other pair, and the last (`檔案管理` → 檔案, 管理).
 * A text holding the term holds these; the client checks the whole term anyway, so the pairs in
 * between add no recall, only index chunks to fetch (one per token and index shard).
 */
export function termTokens(term: string): string[] {
  const chars = [...term];
  if (chars.length === 1) return [code(chars[0]!)];
  const tokens = new Set<string>();
  const pair = (index: number) => `${code(chars[index]!)}${code(chars[index + 1]!)}`;
  for (let index = 0; index + 1 < chars.length; index += 2) tokens.add(pair(index));
  tokens.add(pair(chars.length - 2));
  return [...tokens];
}
