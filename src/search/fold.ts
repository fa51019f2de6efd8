/**
 * Folding for search, shared by the index (build) and the query (browser): NFKC (full-width letters
 * and digits to half-width), the variant pairs of the documents (臺→台 …), lower case, and no white
 * space. Folding works character by character and remembers where each folded character came from,
 * so a match in the folded text can be highlighted in the original.
 */
import { VARIANTS } from '../text/normalize.ts';

export interface Folded {
  text: string;
  /** For each character of `text`, the index of the original character it came from. */
  from: number[];
}

export function fold(original: string): Folded {
  let text = '';
  const from: number[] = [];
  let index = 0;
  for (const char of original) {
    if (!/\s/.test(char)) {
      const folded = char.normalize('NFKC').toLowerCase();
      for (const part of folded) {
        if (/\s/.test(part)) continue;
        text += VARIANTS[part] ?? part;
        from.push(index);
      }
    }
    index += char.length;
  }
  return { text, from };
}

/** The folded terms of a query: split on white space, each folded. */
export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .normalize('NFKC')
        .split(/\s+/)
        .map((term) => fold(term).text)
        .filter(Boolean),
    ),
  ];
}
