/**
 * Items of achievement reports are often written 「標題：內文」 on one line (`(1) 節電部分：本期總用電量
 * 961 萬 400 度…`). What stands before the first colon is the item's title when it reads as a heading
 * (short, without sentence punctuation); the rest is the item's text. Every character is kept: the
 * colon stays with the title, as printed.
 */
import type { Item } from '../../model/types.ts';

/** The longest lead read as a heading (`辦理機關檔案管理金檔獎及績優檔案管理人員金質獎遴薦作業` is 26). */
const HEADING_LENGTH = 30;
/** Punctuation that makes the lead a sentence, not a heading. */
const SENTENCE = /[，。；！？,;!?]/;

/** Splits `標題：內文` into the title (with its colon) and the text, or undefined when the lead is no heading. */
export function splitHeading(title: string): { title: string; text: string } | undefined {
  const colon = title.search(/[：:]/);
  if (colon <= 0) return undefined;
  const lead = title.slice(0, colon);
  const rest = title.slice(colon + 1).trim();
  if (!rest || [...lead].length > HEADING_LENGTH || SENTENCE.test(lead) || /^[\d\s.%]+$/.test(lead)) return undefined;
  return { title: title.slice(0, colon + 1), text: rest };
}

/** Applies {@link splitHeading} to every item of a report, its own text (if any) following the split-off text. */
export function splitReportTitles(items: Item[]): void {
  for (const item of items) {
    const split = splitHeading(item.title);
    if (split) {
      item.title = split.title;
      item.text = item.text ? `${split.text}\n${item.text}` : split.text;
    }
    splitReportTitles(item.items);
  }
}
