import { describe, expect, it } from 'vitest';
import type { Item } from '../../model/types.ts';
import { assignAnchors } from './anchors.ts';

const item = (label: string, items: Item[] = [], resolutions: string[] = []): Item => ({
  anchor: '',
  label,
  title: '',
  text: '',
  agencies: [],
  topics: [],
  reports: [],
  resolutions: resolutions.map((resolutionLabel) => ({
    anchor: '',
    label: resolutionLabel,
    text: '',
    addressees: [],
    mentions: [],
    agencies: [],
    cases: [],
    topics: [],
    line: 1,
  })),
  tables: [],
  cases: [],
  items,
  line: 1,
});

describe('assignAnchors', () => {
  it('derives anchors from printed numbers: 貳、三 is item-2-3', () => {
    const items = [item('壹、'), item('貳、', [item('一、'), item('二、'), item('三、', [], ['(一)', '(二)'])])];
    assignAnchors(items);
    expect(items[1]!.items[2]!.anchor).toBe('item-2-3');
    expect(items[1]!.items[2]!.resolutions.map((resolution) => resolution.anchor)).toEqual(['res-2-3-1', 'res-2-3-2']);
  });
  it('keeps anchors unique when numbers repeat or are missing', () => {
    const items = [item(''), item('一、'), item('一、'), item('•'), item('參、')];
    assignAnchors(items);
    const anchors = items.map((entry) => entry.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors[4]).toBe('item-3');
  });
});
