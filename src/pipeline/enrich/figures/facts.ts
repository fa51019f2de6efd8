/**
 * What each quantity of a sentence is, read from the grammar reports print figures in
 * (重要施政成果, 已實施之創新作為):
 *
 *   [period][indicator] value ，與 [period] baseline 比較 ，計[減少|增加] amount ，[減少|增加] percent
 *   本期總用電量 961 萬 400 度，與 108 年同期 975 萬 5,200 度比較，計減少 14 萬 4,800 度，減少 1.48%。
 *   [indicator]較 [period] [月]減量 percent          廚餘量較 107 年基期月減量 36%
 *   [indicator] value ，超越 [period] baseline        簽核比率高達 94.8%，超越 108 年 92.3% 平均值
 *   part 、part ，計 total                           個別陳情 69 件、民眾集體陳情 9 件，計 78 件
 *
 * The indicator is the phrase before the number once the period and the linking verbs (計, 達, 共…)
 * are taken off; a baseline and a change belong to the value before them in the same clause group
 * (up to 。 or ；).
 */
import { toHalfWidth } from '../../../text/dates.ts';
import type { Period, PeriodContext, PeriodMention } from './period.ts';
import { findPeriods } from './period.ts';
import { type Quantity, findQuantities } from './quantity.ts';
import { unitInContext } from './units.ts';

export type Direction = 'increase' | 'decrease';

export interface Fact {
  quantity: Quantity;
  role: 'value' | 'baseline' | 'change' | 'total';
  indicator?: string;
  period?: Period;
  direction?: Direction;
  /** A change: the period it is measured from, when the sentence names it (107 年基期). */
  comparedWith?: Period;
  /** The words that state a change, as printed: 「減少 1.48%」, 「計減少 14 萬 4,800 度」. */
  stated?: string;
  /** A baseline's or a change's value: its index in the facts of the text. */
  of?: number;
  /** A total's parts: their indices. */
  parts?: number[];
}

/** A group of clauses that one comparison stays within; 。 also ends the period a sentence set. */
const GROUP_END = /[。！？；;\n]/;
const SENTENCE_END = /[。！？\n]/;
const CLAUSE_END = /[，,：:、；;。！？\n]/;

const INCREASE = '增加|成長|增長|上升|提升|提高|攀升|增|多';
const DECREASE = '減少|下降|降低|減量|節省|衰退|縮減|短少|減|少';
const CHANGE_WORD = new RegExp(`(?:計|共|合計|總計|約)?(?:月|年)?(${INCREASE}|${DECREASE})(?:了|幅度|率|比率|比例)?\\s*(?:為|達|約)?\\s*$`);
/** Words that compare with another period, with the direction some of them state. */
const COMPARISON = /(?:與|和|跟|較|比|相較於?|相對於|相比|超越|超過|高於|優於|低於|不及)\s*$/;
const ABOVE = /(?:超越|超過|高於|優於)\s*$/;
const BELOW = /(?:低於|不及)\s*$/;
const COMPARED = /較|比較|相較|相比|相對於|超越|高於|優於|低於|不及/;
const TOTAL = /^(?:計|共|共計|合計|總計|總共|合共)$/;
const INCOMPLETE_LIST = /等|其中|包括|包含|含/;

const LEADING =
  /^(?:另外?|並且?|且|再加上|再|其中|經統計|此外|而|亦|均|及|與|和|或|以及|共同|估計|預估|預計|[、，,]|計有|共有|共計|合計|總計|累計|計|共|達到?|已|為|約|(?:自\s*)?(?:\d{2,4}\s*年(?:度)?\s*)?(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:起|底|以來|迄今)?(?<=[年月日起底來今]))\s*/;
const TRAILING = /\s*(?:計有|共有|共計|總計|合計|累計達|累計|高達|多達|已達|達到|達|計|共|為|約為|有|已|僅|總共|分別為|分別|連續|之|的)$/;
/** A phrase ending in 等 or 及 closes a list the number counts (…新加坡等六國): no one indicator. */
const LIST_END = /(?:等|及|與|和|暨|或|、)\s*$/;
/** Verbs that say nothing of what is counted: 「本期完成 5 件招標案」 measures 招標案. */
const GENERIC = /^(?:完成|辦理|提供|執行|發布|發行|進行|使用|製作|建置|處理|受理|舉辦|召開|參與|參加|核發|核定|補助|進用|接待|協助|推動)$/;

/** Takes the periods, connectives and linking verbs off the phrase before a number. */
function cleanIndicator(lead: string, periods: PeriodMention[], offset: number): string {
  let phrase = lead;
  // Periods inside the phrase (本期, 109 年 1 月至 6 月, 截至…止) are the period, not the indicator.
  for (const mention of [...periods].sort((a, b) => b.start - a.start)) {
    const from = mention.start - offset;
    const to = mention.end - offset;
    if (from >= 0 && to <= phrase.length) phrase = `${phrase.slice(0, from)}${phrase.slice(to)}`;
  }
  // 廚餘量較 107 年基期月減量: what is measured comes before the comparison.
  phrase = phrase.split(COMPARED)[0]!;
  if (LIST_END.test(phrase)) return '';
  for (let before = ''; before !== phrase; ) {
    before = phrase;
    phrase = phrase.trim().replace(LEADING, '').replace(TRAILING, '');
  }
  return phrase.replace(/\s+/g, ' ').trim();
}

/** The noun after a count, for an indicator that is only a verb: 「5 件招標案，」 → 招標案. */
const countedNoun = (after: string) => /^[\p{Script=Han}A-Za-z]{1,6}(?=[，。；、,;:：）)\s]|$)/u.exec(after)?.[0];

/** The facts of a text: every quantity with its role, indicator, period and comparison. */
export function readFacts(text: string, context: PeriodContext): Fact[] {
  const half = toHalfWidth(text);
  const quantities = findQuantities(text);
  const periods = findPeriods(text, context);
  const facts: Fact[] = quantities.map((quantity) => ({ quantity, role: 'value' }));

  let groupStart = 0;
  let sentenceStart = 0;
  let lastValue: number | undefined;
  let lastIndicator: string | undefined;
  facts.forEach((fact, index) => {
    const { quantity } = fact;
    const previous = index > 0 ? quantities[index - 1]! : undefined;
    const between = half.slice(previous?.end ?? 0, quantity.start);
    if (previous && GROUP_END.test(between)) {
      groupStart = previous.end + lastMatch(between, GROUP_END) + 1;
      lastValue = undefined;
      lastIndicator = undefined;
    }
    if (previous && SENTENCE_END.test(between)) sentenceStart = previous.end + lastMatch(between, SENTENCE_END) + 1;
    const clauseBoundary = lastMatch(half.slice(0, quantity.start), CLAUSE_END) + 1;
    const clauseStart = Math.max(clauseBoundary, previous?.end ?? 0, groupStart);
    const lead = half.slice(clauseStart, quantity.start);
    const inClause = periods.filter((mention) => mention.start >= clauseStart && mention.end <= quantity.start);
    const comparative = inClause.find((mention) => mention.other || COMPARISON.test(half.slice(Math.max(clauseStart, mention.start - 6), mention.start)));
    const sentencePeriod = periods
      .filter((mention) => mention.start >= sentenceStart && mention.end <= quantity.start && mention !== comparative && !mention.other)
      .at(-1);
    const groupText = half.slice(groupStart, quantity.start);

    // A baseline: the number right after a compared period (與 108 年同期 975 萬 5,200 度).
    if (comparative && /^[\s之的為是]*(?:平均值?)?[\s為是]*$/.test(half.slice(comparative.end, quantity.start))) {
      fact.role = 'baseline';
      fact.period = comparative.period;
      const markedAt = half.slice(Math.max(clauseStart, comparative.start - 6), comparative.start);
      if (ABOVE.test(markedAt)) fact.direction = 'increase';
      if (BELOW.test(markedAt)) fact.direction = 'decrease';
      if (lastValue !== undefined) fact.of = lastValue;
      return;
    }
    // A change, where the group compares (計減少 14 萬 4,800 度, 減少 1.48%, 較 107 年基期月減量 36%).
    const change = CHANGE_WORD.exec(lead);
    if (change && (comparative || COMPARED.test(groupText) || facts.slice(0, index).some((other) => other.role === 'baseline' && other.of === lastValue))) {
      fact.role = 'change';
      fact.direction = new RegExp(`^(?:${INCREASE})$`).test(change[1]!) ? 'increase' : 'decrease';
      fact.stated = text.slice(clauseStart + change.index, quantity.end).trim();
      if (comparative) fact.comparedWith = comparative.period;
      if (lastValue !== undefined) fact.of = lastValue;
      else {
        // No value before it: the change is what the sentence reports (廚餘量較 107 年基期月減量 36%).
        const indicator = cleanIndicator(lead.slice(0, change.index), periods, clauseStart);
        if (indicator.length >= 2) fact.indicator = indicator;
        if (sentencePeriod) fact.period = sentencePeriod.period;
      }
      return;
    }
    // A total of the same-unit figures listed before it in the group (…69 件、…9 件，計 78 件).
    const parts = facts
      .slice(0, index)
      .map((other, at) => ({ other, at }))
      .filter(({ other }) => other.role === 'value' && other.quantity.start >= groupStart && other.quantity.unit?.code === quantity.unit?.code);
    if (TOTAL.test(lead.trim()) && quantity.unit && parts.length >= 2 && !INCOMPLETE_LIST.test(half.slice(parts[0]!.other.quantity.start, quantity.start))) {
      fact.role = 'total';
      fact.parts = parts.map(({ at }) => at);
      if (sentencePeriod) fact.period = sentencePeriod.period;
      return;
    }

    let indicator = cleanIndicator(lead, periods, clauseStart);
    if (GENERIC.test(indicator) || !indicator) {
      const noun = quantity.unit?.dimension === 'count' && !LIST_END.test(lead) ? countedNoun(half.slice(quantity.end)) : undefined;
      indicator = noun && !GENERIC.test(noun) ? `${indicator}${noun}` : '';
    }
    // 接待國際貴賓 14 團、94 人: a figure listed right after another measures the same.
    if (!indicator && previous && /^\s*[、及與和]\s*$/.test(between) && lastIndicator) indicator = lastIndicator;
    if (indicator.length >= 2 && indicator.length <= 24) fact.indicator = indicator;
    if (sentencePeriod) fact.period = sentencePeriod.period;
    lastValue = index;
    lastIndicator = fact.indicator;
  });

  for (const fact of facts) {
    const value = fact.of === undefined ? fact : facts[fact.of]!;
    if (fact.of !== undefined) fact.indicator = value.indicator;
    // 度 of water is a cubic metre: what the value measures decides for its baseline and change too.
    const measured = `${value.indicator ?? ''}${half.slice(Math.max(0, value.quantity.start - 12), value.quantity.start)}`;
    if (fact.quantity.unit) fact.quantity.unit = unitInContext(fact.quantity.unit, measured);
  }
  return facts;
}

/** Index of the last character of `text` matching `pattern`, or -1. */
function lastMatch(text: string, pattern: RegExp): number {
  for (let index = text.length - 1; index >= 0; index--) if (pattern.test(text[index]!)) return index;
  return -1;
}
