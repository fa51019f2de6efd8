import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryError } from './registries.ts';
import { loadSiteIdentity, missingEmblem, unknownSources } from './site-identity.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const sample = readFileSync(join(ARCHIVE, 'content/site.yaml'), 'utf8');
const dirs: string[] = [];

/** A content folder holding only the given site.yaml. */
function contentWith(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-identity-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'site.yaml'), yaml);
  return dir;
}

const failure = (yaml: string) => {
  try {
    loadSiteIdentity(contentWith(yaml));
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('content/site.yaml', () => {
  it('loads the sample file: the name pages show, the licence, dataset metadata and where errors go', () => {
    const site = loadSiteIdentity(join(ARCHIVE, 'content'));
    expect(site.name).toBe('臺北市政府會議紀錄典藏');
    expect(site.owner).toEqual({ name: '臺北市政府', url: 'https://www.gov.taipei/' });
    expect(site.license).toEqual({ name: '政府資料開放授權條款－第1版', url: 'https://data.gov.tw/license' });
    expect(site.dataset).toMatchObject({
      publisher: expect.any(String),
      updateFrequency: expect.any(String),
      contact: { email: expect.stringContaining('@') },
    });
    expect(site.reportError).toMatchObject({ email: site.contact.email, formParameter: 'url' });
    // The mapping to originals is empty in the sample: every key in it must be a real file.
    expect(site.sources).toEqual({});
  });

  it('takes a mapping of source files to the official URLs of their originals', () => {
    const site = loadSiteIdentity(contentWith(sample.replace('sources: {}', 'sources:\n  minutes/a.txt: https://www.gov.taipei/News.aspx?n=1')));
    expect(site.sources).toEqual({ 'minutes/a.txt': 'https://www.gov.taipei/News.aspx?n=1' });
    expect(unknownSources(site, ['minutes/a.txt'])).toEqual([]);
    expect(unknownSources(site, ['minutes/b.txt'])).toEqual([expect.stringMatching(/^content\/site\.yaml: sources: minutes\/a\.txt is not a file/)]);
  });

  it('names file, line and column and what was expected when a value is wrong', () => {
    const message = failure(sample.replace('url: https://data.gov.tw/license', 'url: data.gov.tw/license'));
    const line = sample.split('\n').findIndex((text) => text.includes('url: https://data.gov.tw/license')) + 1;
    expect(message).toMatch(new RegExp(`^content/site\\.yaml:${line}:\\d+ license\\.url: expected an http:// or https:// URL$`));
  });

  it('names a missing field at its parent, and a report target that is neither or both', () => {
    const noName = failure(sample.replace(/^name: .*$/m, ''));
    expect(noName).toMatch(/^content\/site\.yaml:\d+:\d+ name: /);
    const both = failure(sample.replace('  # form: https://www.example.org/report', '  form: https://www.example.org/report'));
    const line = sample.split('\n').findIndex((text) => text.startsWith('reportError:')) + 1;
    expect(both).toMatch(new RegExp(`^content/site\\.yaml:${line + 1}:\\d+ reportError: expected exactly one of email`));
  });

  it('takes an emblem under public/ with its text alternative, and refuses one elsewhere or missing', () => {
    const without = sample.replace(/^emblem:\n(?: {2}.*\n)+/m, '');
    const withEmblem = (src: string) => `${without}\nemblem:\n  src: ${src}\n  alt: 臺北市政府市徽\n`;
    const site = loadSiteIdentity(contentWith(withEmblem('/emblem.svg')));
    expect(site.emblem).toEqual({ src: '/emblem.svg', alt: '臺北市政府市徽' });
    expect(failure(withEmblem('https://www.gov.taipei/logo.png'))).toMatch(/emblem\.src: expected the path of an image under public\//);
    const publicDir = mkdtempSync(join(tmpdir(), 'site-public-'));
    dirs.push(publicDir);
    expect(missingEmblem(site, publicDir)).toMatch(/^content\/site\.yaml: emblem\.src \/emblem\.svg is not a file under public\//);
    writeFileSync(join(publicDir, 'emblem.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(missingEmblem(site, publicDir)).toBeUndefined();
    expect(missingEmblem(loadSiteIdentity(contentWith(without)), publicDir)).toBeUndefined();
  });

  it('reports YAML that does not parse with its line', () => {
    expect(failure('name: [unclosed\nowner: x\n')).toMatch(/^content\/site\.yaml:\d+:\d+ /);
  });
});
