import { describe, expect, it } from 'vitest';
import { formatBytes, formatLabel, reportErrorHref } from './provenance.ts';

const page = { title: '臺北市政府第210次主任秘書會報紀錄', url: 'https://example.org/minutes/taipei/chief-secretaries-meeting/210/' };

describe('provenance wording', () => {
  it('names the format and encoding a reader opens the file with', () => {
    expect(formatLabel({ encoding: 'utf-8', mediaType: 'text/plain; charset=utf-8' })).toBe('純文字（UTF-8）');
    expect(formatLabel({ encoding: 'big5', mediaType: 'text/plain; charset=big5' })).toBe('純文字（Big5）');
    expect(formatLabel({ encoding: 'utf-16le', mediaType: 'text/markdown; charset=utf-16le' })).toBe('Markdown 文字（UTF-16LE）');
  });

  it('gives the exact byte count, and a rounded size beside it', () => {
    expect(formatBytes(512)).toBe('512 位元組');
    expect(formatBytes(12_345)).toBe('12,345 位元組（12.1 KB）');
    expect(formatBytes(10 * 1024 ** 2)).toBe('10,485,760 位元組（10.0 MB）');
  });

  it('reports by mail with the document in the subject and the page in the body', () => {
    const href = reportErrorHref({ email: 'archive@example.org', formParameter: 'url' }, page);
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('archive@example.org');
    expect(href).not.toContain('+');
    const params = new URLSearchParams(url.search);
    expect(params.get('subject')).toBe(`回報錯誤：${page.title}`);
    expect(params.get('body')).toContain(page.url);
  });

  it('reports by form with the page URL as the configured parameter, keeping the form own query', () => {
    const href = reportErrorHref({ form: 'https://forms.example.org/report?lang=zh-TW', formParameter: 'page' }, page);
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe('https://forms.example.org/report');
    expect(url.searchParams.get('lang')).toBe('zh-TW');
    expect(url.searchParams.get('page')).toBe(page.url);
  });
});
