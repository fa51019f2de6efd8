/**
 * Stage 3b, blocks: flattens the mdast tree into the document's logical lines.
 *
 * The documents' structure lives in their number labels (壹、 一、 (一) 1. (1)), not in markdown
 * nesting, which is extraction residue; so the structure stage reads a flat list of lines. Each line
 * keeps its text exactly (markdown residue removed: list bullets, `#`, `**`, autolink brackets) and
 * the source line it came from. Ordered-list numbers (`1.`) are real labels and stay in the text.
 * Markdown images stay in the text as printed too; each is also listed on its line's block, so a
 * later stage can look for the file it names.
 */
import type { Image, ListItem, Nodes, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import type { ImageRef } from '../model/types.ts';
import type { SourceMap } from './source-map.ts';

/** An image reference with the column it starts at; the images stage adds `path` when the file is there. */
export type BlockImage = ImageRef & { column: number };

export interface Block {
  text: string;
  /** Source line (1-based). */
  line: number;
  column: number;
  /** Heading depth when the line was a markdown heading (residue, but a hint of a heading). */
  heading?: number;
  /** The whole line was bold (`**總務組涂組長補充報告：**`). */
  bold?: boolean;
  /** First line of a markdown list item without a number label of its own (a bullet). */
  bullet?: boolean;
  /** A GFM table, cells as text. */
  table?: { header: string[]; rows: string[][] };
  /** Markdown images on the line, in order (their text is in `text`). */
  images?: BlockImage[];
}

interface Run {
  text: string;
  /** Offset in the repaired text of the run's first character. */
  offset: number;
  /** The markdown images the run holds. */
  images?: Image[];
}

/** Collects the text runs of phrasing content, residue dropped, raw source kept for text. */
function phrasingRuns(nodes: PhrasingContent[], source: string, runs: Run[] = []): Run[] {
  for (const node of nodes) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        // The raw slice keeps backslash escapes and entity references as published.
        if (start !== undefined && end !== undefined) runs.push({ text: source.slice(start, end), offset: start });
        else runs.push({ text: node.value, offset: start ?? 0 });
        break;
      case 'html':
        runs.push({ text: node.value, offset: start ?? 0 });
        break;
      case 'break':
        break;
      case 'image':
        if (start !== undefined && end !== undefined) runs.push({ text: source.slice(start, end), offset: start, images: [node] });
        break;
      case 'imageReference':
        if (start !== undefined && end !== undefined) runs.push({ text: source.slice(start, end), offset: start });
        break;
      case 'link':
      case 'linkReference':
        // A written link (`[點此](javascript:…)`) is kept as printed, target included: the page shows
        // it as text and never links to it. Autolinks (`<https://…>`, bare addresses) keep their text.
        if (start !== undefined && end !== undefined && source[start] === '[') runs.push({ text: source.slice(start, end), offset: start });
        else phrasingRuns(node.children, source, runs);
        break;
      case 'footnoteReference':
        if (start !== undefined && end !== undefined) runs.push({ text: source.slice(start, end), offset: start });
        break;
      default:
        if ('children' in node) phrasingRuns(node.children as PhrasingContent[], source, runs);
    }
  }
  return runs;
}

/** Splits runs into lines at newlines, each with the repaired offset of its first character. */
function runsToLines(runs: Run[]): Run[] {
  const lines: Run[] = [];
  let current: Run | undefined;
  for (const run of runs) {
    const parts = run.text.split('\n');
    let offset = run.offset;
    parts.forEach((part, index) => {
      if (index > 0) {
        if (current) lines.push(current);
        current = undefined;
      }
      const lead = part.length - part.trimStart().length;
      if (!current) current = { text: '', offset: offset + lead };
      current.text += current.text ? part : part.trimStart();
      // An image belongs to the line it starts on (its alt text may run on to the next).
      if (index === 0 && run.images) current.images = [...(current.images ?? []), ...run.images];
      offset += part.length + 1;
    });
  }
  if (current) lines.push(current);
  return lines.map((line) => ({ text: line.text.trimEnd(), offset: line.offset, ...(line.images ? { images: line.images } : {}) })).filter((line) => line.text);
}

export function toBlocks(tree: Root, source: string, map: SourceMap): Block[] {
  const blocks: Block[] = [];
  const pushLines = (runs: Run[], extra: Partial<Block> = {}, prefix?: Run) => {
    const lines = runsToLines(runs);
    if (prefix && lines[0]) {
      lines[0] = { ...lines[0], text: `${prefix.text} ${lines[0].text}`, offset: prefix.offset };
    }
    lines.forEach((line, index) => {
      const point = map.point(line.offset);
      const images = line.images ? { images: blockImages(line.images, source, map) } : {};
      blocks.push({ text: line.text, line: point.line, column: point.column, ...(index === 0 ? extra : {}), ...images });
    });
  };

  const visit = (node: RootContent | Root, listContext?: { item: ListItem; ordered: boolean; marker?: Run }) => {
    switch (node.type) {
      case 'root':
      case 'blockquote':
        for (const child of node.children) visit(child);
        return;
      case 'list':
        for (const item of node.children) {
          const marker = node.ordered ? orderedMarker(item, source) : undefined;
          item.children.forEach((child, index) => visit(child, index === 0 ? { item, ordered: Boolean(node.ordered), marker } : undefined));
        }
        return;
      case 'listItem':
        for (const child of node.children) visit(child);
        return;
      case 'paragraph':
      case 'heading': {
        const runs = phrasingRuns(node.children, source);
        const extra: Partial<Block> = {};
        if (node.type === 'heading') extra.heading = node.depth;
        if (node.children.length === 1 && node.children[0]!.type === 'strong') extra.bold = true;
        if (listContext && !listContext.ordered) extra.bullet = true;
        pushLines(runs, extra, listContext?.marker);
        return;
      }
      case 'table':
        blocks.push(tableBlock(node, source, map));
        return;
      case 'code':
      case 'html': {
        const start = node.position?.start.offset ?? 0;
        pushLines([{ text: node.type === 'code' ? rawSlice(node, source) : node.value, offset: start }]);
        return;
      }
      case 'definition':
        pushLines([{ text: rawSlice(node, source), offset: node.position?.start.offset ?? 0 }]);
        return;
      default:
        // thematicBreak (`---`) is layout residue; other nodes carry no text of their own.
        if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
    }
  };
  visit(tree);
  return blocks;
}

/** The images of a line as the model records them, with the source line and column each starts on. */
function blockImages(nodes: Image[], source: string, map: SourceMap): BlockImage[] {
  return nodes.map((node) => {
    const point = map.point(node.position?.start.offset ?? 0);
    return {
      alt: node.alt ?? '',
      src: node.url,
      ...(node.title ? { title: node.title } : {}),
      text: rawSlice(node, source),
      line: point.line,
      column: point.column,
    };
  });
}

function rawSlice(node: Nodes, source: string): string {
  return source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/** The number of an ordered list item as printed (`1.`, `2)`), recovered from the source. */
function orderedMarker(item: ListItem, source: string): Run | undefined {
  const start = item.position?.start.offset;
  if (start === undefined) return undefined;
  const match = /^\s*(\d{1,9}[.)])/.exec(source.slice(start, start + 12));
  return match ? { text: match[1]!, offset: start + match[0].length - match[1]!.length } : undefined;
}

function tableBlock(node: MdTable, source: string, map: SourceMap): Block {
  const images: Image[] = [];
  const cells = node.children.map((row) =>
    row.children.map((cell) => {
      const runs = phrasingRuns(cell.children, source);
      for (const run of runs) images.push(...(run.images ?? []));
      return runsToLines(runs)
        .map((line) => line.text)
        .join(' ');
    }),
  );
  const point = map.point(node.position?.start.offset ?? 0);
  const [header = [], ...rows] = cells;
  const text = cells.map((row) => row.join(' ')).join('\n');
  return { text, line: point.line, column: point.column, table: { header, rows }, ...(images.length ? { images: blockImages(images, source, map) } : {}) };
}
