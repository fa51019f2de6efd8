import { describe, expect, it } from 'vitest';
import { excerpt, matchDocument } from './client.ts';
import { fold, queryTerms } from './fold.ts';
import type { SearchDocument } from './segments.ts';
import { rankOrder } from './engine.ts';
import { indexTokens, provenByIndex, termTokens } from './tokens.ts';

describe('fold', () => {
  it('folds variants, full width, case and white space, remembering positions', () => {
    expect(fold('臺北通 QR Code').text).toBe('台北通qrcode');
    expect(fold('ＣＯＶＩＤ－１９').text).toBe('covid-19');
    const folded = fold('第 224 次');
    expect(folded.text).toBe('第224次');
    expect(folded.from).toEqual([0, 2, 3, 4, 6]);
  });
  it('splits a query into folded terms', () => {
    expect(queryTerms('資訊局　電子發票')).toEqual(['資訊局', '電子發票']);
    expect(queryTerms(' 臺北通 ')).toEqual(['台北通']);
  });
});

describe('tokens', () => {
  it('indexes every adjacent pair, so any 2-character term is found exactly', () => {
    const index = new Set(indexTokens(fold('請加強資安意識').text).split(' '));
    for (const token of termTokens('資安')) expect(index.has(token)).toBe(true);
    expect(termTokens('資訊').every((token) => index.has(token))).toBe(false);
  });
  it('spells tokens in ASCII letters and digits only', () => {
    expect(indexTokens(fold('電子發票 COVID-19').text)).toMatch(/^[0-9a-z ]+$/);
    expect(termTokens('台')).toHaveLength(1);
  });
  it('asks for every pair of a term, which every text holding the term has', () => {
    expect(termTokens('電子發票')).toEqual([...termTokens('電子'), ...termTokens('子發'), ...termTokens('發票')]);
    expect(termTokens('臺北通'.normalize())).toHaveLength(2);
    const index = new Set(indexTokens(fold('本府電子發票推動情形').text).split(' '));
    for (const term of ['電子發票', '子發票推', '發票推動情']) for (const token of termTokens(term)) expect(index.has(token), term).toBe(true);
  });
  it('rules out a text that holds the outer pairs of a term apart, by the pairs between', () => {
    // 秘書 and 主任 both occur, 主任秘書 does not: the pair 任秘 is missing.
    const index = new Set(indexTokens(fold('(二十一) 市長承諾案件，感謝各中心依循研考會規定辦理，以及秘書室主任控管案件品質。').text).split(' '));
    const held = (term: string) =>
      queryTerms(term)
        .flatMap(termTokens)
        .every((token) => index.has(token));
    expect(held('主任秘書')).toBe(false);
    expect(held('主任') && held('秘書')).toBe(true);
  });
});

describe('provenByIndex', () => {
  const text = fold('(四) 市長室晨會的台北通簽到使用率同意不列入資訊局績效統計').text;
  const tokens = new Set(indexTokens(text).split(' '));
  /** What Pagefind does with a query token: a whole token, or the prefix of one (a 1-character term). */
  const indexHas = (term: string) => termTokens(term).every((token) => [...tokens].some((indexed) => indexed.startsWith(token)));

  it('trusts the index for terms of one or two characters: it holds their tokens exactly when the text holds them', () => {
    for (const term of ['台', '計', '列入', '績效', '統計', '(四', '四)', '資安', '北台', '入資']) {
      expect(provenByIndex(term), term).toBe(true);
      expect(indexHas(term), term).toBe(text.includes(term));
    }
  });
  it('checks longer terms, whose pairs can occur apart', () => {
    for (const term of ['台北通', '資訊局', '列入資訊局', '通簽到']) expect(provenByIndex(term), term).toBe(false);
    // 案件 and 件品 both occur (…控管案件品質), and 承諾案件 holds 諾案 and 案件: but 諾案件品 is not in the text.
    const real = fold('(二十一) 市長承諾案件，感謝各中心依循研考會規定辦理，以及秘書室主任控管案件品質。').text;
    const pairs = new Set(indexTokens(real).split(' '));
    expect(termTokens('諾案件品').every((token) => pairs.has(token))).toBe(true);
    expect(real.includes('諾案件品')).toBe(false);
    expect(provenByIndex('諾案件品')).toBe(false);
  });
});

const document: SearchDocument = {
  id: 'x',
  url: '/minutes/x/',
  title: '臺北市政府第210次主任秘書會報紀錄',
  series: '臺北市政府主任秘書會報',
  kind: 'minutes',
  filters: { kind: ['會議紀錄'], series: [], agency: [], year: ['2021'], topic: [] },
  segments: [
    ['', '臺北市政府第210次主任秘書會報紀錄', '臺北市政府第210次主任秘書會報紀錄'],
    ['res-2-3-4', '三、(四)', '(四) 市長室晨會的台北通簽到使用率同意不列入資訊局績效統計'],
    ['res-2-3-1', '三、(一)', '(一) 各府級長官辦公室之電子發票執行率請單獨列計。'],
  ],
};

describe('matchDocument', () => {
  it('keeps a document only when every term occurs, and points sub-results at the segments holding them', () => {
    const result = matchDocument(document, queryTerms('臺北通 資訊局'), '/base/')!;
    expect(result.url).toBe('/base/minutes/x/');
    expect(result.subResults[0]).toMatchObject({ url: '/base/minutes/x/#res-2-3-4', title: '三、(四)' });
    expect(matchDocument(document, queryTerms('資安'), '/')).toBeUndefined();
  });
  it('needs each term whole, not its characters or pairs scattered over the text', () => {
    // 長官 and 電子 both occur, 長官電子 does not.
    expect(matchDocument(document, queryTerms('長官電子'), '/')).toBeUndefined();
    expect(matchDocument(document, queryTerms('長官 電子'), '/')).toBeDefined();
  });
  it('marks the match in the original text', () => {
    const text = '市長室晨會的臺北通簽到使用率';
    expect(excerpt(text, fold(text), ['台北通'], 3)).toBe('…晨會的<mark>臺北通</mark>簽到使…');
  });
});

describe('rank order', () => {
  const result = (id: string, score: number) => ({ id, score, data: async () => ({ url: '', meta: {} }) });
  it('orders by score, and equal scores by page id whatever order Pagefind gave them in', () => {
    const given = [result('und_c3', 1), result('und_a1', 2), result('und_b2', 1), result('und_a9', 1)];
    const ids = (list: typeof given) => [...list].sort(rankOrder).map((entry) => entry.id);
    expect(ids(given)).toEqual(['und_a1', 'und_a9', 'und_b2', 'und_c3']);
    expect(ids([...given].reverse())).toEqual(ids(given));
  });
});
