/**
 * Where a saved web page keeps the document: not in the site's header, menu, breadcrumbs, search
 * form or footer. The region is found by structure, not by a site's class names: chrome elements
 * (`header`, `nav`, `footer`, `aside`, `form`, ARIA landmarks) outside the content are dropped, then
 * the element that holds most of the page's running text with few links wins; inside it, what stands
 * before the document's first heading (page info, a "back" link) and link lists after its text are
 * page furniture too. Everything left out is returned, as printed, so the model can say what it was.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

const CHROME_TAGS = new Set(['header', 'nav', 'footer', 'aside', 'form', 'menu']);
const CHROME_ROLES = new Set(['banner', 'navigation', 'contentinfo', 'search', 'complementary', 'menu', 'menubar']);
const INVISIBLE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'object',
  'embed',
  'button',
  'input',
  'select',
  'textarea',
  'head',
  'link',
  'meta',
]);
const CONTENT_TAGS = new Set(['main', 'article']);

type Parent = Root | Element;

function isElement(node: RootContent | ElementContent | Root): node is Element {
  return node.type === 'element';
}

/** The text of a subtree as a reader sees it (white space collapsed). */
export function textOf(node: RootContent | ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && INVISIBLE.has(node.tagName)) return '';
  return node.children.map((child) => textOf(child as ElementContent)).join('');
}

/** Left-out text as the page shows it: each element's text apart from the next (`市政新聞 市政會議`, not `市政新聞市政會議`). */
function printed(node: RootContent | ElementContent | Root): string {
  const words = (n: RootContent | ElementContent | Root): string => {
    if (n.type === 'text') return n.value;
    if ((n.type !== 'element' && n.type !== 'root') || (n.type === 'element' && INVISIBLE.has(n.tagName))) return '';
    return n.children.map((c) => words(c as ElementContent)).join(' ');
  };
  return words(node).replace(/\s+/g, ' ').trim();
}

const visible = (text: string) => text.replace(/\s+/g, '').length;

/** Characters of running text and of link text under a node. */
function measure(node: RootContent | ElementContent | Root, inLink = false): { text: number; links: number } {
  if (node.type === 'text') {
    const length = visible(node.value);
    return { text: length, links: inLink ? length : 0 };
  }
  if (node.type !== 'element' && node.type !== 'root') return { text: 0, links: 0 };
  if (node.type === 'element' && INVISIBLE.has(node.tagName)) return { text: 0, links: 0 };
  const link = inLink || (node.type === 'element' && node.tagName === 'a');
  let text = 0;
  let links = 0;
  for (const child of node.children) {
    const m = measure(child as ElementContent, link);
    text += m.text;
    links += m.links;
  }
  return { text, links };
}

const isChrome = (element: Element) => {
  const role = String(element.properties?.role ?? '');
  return CHROME_TAGS.has(element.tagName) || CHROME_ROLES.has(role);
};

/** Removes invisible elements and, outside `main`/`article`, chrome; what was dropped is collected. */
function dropChrome(parent: Parent, omitted: string[], inContent: boolean): void {
  parent.children = parent.children.filter((child) => {
    if (child.type === 'comment' || child.type === 'doctype') return false;
    if (!isElement(child)) return true;
    if (INVISIBLE.has(child.tagName)) return false;
    const content = inContent || CONTENT_TAGS.has(child.tagName) || child.properties?.role === 'main';
    if (!content && isChrome(child)) {
      const text = printed(child);
      if (text) omitted.push(text);
      return false;
    }
    // Skip links (`跳到主要內容區塊`, `:::`) point within the page: navigation, not text.
    if (child.tagName === 'a' && String(child.properties?.href ?? '').startsWith('#')) {
      const text = printed(child);
      if (text) omitted.push(text);
      return false;
    }
    dropChrome(child, omitted, content);
    return true;
  }) as typeof parent.children;
}

/**
 * The element holding the document: the deepest one whose running text (links discounted) keeps
 * nearly all of the best score on the page, so a wrapper around content and chrome loses to the
 * content itself, and a menu (mostly links) never wins.
 */
function contentElement(root: Root): Parent {
  const score = (node: Parent) => {
    const { text, links } = measure(node);
    return text - 2 * links;
  };
  const best = score(root);
  let region: Parent = root;
  for (;;) {
    const children: Element[] = (region.children as (RootContent | ElementContent)[]).filter((child): child is Element => child.type === 'element');
    const next: Element | undefined = children.find((child) => score(child) >= best * 0.9 && score(child) > 0);
    if (!next) return region;
    region = next;
  }
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'blockquote',
  'pre',
  'dl',
  'figure',
  'li',
  'center',
]);

/** Block children of the region, flattened through wrappers that hold nothing but blocks. */
function blocksOf(parent: Parent): Element[] {
  const out: Element[] = [];
  for (const child of parent.children) {
    if (!isElement(child)) continue;
    const wrapper =
      ['div', 'section', 'article', 'main', 'center'].includes(child.tagName) && child.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.tagName));
    if (wrapper) out.push(...blocksOf(child));
    else out.push(child);
  }
  return out;
}

/** The document's part of a page and what was left out around it. */
export function contentRegion(root: Root): { region: Root; omitted: string[] } {
  const omitted: string[] = [];
  dropChrome(root, omitted, false);
  const element = contentElement(root);
  // What lies outside the region is chrome too (breadcrumbs, a site banner without a header tag).
  if (element !== root) collectOutside(root, element as Element, omitted);
  let blocks = blocksOf(element);
  // Before the first heading: page information (publisher, dates, hit counts), not the document.
  const first = blocks.findIndex((block) => /^h[1-3]$/.test(block.tagName));
  if (first > 0) {
    for (const block of blocks.slice(0, first)) omitted.push(printed(block));
    blocks = blocks.slice(first);
  }
  // After the text: attachment and share links, mostly link text.
  while (blocks.length > 1) {
    const last = blocks.at(-1)!;
    const { text, links } = measure(last);
    if (text === 0 || links / text < 0.3) break;
    omitted.push(printed(last));
    blocks = blocks.slice(0, -1);
  }
  return { region: { type: 'root', children: blocks }, omitted: omitted.filter(Boolean) };
}

function collectOutside(parent: Parent, target: Element, omitted: string[]): void {
  for (const child of parent.children) {
    if (child === target) continue;
    if (isElement(child) && contains(child, target)) collectOutside(child, target, omitted);
    else {
      const text = printed(child as ElementContent);
      if (text) omitted.push(text);
    }
  }
}

function contains(parent: Element, target: Element): boolean {
  return parent.children.some((child) => child === target || (isElement(child) && contains(child, target)));
}
