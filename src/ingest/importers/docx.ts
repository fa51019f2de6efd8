/**
 * DOCX (Office Open XML): `word/document.xml` read in document order, with `word/styles.xml` and
 * `word/numbering.xml`. Word generates list labels (壹、 一、 (一) 1. (1)) from numbering definitions
 * (`w:numPr` → `w:num` → `w:abstractNum` levels with `w:numFmt` such as `taiwaneseCountingThousand`
 * and `w:lvlText` such as `%1、`), so they are not in the text runs: they are printed again here from
 * those definitions and counts, or the items would lose their labels. Tracked changes are read
 * accepted (insertions kept, deletions left out), with a warning.
 */
import { type ListLevel, ListCounter, labelled, printLabel } from './list-labels.ts';
import type { ImportMessage, SourceBlock } from './types.ts';
import { UnreadableOriginalError } from './types.ts';
import { type XmlElement, child, descendants, elements, parseXml } from './xml.ts';
import { type Package, entryText } from './zip.ts';

interface Numbering {
  /** Levels of each abstract numbering definition. */
  abstract: Map<string, (ListLevel | undefined)[]>;
  /** Each list instance (`w:numId`): its definition and the levels it starts afresh. */
  nums: Map<string, { abstractId: string; levels: (ListLevel | undefined)[]; startOverrides: Map<number, number> }>;
}

interface ParagraphStyle {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  name?: string;
}

const val = (element: XmlElement | undefined) => element?.attributes['w:val'];

function readLevel(lvl: XmlElement): ListLevel {
  const format = val(child(lvl, 'w:numFmt')) ?? 'decimal';
  const text = val(child(lvl, 'w:lvlText')) ?? '';
  const suff = val(child(lvl, 'w:suff'));
  return {
    format,
    template: text,
    start: Number(val(child(lvl, 'w:start')) ?? 1),
    ...(format === 'bullet' ? { bullet: text } : {}),
    suffix: suff === 'nothing' ? 'nothing' : 'space',
  };
}

function readLevels(container: XmlElement, levels: (ListLevel | undefined)[] = []): (ListLevel | undefined)[] {
  for (const lvl of elements(container, 'w:lvl')) levels[Number(lvl.attributes['w:ilvl'] ?? 0)] = readLevel(lvl);
  return levels;
}

function readNumbering(root: XmlElement | undefined): Numbering {
  const numbering: Numbering = { abstract: new Map(), nums: new Map() };
  if (!root) return numbering;
  for (const abstract of elements(root, 'w:abstractNum')) numbering.abstract.set(abstract.attributes['w:abstractNumId'] ?? '', readLevels(abstract));
  for (const num of elements(root, 'w:num')) {
    const abstractId = val(child(num, 'w:abstractNumId')) ?? '';
    const levels = [...(numbering.abstract.get(abstractId) ?? [])];
    const startOverrides = new Map<number, number>();
    for (const override of elements(num, 'w:lvlOverride')) {
      const ilvl = Number(override.attributes['w:ilvl'] ?? 0);
      const start = val(child(override, 'w:startOverride'));
      if (start !== undefined) startOverrides.set(ilvl, Number(start));
      const lvl = child(override, 'w:lvl');
      if (lvl) levels[ilvl] = readLevel(lvl);
    }
    numbering.nums.set(num.attributes['w:numId'] ?? '', { abstractId, levels, startOverrides });
  }
  return numbering;
}

function readParagraphStyles(root: XmlElement | undefined): Map<string, ParagraphStyle> {
  const styles = new Map<string, ParagraphStyle>();
  if (!root) return styles;
  for (const style of elements(root, 'w:style')) {
    if (style.attributes['w:type'] !== 'paragraph') continue;
    const pPr = child(style, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const outline = val(child(pPr, 'w:outlineLvl'));
    const name = val(child(style, 'w:name'));
    const heading = name ? /^heading\s*(\d)$/i.exec(name) : null;
    styles.set(style.attributes['w:styleId'] ?? '', {
      ...(val(child(style, 'w:basedOn')) ? { basedOn: val(child(style, 'w:basedOn'))! } : {}),
      ...(numPr && val(child(numPr, 'w:numId')) !== undefined ? { numId: val(child(numPr, 'w:numId'))! } : {}),
      ...(numPr && val(child(numPr, 'w:ilvl')) !== undefined ? { ilvl: Number(val(child(numPr, 'w:ilvl'))) } : {}),
      ...(outline !== undefined ? { outlineLevel: Number(outline) } : heading ? { outlineLevel: Number(heading[1]) - 1 } : {}),
      ...(name ? { name } : {}),
    });
  }
  return styles;
}

/** A style's own setting or the nearest one it is based on. */
function inherited<K extends keyof ParagraphStyle>(styles: Map<string, ParagraphStyle>, id: string | undefined, key: K): ParagraphStyle[K] | undefined {
  for (let depth = 0; id && depth < 20; depth++) {
    const style = styles.get(id);
    if (style?.[key] !== undefined) return style[key];
    id = style?.basedOn;
  }
  return undefined;
}

const TRACKED = new Set([
  'w:ins',
  'w:del',
  'w:moveFrom',
  'w:moveTo',
  'w:pPrChange',
  'w:rPrChange',
  'w:sectPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:numberingChange',
]);

class DocxReader {
  readonly blocks: SourceBlock[] = [];
  tracked = false;
  private readonly counters = new Map<string, ListCounter>();
  private readonly restarted = new Set<string>();
  private readonly numbering: Numbering;
  private readonly styles: Map<string, ParagraphStyle>;
  /** Text of a paragraph whose mark was deleted (a tracked merge): it runs on into the next. */
  private pending = '';

  constructor(numbering: Numbering, styles: Map<string, ParagraphStyle>) {
    this.numbering = numbering;
    this.styles = styles;
  }

  body(container: XmlElement): void {
    for (const node of elements(container)) {
      switch (node.name) {
        case 'w:p':
          this.paragraph(node);
          break;
        case 'w:tbl':
          this.table(node);
          break;
        case 'w:sdt':
          this.body(child(node, 'w:sdtContent') ?? node);
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          if (node.name !== 'w:customXml') this.tracked = true;
          this.body(node);
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.tracked = true;
          break;
        default:
          break;
      }
    }
  }

  /** The printed label of a numbered paragraph, counted in its list. */
  private label(pPr: XmlElement | undefined, styleId: string | undefined): { text: string; suffix: ListLevel['suffix'] } | undefined {
    const numPr = child(pPr, 'w:numPr');
    const numId = val(child(numPr, 'w:numId')) ?? inherited(this.styles, styleId, 'numId');
    if (numId === undefined || numId === '0') return undefined;
    const num = this.numbering.nums.get(numId);
    if (!num) return undefined;
    const ilvl = Number(val(child(numPr, 'w:ilvl')) ?? inherited(this.styles, styleId, 'ilvl') ?? 0);
    // Lists sharing a definition count on together; a list that restarts a level says so once.
    const counter = this.counters.get(num.abstractId) ?? new ListCounter();
    this.counters.set(num.abstractId, counter);
    const restartKey = `${numId}:${ilvl}`;
    const override = num.startOverrides.get(ilvl);
    const restart = override !== undefined && !this.restarted.has(restartKey) ? override : undefined;
    if (restart !== undefined) this.restarted.add(restartKey);
    const counts = counter.next(ilvl, num.levels, restart);
    return { text: printLabel(ilvl, counts, num.levels), suffix: num.levels[ilvl]?.suffix ?? 'space' };
  }

  private paragraph(p: XmlElement): void {
    const pPr = child(p, 'w:pPr');
    const styleId = val(child(pPr, 'w:pStyle'));
    const asides: XmlElement[] = [];
    const text = this.pending + this.inline(p, asides, false);
    this.pending = '';
    if (child(child(pPr, 'w:rPr'), 'w:del')) {
      // The paragraph mark itself was deleted: accepted, this paragraph and the next are one.
      this.tracked = true;
      this.pending = text;
      return;
    }
    const label = this.label(pPr, styleId);
    const printed = label ? labelled(label.text, text, label.suffix) : text;
    const outline = val(child(pPr, 'w:outlineLvl')) ?? inherited(this.styles, styleId, 'outlineLevel');
    const level = outline === undefined ? undefined : Number(outline);
    if (level !== undefined && level < 6) this.blocks.push({ type: 'heading', depth: (level + 1) as 1 | 2 | 3 | 4 | 5 | 6, text: printed });
    else this.blocks.push({ type: 'paragraph', text: printed });
    for (const aside of asides) this.body(aside);
  }

  /** The text of runs, in order; text boxes found inside are handed back to be read after the paragraph. */
  private inline(element: XmlElement, asides: XmlElement[], hidden: boolean): string {
    let text = '';
    for (const node of elements(element)) {
      if (TRACKED.has(node.name)) this.tracked = true;
      switch (node.name) {
        case 'w:pPr':
        case 'w:rPr':
        case 'w:del':
        case 'w:moveFrom':
        case 'w:instrText':
        case 'w:delText':
        case 'w:delInstrText':
        case 'w:footnoteReference':
        case 'w:endnoteReference':
        case 'w:commentReference':
        case 'w:lastRenderedPageBreak':
          break;
        case 'w:r': {
          const vanish = child(child(node, 'w:rPr'), 'w:vanish');
          text += this.inline(node, asides, vanish !== undefined && val(vanish) !== 'false' && val(vanish) !== '0');
          break;
        }
        case 'w:t':
          if (!hidden) text += node.children.filter((c) => typeof c === 'string').join('');
          break;
        case 'w:tab':
        case 'w:ptab':
          if (!hidden) text += '\t';
          break;
        case 'w:br':
          // A page or column break is layout; a line break separates lines of the paragraph.
          if (!hidden && !node.attributes['w:type']) text += '\n';
          break;
        case 'w:cr':
          if (!hidden) text += '\n';
          break;
        case 'w:noBreakHyphen':
          if (!hidden) text += '-';
          break;
        case 'w:sym': {
          const code = Number.parseInt(node.attributes['w:char'] ?? '', 16);
          // Symbol-font characters live in the private-use area (F0xx); the plain character is the low byte.
          if (!hidden && Number.isFinite(code)) text += String.fromCodePoint(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code);
          break;
        }
        case 'w:drawing':
        case 'w:pict':
        case 'mc:AlternateContent':
          asides.push(
            ...descendants(node, 'w:txbxContent').filter(
              (box, _index, all) => !all.some((other) => other !== box && descendants(other, 'w:txbxContent').includes(box)),
            ),
          );
          break;
        default:
          // Insertions, hyperlinks, smart tags, simple fields, content controls: their runs are text.
          text += this.inline(node, asides, hidden);
      }
    }
    return text;
  }

  private table(tbl: XmlElement): void {
    const rows: string[][] = [];
    for (const tr of elements(tbl, 'w:tr')) {
      const cells: string[] = [];
      for (const tc of elements(tr).flatMap((node) => (node.name === 'w:sdt' ? elements(child(node, 'w:sdtContent') ?? node) : [node]))) {
        if (tc.name !== 'w:tc') continue;
        const merge = child(child(tc, 'w:tcPr'), 'w:vMerge');
        const reader = new DocxReader(this.numbering, this.styles);
        reader.counters.clear();
        reader.body(tc);
        if (reader.tracked) this.tracked = true;
        const text = reader.blocks.map((block) => (block.type === 'table' ? block.rows.map((r) => r.join(' ')).join(' ') : block.text)).join(' ');
        // A cell merged with the one above continues it: empty here, its text is above.
        cells.push(merge && val(merge) !== 'restart' ? '' : text);
        const span = Number(val(child(child(tc, 'w:tcPr'), 'w:gridSpan')) ?? 1);
        for (let i = 1; i < Math.min(span, 64); i++) cells.push('');
      }
      rows.push(cells);
    }
    this.blocks.push({ type: 'table', rows });
  }
}

/** Reads a DOCX package's body into blocks. */
export function readDocx(pkg: Package): { blocks: SourceBlock[]; messages: ImportMessage[] } {
  const documentXml = entryText(pkg, 'word/document.xml');
  if (!documentXml) throw new UnreadableOriginalError('the DOCX package has no word/document.xml: the file is damaged');
  const document = parseXml(documentXml);
  const body = child(document, 'w:body');
  if (!document || !body) throw new UnreadableOriginalError("the DOCX package's word/document.xml is not well-formed XML or has no body: the file is damaged");
  const numberingXml = entryText(pkg, 'word/numbering.xml');
  const stylesXml = entryText(pkg, 'word/styles.xml');
  const reader = new DocxReader(
    readNumbering(numberingXml ? parseXml(numberingXml) : undefined),
    readParagraphStyles(stylesXml ? parseXml(stylesXml) : undefined),
  );
  reader.body(body);
  const messages: ImportMessage[] = [];
  if (reader.tracked) {
    messages.push({
      reason:
        'the document holds tracked changes: the text was read with every change accepted (deleted text left out, inserted text kept); accept or reject the changes in Word and publish it again to be sure',
    });
  }
  for (const part of ['word/footnotes.xml', 'word/endnotes.xml']) {
    const xml = entryText(pkg, part);
    const root = xml ? parseXml(xml) : undefined;
    if (!root) continue;
    // Notes are printed at the foot of the page or the end: their text follows the body.
    for (const note of elements(root)) {
      if (note.attributes['w:type'] && note.attributes['w:type'] !== 'normal') continue;
      reader.body(note);
    }
  }
  return { blocks: reader.blocks, messages };
}
