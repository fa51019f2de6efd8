/**
 * XML as a small tree in document order (elements with attributes, and text), from fast-xml-parser:
 * office formats mix text and markup inside a paragraph (`<w:t>`, `<text:s/>`, `<text:span>`), so
 * the order of children matters and white space inside text is kept.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  commentPropName: false,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(nodes: Ordered[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    for (const key of Object.keys(node)) {
      if (key === ':@') continue;
      if (key === '#text') out.push(String(node[key]));
      else out.push({ name: key, attributes: node[':@'] ?? {}, children: convert((node[key] as Ordered[]) ?? []) });
    }
  }
  return out;
}

/** Parses an XML document; undefined when it is not well-formed XML. */
export function parseXml(xml: string): XmlElement | undefined {
  if (XMLValidator.validate(xml) !== true) return undefined;
  return convert(parser.parse(xml) as Ordered[]).find((node): node is XmlElement => typeof node !== 'string');
}

/** The element children of an element, optionally only those with the given name. */
export function elements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));
}

/** The first element child with the name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

/** Every descendant element with the name, in document order. */
export function descendants(element: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    if (node.name === name) found.push(node);
    descendants(node, name, found);
  }
  return found;
}
