import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../ingest/registries.ts';
import { listSources } from '../ingest/sources.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../og/card.ts';
import { processSource } from '../pipeline/index.ts';
import { OG_DIR, writeCards } from './cards.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = ARCHIVE;
const registries = loadRegistries(join(root, 'content'));
const documents = listSources(root).map((path) => processSource(readFileSync(join(root, path)), path, registries).document);
const temp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const png = readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

describe('writeCards on the sample archive', () => {
  it('draws a 1200×630 card per document, then reuses every one from the cache', async () => {
    const cache = temp('cards-cache');
    const warnings: string[] = [];
    const first = await writeCards(temp('cards-dist'), cache, documents, '臺北市政府會議紀錄典藏', (message) => warnings.push(message));
    expect(first).toMatchObject({ drawn: documents.length, reused: 0 });
    const dist = temp('cards-dist');
    const second = await writeCards(dist, cache, documents, '臺北市政府會議紀錄典藏', (message) => warnings.push(message));
    expect(second).toMatchObject({ drawn: 0, reused: documents.length });
    expect(readdirSync(join(dist, OG_DIR)).sort()).toEqual(documents.map((document) => `${document.id}.png`).sort());
    for (const document of documents) expect(pngSize(join(dist, OG_DIR, `${document.id}.png`))).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(warnings).toEqual([]);
  });

  it('draws another card when the site name changes', async () => {
    const cache = temp('cards-cache');
    await writeCards(temp('cards-dist'), cache, documents.slice(0, 1), '臺北市政府會議紀錄典藏', () => {});
    expect(await writeCards(temp('cards-dist'), cache, documents.slice(0, 1), '新北市政府會議紀錄', () => {})).toMatchObject({ drawn: 1, reused: 0 });
  });

  it('still writes every card when the cache cannot be made, and says so once', async () => {
    // A cache folder inside a file: no user, root included, can create it.
    const blocker = join(temp('cards-cache'), 'a-file');
    writeFileSync(blocker, '');
    const warnings: string[] = [];
    const dist = temp('cards-dist');
    const result = await writeCards(dist, join(blocker, 'og'), documents, '臺北市政府會議紀錄典藏', (message) => warnings.push(message));
    expect(result).toMatchObject({ drawn: documents.length, reused: 0 });
    for (const document of documents) expect(pngSize(join(dist, OG_DIR, `${document.id}.png`))).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/card cache .* unavailable .*: drawing every card/);
  });
});
