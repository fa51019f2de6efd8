/**
 * How a generated document is laid out on the page: blocks separated by blank lines, lists as the
 * PDF extraction left them (`- (一) …`), dates and times as the city prints them, and the damage
 * extraction does (a page break in mid-sentence, hard wraps ending in two spaces). The damage is only
 * done where the pipeline's repair stage would join the pieces again (its own `continuesParagraph`),
 * so the corpus tests the repair without losing words.
 */
import { continuesParagraph } from '../../src/pipeline/repair.ts';
import { type Day, ROC_OFFSET, cjkNumeral } from './calendar.ts';
import type { Random } from './random.ts';

/** A document being written: blocks, one blank line apart, after the two blank lines extraction leaves on top. */
export class Page {
  private blocks: string[] = [];

  add(...blocks: string[]): void {
    this.blocks.push(...blocks);
  }

  /** Numbered lines `(一) …`: one block of markdown list items, or paragraphs a blank line apart. */
  list(lines: string[], bullets: boolean): void {
    const labelled = lines.map((line, index) => `${bullets ? '- ' : ''}(${cjkNumeral(index + 1)}) ${line}`);
    if (bullets) this.blocks.push(labelled.join('\n'));
    else this.blocks.push(...labelled);
  }

  toString(): string {
    return `\n\n${this.blocks.join('\n\n')}`;
  }
}

const ASCII = /[A-Za-z0-9]/;

/** Whether the repair stage joins `after` to `before` again, exactly, when a layout break falls between them. */
function rejoins(before: string, after: string): boolean {
  return before.trim() !== '' && after.trim() !== '' && !(ASCII.test(before.at(-1)!) && ASCII.test(after[0]!)) && continuesParagraph(before, after);
}

/** A page break after a comma in the middle of a long line: `…之處，` ⏎⏎ `可借鏡學習…`. */
export function pageBreak(line: string, random: Random): string {
  const commas = [...line.matchAll(/，/g)].map((match) => match.index + 1).filter((at) => at > 20 && at < line.length - 10);
  if (!commas.length) return line;
  const at = random.pick(commas);
  const [before, after] = [line.slice(0, at), line.slice(at)];
  return rejoins(before, after) ? `${before}\n\n${after}` : line;
}

/** Hard wraps every ~22 characters, each wrapped line ending in two spaces (`…增列  ⏎備註欄位…`). */
export function hardWrap(line: string, width: number): string {
  const lines: string[] = [];
  let rest = line;
  let done = '';
  while (rest.length > width + 4) {
    let at = width;
    while (at < width + 4 && !rejoins(done + rest.slice(0, at), rest.slice(at))) at++;
    if (at === width + 4) break;
    lines.push(`${rest.slice(0, at)}  `);
    done += rest.slice(0, at);
    rest = rest.slice(at);
  }
  lines.push(rest);
  return lines.join('\n');
}

/** Damages a few long lines of a block the way PDF extraction does; most lines are left alone. */
export function damage(block: string, random: Random, pageBreaks: number): string {
  if (pageBreaks <= 0) return block;
  return block
    .split('\n')
    .map((line) => (line.length > 50 && random.chance(pageBreaks) ? pageBreak(line, random) : line))
    .join('\n');
}

/** How a series prints its dates and times. */
export interface DateStyle {
  /** `111 年 9 月 22 日`, `第 224 次` rather than `110年7月22日`, `第210次`. */
  spaced: boolean;
  /** `上午 10 時`, `下午 2 時` rather than `10 時 00 分`, `14 時 00 分`. */
  meridiem: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function rocDate(day: Day, spaced: boolean): string {
  const roc = day.year - ROC_OFFSET;
  return spaced ? `${roc} 年 ${day.month} 月 ${day.day} 日` : `${roc}年${day.month}月${day.day}日`;
}

/** A time of day: `10時0分`, `10 時 00 分`, `下午 2 時`, `上午 11 時 36 分`. */
export function clock(minutes: number, style: DateStyle): string {
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const s = style.spaced ? ' ' : '';
  if (!style.meridiem) return style.spaced ? `${hour} 時 ${pad(minute)} 分` : `${hour}時${minute}分`;
  const half = hour < 12 ? '上午' : hour === 12 ? '中午' : '下午';
  const h = hour > 12 ? hour - 12 : hour;
  return `${half}${s}${h}${s}時${minute ? `${s}${minute}${s}分` : ''}`;
}

/** `第 224 次`, `113 年第 12 次`, `第210次`. */
export function sessionLabel(number: number, rocYear: number | undefined, spaced: boolean): string {
  const s = spaced ? ' ' : '';
  return `${rocYear ? `${rocYear}${s}年` : ''}第${s}${number}${s}次`;
}
