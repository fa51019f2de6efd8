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
  it('asks for the pair of a 2-character term, the triple of a 3-character one, every triple of a longer one', () => {
    expect(termTokens('資安')).toHaveLength(1);
    expect(termTokens('臺北通'.normalize())).toHaveLength(1);
    expect(termTokens('電子發票')).toEqual([...termTokens('電子發'), ...termTokens('子發票')]);
    const index = new Set(indexTokens(fold('本府電子發票推動情形').text).split(' '));
    for (const term of ['電子', '電子發票', '子發票推', '發票推動情', '情形']) for (const token of termTokens(term)) expect(index.has(token), term).toBe(true);
    // A triple's token is not a pair's, nor does a character's token (a prefix) reach a triple; a character is a token of its own.
    for (const token of termTokens('電子發')) expect(index.has(token.slice(0, 8))).toBe(false);
    expect([...index].filter((token) => token.startsWith(termTokens('形')[0]!))).toEqual(termTokens('形'));
    // No token is a prefix of another: Pagefind matched a query's token by a shorter one it starts with.
    const sorted = [...index].sort();
    sorted.forEach((token, at) => expect(sorted[at + 1]?.startsWith(token), token).not.toBe(true));
  });
  it('rules out a text that holds the outer parts of a term apart, by the triples between', () => {
    // 秘書 and 主任 both occur, 主任秘書 does not: the triples 主任秘 and 任秘書 are missing.
    const index = new Set(indexTokens(fold('(二十一) 市長承諾案件，感謝各中心依循研考會規定辦理，以及秘書室主任控管案件品質。').text).split(' '));
    const held = (term: string) =>
      queryTerms(term)
        .flatMap(termTokens)
        .every((token) => index.has(token));
    expect(held('主任秘書')).toBe(false);
    expect(held('主任') && held('秘書')).toBe(true);
    // 電子公報…公文 holds 電子, 子公 and 公文 (every pair of 電子公文), but not 子公文.
    const notice = new Set(indexTokens(fold('請檢查電子公報系統，並加強公文時效').text).split(' '));
    expect(termTokens('電子公文').every((token) => notice.has(token))).toBe(false);
  });
});

describe('provenByIndex', () => {
  const text = fold('(四) 市長室晨會的台北通簽到使用率同意不列入資訊局績效統計').text;
  const tokens = new Set(indexTokens(text).split(' '));
  /** The index holds each of the term's tokens, as a whole word (Pagefind's prefix matching is not relied on). */
  const indexHas = (term: string) => termTokens(term).every((token) => tokens.has(token));

  it('trusts the index for terms of one to three characters: it holds their tokens exactly when the text holds them', () => {
    for (const term of ['台', '計', '列入', '績效', '統計', '(四', '四)', '資安', '北台', '入資', '台北通', '資訊局', '通簽到', '資安局', '計資']) {
      expect(provenByIndex(term), term).toBe(true);
      expect(indexHas(term), term).toBe(text.includes(term));
    }
  });
  it('checks longer terms, whose triples can occur apart', () => {
    for (const term of ['列入資訊局', '台北通簽', '晨會的台北通']) expect(provenByIndex(term), term).toBe(false);
    // 案件品 and 承諾案 both occur (…控管案件品質, 承諾案件), so 承諾案件品 has all its triples (諾案件 too): but it is not in the text.
    const real = fold('(二十一) 市長承諾案件，感謝各中心依循研考會規定辦理，以及秘書室主任控管案件品質。').text;
    const triples = new Set(indexTokens(real).split(' '));
    expect(termTokens('承諾案件品').every((token) => triples.has(token))).toBe(true);
    expect(real.includes('承諾案件品')).toBe(false);
    expect(provenByIndex('承諾案件品')).toBe(false);
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
