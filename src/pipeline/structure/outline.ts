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
import {
  type Label,
  type LabelKind,
  REPORT_SPEAKER,
  RESOLUTION_MARKER,
  RESOLUTION_SECTION,
  ROLES,
  isSectionName,
  readLabel,
} from '../labels.ts';

export interface Outline {
  items: Item[];
  /** Unnumbered text before the first item. */
  intro: string[];
  adjournment?: { text: string; line: number };
}

type Mode =
  | { type: 'body' }
  | { type: 'report'; owner: Item; report: SupplementaryReport }
  | { type: 'resolution'; owner: Item; entryKind?: LabelKind; current?: Resolution };

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

function newItem(label: string, rest: string, line: number): Item {
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

function newResolution(label: string, text: string, line: number): Resolution {
  return { anchor: '', label, text, addressees: [], mentions: [], agencies: [], cases: [], topics: [], line };
}

const appendLine = (text: string, line: string) => (text ? `${text}\n${line}` : line);

/** Builds the item tree from the body's lines (header lines already taken off). */
export function buildOutline(blocks: Block[]): Outline {
  const outline: Outline = { items: [], intro: [] };
  const stack: Open[] = [];
  let mode: Mode = { type: 'body' };

  const top = () => stack.at(-1)?.item;
  /** Depth of the open item a label kind belongs to, or -1 when the kind is not open. */
  const openDepth = (kind: LabelKind | 'section') => stack.findIndex((open) => open.kind === kind);
  const ownerDepth = (owner: Item) => stack.findIndex((open) => open.item === owner);

  const openItem = (kind: LabelKind | 'section', label: string, rest: string, block: Block) => {
    const depth = openDepth(kind);
    if (kind === 'section') stack.length = 0;
    else if (depth >= 0) stack.length = depth;
    const item = newItem(label, rest, block.line);
    const parent = top();
    (parent ? parent.items : outline.items).push(item);
    stack.push({ kind, item });
    mode = RESOLUTION_SECTION.test(item.title.replace(/[：:。\s]+$/, '')) ? { type: 'resolution', owner: item } : { type: 'body' };
  };

  /**
   * Reports and resolutions belong to the item level (一、), not to a sub-item (一) that happens to be
   * open: `一、…案。 (一)說明… (二)說明… 會議結論：同意。` concludes item 一.
   */
  const ensureOwner = (block: Block): Item => {
    const owner = stack.find((open) => open.kind !== 'heavenly' && open.kind !== 'section')?.item ?? top();
    if (owner) return owner;
    const item = newItem('', '', block.line);
    outline.items.push(item);
    stack.push({ kind: 'section', item });
    return item;
  };

  /** Reads one line into the tree. */
  const take = (block: Block): void => {
    if (block.table) {
      const table: Table = { ...block.table, line: block.line };
      const owner = mode.type === 'body' ? top() : mode.owner;
      (owner ?? ensureOwner(block)).tables.push(table);
      return;
    }
    const text = block.text.trim();
    // A bulleted image (`- ![圖 1](images/chart.png)`) is a figure of the item above, not an item of its own.
    const figure = block.images?.length === 1 && block.images[0]!.text === text;
    const label: Label | undefined = readLabel(text) ?? (block.bullet && !figure ? { kind: 'bullet', text: '' } : undefined);
    const body = label ? text.slice(label.text.length).trim() : text;
    // A markdown bullet (`- 會議結論：`) is residue, not a number: such a line may still open resolutions or a report.
    const numbered = label && label.text !== '' ? label : undefined;

    if (/^散\s*會/.test(body)) {
      outline.adjournment = { text, line: block.line };
      mode = { type: 'body' };
      return;
    }

    if (!numbered && RESOLUTION_MARKER.test(body)) {
      const owner = ensureOwner(block);
      const marker = RESOLUTION_MARKER.exec(body)![0];
      owner.resolutionHeading = owner.resolutionHeading ? `${owner.resolutionHeading}\n${marker}` : marker;
      mode = { type: 'resolution', owner };
      const rest = body.slice(marker.length).trim();
      if (rest) {
        const entry = readLabel(rest);
        const resolution = newResolution(entry?.text ?? '', entry ? rest.slice(entry.text.length).trim() : rest, block.line);
        owner.resolutions.push(resolution);
        mode = { type: 'resolution', owner, current: resolution, ...(entry ? { entryKind: entry.kind } : {}) };
      }
      return;
    }

    // An unnumbered section name (`報告事項`, `重要施政成果`) starts a new top-level section, whatever was open.
    if (!label && (isSectionName(body) || (block.heading && stack.length === 0 && outline.items.length > 0))) {
      openItem('section', '', body, block);
      return;
    }

    // A labelled line at or above the level that owns the reports or resolutions closes them.
    if (label && mode.type !== 'body' && openDepth(label.kind) >= 0 && openDepth(label.kind) <= ownerDepth(mode.owner)) {
      mode = { type: 'body' };
    }

    const speaker = numbered ? undefined : readSpeaker(body);
    if (speaker) {
      const owner: Item = mode.type === 'body' ? ensureOwner(block) : mode.owner;
      const report: SupplementaryReport = {
        speaker: speaker.speaker,
        role: speaker.role,
        verb: speaker.verb,
        text: speaker.rest,
        line: block.line,
      };
      owner.reports.push(report);
      mode = { type: 'report', owner, report };
      return;
    }

    if (mode.type === 'report') {
      mode.report.text = appendLine(mode.report.text, text);
      return;
    }

    if (mode.type === 'resolution') {
      if (label && (mode.entryKind === undefined ? !mode.current : label.kind === mode.entryKind)) {
        const resolution = newResolution(label.text, body, block.line);
        mode.owner.resolutions.push(resolution);
        mode = { ...mode, entryKind: label.kind, current: resolution };
      } else if (mode.current) {
        mode.current.text = appendLine(mode.current.text, text);
      } else {
        const resolution = newResolution('', text, block.line);
        mode.owner.resolutions.push(resolution);
        mode = { ...mode, current: resolution };
      }
      return;
    }

    if (label) {
      openItem(label.kind, label.text, body, block);
      return;
    }
    const current = top();
    if (!current) {
      outline.intro.push(text);
      return;
    }
    // `第一案` on its own line: the next line (`案由：…`) is what the item is about.
    if (!current.title && !current.text && !current.items.length && !current.agencyText) {
      const { title, agencyText } = splitAgency(text);
      current.title = title;
      if (agencyText) current.agencyText = agencyText;
      return;
    }
    // `(研考會)` alone under a title is the item's reporting agency, printed on its own line.
    const agency = !current.agencyText && !current.text && !current.items.length ? splitAgency(` ${text}`) : undefined;
    if (agency?.agencyText && !agency.title) {
      current.agencyText = agency.agencyText;
      return;
    }
    current.text = appendLine(current.text, text);
  };

  for (const block of blocks) {
    take(block);
    // The line's images go with the item that took it: its text, a report or a resolution under it.
    // (`take` changed `mode`; TypeScript would still narrow it to where it was set above.)
    const now = mode as Mode;
    const owner = now.type === 'body' ? top() : now.owner;
    if (owner && block.images) (owner.images ??= []).push(...block.images.map(({ column: _column, ...image }) => image));
  }
  return outline;
}
