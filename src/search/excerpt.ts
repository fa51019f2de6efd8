/**
 * Excerpts and highlights: where a query's terms occur in a text, as ranges of the original (the
 * folded text says where; `Folded.from` maps back), and an excerpt that shows every term, each
 * occurrence marked. The search page's excerpts and the document page's highlighting both use them.
 */
import type { Folded } from './fold.ts';

/** A stretch of the original text, `[start, end)` in UTF-16 code units. */
export interface Range {
  start: number;
  end: number;
}

/** Text as HTML: `&`, `<`, `>` and `"` escaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);

/** Where in the original a folded stretch came from: from its first character to the end of its last. */
function originalRange(original: string, folded: Folded, start: number, end: number): Range {
  const last = folded.from[end - 1]!;
  return { start: folded.from[start]!, end: last + (original.codePointAt(last)! > 0xffff ? 2 : 1) };
}

/**
 * Every occurrence of every term in the original, in order, overlapping ones joined into one (台北
 * and 北通 in 台北通 are one mark). `first` holds, for each term found, its first occurrence.
 */
export function findTerms(original: string, folded: Folded, terms: string[]): { ranges: Range[]; first: Range[] } {
  const found: Range[] = [];
  const first: Range[] = [];
  for (const term of terms) {
    const at = folded.text.indexOf(term);
    if (at >= 0) first.push(originalRange(original, folded, at, at + term.length));
    for (let next = at; next >= 0; next = folded.text.indexOf(term, next + 1)) found.push(originalRange(original, folded, next, next + term.length));
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const ranges: Range[] = [];
  for (const range of found) {
    const previous = ranges.at(-1);
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else ranges.push({ ...range });
  }
  return { ranges, first: first.sort((a, b) => a.start - b.start) };
}

/** The original text of a stretch with every range inside it marked. */
function marked(original: string, window: Range, ranges: Range[]): string {
  let html = '';
  let at = window.start;
  for (const range of ranges) {
    const start = Math.max(range.start, window.start);
    const end = Math.min(range.end, window.end);
    if (end <= start || start < at) continue;
    html += `${escapeHtml(original.slice(at, start))}<mark>${escapeHtml(original.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(original.slice(at, window.end));
}

/**
 * The original text around the first occurrence of each term, every occurrence marked: one stretch
 * when the terms stand close together, otherwise a stretch per term joined by 「…」, so a two-term
 * query shows both its words wherever they stand in the text.
 */
export function excerpt(original: string, folded: Folded, terms: string[], radius = 40): string {
  const { ranges, first } = findTerms(original, folded, terms);
  if (!first.length) return escapeHtml(original.slice(0, radius * 2)) + (original.length > radius * 2 ? '…' : '');
  const windows: Range[] = [];
  for (const range of first) {
    const window = { start: Math.max(0, range.start - radius), end: Math.min(original.length, range.end + radius) };
    const previous = windows.at(-1);
    if (previous && window.start <= previous.end) previous.end = Math.max(previous.end, window.end);
    else windows.push(window);
  }
  const parts = windows.map((window) => marked(original, window, ranges));
  return `${windows[0]!.start > 0 ? '…' : ''}${parts.join('…')}${windows.at(-1)!.end < original.length ? '…' : ''}`;
}

/** A text cut for search, with its folding. */
export interface Excerptable {
  text: string;
  folded: Folded;
}

/**
 * A document's excerpt that shows every term: the first text holding them all, or else the first
 * text holding each term in turn (the date in the header, 台北通 in an item), their excerpts joined.
 */
export function coveringExcerpt(texts: Excerptable[], terms: string[], radius = 40): string | undefined {
  const all = texts.find(({ folded }) => terms.every((term) => folded.text.includes(term)));
  if (all) return excerpt(all.text, all.folded, terms, radius);
  const left = new Set(terms);
  const parts: string[] = [];
  for (const { text, folded } of texts) {
    const here = [...left].filter((term) => folded.text.includes(term));
    if (!here.length) continue;
    parts.push(excerpt(text, folded, terms, radius));
    for (const term of here) left.delete(term);
    if (!left.size) break;
  }
  // Stretches of different texts, always apart: 「…」 between them unless one already ends or starts with it.
  return parts.length ? parts.reduce((joined, part) => joined + (joined.endsWith('…') || part.startsWith('…') ? '' : '…') + part) : undefined;
}
