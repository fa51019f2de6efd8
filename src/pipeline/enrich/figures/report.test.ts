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
import type { Item } from '../../../model/types.ts';
import { processSource } from '../../index.ts';
import { type TextFigure, readFigures } from './index.ts';

interface Expected {
  quantities: { anchor: string; text: string; value: string; unit: string; qualifier?: string }[];
  checks: { anchor: string; value: string; agrees: boolean }[];
}

const expected = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/secretariat-2020-h1.expected.json'), 'utf8')) as Expected;
const path = 'content/reports/secretariat-2020-h1.txt';
const { document } = processSource(readFileSync(join(ARCHIVE, path)), path, loadRegistries(join(ARCHIVE, 'content')));

/** Every figure of the report with the item it is in, title and text both. */
const found: { anchor: string; figure: TextFigure; field: string }[] = [];
(function walk(items: Item[]) {
  for (const item of items) {
    for (const field of ['title', 'text'] as const) {
      for (const figure of readFigures(item[field], document)) found.push({ anchor: item.anchor, figure, field: item[field] });
    }
    walk(item.items);
  }
})(document.items);

const key = (quantity: { anchor: string; text: string; value: string; unit: string; qualifier?: string }) =>
  `${quantity.anchor} 「${quantity.text}」 = ${quantity.value} ${quantity.unit}${quantity.qualifier ? ` (${quantity.qualifier})` : ''}`;

describe('the sample report against the hand count', () => {
  it(`finds the ${expected.quantities.length} quantities counted by hand, each with its value, unit and qualifier, and no other`, () => {
    const extracted = found.map(({ anchor, figure }) => key({ anchor, ...figure, ...(figure.qualifier ? { qualifier: figure.qualifier } : {}) }));
    expect(extracted).toEqual(expected.quantities.map(key));
  });

  it('keeps the span of every figure in its item text', () => {
    for (const { figure, field } of found) expect(field.slice(figure.start, figure.end)).toBe(figure.text);
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
  });
});
