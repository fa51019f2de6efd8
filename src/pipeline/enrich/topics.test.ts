import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../../text/normalize.ts';
import { TopicIndex } from './topics.ts';

const index = new TopicIndex([
  { slug: 'information-security', name: '資訊安全', keywords: ['資安'] },
  { slug: 'personnel-evaluation', name: '人事考績', keywords: ['人事'] },
  { slug: 'digital-transformation', name: '數位轉型', keywords: ['數位轉型', '電子化'] },
  { slug: 'publications', name: '出版品', keywords: ['公報'] },
  { slug: 'budget-execution', name: '預算執行', keywords: ['預算', '執行率'] },
  { slug: 'e-invoice', name: '電子發票', keywords: ['電子發票'] },
  { slug: 'procurement-contracts', name: '採購與契約', keywords: ['契約'] },
]);

describe('TopicIndex', () => {
  it('does not count a keyword inside a unit, office or award name', () => {
    expect(index.of('策略、資安、創新中心分別負責規劃作業與設備安排')).toEqual([]);
    expect(index.of('人事行政總處標竿學習案例地方政府組')).toEqual([]);
    expect(index.of('請人事室向同仁加強宣導台北通的各項便利性')).toEqual([]);
    expect(index.of('本局榮獲數位轉型獎')).toEqual([]);
  });
  it('does not count a keyword inside a quoted system name, across a line break', () => {
    expect(index.of('請機要組及公管中心隨時檢查「電子公報資訊  \n系統」及「市政大樓停車管理系統」維護廠商登')).toEqual([]);
  });
  it("does not count a measure (執行率) of another topic's subject", () => {
    // 第210次主任秘書會報 and 第103次處務會議: the e-invoice rate, not budget execution.
    expect(index.of('各府級長官辦公室之電子發票執行率請單獨列計。')).toEqual(['e-invoice']);
    expect(index.of('請總務組將各組室電子發票執行率統計表增列備註欄位')).toEqual(['e-invoice']);
    expect(index.of('請各局處注意預算執行率')).toEqual(['budget-execution']);
    // A term that is not a measure counts for both topics (第224次: 副本契約電子化).
    expect(index.of('請資訊局針對未能採行副本契約電子化之機關，提供必要之系統')).toEqual(['digital-transformation', 'procurement-contracts']);
  });
  it("does not count a keyword inside a longer agency name the registry knows, but does count the agency's own name", () => {
    // 第2131次市政會議 (tests/fixtures/layouts): 人事處 is an agency, not 人事 as a subject.
    const text = '照案通過，由法務局辦理法制作業後函送臺北市議會審議，並副知人事處。';
    const names = [{ index: text.indexOf('人事處'), length: 3 }];
    expect(index.of(text, names)).toEqual([]);
    expect(index.of(text)).toEqual(['personnel-evaluation']);
    // The council's own names (臺北市議會, 議會) are about the council: 議會 counts inside them.
    const council = new TopicIndex([
      { slug: 'council-relations', name: '府會聯繫', keywords: ['議會'] },
      { slug: 'personnel-evaluation', name: '人事考績', keywords: ['人事'] },
    ]);
    const aliases = ['臺北市議會', '市議會', '議會'].map(foldForMatch);
    const known = [
      { index: text.indexOf('臺北市議會'), length: 5, aliases },
      { index: text.indexOf('人事處'), length: 3, aliases: ['人事處'] },
    ];
    expect(council.of(text, known)).toEqual(['council-relations']);
    const request = '請各局處函送議會審議之議法案務必提報市政會議通過再函送議會。';
    const councils = [request.indexOf('議會'), request.lastIndexOf('議會')].map((at) => ({ index: at, length: 2, aliases }));
    expect(council.of(request, councils)).toEqual(['council-relations']);
  });
  it('counts the keyword where the text is about it', () => {
    expect(index.of('請各單位注意今年預算執行情形，應支付費用請儘速核銷')).toEqual(['budget-execution']);
    expect(index.of('加強資安防護，請資安中心協助')).toEqual(['information-security']);
  });
});
