/**
 * The body of a document as a tree of items, read from its number labels.
 *
 * Labels nest in the order a document first uses them (壹 › 一 › (一) › 1. › (1), or 一 › (一) …
 * when a document has no 壹): a label of a kind already open closes everything below it; a new kind
 * opens a level. Within an item, three kinds of text follow one another:
 * - its own text and sub-items;
 * - supplementary reports (`資訊局陳主秘補充報告：…`), each running until the next speaker,
 *   the resolutions or the next item;
 * - resolutions, opened by `會議結論：` / `決議：` / `主席裁示：` or by the item itself being a
 *   resolution section (參、綜合會議結論; 五、主席裁示事項). The first deeper label kind inside marks
 *   the entries; deeper labels still belong to the current entry's text.
 */
import type { Item, Resolution, SupplementaryReport, Table } from '../../model/types.ts';
import type { Block } from '../blocks.ts';
import { isDirective } from './directive.ts';
import { type Label, type LabelKind, REPORT_SPEAKER, RESOLUTION_MARKER, RESOLUTION_SECTION, ROLES, isSectionName, readLabel } from '../labels.ts';

export interface Outline {
  items: Item[];
  /** Unnumbered text before the first item. */
  intro: string[];
  adjournment?: { text: string; line: number };
  /** What reads wrong but still builds: a skipped number (壹、貳、肆). */
  problems: Array<{ reason: string; line: number; ruleId: string }>;
}

type Mode =
  | { type: 'body' }
  | { type: 'report'; owner: Item; report: SupplementaryReport }
  | { type: 'resolution'; owner: Item; entryKind?: LabelKind; current?: Resolution; directed?: true };

interface Open {
  kind: LabelKind | 'section';
  item: Item;
}

/** An agency in brackets closing a title: `（法務局）`, `(研考會)`, `（研考會、資訊局）`. */
const TRAILING_AGENCY = /\s*([（(]([^（）()]{2,24})[）)])\s*$/;
const AGENCY_WORD = /(?:局|處|會|委員會|中心|室|所|公司|隊|院|館|署)$/;

/** Splits `…檢討改進案。（法務局）` into title and the bracketed agency, when the brackets hold agency names. */
export function splitAgency(title: string): { title: string; agencyText?: string } {
  const match = TRAILING_AGENCY.exec(title);
  if (!match || !match[2]!.split(/[、,，及與]/).every((name) => AGENCY_WORD.test(name.trim()))) return { title };
  return { title: title.slice(0, match.index).trimEnd(), agencyText: match[1]! };
}

/** Reads `資訊局陳主秘補充報告：…` into a speaker, a role and the text after the colon. */
export function readSpeaker(text: string): { speaker: string; role: string; verb: string; rest: string } | undefined {
  const match = REPORT_SPEAKER.exec(text);
  if (!match?.groups) return undefined;
  const speaker = match.groups.speaker!;
  const role = [...ROLES].sort((a, b) => b.length - a.length).find((candidate) => speaker.endsWith(candidate));
  // A speaker is a person: a role word must close the name (`陳主秘`), or `說明：` would read as a speaker.
  if (!role || speaker.length <= role.length) return undefined;
  return { speaker, role, verb: match.groups.verb!, rest: text.slice(match[0].length).trim() };
}

/** An item with nothing under it yet: the label, the title (its reporting agency split off) and the line. */
export function newItem(label: string, rest: string, line: number): Item {
  const { title, agencyText } = splitAgency(rest);
  return {
    anchor: '',
    label,
    title,
    ...(agencyText ? { agencyText } : {}),
    text: '',
    agencies: [],
    topics: [],
    reports: [],
    resolutions: [],
    tables: [],
    cases: [],
    items: [],
    line,
  };
}

const HEAVENLY = '壹貳參肆伍陸柒捌玖拾';
const CJK = '一二三四五六七八九十';

/** The label a number would have in the style of `label`: 參、 for 3 after 貳、, (三) after (二). */
function numberLike(label: Label, value: number): string {
  const digits = (set: string) => (value <= 10 ? set[value - 1]! : String(value));
  switch (label.kind) {
    case 'heavenly':
      return `${digits(HEAVENLY)}、`;
    case 'cjk':
      return `${digits(CJK)}、`;
    case 'cjk-paren':
      return `(${digits(CJK)})`;
    case 'arabic-paren':
      return `(${value})`;
    case 'ordinal':
      return `第${digits(CJK)}案`;
    default:
      return `${value}.`;
  }
}

function newResolution(label: string, text: string, line: number): Resolution {
  return { anchor: '', label, text, addressees: [], mentions: [], agencies: [], cases: [], topics: [], line };
}

const appendLine = (text: string, line: string) => (text ? `${text}\n${line}` : line);

/** One body line as the rules see it: its label, if any, and the text after it. */
interface Line {
  block: Block;
  text: string;
  label?: Label;
  /** The text after the label. */
  body: string;
  /** The label when it is a printed number, not a markdown bullet (`- 會議結論：` is residue). */
  numbered?: Label;
}

/** The tree being built and where the reading stands in it. */
class OutlineBuilder {
  readonly outline: Outline = { items: [], intro: [], problems: [] };
  readonly stack: Open[] = [];
  mode: Mode = { type: 'body' };

  top(): Item | undefined {
    return this.stack.at(-1)?.item;
  }

  /** Depth of the open item a label kind belongs to, or -1 when the kind is not open. */
  openDepth(kind: LabelKind | 'section'): number {
    return this.stack.findIndex((open) => open.kind === kind);
  }

  ownerDepth(owner: Item): number {
    return this.stack.findIndex((open) => open.item === owner);
  }

  openItem(kind: LabelKind | 'section', label: string, rest: string, block: Block): void {
    const depth = this.openDepth(kind);
    if (kind === 'section') this.stack.length = 0;
    else if (depth >= 0) this.stack.length = depth;
    const item = newItem(label, rest, block.line);
    const parent = this.top();
    const siblings = parent ? parent.items : this.outline.items;
    if (kind !== 'section') this.checkNumbering(siblings, readLabel(label), block.line);
    siblings.push(item);
    this.stack.push({ kind, item });
    this.mode = RESOLUTION_SECTION.test(item.title.replace(/[：:。\s]+$/, '')) ? { type: 'resolution', owner: item } : { type: 'body' };
  }

  /** Notes a number that skips one or more (壹、貳、肆: no 參、) against the last sibling of its kind. */
  checkNumbering(siblings: Item[], label: Label | undefined, line: number): void {
    if (label?.value === undefined) return;
    const previous = siblings.findLast((sibling) => readLabel(sibling.label)?.kind === label.kind);
    const before = previous && readLabel(previous.label)!.value;
    if (before === undefined || label.value <= before + 1) return;
    const missing = Array.from({ length: label.value - before - 1 }, (_, index) => numberLike(label, before + 1 + index)).join('');
    this.outline.problems.push({
      reason: `numbering skips from ${previous!.label} to ${label.text}: no ${missing} (check the source for a lost section or a misprint)`,
      line,
      ruleId: 'numbering',
    });
  }

  /**
   * Reports and resolutions belong to the item level (一、), not to a sub-item (一) that happens to be
   * open: `一、…案。 (一)說明… (二)說明… 會議結論：同意。` concludes item 一.
   */
  ensureOwner(block: Block): Item {
    const owner = this.stack.find((open) => open.kind !== 'heavenly' && open.kind !== 'section')?.item ?? this.top();
    if (owner) return owner;
    const item = newItem('', '', block.line);
    this.outline.items.push(item);
    this.stack.push({ kind: 'section', item });
    return item;
  }

  /** The top-level section a bullet stands in directly (no numbered item between them), if any. */
  sectionOfBullets(): Item | undefined {
    const levels = this.stack.filter((open) => open.kind !== 'bullet');
    return levels.length === 1 ? levels[0]!.item : undefined;
  }

  /** The item a line's images go with: the one taking text, a report or a resolution now. */
  owner(): Item | undefined {
    return this.mode.type === 'body' ? this.top() : this.mode.owner;
  }
}

/**
 * What a body line can be, in the order they are tried: the first rule that applies takes the line.
 * A new kind of line is a new entry here, not a new branch in a long function.
 */
const RULES: Array<{ name: string; applies: (line: Line, tree: OutlineBuilder) => boolean; take: (line: Line, tree: OutlineBuilder) => void }> = [
  {
    name: 'table',
    applies: ({ block }) => Boolean(block.table),
    take: ({ block }, tree) => {
      const table: Table = { ...block.table!, line: block.line };
      (tree.owner() ?? tree.ensureOwner(block)).tables.push(table);
    },
  },
  {
    name: 'adjournment (散會)',
    applies: ({ body }) => /^散\s*會/.test(body),
    take: ({ text, block }, tree) => {
      tree.outline.adjournment = { text, line: block.line };
      tree.mode = { type: 'body' };
    },
  },
  {
    name: 'resolution marker (會議結論：, 決議：)',
    applies: ({ numbered, body }) => !numbered && RESOLUTION_MARKER.test(body),
    take: ({ body, block }, tree) => {
      const owner = tree.ensureOwner(block);
      const marker = RESOLUTION_MARKER.exec(body)![0];
      owner.resolutionHeading = owner.resolutionHeading ? `${owner.resolutionHeading}\n${marker}` : marker;
      tree.mode = { type: 'resolution', owner };
      const rest = body.slice(marker.length).trim();
      if (!rest) return;
      const entry = readLabel(rest);
      const resolution = newResolution(entry?.text ?? '', entry ? rest.slice(entry.text.length).trim() : rest, block.line);
      owner.resolutions.push(resolution);
      tree.mode = { type: 'resolution', owner, current: resolution, ...(entry ? { entryKind: entry.kind } : {}) };
    },
  },
  {
    // An unnumbered section name (`報告事項`, `重要施政成果`) starts a new top-level section, whatever was open.
    name: 'section name',
    applies: ({ label, body, block }, tree) =>
      !label && (isSectionName(body) || (Boolean(block.heading) && tree.stack.length === 0 && tree.outline.items.length > 0)),
    take: ({ body, block }, tree) => tree.openItem('section', '', body, block),
  },
  {
    name: 'supplementary report (…補充報告：)',
    applies: ({ numbered, body }) => !numbered && readSpeaker(body) !== undefined,
    take: ({ body, block }, tree) => {
      const speaker = readSpeaker(body)!;
      const owner: Item = tree.mode.type === 'body' ? tree.ensureOwner(block) : tree.mode.owner;
      const report: SupplementaryReport = { speaker: speaker.speaker, role: speaker.role, verb: speaker.verb, text: speaker.rest, line: block.line };
      owner.reports.push(report);
      tree.mode = { type: 'report', owner, report };
    },
  },
  {
    name: 'text of a report',
    applies: (_, tree) => tree.mode.type === 'report',
    take: ({ text }, tree) => {
      if (tree.mode.type === 'report') tree.mode.report.text = appendLine(tree.mode.report.text, text);
    },
  },
  {
    name: 'resolution entry or its text',
    applies: (_, tree) => tree.mode.type === 'resolution',
    take: ({ label, body, text, block }, tree) => {
      const mode = tree.mode;
      if (mode.type !== 'resolution') return;
      if (label && (mode.entryKind === undefined ? !mode.current : label.kind === mode.entryKind)) {
        const resolution = newResolution(label.text, body, block.line);
        mode.owner.resolutions.push(resolution);
        tree.mode = { ...mode, entryKind: label.kind, current: resolution };
      } else if (mode.current) {
        mode.current.text = appendLine(mode.current.text, text);
      } else {
        const resolution = newResolution('', text, block.line);
        mode.owner.resolutions.push(resolution);
        tree.mode = { ...mode, current: resolution };
      }
    },
  },
  {
    // Bullet-layout minutes (主管會報): a bullet of a section that directs someone (`• 請秘書室彙整…`)
    // is a resolution of the section, among the units' reports (`• 疾病管制科：…已完成。`).
    name: 'bullet that directs someone',
    applies: ({ label, body }, tree) => label?.kind === 'bullet' && tree.sectionOfBullets() !== undefined && isDirective(body),
    take: ({ label, body, block }, tree) => {
      const owner = tree.sectionOfBullets()!;
      tree.stack.length = tree.ownerDepth(owner) + 1;
      const resolution = newResolution(label!.text, body, block.line);
      owner.resolutions.push(resolution);
      tree.mode = { type: 'resolution', owner, entryKind: 'bullet', current: resolution, directed: true };
    },
  },
  {
    name: 'item',
    applies: ({ label }) => Boolean(label),
    take: ({ label, body, block }, tree) => tree.openItem(label!.kind, label!.text, body, block),
  },
  {
    name: 'text before the first item',
    applies: (_, tree) => !tree.top(),
    take: ({ text }, tree) => void tree.outline.intro.push(text),
  },
  {
    // `第一案` on its own line: the next line (`案由：…`) is what the item is about.
    name: 'subject of an item without a title',
    applies: (_, tree) => {
      const current = tree.top()!;
      return !current.title && !current.text && !current.items.length && !current.agencyText;
    },
    take: ({ text }, tree) => {
      const current = tree.top()!;
      const { title, agencyText } = splitAgency(text);
      current.title = title;
      if (agencyText) current.agencyText = agencyText;
    },
  },
  {
    // `(研考會)` alone under a title is the item's reporting agency, printed on its own line.
    name: 'reporting agency on its own line',
    applies: ({ text }, tree) => {
      const current = tree.top()!;
      if (current.agencyText || current.text || current.items.length) return false;
      const agency = splitAgency(` ${text}`);
      return Boolean(agency.agencyText && !agency.title);
    },
    take: ({ text }, tree) => {
      tree.top()!.agencyText = splitAgency(` ${text}`).agencyText;
    },
  },
  {
    name: 'text of an item',
    applies: () => true,
    take: ({ text }, tree) => {
      const current = tree.top()!;
      current.text = appendLine(current.text, text);
    },
  },
];

/** A block as a {@link Line}: its label (a printed number, or a markdown bullet that is not a lone figure). */
function readLine(block: Block): Line {
  const text = block.text.trim();
  // A bulleted image (`- ![圖 1](images/chart.png)`) is a figure of the item above, not an item of its own.
  const figure = block.images?.length === 1 && block.images[0]!.text === text;
  const label: Label | undefined = readLabel(text) ?? (block.bullet && !figure ? { kind: 'bullet', text: '' } : undefined);
  const body = label ? text.slice(label.text.length).trim() : text;
  return { block, text, ...(label ? { label } : {}), body, ...(label && label.text !== '' ? { numbered: label } : {}) };
}

/** Builds the item tree from the body's lines (header lines already taken off). */
export function buildOutline(blocks: Block[]): Outline {
  const tree = new OutlineBuilder();
  for (const block of blocks) {
    const line = readLine(block);
    // A labelled line at or above the level that owns the reports or resolutions closes them.
    const { label } = line;
    if (label && tree.mode.type !== 'body' && tree.openDepth(label.kind) >= 0 && tree.openDepth(label.kind) <= tree.ownerDepth(tree.mode.owner)) {
      tree.mode = { type: 'body' };
    }
    // Among a section's bullets, only those that direct someone are its resolutions.
    if (label && tree.mode.type === 'resolution' && tree.mode.directed && (label.kind !== 'bullet' || !isDirective(line.body))) tree.mode = { type: 'body' };
    RULES.find((rule) => rule.applies(line, tree))!.take(line, tree);
    // The line's images go with the item that took it: its text, a report or a resolution under it.
    const owner = tree.owner();
    if (owner && block.images) (owner.images ??= []).push(...block.images.map(({ column: _column, ...image }) => image));
  }
  return tree.outline;
}
