/**
 * The vocabulary of the published layouts: number labels (壹、 一、 (一) 1. (1) •), the names of
 * sections and header fields, and markdown residue. Shared by the repair and structure stages so
 * both read a line the same way.
 */

/** Kinds of number label, outermost first as the city's documents nest them. */
export type LabelKind =
  | 'heavenly' // 壹、貳、參
  | 'cjk' // 一、二、
  | 'cjk-paren' // (一)（一）
  | 'arabic' // 1. 1、
  | 'arabic-paren' // (1)（1）
  | 'circled' // ①
  | 'ordinal' // 第一案 (討論事項 of 市政會議)
  | 'bullet'; // • ● ■ or a markdown list item without a label

export interface Label {
  kind: LabelKind;
  /** As printed, including its punctuation: `貳、`, `(一)`, `1.`. */
  text: string;
  /** The number it stands for, when it has one. */
  value?: number;
}

const FORMAL = '壹貳參叁肆伍陸柒捌玖拾';
const CJK_DIGITS = '〇零一二三四五六七八九十百';

const LABEL_PATTERNS: Array<[LabelKind, RegExp]> = [
  ['heavenly', new RegExp(`^([${FORMAL}]+)\\s*[、，.．]`)],
  ['cjk', new RegExp(`^([${CJK_DIGITS}]+)\\s*[、，.．]`)],
  ['cjk-paren', new RegExp(`^[(（]\\s*([${CJK_DIGITS}]+)\\s*[)）]`)],
  ['arabic-paren', /^[(（]\s*(\d{1,3})\s*[)）]/],
  ['arabic', /^(\d{1,3})\s*(?:[.．、](?!\d)|\s*[)）])/],
  ['circled', /^([\u2460-\u2473])/],
  ['ordinal', new RegExp(`^第\\s*([${CJK_DIGITS}]+|\\d{1,3})\\s*案`)],
  ['bullet', /^([•●■◆◎○▪►‧·])/],
];

/** Reads a number label at the start of a line (after markdown residue has been removed). */
export function readLabel(line: string): Label | undefined {
  for (const [kind, pattern] of LABEL_PATTERNS) {
    const match = pattern.exec(line);
    if (!match) continue;
    const text = match[0];
    return { kind, text, value: labelValue(kind, match[1] ?? '') };
  }
  return undefined;
}

function labelValue(kind: LabelKind, digits: string): number | undefined {
  switch (kind) {
    case 'heavenly':
      return cjkNumber(digits.replace(/./g, (c) => '一二三三四五六七八九十'['壹貳參叁肆伍陸柒捌玖拾'.indexOf(c)] ?? c));
    case 'cjk':
    case 'cjk-paren':
      return cjkNumber(digits);
    case 'arabic':
    case 'arabic-paren':
      return Number(digits);
    case 'ordinal':
      return /^\d+$/.test(digits) ? Number(digits) : cjkNumber(digits);
    case 'circled':
      return digits.charCodeAt(0) - 0x2460 + 1;
    default:
      return undefined;
  }
}

/** `二十三` → 23, `一百零五` → 105, `十` → 10; undefined when not a CJK numeral. */
export function cjkNumber(text: string): number | undefined {
  const digit = (c: string) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c);
  if (!text || [...text].some((c) => !CJK_DIGITS.includes(c))) return undefined;
  let total = 0;
  let current = 0;
  for (const c of text) {
    if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = current * 10 + digit(c);
    }
  }
  return total + current;
}

/** Markdown residue at the start of a line: list markers, heading hashes, quote marks, emphasis. */
const LEADING_RESIDUE = /^(?:\s*(?:[-*+](?=\s)|#{1,6}(?=\s)|>|\d{1,3}[.)](?=\s+[-*+(（]))\s*)*/;

/** Removes markdown residue (list markers, `#`, `**`) from both ends of a line, for classifying it. */
export function stripResidue(line: string): string {
  let text = line.replace(LEADING_RESIDUE, '');
  text = text.replace(/^(?:\*\*|__)+/, '').replace(/(?:\*\*|__)+\s*$/, '');
  return text.replace(/\*\*|__/g, '').trim();
}

/** Section names that stand alone as headings, in minutes and in reports. */
export const SECTION_NAMES = [
  '宣讀上次紀錄',
  '確認上次紀錄',
  '宣讀上次會議紀錄',
  '確認上次會議紀錄',
  '報告事項',
  '討論事項',
  '臨時動議',
  '提案討論',
  '綜合會議結論',
  '綜合結論',
  '主席裁示事項',
  '主席指示事項',
  '主席裁示',
  '綜合指示事項',
  '指示事項',
  '裁示事項',
  '上次會議決議及指裁示事項執行情形報告',
  '各科重大事項提報',
  '重要施政成果',
  '已實施之創新作為',
  '未來施政重點',
  '專案報告',
  '業務報告',
  '工作報告',
];

/**
 * Who decides, written before 裁示/指示: a role (`局長`, `科長`, `主席`), with a surname or an office
 * before it (`黃局長`, `副市長`) — the words of {@link ROLES} and 主席.
 */
const DECIDER = String.raw`[^\s，。、；：:「」]{0,4}?(?:主席|主委|主持人|[^\s，。、；：:「」]長|主任|主秘|秘書|委員|技監|參事)`;

/**
 * Section names whose entries are resolutions, not items, by their shape: a name ending in
 * 指示事項, 裁示事項, 裁指示事項, 決議事項 or 結論 (綜合會議結論, 局長指示事項, 第一案討論結論), or a decider
 * then 裁示/指示 (局長裁示, 處長指示, 主席裁示). Short and without sentence punctuation: a heading.
 */
export const RESOLUTION_SECTION = new RegExp(
  String.raw`^(?:[^\s，。、；：:「」]{0,12}(?:(?:裁|指|裁指)示事項|決議事[項项]|結論)|(?:${DECIDER})?(?:裁示|指示|裁指示))$`,
);

/**
 * A line that opens resolutions: `會議結論：`, `決議：`, `主席裁示：`, `局長指示：` … with or without text
 * after it. A resolution-section name followed by a colon opens them too (`科長指示事項：`).
 */
export const RESOLUTION_MARKER = new RegExp(
  String.raw`^(?:(?:綜合)?(?:會議)?結論|決議|決定|主席結論|(?:${DECIDER})?(?:裁示|指示|裁指示)(?:事項)?|決議事[項项])\s*[：:]`,
);

/** Header field names, as printed in the various layouts. */
export const HEADER_FIELDS = [
  '發文機關',
  '開會時間',
  '開會日期',
  '開會地點',
  '會議時間',
  '會議地點',
  '時間',
  '日期',
  '地點',
  '主席',
  '主持人',
  '紀錄',
  '記錄',
  '出席人員',
  '出席者',
  '出席',
  '列席人員',
  '列席者',
  '列席',
  '請假人員',
  '請假',
  '資料截止日期',
  '資料公告日期',
  '專責人員',
  '聯絡人',
  '職稱',
  '電話',
  '聯絡電話',
  'E-mail',
  'Email',
  '電子郵件',
];

/** True when a line (residue removed, label removed) is only a header field name, the value following on the next line. */
export function isBareHeaderLabel(text: string): boolean {
  return HEADER_FIELDS.includes(text.replace(/[：:]\s*$/, '').trim());
}

/** True when a line (residue and label removed) is only a section name such as `報告事項`. */
export function isSectionName(text: string): boolean {
  const name = text.replace(/[：:。]\s*$/, '').trim();
  return SECTION_NAMES.includes(name) || RESOLUTION_SECTION.test(name);
}

/** Speaker of a supplementary report: `資訊局陳主秘補充報告：`, `公管中心趙主任補充說明：`. */
export const REPORT_SPEAKER = /^(?<speaker>[^\s，。、：:「」（）()]{2,20}?)(?<verb>補充報告|補充說明|補充|報告說明|說明|報告)\s*[：:]/;

/** Roles that end a speaker's name in a supplementary report, longest first. */
export const ROLES = [
  '主任秘書',
  '副執行秘書',
  '執行秘書',
  '專門委員',
  '副總工程司',
  '總工程司',
  '主任委員',
  '副主任委員',
  '副秘書長',
  '秘書長',
  '副局長',
  '副處長',
  '副主任',
  '副組長',
  '高級分析師',
  '分析師',
  '主秘',
  '局長',
  '處長',
  '主任',
  '組長',
  '科長',
  '股長',
  '主委',
  '參事',
  '技監',
  '秘書',
  '區長',
  '院長',
  '館長',
  '所長',
  '隊長',
  '執秘',
  '專委',
  '執行長',
  '經理',
  '總經理',
  '董事長',
  '委員',
  '市長',
  '副市長',
];

/** Characters that end a sentence or a clause that cannot continue on the next line. */
export const TERMINAL = /[。；！？!?；」』】》）)：:]$/;

/** True when a line, as it stands in the source, begins a new structural unit: a label, a list, a heading, a table, a field. */
export function startsStructure(rawLine: string): boolean {
  const trimmed = rawLine.trim();
  if (/^(?:[-*+](?=\s)|#{1,6}\s|>|\||<\w)/.test(trimmed)) return true;
  const text = stripResidue(trimmed);
  if (readLabel(text)) return true;
  if (RESOLUTION_MARKER.test(text) || REPORT_SPEAKER.test(text)) return true;
  if (/^[^\s，。、「」（）()：:]{1,16}[：:]/.test(text)) return true;
  if (isSectionName(text) || isBareHeaderLabel(text)) return true;
  if (/^(?:散會|散\s*會)/.test(text)) return true;
  return false;
}
