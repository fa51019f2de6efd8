/**
 * What pdfjs-dist reads from a PDF, as plain data: per page, the text items with their position,
 * size and width, and the ruling lines and rectangles drawn (table borders). Runs in a worker thread
 * (pdf-worker.ts) because pdfjs only answers asynchronously and the pipeline is synchronous: the
 * caller waits on a shared flag (Atomics.wait) and takes the reply from the port. The CMaps and
 * standard fonts come from the pdfjs-dist package's own folders, by file path, never the network.
 */
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';

/** A run of text as the page draws it: baseline `y` from the page's bottom, `x` from its left, in points. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
  /** pdfjs's own font id (bold and regular differ). */
  font: string;
}

/** A straight line segment drawn on the page (a table border; rectangles are four). */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPageContent {
  width: number;
  height: number;
  items: PdfTextItem[];
  rules: PdfRule[];
  /** Images drawn, counted on pages with little or no text only (is it a scan, or a blank page?). */
  images: number;
}

export type PdfContent = { pages: PdfPageContent[] } | { error: 'encrypted' | 'damaged' | 'failed'; message: string };

export interface PdfRequest {
  bytes: Uint8Array;
  signal: Int32Array;
}

/** How long a PDF may take to read before the archive gives up on it (a damaged file can loop). */
const TIMEOUT_MS = 120_000;

let reader: { worker: Worker; port: MessagePort } | undefined;

function startReader(): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { workerData: { port: port2 }, transferList: [port2] });
  // The reader never keeps the process alive: it only works while a caller waits on it.
  worker.unref();
  port1.unref();
  worker.on('error', () => (reader = undefined));
  worker.on('exit', () => (reader = undefined));
  return { worker, port: port1 };
}

/** Reads a PDF's text items and rules, page by page; waits for the reader thread. */
export function readPdfContent(bytes: Uint8Array): PdfContent {
  reader ??= startReader();
  const { worker, port } = reader;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  port.postMessage({ bytes, signal } satisfies PdfRequest);
  const waited = Atomics.wait(signal, 0, 0, TIMEOUT_MS);
  const reply = receiveMessageOnPort(port)?.message as PdfContent | undefined;
  if (waited === 'timed-out' || !reply) {
    void worker.terminate();
    reader = undefined;
    return { error: 'failed', message: waited === 'timed-out' ? `reading the PDF took over ${TIMEOUT_MS / 1000} s` : 'the PDF reader stopped' };
  }
  return reply;
}
