/**
 * The images stage: markdown image references found with their line, the file each names looked up
 * under content/, a warning with file:line for every reference the page cannot show, and every
 * character of the reference kept in the model either way. The fixture is tests/fixtures/images/.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { imageLookup } from '../ingest/images.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { processPath } from '../ingest/sources.ts';
import { documentText } from '../model/text.ts';
import type { Item } from '../model/types.ts';
import { toBlocks } from './blocks.ts';
import { IMAGE_EXTENSIONS, type ImageLookup, imageFormat, imagePath, resolveImages } from './images.ts';
import { processSource } from './index.ts';
import { parseMarkdown } from './parse.ts';
import { repairFile } from './repair.ts';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';

const root = join(import.meta.dirname, '../..');
const registries = loadRegistries(join(ARCHIVE, 'content'));
const FIXTURE = join(root, 'tests/fixtures/images');
const SOURCE = 'content/reports/secretariat-2020-h2.txt';

function blocks(text: string) {
  const file = repairFile(new VFile({ path: 'content/reports/x.txt', value: text }));
  return { file, blocks: toBlocks(parseMarkdown(file), String(file.value), file.data.sourceMap!) };
}

/** A project whose content/reports/ holds the fixture, as the e2e test builds it. */
function fixtureProject(): string {
  const project = mkdtempSync(join(tmpdir(), 'images-'));
  mkdirSync(join(project, 'content/reports'), { recursive: true });
  cpSync(join(FIXTURE, 'secretariat-2020-h2.txt'), join(project, SOURCE));
  cpSync(join(FIXTURE, 'images'), join(project, 'content/reports/images'), { recursive: true });
  return project;
}

const allItems = (items: Item[]): Item[] => items.flatMap((item) => [item, ...allItems(item.items)]);

describe('blocks', () => {
  it('finds each image with its line and column, and keeps its text as printed', () => {
    const { blocks: found } = blocks('標題\n\n如下圖![圖 1 市民服務量](images/chart.png)所示。\n\n![圖 2](<images/市民 服務.jpg> "說明")\n');
    expect(found[1]).toMatchObject({
      text: '如下圖![圖 1 市民服務量](images/chart.png)所示。',
      images: [{ alt: '圖 1 市民服務量', src: 'images/chart.png', text: '![圖 1 市民服務量](images/chart.png)', line: 3, column: 4 }],
    });
    expect(found[2]!.images).toEqual([
      { alt: '圖 2', src: 'images/市民 服務.jpg', title: '說明', text: '![圖 2](<images/市民 服務.jpg> "說明")', line: 5, column: 1 },
    ]);
  });

  it('finds images in list items with a number and in table cells', () => {
    const { blocks: found } = blocks('標題\n\n1. ![圖 1](a.png)\n\n| 圖 | 說明 |\n| --- | --- |\n| ![圖 2](b.png) | 本期 |\n');
    expect(found[1]).toMatchObject({ text: '1. ![圖 1](a.png)', images: [{ src: 'a.png', line: 3 }] });
    expect(found[2]).toMatchObject({ table: { rows: [['![圖 2](b.png)', '本期']] }, images: [{ src: 'b.png', line: 7 }] });
  });

  it('leaves written HTML and reference-style images as text, not images', () => {
    const { blocks: found } = blocks('標題\n\n說明<img src="a.png" alt="x">文字。\n\n![圖][1]\n\n[1]: a.png\n');
    expect(found.flatMap((block) => block.images ?? [])).toEqual([]);
    expect(found.map((block) => block.text)).toContain('說明<img src="a.png" alt="x">文字。');
  });
});

describe('imagePath', () => {
  it('resolves a path relative to the document, also into a sibling folder of content/', () => {
    expect(imagePath('images/chart.png', 'reports/x.txt')).toEqual({ path: 'reports/images/chart.png' });
    expect(imagePath('./a/../chart.JPG', 'reports/2020/x.txt')).toEqual({ path: 'reports/2020/chart.JPG' });
    expect(imagePath('../../common/chart.png', 'reports/2020/x.txt')).toEqual({ path: 'common/chart.png' });
    expect(imagePath('images/%E5%9C%96%201.png', 'reports/x.txt')).toEqual({ path: 'reports/images/圖 1.png' });
    expect(imagePath('images\\chart.png', 'reports/x.txt')).toEqual({ path: 'reports/images/chart.png' });
  });

  it('names what is wrong with anything else', () => {
    expect(imagePath('../../etc/passwd.png', 'reports/x.txt')).toEqual({ problem: 'points outside content/' });
    expect(imagePath('https://example.org/chart.png', 'reports/x.txt')).toEqual({ problem: 'is an address, not a file published with the document' });
    expect(imagePath('//example.org/chart.png', 'reports/x.txt')).toMatchObject({ problem: expect.stringContaining('address') });
    expect(imagePath('data:image/png;base64,AAAA', 'reports/x.txt')).toMatchObject({ problem: expect.stringContaining('address') });
    expect(imagePath('/images/chart.png', 'reports/x.txt')).toEqual({ problem: 'is an absolute path' });
    expect(imagePath('report.pdf', 'reports/x.txt')).toEqual({ problem: 'content/reports/report.pdf is not an image file the site shows' });
    expect(imagePath('chart.svg', 'reports/x.txt')).toMatchObject({ problem: expect.stringContaining('not an image file') });
    expect(imagePath(' ', 'reports/x.txt')).toEqual({ problem: 'names no file' });
  });
});

describe('imageFormat', () => {
  it('tells PNG, JPEG, GIF and WebP from their first bytes, and nothing else', () => {
    expect(imageFormat(readFileSync(join(FIXTURE, 'images/service-chart.png')))).toBe('png');
    expect(imageFormat(readFileSync(join(FIXTURE, 'images/energy-saving.jpg')))).toBe('jpeg');
    expect(imageFormat(Buffer.from('GIF89a'))).toBe('gif');
    expect(imageFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(imageFormat(Buffer.from('%PDF-1.7'))).toBeUndefined();
    expect(imageFormat(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeUndefined();
  });

  it('matches the extensions of the glob Figure.astro imports images with', () => {
    const glob = /import\.meta\.glob<[^>]+>\('\/content\/\*\*\/\*\.\{([^}]+)\}'\)/.exec(readFileSync(join(root, 'src/components/Figure.astro'), 'utf8'));
    expect(glob![1]!.split(',').sort()).toEqual([...IMAGE_EXTENSIONS].sort());
  });
});

describe('resolveImages', () => {
  const run = (text: string, lookup: ImageLookup) => {
    const { file, blocks: found } = blocks(text);
    resolveImages(found, file, 'reports/x.txt', lookup);
    return {
      images: found.flatMap((block) => block.images ?? []),
      messages: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`),
    };
  };

  it('sets the path of an image that is there, and warns with line and column about each other one', () => {
    const lookup: ImageLookup = (path) => (path === 'reports/ok.png' ? 'png' : path === 'reports/fake.png' ? 'not-image' : 'missing');
    const { images, messages } = run(
      '標題\n\n![好](ok.png)\n\n說明 ![遠端](https://example.org/a.png)\n\n![外](../../a.png) ![假](fake.png) ![無](none.jpg)\n',
      lookup,
    );
    expect(images.map((image) => image.path)).toEqual(['reports/ok.png', undefined, undefined, undefined, undefined]);
    expect(messages).toEqual([
      expect.stringMatching(
        /^5:4 image 「遠端」 \(https:\/\/example\.org\/a\.png\): is an address, not a file published with the document; expected a PNG, JPEG, WebP or GIF file beside the document under content\/.*Shown as text$/,
      ),
      expect.stringMatching(/^7:1 image 「外」 \(\.\.\/\.\.\/a\.png\): points outside content\//),
      expect.stringMatching(/^7:19 image 「假」 \(fake\.png\): content\/reports\/fake\.png is not a PNG, JPEG, WebP or GIF image/),
      expect.stringMatching(/^7:34 image 「無」 \(none\.jpg\): content\/reports\/none\.jpg does not exist/),
    ]);
  });

  it('without a lookup leaves references unresolved and says nothing', () => {
    expect(run('標題\n\n![圖](missing.png)\n', undefined as unknown as ImageLookup)).toEqual({
      images: [expect.objectContaining({ src: 'missing.png' })],
      messages: [],
    });
  });
});

describe('imageLookup', () => {
  it('reads what a path under content/ is, following no link out of content/', () => {
    const project = mkdtempSync(join(tmpdir(), 'lookup-'));
    mkdirSync(join(project, 'content/reports/folder.png'), { recursive: true });
    cpSync(join(FIXTURE, 'images/service-chart.png'), join(project, 'content/reports/chart.png'));
    writeFileSync(join(project, 'content/reports/notes.png'), '這不是圖片');
    writeFileSync(join(project, 'secret.png'), readFileSync(join(FIXTURE, 'images/service-chart.png')));
    symlinkSync(join(project, 'secret.png'), join(project, 'content/reports/link.png'));
    const lookup = imageLookup(project);
    expect(['chart.png', 'notes.png', 'folder.png', 'link.png', 'none.png'].map((name) => lookup(`reports/${name}`))).toEqual([
      'png',
      'not-image',
      'missing',
      'outside',
      'missing',
    ]);
  });
});

describe('the fixture report, through the whole pipeline', () => {
  const project = fixtureProject();
  const outcome = processPath(project, SOURCE, registries);
  const document = outcome.document!;
  const items = allItems(document.items);

  it('records the references on the items whose text holds them, the two files found', () => {
    const withImages = items.filter((item) => item.images);
    expect(withImages.map((item) => [item.label, item.images!.map(({ alt, src, path, line }) => ({ alt, src, path, line }))])).toEqual([
      [
        '(3)',
        [{ alt: '圖 1 節約能源成果：用電、用水、用油與 108 年同期比較', src: 'images/energy-saving.jpg', path: 'reports/images/energy-saving.jpg', line: 28 }],
      ],
      ['4.', [{ alt: '圖 2 本期市民諮詢服務件數', src: 'images/service-chart.png', path: 'reports/images/service-chart.png', line: 37 }]],
      // Written as a list item, the reference is still text of the item above, not an item of its own.
      ['1.', [{ alt: '圖 3 本期新聞稿則數', src: 'images/press-releases.png', path: undefined, line: 42 }]],
    ]);
    for (const item of withImages) for (const image of item.images!) expect(item.text).toContain(image.text);
  });

  it('warns about the missing image only, with file:line:column and what was expected', () => {
    expect(outcome.problems).toEqual([
      `${SOURCE}:42:3 image 「圖 3 本期新聞稿則數」 (images/press-releases.png): content/reports/images/press-releases.png does not exist; expected a PNG, JPEG, WebP or GIF file beside the document under content/, at a path relative to it such as images/chart.png. Shown as text`,
    ]);
  });

  it('keeps every character: each reference is in the model as printed, and nothing-lost finds every line', () => {
    const text = documentText(document).join('\n');
    for (const line of readFileSync(join(FIXTURE, 'secretariat-2020-h2.txt'), 'utf8')
      .split('\n')
      .filter((candidate) => candidate.includes('!['))) {
      expect(text).toContain(line.replace(/^- /, ''));
    }
    expect(document.warnings.filter((warning) => warning.includes('not kept'))).toEqual([]);
  });

  it('is the same model without images, apart from what the lookup adds', () => {
    const plain = processSource(readFileSync(join(project, SOURCE)), SOURCE, registries).document;
    const strip = (value: unknown) => JSON.parse(JSON.stringify(value, (key, field) => (key === 'path' || key === 'warnings' ? undefined : field)));
    expect(strip(plain)).toEqual(strip(document));
  });
});
