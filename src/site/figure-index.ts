/**
 * A document's figures by the anchor they are printed under, so each item and resolution of the page
 * shows its own table. Computed once per document (the item tree renders itself level by level).
 */
import type { ArchiveDocument, Figure } from '../model/types.ts';

const cache = new WeakMap<ArchiveDocument, Map<string, Figure[]>>();

export function figuresByAnchor(document: ArchiveDocument): Map<string, Figure[]> {
  let index = cache.get(document);
  if (!index) {
    index = new Map();
    for (const figure of document.figures ?? []) {
      const list = index.get(figure.anchor);
      if (list) list.push(figure);
      else index.set(figure.anchor, [figure]);
    }
    cache.set(document, index);
  }
  return index;
}
