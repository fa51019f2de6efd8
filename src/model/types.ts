/**
 * The archive's document model as TypeScript types, inferred from the zod schemas in
 * `src/schemas/document.ts`, which are the one description of it (each field's meaning is its
 * `.describe()` there). The pipeline produces these, the collections store them, the pages render
 * them and `dist/data/` publishes them.
 */
import type { z } from 'astro/zod';
import type {
  addresseeSchema,
  amendmentSchema,
  caseActionSchema,
  caseRefSchema,
  contactSchema,
  documentKindSchema,
  documentSchema,
  headerFieldSchema,
  imageRefSchema,
  itemSchema,
  mentionSchema,
  partyKindSchema,
  personSchema,
  previousMinutesSchema,
  publishedFileSchema,
  reportSchema,
  resolutionSchema,
  sessionSchema,
  sourceFileSchema,
  tableSchema,
  unreadableSourceSchema,
} from '../schemas/document.ts';
import type { figureSchema, periodSchema } from '../schemas/figure.ts';

/** A meeting's place in its series: `第 210 次`, or `113 年第 12 次` where numbering restarts yearly. */
export type Session = z.infer<typeof sessionSchema>;
/** A person named with a title: `陳志銘秘書長` → { name: 陳志銘, title: 秘書長 }. */
export type Person = z.infer<typeof personSchema>;
/** What a resolution does to a tracked case (列管案件). */
export type CaseAction = z.infer<typeof caseActionSchema>;
/** A tracked-case number named in a resolution and what happens to it there. */
export type CaseRef = z.infer<typeof caseRefSchema>;
/** What kind of party a resolution asks to act or names: agency, unit, collective, self, external. */
export type PartyKind = z.infer<typeof partyKindSchema>;
/** Who a resolution asks to act (請X…, 由X負責, X應…, 交X研處, 副知X). */
export type Addressee = z.infer<typeof addresseeSchema>;
/** A body a resolution names without asking it to act. */
export type Mention = z.infer<typeof mentionSchema>;
/** One entry of 會議結論 / 決議 / 主席裁示事項: what the meeting decided. */
export type Resolution = z.infer<typeof resolutionSchema>;
/** A supplementary report or explanation given under an item: `資訊局陳主秘補充報告：…`. */
export type SupplementaryReport = z.infer<typeof reportSchema>;
/** A table kept as a table (GFM), e.g. a follow-up status table. */
export type Table = z.infer<typeof tableSchema>;
/** A markdown image in the text, kept as printed; shown when it names an image under `content/`. */
export type ImageRef = z.infer<typeof imageRefSchema>;
/** A section, item or sub-item of a document: 貳、報告事項 › 三、本府 e 化統計 › (一)… */
export type Item = z.infer<typeof itemSchema>;
/** The previous minutes read at the start of a meeting (宣讀上次紀錄) and what was decided about them. */
export type PreviousMinutes = z.infer<typeof previousMinutesSchema>;
/** A change to the previous minutes, as the confirming meeting printed it. */
export type Amendment = z.infer<typeof amendmentSchema>;
/** Contact person of a report. */
export type Contact = z.infer<typeof contactSchema>;
export type DocumentKind = z.infer<typeof documentKindSchema>;
/** A header line kept verbatim, so nothing of the header is lost even when not understood. */
export type HeaderField = z.infer<typeof headerFieldSchema>;
/** The bytes of a source file as published, described by the read stage so a reader can check them. */
export type PublishedFile = z.infer<typeof publishedFileSchema>;
/** A document's source file: its bytes, where the archive publishes it, and where the original is. */
export type SourceFile = z.infer<typeof sourceFileSchema>;
/** One published document: minutes of a meeting, or an agency's achievement report. */
export type ArchiveDocument = z.infer<typeof documentSchema>;
/** A source file the archive could not read, listed with why. */
export type UnreadableSource = z.infer<typeof unreadableSourceSchema>;
/** A figure printed in a document, as data: its exact value and unit, what it measures, and its arithmetic. */
export type Figure = z.infer<typeof figureSchema>;
/** The period a figure is for, as printed and as days. */
export type FigurePeriod = z.infer<typeof periodSchema>;
