/**
 * The Open Graph share card of a document: a 1200×630 PNG with the title, the series and session,
 * the date and the site name. Satori lays the card out and draws every glyph as an SVG path from
 * Noto Sans TC (src/og/fonts.ts), so sharp rasterizes it without asking the system for a font.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp from 'sharp';
import { fontPackageVersion, loadFonts } from './fonts.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Bump when the layout, colours or PNG encoding change: it is part of `cardDigest`, so cached cards are redrawn. */
export const CARD_DESIGN_VERSION = 1;

export interface CardInput {
  title: string;
  /** `主任秘書會報`. */
  series?: string;
  /** As printed: `第210次`, `113 年第 12 次`. */
  session?: string;
  /** ISO date (`2021-07-22`), or any short date text such as a period. */
  date?: string;
  /** As printed: `民國110年7月22日`. */
  rocDate?: string;
  /** Shown before the series only when the title doesn't already name it. */
  organization?: string;
  siteName: string;
}

const COLORS = {
  background: '#f8f6f1',
  accent: '#1f3a5f', // navy: 11:1 on the background
  title: '#14161a', // 17:1
  muted: '#3f4652', // 9:1
  rule: '#c9c2b2',
};

const PADDING_X = 72;
const PADDING_Y = 56;
const ACCENT_WIDTH = 20;
const TITLE_WIDTH = CARD_WIDTH - ACCENT_WIDTH - 2 * PADDING_X;
const TITLE_LINE_HEIGHT = 1.3;

/** Collapses whitespace runs and trims; a card has no room for layout whitespace. */
function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Rough width of a text in em: CJK and full-width forms are 1em, the rest about half. */
function emWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width += code >= 0x1100 && !(code >= 0xff61 && code <= 0xffdc) ? 1 : char === ' ' || char === '\u00a0' ? 0.26 : 0.58;
  }
  return width;
}

/**
 * The title's font size and wrapping: as large as the (estimated) width allows in few lines, a
 * short title on one line, a typical one in two balanced lines. `lineClamp` allows one line more
 * than estimated, for the estimate's error (and because Satori's balancing misplaces the ellipsis
 * when the clamp equals the balanced line count). Titles too long even at 40px over four lines are
 * cut after five, unbalanced, with an ellipsis; the title box clips anything past it either way.
 */
export function titleLayout(title: string): { fontSize: number; lineClamp: number; balance: boolean } {
  const steps = [
    { fontSize: 72, maxLines: 1 },
    { fontSize: 64, maxLines: 2 },
    { fontSize: 56, maxLines: 2 },
    { fontSize: 52, maxLines: 3 },
    { fontSize: 46, maxLines: 3 },
    { fontSize: 40, maxLines: 4 },
  ];
  const width = emWidth(title);
  const fit = steps.find(({ fontSize, maxLines }) => Math.ceil((width * fontSize) / TITLE_WIDTH) <= maxLines);
  return fit
    ? { fontSize: fit.fontSize, lineClamp: fit.maxLines + 1, balance: true }
    : { fontSize: 40, lineClamp: 5, balance: false };
}

/** The texts of a card, as drawn. */
function cardTexts(input: CardInput) {
  // Spaces printed around numbers become no-break spaces after a number and after 第, so a wrapped
  // title keeps `第 224 次` and `113 年` whole but may still break in `秘書處 109 年`.
  const title = (clean(input.title) || clean(input.siteName)).replace(/(?<=\d) |(?<=第) (?=\d)/g, '\u00a0');
  const organization = clean(input.organization);
  const seriesLine = [
    organization && !title.includes(organization) ? organization : '',
    clean(input.series),
    clean(input.session),
  ]
    .filter(Boolean)
    .join(' ');
  const date = clean(input.date);
  const rocDate = clean(input.rocDate);
  const dateLine = date && rocDate ? `${date}（${rocDate}）` : date || rocDate;
  return { siteName: clean(input.siteName), title, seriesLine, dateLine };
}

/** Satori's plain-object element: what JSX would compile to, without React. */
type Element = {
  type: string;
  props: { style?: Record<string, unknown>; children?: Array<Element | string> | Element | string };
};

const div = (style: Record<string, unknown>, children?: Element['props']['children']): Element => ({
  type: 'div',
  props: { style, children },
});

/** The card as a Satori element tree; `fontFamily` lists the loaded subsets of each weight. */
function cardElement(texts: ReturnType<typeof cardTexts>, fontFamily: Record<400 | 700, string>): Element {
  const { fontSize, lineClamp, balance } = titleLayout(texts.title);
  const meta: Element[] = [];
  if (texts.seriesLine)
    meta.push(div({ fontFamily: fontFamily[700], fontWeight: 700, fontSize: 34, color: COLORS.accent }, texts.seriesLine));
  if (texts.dateLine)
    meta.push(div({ fontFamily: fontFamily[400], fontSize: 30, color: COLORS.muted, marginTop: 12 }, texts.dateLine));
  return div(
    { display: 'flex', width: CARD_WIDTH, height: CARD_HEIGHT, backgroundColor: COLORS.background },
    [
      div({ width: ACCENT_WIDTH, height: CARD_HEIGHT, backgroundColor: COLORS.accent }),
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          // Satori sizes boxes like CSS, content-box by default: the padding would push the meta
          // lines off the card.
          boxSizing: 'border-box',
          width: CARD_WIDTH - ACCENT_WIDTH,
          height: CARD_HEIGHT,
          padding: `${PADDING_Y}px ${PADDING_X}px`,
        },
        [
          div(
            {
              flexShrink: 0,
              fontFamily: fontFamily[700],
              fontWeight: 700,
              fontSize: 30,
              lineHeight: 1.2,
              color: COLORS.accent,
              paddingBottom: 18,
              borderBottom: `2px solid ${COLORS.rule}`,
            },
            texts.siteName,
          ),
          // The title takes the room between the header and the meta lines, centred in it, clipped to it.
          div(
            { display: 'flex', flexGrow: 1, flexShrink: 1, minHeight: 0, alignItems: 'center', overflow: 'hidden' },
            [
              div(
                {
                  width: TITLE_WIDTH,
                  fontFamily: fontFamily[700],
                  fontWeight: 700,
                  fontSize,
                  lineHeight: TITLE_LINE_HEIGHT,
                  color: COLORS.title,
                  textWrap: balance ? 'balance' : 'wrap',
                  overflowWrap: 'anywhere',
                  lineClamp,
                  textOverflow: 'ellipsis',
                  overflow: 'hidden',
                },
                texts.title,
              ),
            ],
          ),
          div({ display: 'flex', flexDirection: 'column', flexShrink: 0, lineHeight: 1.25 }, meta),
        ],
      ),
    ],
  );
}

/** The card as SVG, every glyph a path (no `<text>`, so no font is needed to draw it). */
export async function renderCardSvg(input: CardInput): Promise<string> {
  const texts = cardTexts(input);
  const { fonts, fontFamily } = await loadFonts({
    700: `${texts.siteName}${texts.title}${texts.seriesLine}…`,
    400: texts.dateLine,
  });
  // Satori's element type is React's; a plain object tree is what it reads.
  return satori(cardElement(texts, fontFamily) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
}

/** The card as a 1200×630 PNG. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const svg = await renderCardSvg(input);
  // Flat colours and anti-aliased text: a 256-colour palette looks the same at half the bytes
  // (effort 4 gives the size of the default 7, faster).
  return sharp(Buffer.from(svg), { density: 72 })
    .png({ palette: true, compressionLevel: 9, effort: 4 })
    .toBuffer();
}

let rendererVersions: string | undefined;

/** The packages that decide how a card looks: the fonts and the layout engine. */
function versions(): string {
  if (!rendererVersions) {
    const require = createRequire(import.meta.url);
    const satoriPackage = JSON.parse(readFileSync(require.resolve('satori/package.json'), 'utf8')) as { version: string };
    const satoriVersion = satoriPackage.version;
    rendererVersions = `noto-sans-tc@${fontPackageVersion()} satori@${satoriVersion}`;
  }
  return rendererVersions;
}

/** A cache key for a card: sha256 of the input, the card design version and the font (and Satori) versions. */
export function cardDigest(input: CardInput): string {
  const fields: Array<keyof CardInput> = ['title', 'series', 'session', 'date', 'rocDate', 'organization', 'siteName'];
  // Fixed key order, absent fields left out: the same card gets the same key however it was built.
  const normalized = Object.fromEntries(
    fields.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
  );
  return createHash('sha256')
    .update(JSON.stringify({ design: CARD_DESIGN_VERSION, renderer: versions(), input: normalized }))
    .digest('hex');
}
