/**
 * How a document's item tree reads as a page outline: which heading level an item gets, whether its
 * first line is a title (a heading) or a paragraph that happens to carry a number label, where the
 * visual indentation stops and a label path (`一、(一)1.`) says the depth instead, and which topic
 * chips say something the enclosing item has not said already.
 */
import type { Item } from '../model/types.ts';

/** h2 for the top level (壹、貳 in minutes), h3 for the next (一、), then one level deeper each, h6 at most. */
export const headingLevel = (depth: number): 2 | 3 | 4 | 5 | 6 => Math.min(2 + depth, 6) as 2 | 3 | 4 | 5 | 6;

/**
 * Depth from which items are no longer indented further: a phone 360 px wide keeps about 300 px of
 * column for the deepest text, and these items show their label path instead.
 */
export const INDENT_DEPTH = 3;

/** A first line longer than this, with nothing under it, is prose rather than a title. */
const TITLE_LENGTH = 40;
/** The longest lead (`節電部分：`) read as the title of a prose item. */
const LEAD_LENGTH = 24;

/**
 * An item's first line as the page shows it: `heading` is the part that is a title, `prose` what
 * follows it as a paragraph in regular weight. Together they are the title, character for character.
 *
 * An item with anything under it (sub-items, text, reports, resolutions, tables), or a short first
 * line, is all title. A leaf whose first line is a long paragraph (`(1)節電部分：本期總用電量 961 萬
 * 400 度…`) is titled by its lead before the first colon when it has one, and is otherwise a
 * paragraph only (`heading` undefined).
 */
export function itemShape(item: Item): { heading?: string; prose?: string } {
  const leaf = !item.items.length && !item.text && !item.reports.length && !item.resolutions.length && !item.tables.length;
  if (!leaf || [...item.title].length <= TITLE_LENGTH) return { heading: item.title };
  const colon = item.title.search(/[：:]/);
  const rest = colon >= 0 ? item.title.slice(colon + 1) : '';
  if (colon > 0 && [...item.title.slice(0, colon)].length <= LEAD_LENGTH && rest.trim()) return { heading: item.title.slice(0, colon + 1), prose: rest };
  return { prose: item.title };
}

/** The labels from the top of the document down to an item, as one line: `貳、一、`, `一、(一)1.`. */
export const labelPath = (labels: string[]) => labels.filter(Boolean).join('');

/** Topics of an item that its parent does not have: the chips that add something where they stand. */
export const addedTopics = (item: Item, parent?: Item) => (parent ? item.topics.filter((topic) => !parent.topics.includes(topic)) : item.topics);
