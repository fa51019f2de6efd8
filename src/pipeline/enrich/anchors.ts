/**
 * Anchors: every item and resolution gets an id derived from its position (`item-2-3` for 貳、三;
 * `res-2-3-1` for its first resolution), unique within the page and stable while the document is.
 * The number printed in the label is used when it is a number and unique among its siblings, so
 * 五、主席裁示事項 is `item-5` even when 一 to 四 were header fields.
 */
import type { Item } from '../../model/types.ts';
import { readLabel } from '../labels.ts';

function numbering(labels: string[]): number[] {
  const used = new Set<number>();
  const printed = labels.map((label) => readLabel(label)?.value);
  const unique = printed.filter((value, index) => value !== undefined && printed.indexOf(value) === index && printed.lastIndexOf(value) === index);
  const chosen = printed.map((value) => (value !== undefined && unique.includes(value) ? value : undefined));
  for (const value of chosen) if (value !== undefined) used.add(value);
  let next = 1;
  return chosen.map((value) => {
    if (value !== undefined) return value;
    while (used.has(next)) next++;
    used.add(next);
    return next;
  });
}

/** Assigns `anchor` to every item and resolution of a tree. */
export function assignAnchors(items: Item[], path: number[] = []): void {
  const numbers = numbering(items.map((item) => item.label));
  items.forEach((item, index) => {
    const here = [...path, numbers[index]!];
    item.anchor = `item-${here.join('-')}`;
    const resolutionNumbers = numbering(item.resolutions.map((resolution) => resolution.label));
    item.resolutions.forEach((resolution, n) => {
      resolution.anchor = `res-${[...here, resolutionNumbers[n]!].join('-')}`;
    });
    assignAnchors(item.items, here);
  });
}
