import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../model/types.ts';
import { processSource } from '../pipeline/index.ts';
import { RegistryError, loadPeopleRegistry, loadRegistries } from '../ingest/registries.ts';
import { buildPeople } from './people.ts';
import { listSources } from '../ingest/sources.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = ARCHIVE;
const registries = loadRegistries(join(root, 'content'));
const load = (path: string) => processSource(readFileSync(join(root, path)), path, registries).document;
const documents = listSources(root).map(load);
const aliases = loadPeopleRegistry(join(root, 'content'));
const byId = (id: string) => documents.find((document) => document.id === id)!;

describe('people of the sample archive', () => {
  const people = buildPeople(documents, aliases);
  const named = (name: string) => people.all.find((person) => person.name === name)!;

  it('knows the chair of 第210次主任秘書會報 by full name, with every meeting they chaired and the title as printed', () => {
    const chair = people.byDocument.get('taipei-chief-secretaries-meeting-210')!.chair!;
    expect(chair).toMatchObject({ slug: 'chen-zhi-ming', name: '陳志銘', identifiedBy: 'name' });
    expect(chair.appearances.map((appearance) => [appearance.document.id, appearance.roleText, appearance.printed, appearance.title])).toEqual([
      ['taipei-chief-secretaries-meeting-210', '主席', '陳志銘秘書長', '秘書長'],
      ['secretariat-department-meeting-103', '主席', '陳志銘', undefined],
      ['taipei-chief-secretaries-meeting-224', '主席', '陳志銘秘書長', '秘書長'],
    ]);
    expect(chair.roles.map((role) => [role.roleText, role.title, role.series, role.first, role.last, role.count])).toEqual([
      ['主席', '秘書長', '臺北市政府主任秘書會報', '2021-07-22', '2022-09-22', 2],
      ['主席', undefined, '臺北市政府秘書處處務會議', '2021-08-19', '2021-08-19', 1],
    ]);
  });

  it('keeps 資訊局陳主秘 apart from 陳志銘: the minutes print only a surname and a role', () => {
    const speaker = people.byDocument
      .get('taipei-chief-secretaries-meeting-210')!
      .speakers.get(byId('taipei-chief-secretaries-meeting-210').items[1]!.items[5]!.reports[0]!.line)!;
    expect(speaker).toMatchObject({
      name: '資訊局陳主秘',
      identifiedBy: 'designation',
      agency: 'information-technology',
      slug: 'information-technology-chen-zhu-mi',
    });
    expect(speaker.appearances).toHaveLength(1);
    expect(speaker.appearances[0]).toMatchObject({ roleText: '補充報告', title: '主秘', agencyText: '資訊局', item: { anchor: 'item-2-6' } });
    expect(speaker).not.toBe(named('陳志銘'));
  });

  it('reads recorders as people and joins the same name across series', () => {
    expect(named('戴彙芬').appearances.map((appearance) => `${appearance.document.id} ${appearance.roleText}`)).toEqual([
      'taipei-chief-secretaries-meeting-210 紀錄',
      'secretariat-department-meeting-103 紀錄',
    ]);
    expect(people.byDocument.get('taipei-chief-secretaries-meeting-224')!.recorders.map((person) => person.name)).toEqual(['李壙吉']);
    expect(named('趙式隆').roles).toMatchObject([{ roleText: '主席', title: '局長', series: '臺北市政府資訊局局務會議' }]);
  });

  it('gives a speaker of an internal unit a page per unit of the holding body, with every report', () => {
    const speaker = people.bySlug.get('public-affairs-management-center-zhao-zhu-ren')!;
    expect(speaker.appearances.map((appearance) => [appearance.roleText, appearance.item!.anchor])).toEqual([
      ['補充說明', 'item-2-3'],
      ['補充報告', 'item-2-4'],
    ]);
    const unit = people.all.find((person) => person.name === '總務組涂組長')!;
    expect(unit).toMatchObject({ agency: 'secretariat' });
    expect(unit.slug).toMatch(/^secretariat-zong-wu-zu-tu-zu-/);
    expect(unit.appearances[0]).toMatchObject({ agencyText: '總務組', title: '組長' });
  });

  it('lists named people first by stroke order, then speakers by agency, every slug ASCII and unique', () => {
    const names = people.all.filter((person) => person.identifiedBy === 'name').map((person) => person.name);
    expect(names).toEqual(['李壙吉', '陳志銘', '陳佳君', '趙式隆', '戴彙芬']);
    expect(people.all.every((person) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(person.slug))).toBe(true);
    expect(people.bySlug.size).toBe(people.all.length);
  });
});

describe('buildPeople', () => {
  const { recorder: _, ...template } = byId('taipei-chief-secretaries-meeting-224');
  const meeting = (id: string, date: string, chair: string, recorder?: string) =>
    ({ ...template, id, date, items: [], chair: { name: '', text: chair }, ...(recorder ? { recorder } : {}) }) as ArchiveDocument;

  it('joins a speaker to a named person only when the alias table says so', () => {
    const document = byId('taipei-chief-secretaries-meeting-210');
    expect(buildPeople([document]).all.map((person) => person.name)).toContain('資訊局陳主秘');
    // A hypothetical entry, for the mechanism only: no document says who 資訊局陳主秘 is.
    const joined = buildPeople([document], [{ slug: 'someone', name: '戴彙芬', aliases: ['資訊局陳主秘'] }]);
    const person = joined.bySlug.get('someone')!;
    expect(person.appearances.map((appearance) => appearance.roleText)).toEqual(['紀錄', '補充報告']);
    expect(person.spellings).toEqual(['戴彙芬', '資訊局陳主秘']);
    expect(joined.all.map((entry) => entry.name)).not.toContain('資訊局陳主秘');
  });

  it('tells apart names spelled alike in pinyin, whatever the order of the documents', () => {
    const a = meeting('a', '2021-01-01', '陳志明');
    const b = meeting('b', '2020-01-01', '陳志銘');
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const slugs = Object.fromEntries(buildPeople(order).all.map((person) => [person.name, person.slug]));
      expect(slugs).toEqual({ 陳志明: 'chen-zhi-ming', 陳志銘: 'chen-zhi-ming-2' });
    }
  });

  it('reads every recorder of a header naming several, and no person where none is named', () => {
    const people = buildPeople([meeting('a', '2021-01-01', '如簽到表', '吳秘書佩芬、林怡君')]);
    expect(people.all.map((person) => [person.name, person.appearances[0]!.title])).toEqual([
      ['吳佩芬', '秘書'],
      ['林怡君', undefined],
    ]);
    expect(people.byDocument.get('a')!.chair).toBeUndefined();
  });
});

describe('content/people.yaml', () => {
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'people-'));
    writeFileSync(join(dir, 'people.yaml'), text);
    return dir;
  };

  it('names file, line and column of a malformed entry', () => {
    const dir = write('- slug: chen-zhi-ming\n  name: 陳志銘\n- slug: Chen Zhi Ming\n  name: 陳志銘\n');
    expect(() => loadPeopleRegistry(dir)).toThrow(/^content\/people\.yaml:3:9 1\.slug: a slug is lowercase/);
  });

  it('refuses one name for two people, and reads a file of comments as an empty table', () => {
    expect(() => loadPeopleRegistry(write('- slug: a\n  name: 陳志銘\n- slug: b\n  name: 陳某某\n  aliases: [陳志銘]\n'))).toThrow(RegistryError);
    expect(loadPeopleRegistry(write('# nobody yet\n'))).toEqual([]);
    expect(loadPeopleRegistry(mkdtempSync(join(tmpdir(), 'people-')))).toEqual([]);
  });
});
