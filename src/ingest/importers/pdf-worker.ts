/**
 * The PDF reader thread of pdf-content.ts: pdfjs-dist's legacy build (the one meant for Node) reads
 * each request's text content and drawn rules, then sets the caller's flag.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type MessagePort, workerData } from 'node:worker_threads';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfContent, PdfPageContent, PdfRequest, PdfRule, PdfTextItem } from './pdf-content.ts';
import { mayHoldTable, pageLines } from './pdf-lines.ts';

const packageRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdfjs takes folders as paths ending in a separator and reads the files with fs in Node. */
const folder = (name: string) => `${join(packageRoot, name)}/`;

const { port } = workerData as { port: MessagePort };

const IMAGE_OPS = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
]);

/** Rules from a page's path operators: lines and thin rectangles, in page coordinates. */
function rulesOf(fnArray: number[], argsArray: unknown[][]): PdfRule[] {
  const rules: PdfRule[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] !== OPS.constructPath) continue;
    // pdfjs 4+: [drawOp, [pathData], minMax]; the path data is a flat list of DrawOPS and coordinates.
    const args = argsArray[i] as [number, (Float32Array | number[] | null)[], unknown];
    const data = args[1]?.[0];
    if (!data) continue;
    let x = 0;
    let y = 0;
    let startX = 0;
    let startY = 0;
    for (let j = 0; j < data.length; ) {
      const op = data[j++]!;
      switch (op) {
        case 0: // moveTo
          x = startX = data[j++]!;
          y = startY = data[j++]!;
          break;
        case 1: {
          // lineTo
          const nx = data[j++]!;
          const ny = data[j++]!;
          rules.push({ x1: x, y1: y, x2: nx, y2: ny });
          x = nx;
          y = ny;
          break;
        }
        case 2: // curveTo
          j += 4;
          x = data[j++]!;
          y = data[j++]!;
          break;
        case 3: // quadraticCurveTo
          j += 2;
          x = data[j++]!;
          y = data[j++]!;
          break;
        case 4: // closePath
          if (x !== startX || y !== startY) rules.push({ x1: x, y1: y, x2: startX, y2: startY });
          x = startX;
          y = startY;
          break;
        default:
          j = data.length;
      }
    }
  }
  return rules;
}

async function read(bytes: Uint8Array): Promise<PdfContent> {
  const task = getDocument({
    data: bytes,
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: folder('standard_fonts'),
    wasmUrl: folder('wasm'),
    iccUrl: folder('iccs'),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    const pages: PdfPageContent[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      // Characters as the PDF maps them: pdfjs's normalization would turn compatibility ideographs into others.
      const content = await page.getTextContent({ disableNormalization: true });
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        // Rotated text (a stamp, a vertical margin note) has no place in the reading order.
        if (Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01) continue;
        items.push({ text: item.str, x: e!, y: f!, width: item.width, size: Math.abs(d!) || Math.abs(a!), font: item.fontName });
      }
      const read: PdfPageContent = { width, height, items, rules: [], images: 0 };
      // Drawing a page's operators costs as much as its text: only pages whose lines run in columns
      // may hold a bordered table, and only pages with a page number at most may be scans.
      const lines = pageLines(read, number);
      if (mayHoldTable(lines) || lines.length <= 2) {
        const operators = await page.getOperatorList();
        read.rules = rulesOf(operators.fnArray, operators.argsArray);
        read.images = operators.fnArray.filter((op) => IMAGE_OPS.has(op)).length;
      }
      pages.push(read);
      page.cleanup();
    }
    return { pages };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const message = error instanceof Error ? error.message : String(error);
    if (name === 'PasswordException') return { error: 'encrypted', message };
    if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') return { error: 'damaged', message };
    return { error: 'failed', message };
  } finally {
    await task.destroy();
  }
}

port.on('message', async ({ bytes, signal }: PdfRequest) => {
  let reply: PdfContent;
  try {
    reply = await read(bytes);
  } catch (error) {
    reply = { error: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
