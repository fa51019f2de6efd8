/**
 * The extractor over the whole sample report against the figures counted by hand
 * (fixtures/secretariat-2020-h1.expected.json): every quantity found with its value, unit and
 * qualifier, nothing else taken for one, and the stated changes of 重要施政成果 checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../../../tests/fixtures/archive.ts';
import { loadRegistries } from '../../../ingest/registries.ts';
import type { Figure, Item } from '../../../model/types.ts';
import { processSource } from '../../index.ts';

interface Expected {
  quantities: { anchor: string; text: string; value: string; unit: string; qualifier?: string }[];
  checks: { anchor: string; value: string; agrees: boolean }[];
}

const expected = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/secretariat-2020-h1.expected.json'), 'utf8')) as Expected;
const path = 'content/reports/secretariat-2020-h1.txt';
const { document } = processSource(readFileSync(join(ARCHIVE, path)), path, loadRegistries(join(ARCHIVE, 'content')));

const items = new Map<string, Item>();
(function walk(list: Item[]) {
  for (const item of list) {
    items.set(item.anchor, item);
    walk(item.items);
  }
})(document.items);
/** Every figure of the report with the text of the field it is printed in. */
const found: { anchor: string; figure: Figure; field: string }[] = (document.figures ?? []).map((figure) => ({
  anchor: figure.anchor,
  figure,
  field: items.get(figure.anchor)![figure.field as 'title' | 'text'],
}));
const source = readFileSync(join(ARCHIVE, path), 'utf8').split('\n');

const key = (quantity: { anchor: string; text: string; value: string; unit: string; qualifier?: string }) =>
  `${quantity.anchor} 「${quantity.text}」 = ${quantity.value} ${quantity.unit}${quantity.qualifier ? ` (${quantity.qualifier})` : ''}`;

describe('the sample report against the hand count', () => {
  it(`finds the ${expected.quantities.length} quantities counted by hand, each with its value, unit and qualifier, and no other`, () => {
    const extracted = found.map(({ figure }) => key(figure));
    expect(extracted).toEqual(expected.quantities.map(key));
  });

  it('keeps the span of every figure in its item text, and the source line it is printed on', () => {
    for (const { figure, field } of found) {
      expect(field.slice(figure.start, figure.end)).toBe(figure.text);
      expect(source[figure.line - 1], figure.text).toContain(figure.text);
    }
    // 公文採線上簽核比率高達 94.8% is printed on the line after a page break cut the paragraph.
    expect(found.find(({ figure }) => figure.text === '94.8%')!.figure.line).toBe(source.findIndex((line) => line.startsWith('線上簽核比率高達 94.8%')) + 1);
  });

  it('checks the stated changes and totals, and those that agree carry no note', () => {
    for (const check of expected.checks) {
      const figure = found.find(({ anchor, figure }) => anchor === check.anchor && figure.text === check.value)?.figure;
      expect(figure, `${check.anchor} 「${check.value}」`).toBeDefined();
      expect(figure!.check).toBe(check.agrees ? 'agrees' : 'disagrees');
      if (check.agrees) expect(figure!.note).toBeUndefined();
    }
    const checked = found.filter(({ figure }) => figure.check);
    expect(checked).toHaveLength(expected.checks.length);
    expect(document.warnings).toEqual([]);
  });
});
