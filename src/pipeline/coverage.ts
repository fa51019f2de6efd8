/**
 * The nothing-lost check: every character of every source line (markdown residue and white space
 * aside) must be in the document model. A line that is not is reported with its number, so a parser
 * gap can never silently drop a publisher's words.
 */
import type { VFile } from 'vfile';
import { documentText } from '../model/text.ts';
import type { ArchiveDocument } from '../model/types.ts';

declare module 'vfile' {
  interface DataMap {
    /** The source text is plain text an importer extracted from an original, not markdown: it has no residue. */
    plainText: boolean;
  }
}

const TABLE_DELIMITER = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
const THEMATIC_BREAK = /^(?:[-*_]\s*){3,}$/;

/**
 * The pieces of a line of an original's extracted text: it has no markdown residue, so every
 * character counts; only the table rows the importer wrote (`| a | b |`) are split into cells.
 */
export function plainLinePieces(line: string): string[] {
  const trimmed = line.trim();
  if (!trimmed || TABLE_DELIMITER.test(trimmed)) return [];
  const cells = trimmed.startsWith('|') ? trimmed.replace(/^\||\|$/g, '').split('|') : [trimmed];
  return cells.map((cell) => cell.replace(/\s+/g, '')).filter(Boolean);
}

/** The pieces of a source line that must appear in the model, residue removed. */
export function linePieces(line: string): string[] {
  const trimmed = line.trim();
  if (!trimmed || TABLE_DELIMITER.test(trimmed) || THEMATIC_BREAK.test(trimmed)) return [];
  const cells = trimmed.startsWith('|') ? trimmed.replace(/^\||\|$/g, '').split('|') : [trimmed];
  return cells
    .map((cell) =>
      cell
        .replace(/^(?:\s*(?:[-*+](?=\s)|#{1,6}(?=\s|$)|>))+/, '')
        .replace(/\*\*|__/g, '')
        .replace(/<((?:https?:|mailto:|www\.)[^>\s]*|[^>\s@]+@[^>\s]+)>/g, '$1')
        .replace(/\s+/g, ''),
    )
    .filter(Boolean);
}

/** How far past the last find a line's text is looked for first. */
const NEARBY = 4096;

export const squash = (text: string) => text.replace(/\*\*|__/g, '').replace(/\s+/g, '');

/** Adds a warning for every source line whose text the model does not hold. */
export function checkCoverage(document: ArchiveDocument, file: VFile): number {
  const model = squash(documentText(document).join(''));
  const source = file.data.sourceText ?? String(file.value);
  const pieces = file.data.plainText ? plainLinePieces : linePieces;
  let missing = 0;
  // The model mostly follows the source's order: looking just after the last find first keeps a
  // long document linear (a slice of a flat string is not copied); failing that, anywhere.
  let cursor = 0;
  source.split('\n').forEach((line, index) => {
    for (const piece of pieces(line)) {
      let at = model.slice(cursor, cursor + NEARBY + piece.length).indexOf(piece);
      at = at >= 0 ? at + cursor : model.indexOf(piece);
      if (at >= 0) {
        // Text repeated earlier (a second 會議結論：) must not send the search back to the start.
        cursor = Math.max(cursor, at + piece.length);
        continue;
      }
      missing++;
      let found = 0;
      while (found < piece.length && model.includes(piece.slice(0, found + 1))) found++;
      file.message(`text not kept in the document model from 「${piece.slice(found, found + 20)}」 on: the page would lose it`, {
        place: { line: index + 1, column: 1 },
        ruleId: 'nothing-lost',
        source: 'minutes-archive',
      });
    }
  });
  return missing;
}
