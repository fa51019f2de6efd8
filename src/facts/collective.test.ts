import { describe, expect, it } from 'vitest';
import type { Agency } from '../schemas/registry.ts';
import { assertCollectiveFree, collectiveApplies, collectiveYears } from './collective.ts';

const agency = (slug: string, kind: string): Agency => ({ slug, name: `臺北市政府${slug}`, short: slug, kind, aliases: [], units: [] });

describe('the list of resolutions to every agency', () => {
  it('concerns the city’s agencies, not the council or a company', () => {
    expect([agency('finance', 'bureau'), agency('city-council', 'council'), agency('mrt', 'company')].map(collectiveApplies)).toEqual([true, false, false]);
  });

  it('refuses an agency whose pages would take its URL, naming the slug', () => {
    expect(() => assertCollectiveFree([agency('finance', 'bureau')])).not.toThrow();
    expect(() => assertCollectiveFree([agency('collective', 'bureau')])).toThrow(/agencies\.yaml: the slug "collective"/);
  });

  it('counts its resolutions by year, undated apart', () => {
    const refs = [{ document: { date: '2024-05-01' } }, { document: { date: '2024-01-02' } }, { document: { date: '2023-12-31' } }, { document: {} }];
    expect([...collectiveYears(refs)]).toEqual([
      ['2024', 2],
      ['2023', 1],
      ['undated', 1],
    ]);
  });
});
