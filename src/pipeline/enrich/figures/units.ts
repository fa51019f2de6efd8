/**
 * Units as the city's reports print them after a number: 度 (kWh), 元 and its scaled forms (TWD),
 * 公升, 公噸, 公頃, 平方公尺, and the measure words of counts (件, 人次, 場次, 輛…). A unit not known
 * here is kept as printed, so nothing a report counts is dropped for want of a table entry.
 */

/** What kind of amount a unit measures. */
export type Dimension =
  | 'energy'
  | 'power'
  | 'money'
  | 'volume'
  | 'mass'
  | 'area'
  | 'length'
  | 'count'
  | 'percent'
  | 'percentage-point'
  | 'ratio'
  | 'duration'
  | 'temperature'
  | 'other';

export interface Unit {
  /** As printed: `度`, `萬元`, `人次`, `個百分點`. */
  printed: string;
  /** The unit values are given in: `kWh`, `TWD`, `L`, `t`, `ha`, `m²`, `%`; for a count its measure word (`件`). */
  code: string;
  dimension: Dimension;
  /** Power of ten the printed unit carries: 3 for 千元, 4 for 萬元 (the value is given in `code`). */
  scale: number;
}

type Entry = [code: string, dimension: Dimension, scale?: number];

/** Measure words and count nouns: the unit of a count is the word itself. */
const COUNT_WORDS =
  '人次 人日 場次 梯次 班次 車次 架次 輛次 項次 件 人 名 位 戶 家 所 校 處 個 項 案 筆 間 輛 部 艘 架 臺 台 座 棟 ' +
  '場 次 期 團 通 則 篇 份 張 支 本 冊 頁 封 卷 宗 起 條 隻 頭 株 棵 盞 組 套 批 箱 包 瓶 盒 袋 堂 班 梯 床 席 國 城市 機關 單位 種 類 科 門 把 片 顆 面 幅';

const TABLE: Record<string, Entry> = {
  度: ['kWh', 'energy'],
  千瓦時: ['kWh', 'energy'],
  kWh: ['kWh', 'energy'],
  MWh: ['MWh', 'energy'],
  瓩: ['kW', 'power'],
  千瓦: ['kW', 'power'],
  kW: ['kW', 'power'],
  瓦: ['W', 'power'],
  元: ['TWD', 'money'],
  臺幣: ['TWD', 'money'],
  台幣: ['TWD', 'money'],
  千元: ['TWD', 'money', 3],
  萬元: ['TWD', 'money', 4],
  百萬元: ['TWD', 'money', 6],
  億元: ['TWD', 'money', 8],
  美元: ['USD', 'money'],
  歐元: ['EUR', 'money'],
  日圓: ['JPY', 'money'],
  日元: ['JPY', 'money'],
  人民幣: ['CNY', 'money'],
  公升: ['L', 'volume'],
  毫升: ['mL', 'volume'],
  立方公尺: ['m³', 'volume'],
  立方米: ['m³', 'volume'],
  公噸: ['t', 'mass'],
  噸: ['t', 'mass'],
  公斤: ['kg', 'mass'],
  公克: ['g', 'mass'],
  kg: ['kg', 'mass'],
  公頃: ['ha', 'area'],
  平方公尺: ['m²', 'area'],
  平方米: ['m²', 'area'],
  平方公里: ['km²', 'area'],
  坪: ['坪', 'area'],
  公里: ['km', 'length'],
  公尺: ['m', 'length'],
  km: ['km', 'length'],
  '%': ['%', 'percent'],
  個百分點: ['pp', 'percentage-point'],
  百分點: ['pp', 'percentage-point'],
  倍: ['倍', 'ratio'],
  成: ['成', 'ratio'],
  年: ['年', 'duration'],
  個月: ['月', 'duration'],
  週: ['週', 'duration'],
  星期: ['週', 'duration'],
  天: ['日', 'duration'],
  日: ['日', 'duration'],
  工作天: ['日', 'duration'],
  個工作天: ['日', 'duration'],
  工作日: ['日', 'duration'],
  個工作日: ['日', 'duration'],
  小時: ['小時', 'duration'],
  分鐘: ['分鐘', 'duration'],
  秒: ['秒', 'duration'],
  歲: ['歲', 'duration'],
};
for (const word of COUNT_WORDS.split(' ')) TABLE[word] ??= [word, 'count'];

/**
 * A one-character measure word that begins a word instead (2020 臺北國際燈節, 3 國際組織): the
 * characters after which it is not a unit.
 */
const STARTS_A_WORD: Record<string, RegExp> = {
  臺: /[北中南東灣]/,
  台: /[北中南東灣]/,
  國: /[際內外家民中小立]/,
  處: /[理]/,
  本: /[府市局處署會部院]/,
  名: /[單稱]/,
  通: /[過知報]/,
  面: /[積對]/,
  條: /[例件]/,
  門: /[診市口]/,
  期: /[間末限]/,
  組: /[織長]/,
  科: /[技室長]/,
  所: /[有以得]/,
};

/** Printed forms, longest first, so 人次 wins over 人 and 平方公尺 over 公尺. */
const PRINTED = Object.keys(TABLE).sort((a, b) => b.length - a.length);

/** The unit printed at the start of `text` (spaces before it are the caller's), if any is known. */
export function readUnit(text: string): Unit | undefined {
  const printed = PRINTED.find((candidate) => text.startsWith(candidate));
  if (!printed) return undefined;
  // A Latin unit must end at a word boundary: `km` is not the start of `kms`.
  if (/[A-Za-z]$/.test(printed) && /[A-Za-z]/.test(text[printed.length] ?? '')) return undefined;
  if (STARTS_A_WORD[printed]?.test(text[printed.length] ?? '')) return undefined;
  return unitOf(printed);
}

/** The unit of a printed form from the table (`萬元`), or the printed form kept as an unknown unit. */
export function unitOf(printed: string): Unit {
  const entry = TABLE[printed];
  if (!entry) return { printed, code: printed, dimension: 'other', scale: 0 };
  const [code, dimension, scale = 0] = entry;
  return { printed, code, dimension, scale };
}

/**
 * 度 is a kilowatt-hour of electricity, but a cubic metre of water (本期總用水量 7 萬 1,378 度) and a
 * degree of temperature (溫度 26 度): what the sentence measures decides.
 */
export function unitInContext(unit: Unit, measured: string): Unit {
  if (unit.printed !== '度') return unit;
  if (/水/.test(measured)) return { ...unit, code: 'm³', dimension: 'volume' };
  if (/溫/.test(measured)) return { ...unit, code: '°C', dimension: 'temperature' };
  return unit;
}

/** Whether two figures' units can be added or compared: the same unit, whatever its printed scale. */
export const sameUnit = (a: Unit, b: Unit): boolean => a.code === b.code && a.dimension === b.dimension;
