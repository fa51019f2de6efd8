/**
 * The document model, written once: the zod schemas below are what the pipeline produces, what the
 * collection loader validates, what the pages render and what `dist/data/` publishes. The TypeScript
 * types are inferred from them (`src/model/types.ts`), each field's meaning is its `.describe()`
 * (published in the JSON Schemas), and the README's field tables are generated from them
 * (`npm run docs`; `src/schemas/field-docs.test.ts` fails when the README is out of date).
 *
 * Every text field holds the document's own characters (layout repaired, words untouched).
 */
import { z } from 'astro/zod';
import { figureSchema } from './figure.ts';

// The README tables name these shapes by their patterns (src/schemas/field-docs.ts).
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME = /^\d{2}:\d{2}$/;
const isoDate = z.string().regex(ISO_DATE, 'expected an ISO date YYYY-MM-DD');
const time = z.string().regex(TIME, 'expected a time HH:MM');
const anchor = z.string().regex(/^[a-z]+(?:-\d+)+$/, 'expected an anchor such as item-2-3 or res-2-3-1');
const line = z.number().int().positive();
const slugs = z.array(z.string());

/** A meeting's place in its series: `第 210 次`, or `113 年第 12 次` where numbering restarts yearly. */
export const sessionSchema = z
  .object({
    number: z.number().int().nonnegative().describe("The meeting's number: `224` for 第 224 次, `12` for 113 年第 12 次."),
    year: z.number().int().optional().describe('Only in series numbered anew each year: the AD year, `2024` for 113 年第 12 次.'),
    label: z.string().describe('As printed: 「第 224 次」, 「113 年第 12 次」.'),
  })
  .meta({ title: 'Session' });

/** What a resolution does to a tracked case (列管案件). */
export const caseActionSchema = z.enum(['released', 'continued', 'merged', 'opened', 'mentioned']);

/** A tracked-case number named in a resolution or a follow-up table, and what happens to it there. */
export const caseRefSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .describe(
        'The case number as printed: `223-1`, `9805`; it says which session opened the case (`223-1`: the 223rd). A follow-up table row without a number is keyed by its 案由: `s-` and 8 hex digits of its SHA-256 (white space and the closing （承辦單位） left out), the same at every meeting that prints the row; see `subject`.',
      ),
    subject: z
      .string()
      .optional()
      .describe('For a follow-up table row without a case number: its 案由 as printed (`登革熱防治宣導（疾病管制科）`), the case itself.'),
    action: caseActionSchema.describe(
      'What happens to the case, one action per case per resolution: `released` (解除列管, closed; with `mergedInto` when released as merged into another), `continued` (賡續列管, kept open), `merged` (併 into another case that stays open; see `into`), `opened` (新增列管, newly tracked), `mentioned` (named without a change: 「列管案號 12616 原訂今年 10 月底完工」).',
    ),
    mergedInto: z
      .string()
      .optional()
      .describe('For a released case merged into another: `205-1 併 208-2 … 解除列管` gives `205-1` `released` with `mergedInto: "208-2"`.'),
    into: z.string().optional().describe('For a `merged` case: the case it is merged into.'),
    mergedWith: z
      .array(z.string())
      .optional()
      .describe('Every case this one is merged with, either way: `205-1 併 208-2` gives `205-1` and `208-2` each the other.'),
  })
  .meta({ title: 'CaseRef' });

/** What kind of party a resolution asks to act or names. */
export const partyKindSchema = z.enum(['agency', 'unit', 'collective', 'self', 'external']);

/** Who a resolution asks to act: named in the grammar of a directive (請X…, 由X負責, X應…, 交X研處, 副知X). */
export const addresseeSchema = z
  .object({
    kind: partyKindSchema.describe(
      '`agency` (of agencies.yaml; 交通局公共運輸處 is 公共運輸處), `unit` (an internal unit: 策略中心, 總務組, 財政局支付科), `collective` (all of a kind: 各局處, 各機關, 各主秘, 各組室), `self` (the body itself or its people: 本局, 本府, 同仁) or `external` (outside the city government: 新北市資訊中心).',
    ),
    agency: z
      .string()
      .optional()
      .describe("Slug of the agency: the agency itself, a unit's agency, the holding agency for 本局 or its 各組室: `information-technology`."),
    unit: z.string().optional().describe("A unit's name in the registry (「國際事務組」 for 國務組), or as printed when the registry does not list it."),
    name: z.string().min(1).describe('As printed: 「策略中心」, 「各組室主管」, 「本局」.'),
    role: z.string().optional().describe('The people asked, when people are: 「主秘」 (各主秘), 「主管」 (各組室主管), 「同仁」.'),
  })
  .meta({ title: 'Addressee' });

/** A body a resolution names without asking it to act: a venue, a destination, a thank-you, a pilot site. */
export const mentionSchema = z
  .object({
    kind: z.enum(['agency', 'unit', 'external']).describe('`agency`, `unit` or `external`, as for addressees.'),
    agency: z.string().optional().describe("Slug of the agency (a unit's agency): `finance`."),
    unit: z.string().optional().describe("The unit's name: 「支付科」."),
    name: z.string().min(1).describe('As printed: 「財政局支付科」, 「公訓處」.'),
  })
  .meta({ title: 'Mention' });

/** One entry of 會議結論 / 決議 / 主席裁示事項 / 綜合會議結論: what the meeting decided. */
export const resolutionSchema = z
  .object({
    anchor: anchor.describe('Anchor, unique in the document: `res-2-5-2`.'),
    label: z.string().describe('Number label as printed: 「(二)」, 「一、」; empty when the resolution is a single paragraph.'),
    text: z.string().describe('The resolution, sub-entries one per line: 「有關資訊局偕同教育局於 111 年底前針對學校部分辦理教育訓練一事，請教育局協助…」.'),
    addressees: z
      .array(addresseeSchema)
      .describe('Who it asks to act, read from the grammar (請X…, 由X負責, X應…, 交X研處, 副知X), in order; empty when it names nobody (「請持續精進」).'),
    mentions: z
      .array(mentionSchema)
      .describe(
        'Bodies it names without asking them to act (a venue 於X辦理, a destination 送達X, a thank-you 感謝X, a pilot site 先由X試辦); never one of the addressees.',
      ),
    agencies: slugs.describe(
      "Slugs of the agencies asked to act: each addressee's agency (units and 本局 included, under their agency); never an agency only mentioned.",
    ),
    cases: z.array(caseRefSchema).describe('The tracked cases (列管案件) it names and what it does to them.'),
    topics: slugs.describe('Slugs of the topics whose keywords occur in the text: `procurement-contracts`.'),
    line: line.describe('Where it starts in the source file.'),
    page: z.number().int().positive().optional().describe('The page of the original PDF it starts on; absent for other sources.'),
  })
  .meta({ title: 'Resolution' });

/** A supplementary report or explanation given under an item: `資訊局陳主秘補充報告：…`. */
export const reportSchema = z
  .object({
    speaker: z.string().describe('Who spoke, as printed before the colon, without the verb: 「公管中心趙主任」, 「總務組涂組長」.'),
    role: z.string().describe('The role word: 「主任」, 「組長」, 「主秘」.'),
    agency: z
      .string()
      .optional()
      .describe('Slug of the agency the speaker reports for (for an internal unit, the body holding the meeting): `public-affairs-management-center`.'),
    unit: z.string().optional().describe('The internal unit named instead of an agency: 「總務組」, 「人事室」.'),
    verb: z.string().describe('The verb as printed: 「補充報告」, 「補充說明」.'),
    text: z.string().describe('What was reported.'),
    line: line.describe('Where it starts in the source file.'),
  })
  .meta({ title: 'SupplementaryReport' });

/** A table kept as a table (GFM), e.g. a follow-up status table. */
export const tableSchema = z
  .object({
    header: z.array(z.string()).describe("The header row's cells: 「列管編號」, 「案由及承辦單位」, 「辦理情形」, 「解除列管」, 「繼續列管」."),
    rows: z.array(z.array(z.string())).describe('The other rows, each an array of its cells as printed.'),
    line: z.number().int().describe('Where the table starts in the source file.'),
  })
  .meta({ title: 'Table' });

/**
 * A markdown image in the text (`![圖 1 市民服務量](images/chart.png)`). The reference stays in the
 * text as printed; when it names an image file under `content/`, the page also shows that image.
 */
export const imageRefSchema = z
  .object({
    alt: z.string().describe('The alt text, markup removed: 「圖 2 本期市民諮詢服務件數」.'),
    src: z.string().describe('The path as printed: `images/service-chart.png`.'),
    title: z.string().optional().describe('The title in quotes after the path: 「綜合、法律、建築、地政諮詢」.'),
    text: z
      .string()
      .describe('The whole reference as it stands in the text: `![圖 2 本期市民諮詢服務件數](images/service-chart.png "綜合、法律、建築、地政諮詢")`.'),
    path: z
      .string()
      .regex(/^(?!\.\.?\/)(?!\/)[^\\]+$/, 'expected a path under content/ such as reports/images/chart.png')
      .optional()
      .describe(
        'The image file under `content/`, published byte for byte at `/sources/<path>`: `reports/images/service-chart.png`; absent when the reference names no image the archive holds (see `warnings`).',
      ),
    line: line.describe('Where the reference is in the source file.'),
  })
  .meta({ title: 'ImageRef' });

/** A section, item or sub-item of a document: 貳、報告事項 › 三、本府 e 化統計 › (一)… */
export const itemSchema = z
  .object({
    anchor: anchor.describe("Anchor from the item's position: `item-2-3` for 貳、三、."),
    label: z.string().describe('Number label as printed: 「貳、」, 「三、」, 「(一)」, 「1.」, 「(1)」, 「•」; empty for unnumbered headings.'),
    title: z.string().describe("The item's first line after its label: 「本府 e 化統計。」."),
    agency: z.string().optional().describe('Slug of the reporting agency named after the title: `comptroller` for 「(主計處)」.'),
    agencyText: z.string().optional().describe('The reporting agency as printed, brackets included: 「(主計處)」, 「（法務局）」.'),
    text: z.string().describe("Further paragraphs of the item's own text, one per line; empty when there are none."),
    agencies: slugs.describe('Slugs of the agencies named in the title and text, the reporting agency first.'),
    topics: slugs.describe('Slugs of the topics whose keywords occur in the title and text: `digital-transformation`.'),
    reports: z.array(reportSchema).describe('Supplementary reports and explanations given under the item (補充報告, 補充說明).'),
    resolutionHeading: z.string().optional().describe('The line that opens the resolutions, as printed: 「會議結論：」, 「決議：」.'),
    resolutions: z.array(resolutionSchema).describe('What the meeting decided on the item (會議結論, 決議, 主席裁示事項), in order.'),
    tables: z.array(tableSchema).describe('Tables in the item, kept as tables.'),
    cases: z.array(caseRefSchema).describe('Tracked cases whose status a table of the item states (follow-up tables with 解除列管 and 繼續列管 columns).'),
    get items() {
      return z.array(itemSchema).describe('Sub-items.');
    },
    images: z.array(imageRefSchema).optional().describe("Images referenced in the item's text, reports or resolutions, in order; absent when none."),
    line: line.describe('Where the item starts in the source file.'),
    page: z.number().int().positive().optional().describe('The page of the original PDF the item starts on; absent for other sources.'),
  })
  .meta({ title: 'Item' });

/** A person named with a title: `陳志銘秘書長` → { name: 陳志銘, title: 秘書長 }. */
export const personSchema = z
  .object({
    name: z.string().describe('The name: 「陳志銘」.'),
    title: z.string().optional().describe('The title printed after the name: 「秘書長」.'),
    text: z.string().describe('As printed: 「陳志銘秘書長」.'),
  })
  .meta({ title: 'Person' });

/** A header line kept verbatim, so nothing of the header is lost even when not understood. */
export const headerFieldSchema = z
  .object({
    label: z.string().describe('The field name as printed: 「時間」, 「地點」, 「主席」, 「資料截止日期」.'),
    value: z.string().describe('What follows the colon: 「民國 111 年 9 月 22 日 10 時 00 分」.'),
    text: z.string().describe('The whole field as printed, number label included: 「一、 時間：113 年 12 月 17 日下午 2 時」.'),
    line: z.number().int().describe('Where it is in the source file.'),
  })
  .meta({ title: 'HeaderField' });

/** A change to the previous minutes as the confirming meeting printed it: `(一) 報告事項三會議結論 (三)「……」部分文字刪除，修改為「……」。` */
export const amendmentSchema = z.object({
  anchor: anchor.describe('Anchor of the resolution making the change (`res-1-1`), or of the item when the change is in its text.'),
  label: z.string().describe('Number label as printed: 「(一)」; empty for unnumbered text.'),
  text: z.string().describe('The change: `報告事項三會議結論 (三)「……」部分文字刪除，修改為「……」。`'),
});

/** The previous minutes read at the start of a meeting (宣讀上次紀錄) and what was decided about them. */
export const previousMinutesSchema = z
  .object({
    session: sessionSchema.optional().describe('The session whose minutes were read: 第 223 次.'),
    date: isoDate.optional().describe("That meeting's date: `2022-08-24`."),
    status: z
      .enum(['confirmed', 'amended', 'unknown'])
      .describe('`confirmed` (紀錄確定), `amended` (修正後確定, or changes listed) or `unknown` (the document does not say).'),
    anchor: anchor.describe('Anchor of the item that reads them: `item-1`.'),
    amendments: z.array(amendmentSchema).optional().describe("When amended: the changes, in the document's own words."),
  })
  .meta({ title: 'PreviousMinutes' });

/** Contact person of a report. */
export const contactSchema = z
  .object({
    name: z.string().optional().describe('專責人員: 「王佳燕」.'),
    title: z.string().optional().describe('職稱: 「專員」.'),
    phone: z.string().optional().describe('聯絡電話, as printed: 「1999 轉 6053」.'),
    email: z.string().optional().describe('電子郵件.'),
  })
  .meta({ title: 'Contact' });

/** The bytes of a source file as published, described by the read stage so a reader can check them. */
export const publishedFileSchema = z.object({
  bytes: z.number().int().nonnegative().describe('Size in bytes: `6113`.'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lowercase hex')
    .describe('SHA-256 of the bytes exactly as published (BOM and line endings included), lowercase hex; compare with `sha256sum` of a downloaded copy.'),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'big5']).describe('The text encoding the file was read in.'),
  mediaType: z.string().describe('Its media type: `text/plain; charset=utf-8`, `text/plain; charset=big5`.'),
});

/** A document's source file: its bytes, where the archive publishes it, and where the original is. */
export const sourceFileSchema = publishedFileSchema
  .extend({
    url: z
      .string()
      .regex(/^\/sources\/[^/]+$/, 'expected the site-relative URL /sources/<file>')
      .describe('Where the archive publishes the file byte for byte, relative to the site root: `/sources/taipei-chief-secretaries-meeting-224.txt`.'),
    officialUrl: z.url().optional().describe("The original (PDF, ODT) on the owner's site, when `content/site.yaml` names it under `sources:`."),
    format: z
      .enum(['pdf', 'odt', 'docx', 'html'])
      .optional()
      .describe('When the source is an original as agencies publish it: `pdf`, `odt`, `docx`, or `html` (a saved web page); absent for text files.'),
    pages: z.number().int().positive().optional().describe("A PDF original's page count."),
    omitted: z
      .array(z.string())
      .optional()
      .describe("What the archive left out of an original's text, as printed: a PDF's page numbers and running headers, a web page's menu and footer."),
    text: z
      .string()
      .optional()
      .describe(
        'The text the archive read from an original, one paragraph per line (the lines messages name), published at `/sources/<id>.txt` (and not repeated in `documents/<id>.json`); absent for text files, which are their own text.',
      ),
  })
  .meta({ title: 'SourceFile' });

export const documentKindSchema = z.enum(['minutes', 'report']);

/** A source file the archive could not read, listed with why. */
export const unreadableSourceSchema = z.object({
  path: z.string().describe('The file under `content/`: `minutes/scan.pdf`.'),
  problem: z.string().describe('Why it could not be read, as `npm run check` prints it.'),
  bytes: z.number().int().nonnegative().describe('Its size in bytes.'),
});

/** One published document: minutes of a meeting, or an agency's achievement report. */
export const documentSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe(
        'ASCII id, unique in the archive, made from organization, series and session (minutes) or agency and period (reports): `taipei-chief-secretaries-meeting-224`, `secretariat-achievement-report-2020-01-2020-06`.',
      ),
    kind: documentKindSchema.describe('`minutes` (會議紀錄) or `report` (施政成果報告).'),
    title: z.string().describe('The title as printed (markdown residue removed): 「臺北市政府第 224 次主任秘書會報紀錄」.'),
    url: z.string().startsWith('/').describe("The document's page, relative to the site root: `/minutes/taipei/chief-secretaries-meeting/224/`."),
    source: z.string().describe('Path of the source file under `content/` in the repository: `minutes/taipei-chief-secretaries-meeting-224.txt`.'),
    file: sourceFileSchema.describe('The source file as published: size, SHA-256, encoding, where the archive serves it, where the original is.'),
    organization: z.string().describe('The body holding the meeting or publishing the report: 「臺北市政府」, 「臺北市政府秘書處」.'),
    organizationAgency: z.string().optional().describe('Slug of that body when it is an agency: `secretariat`; absent for 臺北市政府 itself.'),
    series: z.string().describe('The meeting series, or the kind of report: 「主任秘書會報」, 「處務會議」, 「局務會議」, 「施政成果報告」.'),
    seriesSlug: z.string().describe('ASCII name of the series, unique per organization (used in `url`): `chief-secretaries-meeting`.'),
    session: sessionSchema.optional().describe("The meeting's number in its series."),
    date: isoDate.optional().describe("The meeting's date, or the last day of a report's period: `2022-09-22`."),
    rocDate: z.string().optional().describe('The date as printed, in the ROC (民國) calendar: 「民國 111 年 9 月 22 日」.'),
    startTime: time.optional().describe('When the meeting began, 24-hour clock: `10:00`.'),
    endTime: time.optional().describe('When it ended: `11:44`.'),
    location: z.string().optional().describe('Where it was held (地點): 「視訊會議」 (video conference), 「南區第一研討室」.'),
    chair: personSchema.optional().describe('Who chaired it (主席).'),
    recorder: z.string().optional().describe('Who took the minutes (紀錄): 「李壙吉」.'),
    attendees: z.string().optional().describe('Who attended (出席), as printed; often 「如簽到表」 (see the sign-in sheet).'),
    observers: z.string().optional().describe('Who sat in (列席), as printed: 「如簽到表」.'),
    header: z.array(headerFieldSchema).describe('Every header line verbatim, in order, understood or not.'),
    intro: z.string().optional().describe('Unnumbered text between the header and the first item.'),
    previous: previousMinutesSchema
      .optional()
      .describe('The previous minutes read at the start of the meeting (宣讀上次紀錄) and what was decided about them.'),
    adjournment: z.string().optional().describe('The closing line as printed: 「散會（11時44分）」.'),
    items: z.array(itemSchema).describe("The document's sections, in order; each holds its items."),
    period: z
      .object({ start: isoDate.describe('Its first day: `2020-01-01`.'), end: isoDate.describe('Its last day: `2020-06-30`.') })
      .optional()
      .describe('Reports: the period covered.'),
    dataCutoff: isoDate.optional().describe('Reports: 資料截止日期, the day the figures run to: `2020-06-30`.'),
    published: isoDate.optional().describe('Reports: 資料公告日期, the day the report was published: `2020-09-10`.'),
    contact: contactSchema.optional().describe('Reports: the person to ask (專責人員).'),
    figures: z
      .array(figureSchema)
      .optional()
      .describe(
        "The figures printed in the document, in reading order: every quantity of a report's items, and the sums of money and counts in minutes' resolutions, each with its exact value, unit, anchor and arithmetic; absent when there are none.",
      ),
    notes: z
      .array(z.string())
      .optional()
      .describe(
        'What reads wrong in the source as published and no edit of the registries can fix, as `file:line:column message` (section numbers that skip: 壹、貳、肆); listed by `npm run check`, never stopping a strict build; absent when there are none.',
      ),
    warnings: z
      .array(z.string())
      .describe(
        'Problems found while reading the document, as `file:line:column message` (an agency not in the registry, an image that cannot be shown); usually empty.',
      ),
  })
  .meta({ title: 'ArchiveDocument' });
