/**
 * ODT (OpenDocument text, the government's editable standard): `content.xml` read in document order.
 * Paragraphs (`text:p`), headings (`text:h`), lists (`text:list`, with their generated labels printed
 * from the list styles in `content.xml` and `styles.xml`: prefix, format, suffix, levels shown) and
 * tables (`table:table`) become blocks. Deleted text of tracked changes sits apart in
 * `text:tracked-changes` and is not read: the body holds the text as it stands.
 */
import { type ListLevel, ListCounter, labelled, printLabel } from './list-labels.ts';
import { odfNumberFormat } from './numbering.ts';
import type { ImportMessage, SourceBlock } from './types.ts';
import { UnreadableOriginalError } from './types.ts';
import { type XmlElement, child, descendants, elements, parseXml } from './xml.ts';
import { type Package, entryText } from './zip.ts';

interface ListStyle {
  levels: (ListLevel | undefined)[];
}

interface ParagraphStyle {
  parent?: string;
  listStyle?: string;
  outlineLevel?: number;
}

interface Styles {
  lists: Map<string, ListStyle>;
  paragraphs: Map<string, ParagraphStyle>;
  outline?: ListStyle;
}

function readLevels(style: XmlElement, kinds: string[]): ListStyle {
  const levels: (ListLevel | undefined)[] = [];
  for (const level of style.children) {
    if (typeof level === 'string' || !kinds.includes(level.name)) continue;
    const index = Number(level.attributes['text:level'] ?? 1) - 1;
    const followed = descendants(level, 'style:list-level-label-alignment')[0]?.attributes['text:label-followed-by'];
    const suffix = followed === 'nothing' ? 'nothing' : 'space';
    if (level.name === 'text:list-level-style-bullet') {
      levels[index] = { format: 'bullet', template: '', start: 1, bullet: level.attributes['text:bullet-char'], suffix };
      continue;
    }
    if (level.name === 'text:list-level-style-image') {
      levels[index] = { format: 'bullet', template: '', start: 1, suffix };
      continue;
    }
    const format = odfNumberFormat(level.attributes['style:num-format']);
    const shown = Math.max(1, Math.min(index + 1, Number(level.attributes['text:display-levels'] ?? 1)));
    // `1.2.` for two levels shown: each level's number, joined by dots, between prefix and suffix.
    const numbers = Array.from({ length: shown }, (_, i) => `%${index + 2 - shown + i}`).join('.');
    const prefix = level.attributes['style:num-prefix'] ?? '';
    const suffixText = level.attributes['style:num-suffix'] ?? '';
    levels[index] = {
      format,
      template: format === 'none' ? `${prefix}${suffixText}` : `${prefix}${numbers}${suffixText}`,
      start: Number(level.attributes['text:start-value'] ?? 1),
      suffix,
    };
  }
  return { levels };
}

function readStyles(roots: (XmlElement | undefined)[], styles: Styles): void {
  for (const root of roots) {
    if (!root) continue;
    for (const style of descendants(root, 'text:list-style')) {
      const name = style.attributes['style:name'];
      if (name) styles.lists.set(name, readLevels(style, ['text:list-level-style-number', 'text:list-level-style-bullet', 'text:list-level-style-image']));
    }
    for (const outline of descendants(root, 'text:outline-style')) styles.outline = readLevels(outline, ['text:outline-level-style']);
    for (const style of descendants(root, 'style:style')) {
      if (style.attributes['style:family'] !== 'paragraph' || !style.attributes['style:name']) continue;
      const outline = style.attributes['style:default-outline-level'];
      styles.paragraphs.set(style.attributes['style:name'], {
        ...(style.attributes['style:parent-style-name'] ? { parent: style.attributes['style:parent-style-name'] } : {}),
        ...(style.attributes['style:list-style-name'] ? { listStyle: style.attributes['style:list-style-name'] } : {}),
        ...(outline ? { outlineLevel: Number(outline) } : {}),
      });
    }
  }
}

/** A paragraph style's list style, through its parents. */
function paragraphListStyle(styles: Styles, name: string | undefined): string | undefined {
  for (let depth = 0; name && depth < 20; depth++) {
    const style = styles.paragraphs.get(name);
    if (style?.listStyle) return style.listStyle;
    name = style?.parent;
  }
  return undefined;
}

/** Reads the text of a paragraph's content; notes and frames found inside are handed to `aside`. */
function inlineText(element: XmlElement, aside: (element: XmlElement) => void): string {
  let text = '';
  for (const node of element.children) {
    if (typeof node === 'string') {
      // ODF collapses white space in text content; the line breaks of pretty-printed XML are not text.
      text += node.replace(/[\n\r\t]+/g, ' ');
      continue;
    }
    switch (node.name) {
      case 'text:s':
        text += ' '.repeat(Math.min(Number(node.attributes['text:c'] ?? 1), 100));
        break;
      case 'text:tab':
        text += '\t';
        break;
      case 'text:line-break':
        text += '\n';
        break;
      case 'text:note': {
        text += inlineText(child(node, 'text:note-citation') ?? { name: '', attributes: {}, children: [] }, aside);
        const body = child(node, 'text:note-body');
        if (body) aside(body);
        break;
      }
      case 'draw:frame':
      case 'draw:text-box':
        aside(node);
        break;
      case 'office:annotation':
      case 'office:annotation-end':
      case 'text:change':
      case 'text:bookmark':
      case 'text:bookmark-start':
      case 'text:bookmark-end':
      case 'text:soft-page-break':
        break;
      default:
        text += inlineText(node, aside);
    }
  }
  return text;
}

interface ListContext {
  counter: ListCounter;
  style: ListStyle | undefined;
  level: number;
}

class OdtReader {
  readonly blocks: SourceBlock[] = [];
  readonly messages: ImportMessage[] = [];
  private readonly listsById = new Map<string, ListCounter>();
  private readonly lastByStyle = new Map<string, ListCounter>();
  private readonly outlineCounter = new ListCounter();

  private readonly styles: Styles;

  constructor(styles: Styles) {
    this.styles = styles;
  }

  body(container: XmlElement, list?: ListContext): void {
    for (const node of elements(container)) this.block(node, list);
  }

  private paragraphText(element: XmlElement, into: SourceBlock[]): string {
    const asides: XmlElement[] = [];
    const text = inlineText(element, (aside) => asides.push(aside));
    // Notes and text frames are printed too: their paragraphs follow the one that holds them.
    for (const aside of asides) {
      const reader = new OdtReader(this.styles);
      reader.body(aside);
      into.push(...reader.blocks);
    }
    return text;
  }

  private block(node: XmlElement, list?: ListContext, label = ''): void {
    switch (node.name) {
      case 'text:p':
      case 'text:h': {
        const after: SourceBlock[] = [];
        let text = this.paragraphText(node, after);
        const level = Number(node.attributes['text:outline-level'] ?? 0);
        if (node.name === 'text:h' && !list && level > 0 && node.attributes['text:is-list-header'] !== 'true') {
          const outline = this.styles.outline;
          const counts = this.outlineCounter.next(level - 1, outline?.levels ?? []);
          const printed = outline ? printLabel(level - 1, counts, outline.levels) : '';
          text = labelled(printed, text, outline?.levels[level - 1]?.suffix ?? 'space');
        }
        text = labelled(label, text, list?.style?.levels[list.level]?.suffix ?? 'space');
        const depth = Math.min(6, Math.max(1, level || 1)) as 1 | 2 | 3 | 4 | 5 | 6;
        this.blocks.push(node.name === 'text:h' ? { type: 'heading', depth, text } : { type: 'paragraph', text });
        this.blocks.push(...after);
        return;
      }
      case 'text:list':
        this.list(node, list);
        return;
      case 'text:numbered-paragraph': {
        const styleName = node.attributes['text:style-name'];
        const style = styleName ? this.styles.lists.get(styleName) : undefined;
        const level = Number(node.attributes['text:level'] ?? 1) - 1;
        const key = node.attributes['text:list-id'] ?? styleName ?? '';
        const counter = this.listsById.get(key) ?? new ListCounter();
        this.listsById.set(key, counter);
        const counts = counter.next(level, style?.levels ?? []);
        const printed = style ? printLabel(level, counts, style.levels) : '';
        for (const inner of elements(node)) this.block(inner, { counter, style, level }, printed);
        return;
      }
      case 'table:table':
        this.table(node);
        return;
      case 'text:tracked-changes':
        if (elements(node, 'text:changed-region').length) {
          this.messages.push({
            reason:
              'the document holds tracked changes: the text was read with every change accepted (deleted text left out, inserted text kept); accept or reject the changes in the original and publish it again to be sure',
          });
        }
        return;
      case 'office:forms':
      case 'text:sequence-decls':
      case 'text:variable-decls':
      case 'text:user-field-decls':
      case 'office:annotation':
      case 'text:soft-page-break':
        return;
      default:
        // Sections, tables of contents, frames: their paragraphs are read in order.
        this.body(node, list);
    }
  }

  private list(node: XmlElement, parent?: ListContext): void {
    const styleName = node.attributes['text:style-name'];
    const level = parent ? parent.level + 1 : 0;
    let counter: ListCounter;
    let style: ListStyle | undefined;
    if (parent) {
      // A nested list counts on in the list that holds it, one level down.
      counter = parent.counter;
      style = (styleName ? this.styles.lists.get(styleName) : undefined) ?? parent.style;
    } else {
      const firstParagraph = descendants(node, 'text:p')[0] ?? descendants(node, 'text:h')[0];
      const name = styleName ?? paragraphListStyle(this.styles, firstParagraph?.attributes['text:style-name']);
      style = name ? this.styles.lists.get(name) : undefined;
      const continued = node.attributes['text:continue-list'];
      if (continued && this.listsById.has(continued)) counter = this.listsById.get(continued)!;
      else if (node.attributes['text:continue-numbering'] === 'true' && name && this.lastByStyle.has(name)) counter = this.lastByStyle.get(name)!;
      else counter = new ListCounter();
      if (name) this.lastByStyle.set(name, counter);
      const id = node.attributes['xml:id'];
      if (id) this.listsById.set(id, counter);
    }
    for (const item of elements(node)) {
      if (item.name !== 'text:list-item' && item.name !== 'text:list-header') continue;
      const contents = elements(item);
      const first = contents[0];
      const numbered = item.name === 'text:list-item' && first !== undefined && first.name !== 'text:list';
      let label = '';
      if (numbered) {
        // A label LibreOffice wrote out (`text:number`) is the one printed; otherwise it is generated.
        const written = child(item, 'text:number');
        const start = item.attributes['text:start-value'];
        const counts = counter.next(level, style?.levels ?? [], start ? Number(start) : undefined);
        label = written ? inlineText(written, () => {}) : printLabel(level, counts, style?.levels ?? []);
      }
      const context: ListContext = { counter, style, level };
      contents.forEach((content, index) => {
        if (content.name === 'text:number') return;
        this.block(content, context, index === 0 ? label : '');
      });
    }
  }

  private table(node: XmlElement): void {
    const rows: string[][] = [];
    for (const row of descendants(node, 'table:table-row')) {
      // A nested table's rows are read as its own table, inside the cell that holds it.
      const cells: string[] = [];
      for (const cell of elements(row)) {
        if (cell.name !== 'table:table-cell' && cell.name !== 'table:covered-table-cell') continue;
        const reader = new OdtReader(this.styles);
        reader.body(cell);
        const text = reader.blocks.map((block) => (block.type === 'table' ? block.rows.map((r) => r.join(' ')).join(' ') : block.text)).join(' ');
        const repeat = Math.min(Number(cell.attributes['table:number-columns-repeated'] ?? 1), text ? 1000 : 64);
        for (let i = 0; i < repeat; i++) cells.push(text);
      }
      while (cells.length && !cells.at(-1)) cells.pop();
      rows.push(cells);
    }
    this.blocks.push({ type: 'table', rows });
  }
}

/** Reads an ODT package's body into blocks. */
export function readOdt(pkg: Package): { blocks: SourceBlock[]; messages: ImportMessage[] } {
  const contentXml = entryText(pkg, 'content.xml');
  if (!contentXml) throw new UnreadableOriginalError('the ODT package has no content.xml: the file is damaged');
  const content = parseXml(contentXml);
  if (!content) throw new UnreadableOriginalError("the ODT package's content.xml is not well-formed XML: the file is damaged");
  const stylesXml = entryText(pkg, 'styles.xml');
  const styles: Styles = { lists: new Map(), paragraphs: new Map() };
  // Named styles first: the document's automatic styles of the same name take precedence.
  readStyles([stylesXml ? parseXml(stylesXml) : undefined, child(content, 'office:automatic-styles')], styles);
  const text = child(child(content, 'office:body'), 'office:text');
  if (!text) throw new UnreadableOriginalError('the ODT package holds no text body (office:text): it is not a text document');
  const reader = new OdtReader(styles);
  reader.body(text);
  return { blocks: reader.blocks, messages: reader.messages };
}
