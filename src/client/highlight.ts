/**
 * The query a reader searched for, marked on the document they opened from a result: the search
 * page puts it in the link (`…/224/?q=台北通+簽到#res-2-4-4`), and this marks every occurrence of
 * every term in the document's text with <mark> (folded as search folds: 臺/台, full width, case),
 * then scrolls to the first one in the targeted item, or in the document. A note above the text
 * names the terms and links back to the results.
 */
import { findTerms } from '../search/excerpt.ts';
import { fold, queryTerms } from '../search/fold.ts';

/** Text that is not the document's: controls, hidden text, the highlight note itself. */
const SKIP = 'script, style, mark, button, .sr-only, .hl-note, [hidden]';

/** Wraps every occurrence of the terms in each text node under `root`; returns the marks in order. */
export function markTerms(root: HTMLElement, terms: string[]): HTMLElement[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const { ranges } = findTerms(node.data, fold(node.data), terms);
    // From the end, so the offsets of the ranges before stay right as the node is split.
    const made: HTMLElement[] = [];
    for (const { start, end } of ranges.reverse()) {
      const middle = node.splitText(start);
      middle.splitText(end - start);
      const mark = root.ownerDocument.createElement('mark');
      mark.className = 'hl';
      middle.replaceWith(mark);
      mark.append(middle);
      made.unshift(mark);
    }
    marks.push(...made);
  }
  return marks;
}

/** Marks the query of the page's URL (`?q=`) in the article; the first mark in view. */
export function highlightQuery(article: HTMLElement, searchPage: string): void {
  const query = new URLSearchParams(location.search).get('q') ?? '';
  const terms = queryTerms(query);
  if (!terms.length) return;
  const marks = markTerms(article, terms);
  const note = document.createElement('p');
  note.className = 'card hl-note';
  note.setAttribute('role', 'status');
  const back = document.createElement('a');
  back.href = `${searchPage}?q=${encodeURIComponent(query)}`;
  back.textContent = '回到搜尋結果';
  note.append(marks.length ? `已標示搜尋詞「${query.trim()}」共 ${marks.length} 處。` : `本頁沒有「${query.trim()}」的完全相符文字。`, back);
  article.querySelector('h1')?.after(note);
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const first = marks.find((mark) => target?.contains(mark)) ?? (target ? undefined : marks[0]);
  if (!first) return;
  const box = first.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) first.scrollIntoView({ block: 'center' });
}
