import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import type { SiteIdentity } from '../schemas/site.ts';
import { isPlaceholder, publicSiteUrl, sampleIdentityFields, sampleIdentityMessage } from './sample-identity.ts';
import { loadSiteIdentity } from './site-identity.ts';

const sample = loadSiteIdentity(join(ARCHIVE, 'content'));

/** The sample with every placeholder replaced: what a publisher's own site.yaml looks like. */
const own: SiteIdentity = {
  ...sample,
  url: 'https://minutes.gov.taipei/',
  contact: { ...sample.contact, email: 'minutes@mail.taipei.gov.tw' },
  dataset: { ...sample.dataset, contact: { name: '秘書處資訊室', email: 'minutes@mail.taipei.gov.tw' } },
  reportError: { email: 'minutes@mail.taipei.gov.tw', formParameter: 'url' },
};

describe('the sample identity', () => {
  it('names every placeholder field of the shipped site.yaml, in its order', () => {
    expect(sampleIdentityFields(sample)).toEqual([
      { field: 'url', value: 'https://example.org/' },
      { field: 'contact.email', value: 'minutes-archive@example.org' },
      { field: 'dataset.contact.name', value: '網站管理人員（範例）' },
      { field: 'dataset.contact.email', value: 'minutes-archive@example.org' },
      { field: 'reportError.email', value: 'minutes-archive@example.org' },
    ]);
  });

  it('finds nothing in a publisher’s own identity', () => {
    expect(sampleIdentityFields(own)).toEqual([]);
  });

  it('finds placeholders by rule: reserved example domains and subdomains, the 範例 marker, anywhere in the file', () => {
    for (const value of [
      'https://www.example.com/report',
      'http://example.net',
      'ops@mail.example.org',
      'https://archive.test/',
      'a@b.invalid',
      '範例市政府',
    ]) {
      expect(isPlaceholder(value), value).toBe(true);
    }
    for (const value of [
      'https://www.gov.taipei/',
      'https://data.gov.tw/license',
      'minutes@mail.taipei.gov.tw',
      'https://notexample.org/',
      '臺北市政府秘書處',
      'url',
    ]) {
      expect(isPlaceholder(value), value).toBe(false);
    }
    const form = {
      ...own,
      reportError: { form: 'https://forms.example.org/report', formParameter: 'page' },
      sources: { 'minutes/a.txt': 'https://www.example.com/a.pdf' },
    };
    expect(sampleIdentityFields(form).map((field) => field.field)).toEqual(['reportError.form', 'sources.minutes/a.txt']);
  });

  it('takes the URL the site is built for: SITE_URL overrides site.yaml, and is named when it is the placeholder', () => {
    expect(publicSiteUrl(sample, {})).toBe('https://example.org/');
    expect(publicSiteUrl(sample, { site: 'https://minutes.gov.taipei' })).toBe('https://minutes.gov.taipei');
    expect(sampleIdentityFields(sample, 'https://minutes.gov.taipei').map((field) => field.field)).not.toContain('url');
    expect(sampleIdentityFields(own, 'https://staging.example.com')[0]).toEqual({ field: 'SITE_URL', value: 'https://staging.example.com' });
    // Astro hands its `site` over as a URL.
    expect(sampleIdentityFields(own, new URL('https://minutes.gov.taipei/'))).toEqual([]);
  });

  it('says which fields to set, with their sample values, and that a strict build stops', () => {
    const message = sampleIdentityMessage(sampleIdentityFields(sample));
    expect(message).toMatch(/^content\/site\.yaml still holds the sample site identity: set these 5 fields/);
    expect(message).toContain('STRICT=1');
    expect(message).toContain('\n  dataset.contact.name: 網站管理人員（範例）');
    expect(message).toContain('\n  url: https://example.org/ (');
  });
});
