import { describe, expect, it } from 'vitest';
import { resolveFilters, slugOf } from './filter-slugs.ts';

const slugs = {
  agency: { 'information-technology': '資訊局', 'research-development-evaluation': '研考會' },
  topic: { 'e-invoice': '電子發票' },
  kind: { minutes: '會議紀錄', report: '施政成果報告' },
};

describe('filter slugs', () => {
  it('reads the slug of an agency page URL as that agency', () => {
    expect(resolveFilters({ agency: 'information-technology', topic: 'e-invoice', year: '2024', sort: 'date' }, slugs)).toEqual({
      agency: '資訊局',
      topic: '電子發票',
      year: '2024',
      sort: 'date',
    });
  });
  it('keeps a value already spelled as the index holds it, and adds no filter', () => {
    expect(resolveFilters({ agency: '資訊局' }, slugs)).toEqual({ agency: '資訊局' });
    expect(resolveFilters({}, slugs)).toEqual({});
  });
  it('finds the slug of an indexed value, for the filter menus', () => {
    expect(slugOf('agency', '研考會', slugs)).toBe('research-development-evaluation');
    expect(slugOf('agency', 'research-development-evaluation', slugs)).toBe('research-development-evaluation');
    expect(slugOf('year', '2024', slugs)).toBe('2024');
  });
});
