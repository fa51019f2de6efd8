/**
 * Enrich step: the figures of a document, placed. A report's figures are read from every item's
 * title and text (an item's sentence may still sit in its title); minutes' from their resolutions,
 * money and counts only. Each figure gets its item's or resolution's anchor and the source line it is
 * printed on, and a disagreement of its arithmetic is a warning there, the text published as printed.
 */
import type { VFile } from 'vfile';
import type { ArchiveDocument, Figure, Item } from '../../../model/types.ts';
import { type TextFigure, readFigures } from './index.ts';

/** Dimensions read in minutes: what resolutions decide about (經費 300 萬元, 5 案). */
const MINUTES_DIMENSIONS = new Set(['money', 'count']);

function* walk(items: Item[]): Generator<Item> {
  for (const item of items) {
    yield item;
    yield* walk(item.items);
  }
}

/** The source line and column of a figure: its occurrence in the lines from where its text starts. */
function locate(lines: string[], fromLine: number, before: string, figure: TextFigure): { line: number; column: number } {
  let occurrence = 0;
  for (let at = before.indexOf(figure.text); at >= 0 && at < before.length; at = before.indexOf(figure.text, at + figure.text.length)) occurrence++;
  let seen = 0;
  for (let index = fromLine - 1; index < lines.length && index < fromLine + 200; index++) {
    const line = lines[index]!;
    for (let at = line.indexOf(figure.text); at >= 0; at = line.indexOf(figure.text, at + figure.text.length)) {
      if (seen++ === occurrence) return { line: index + 1, column: at + 1 };
    }
  }
  return { line: fromLine, column: 1 };
}

const describe = (figure: Figure) => {
  const compared = figure.baseline
    ? `${figure.text} against ${figure.baseline.period?.text ?? 'the baseline'} ${figure.baseline.text}`
    : (figure.parts?.join(' + ') ?? figure.text);
  return `the figures do not add up: ${figure.indicator ? `${figure.indicator} ` : ''}「${figure.note}」 (${compared}); the text is published as printed, with this note`;
};

/** The document's figures in reading order; disagreements are messages on the file. */
export function documentFigures(document: ArchiveDocument, file: VFile): Figure[] {
  const context = { ...(document.period ? { period: document.period } : {}), ...(document.date ? { date: document.date } : {}) };
  const lines = String(file.data.sourceText ?? file.value).split('\n');
  const figures: Figure[] = [];
  /** `prefix`: what is printed from the same line before the field (an item's title before its text). */
  const place = (text: string, anchor: string, field: Figure['field'], line: number, prefix = '', keep?: (figure: TextFigure) => boolean) => {
    for (const figure of readFigures(text, context).filter(keep ?? (() => true))) {
      const position = locate(lines, line, prefix + text.slice(0, figure.start), figure);
      const placed: Figure = { anchor, field, ...figure, line: position.line };
      figures.push(placed);
      if (placed.check === 'disagrees') {
        file.message(describe(placed), { place: { line: position.line, column: position.column }, ruleId: 'figure-arithmetic', source: 'minutes-archive' });
      }
    }
  };
  for (const item of walk(document.items)) {
    if (document.kind === 'report') {
      place(item.title, item.anchor, 'title', item.line);
      place(item.text, item.anchor, 'text', item.line, `${item.title}\n`);
    }
    for (const resolution of item.resolutions) {
      const keep = document.kind === 'minutes' ? (figure: TextFigure) => MINUTES_DIMENSIONS.has(figure.dimension ?? '') : undefined;
      place(resolution.text, resolution.anchor, 'resolution', resolution.line, '', keep);
    }
  }
  return figures;
}
