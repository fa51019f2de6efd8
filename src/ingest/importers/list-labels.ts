/**
 * Counting the items of numbered lists and printing their labels, for the office formats whose
 * numbering is generated (ODT lists and outlines, DOCX `w:numPr`). One counter per list, one count
 * per level; a level counting on resets the levels under it.
 */
import { type NumberFormat, formatNumber } from './numbering.ts';

/** How one level of a list prints its label. */
export interface ListLevel {
  format: NumberFormat | string;
  /** Word's `lvlText` (`%1、`, `(%2)`, `%1.%2.`): `%n` is level n's number. */
  template: string;
  start: number;
  /** Bullet lists: the character printed. */
  bullet?: string;
  /** What follows the label: a tab or space prints as one space. */
  suffix: 'space' | 'nothing';
}

/** Characters the structure stage reads as bullets; symbol-font bullets (private use) print as •. */
const BULLETS = /^[•●■◆◎○▪►‧·]$/;

export function bulletLabel(char: string | undefined): string {
  return char && BULLETS.test(char) ? char : '•';
}

/** The counts of one list, level by level (0-based levels). */
export class ListCounter {
  private readonly counts: number[] = [];

  /** Counts an item at `level` and returns every level's current number (deeper levels reset). */
  next(level: number, levels: (ListLevel | undefined)[], startOverride?: number): number[] {
    for (let l = 0; l < level; l++) if (this.counts[l] === undefined) this.counts[l] = levels[l]?.start ?? 1;
    const current = this.counts[level];
    this.counts[level] = startOverride ?? (current === undefined ? (levels[level]?.start ?? 1) : current + 1);
    this.counts.length = level + 1;
    return [...this.counts];
  }
}

/** The printed label of an item: the level's template with each `%n` replaced by level n's number in that level's format. */
export function printLabel(level: number, counts: number[], levels: (ListLevel | undefined)[]): string {
  const own = levels[level];
  if (!own) return '';
  if (own.format === 'bullet') return bulletLabel(own.bullet);
  return own.template.replace(/%(\d)/g, (_, n: string) => {
    const index = Number(n) - 1;
    return formatNumber(counts[index] ?? levels[index]?.start ?? 1, levels[index]?.format ?? 'decimal');
  });
}

/** Puts a label before its paragraph's text as printed: `一、` runs on, `(一)` is followed by its space. */
export function labelled(label: string, text: string, suffix: ListLevel['suffix']): string {
  if (!label) return text;
  const gap = suffix === 'nothing' || /[、，．。：]$/.test(label) ? '' : ' ';
  return `${label}${gap}${text}`;
}
