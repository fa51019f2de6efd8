import { describe, expect, it } from 'vitest';
import { parseCaseActions } from '../../src/pipeline/enrich/cases.ts';
import { readCaseSentence, writeCaseSentence } from './cases.ts';

// The cases as the model holds them: the pipeline's own reading of the sentence.
const templatesOf = (text: string) => readCaseSentence(text, parseCaseActions(text));

describe('readCaseSentence', () => {
  // 臺北市政府第210次主任秘書會報紀錄, 貳、一、(一)
  const chief = '列管編號 205-1 併 208-2、209-1、209-3、209-4 等 4 案解除列管；列管編號 204-2、205-2、208-1、209-2 等 4 案廢續列管。';
  // 臺北市政府秘書處第 103 次處務會議紀錄, 貳、二、(二)
  const office = '列管案號 9805、10201 及 10203 同意解除列管；列管案號 9903、9904、10104、10202 及 10204 賡續列管。';

  it('makes a template that writes the sentence back from its cases, the merge included', () => {
    const [whole] = templatesOf(chief)!;
    expect(whole).toMatchObject({ actions: ['released', 'continued'], dashed: true, merges: true });
    const lists = { released: ['205-1', '208-2', '209-1', '209-3', '209-4'], continued: ['204-2', '205-2', '208-1', '209-2'] };
    expect(writeCaseSentence(whole!, lists, true)).toBe(chief);
  });

  it('keeps 及 before the last number, and numbers that run session and case together', () => {
    const [whole] = templatesOf(office)!;
    expect(whole).toMatchObject({ dashed: false, lastJoiner: ' 及 ', merges: false });
    const lists = { released: ['9805', '10201', '10203'], continued: ['9903', '9904', '10104', '10202', '10204'] };
    expect(writeCaseSentence(whole!, lists, false)).toBe(office);
  });

  it('makes each clause a template of its own, ending in 。', () => {
    const [, released, continued] = templatesOf(chief)!;
    expect(writeCaseSentence(released!, { released: ['224-1', '224-2'], continued: [] }, false)).toBe('列管編號 224-1、224-2 等 2 案解除列管。');
    expect(writeCaseSentence(continued!, { released: [], continued: ['223-4'] }, false)).toBe('列管編號 223-4 等 1 案廢續列管。');
  });

  it('makes none of a sentence that names no case', () => {
    expect(templatesOf('請各局處函送議會審議之議法案務必提報市政會議通過再函送議會。')).toBeUndefined();
  });
});
