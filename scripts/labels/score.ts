/**
 * Scores the document model against hand labels (`tests/fixtures/labels/resolutions.json`, format
 * in its README): addressee and mention precision and recall, topic precision and recall, and
 * whether every tracked case is named once per resolution with the labelled action.
 *
 * Addressees match on kind, name, agency and unit (role is informational); mentions on kind and name.
 */
import type { ArchiveDocument, Item, Resolution } from '../../src/model/types.ts';

export interface LabelledParty {
  kind: string;
  name: string;
  agency?: string;
  unit?: string;
  role?: string;
}

export interface LabelledCase {
  id: string;
  action: string;
  mergedInto?: string;
  into?: string;
}

export interface LabelledResolution {
  line: number;
  /** The first characters of the resolution's text, to notice a label that no longer lines up. */
  text: string;
  addressees: LabelledParty[];
  mentions: LabelledParty[];
  cases: LabelledCase[];
  topics: string[];
}

export interface LabelledDocument {
  /** Path in the repository: `content/minutes/x.txt`. */
  source: string;
  resolutions: LabelledResolution[];
  /** Items whose own text, reports or tables name cases. */
  items?: Array<{ line: number; title: string; cases: LabelledCase[] }>;
}

export interface LabelFile {
  documents: LabelledDocument[];
}

/** Precision and recall of one kind of prediction, with what was missed and what was extra. */
export interface Measure {
  predicted: number;
  labelled: number;
  correct: number;
  precision: number;
  recall: number;
  misses: string[];
  extras: string[];
}

export interface Score {
  resolutions: { labelled: number; model: number; problems: string[] };
  addressees: Measure;
  mentions: Measure;
  topics: Measure;
  cases: { labelled: number; model: number; right: number; problems: string[] };
}

function walk(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...walk(item.items)]);
}

const partyKey = (party: LabelledParty) => [party.kind, party.name, party.agency ?? '', party.unit ?? ''].join('|');
const mentionKey = (party: LabelledParty) => [party.kind, party.name].join('|');
const caseKey = (ref: LabelledCase) => [ref.id, ref.action, ref.mergedInto ?? '', ref.into ?? ''].join('|');

function emptyMeasure(): Measure {
  return { predicted: 0, labelled: 0, correct: 0, precision: 1, recall: 1, misses: [], extras: [] };
}

/** Adds one resolution's predicted and labelled values to a measure (each value counts once). */
function tally(measure: Measure, where: string, predicted: string[], labelled: string[]): void {
  const want = new Set(labelled);
  const got = new Set(predicted);
  measure.predicted += got.size;
  measure.labelled += want.size;
  for (const value of got) {
    if (want.has(value)) measure.correct++;
    else measure.extras.push(`${where} ${value}`);
  }
  for (const value of want) if (!got.has(value)) measure.misses.push(`${where} ${value}`);
}

function finish(measure: Measure): Measure {
  measure.precision = measure.predicted ? measure.correct / measure.predicted : 1;
  measure.recall = measure.labelled ? measure.correct / measure.labelled : 1;
  return measure;
}

/** The model's cases of a resolution or item as the labels write them. */
function modelCases(refs: ReadonlyArray<Record<string, unknown>>): LabelledCase[] {
  return refs.map((ref) => ({
    id: String(ref.id),
    action: String(ref.action),
    ...(typeof ref.mergedInto === 'string' ? { mergedInto: ref.mergedInto } : {}),
    ...(typeof ref.into === 'string' ? { into: ref.into } : {}),
  }));
}

function compareCases(score: Score, where: string, model: LabelledCase[], labelled: LabelledCase[]): void {
  score.cases.model += model.length;
  score.cases.labelled += labelled.length;
  const seen = new Map<string, number>();
  for (const ref of model) seen.set(ref.id, (seen.get(ref.id) ?? 0) + 1);
  for (const [id, count] of seen) if (count > 1) score.cases.problems.push(`${where} case ${id} named ${count} times`);
  const modelKeys = new Set(model.map(caseKey));
  for (const ref of labelled) {
    if (modelKeys.has(caseKey(ref)) && seen.get(ref.id) === 1) score.cases.right++;
    else
      score.cases.problems.push(
        `${where} expected ${caseKey(ref)}, found ${
          model
            .filter((other) => other.id === ref.id)
            .map(caseKey)
            .join(', ') || 'nothing'
        }`,
      );
  }
  const labelledIds = new Set(labelled.map((ref) => ref.id));
  for (const ref of model) if (!labelledIds.has(ref.id)) score.cases.problems.push(`${where} unexpected ${caseKey(ref)}`);
}

/** Scores documents (by `source`, as in the labels: `content/…`) against a label file. */
export function scoreLabels(labels: LabelFile, documents: Map<string, ArchiveDocument>): Score {
  const score: Score = {
    resolutions: { labelled: 0, model: 0, problems: [] },
    addressees: emptyMeasure(),
    mentions: emptyMeasure(),
    topics: emptyMeasure(),
    cases: { labelled: 0, model: 0, right: 0, problems: [] },
  };
  for (const labelled of labels.documents) {
    const document = documents.get(labelled.source);
    if (!document) {
      score.resolutions.problems.push(`${labelled.source}: no such document`);
      continue;
    }
    const items = walk(document.items);
    const resolutions = new Map<number, Resolution>();
    for (const item of items) for (const resolution of item.resolutions) resolutions.set(resolution.line, resolution);
    score.resolutions.model += resolutions.size;
    score.resolutions.labelled += labelled.resolutions.length;
    const labelledLines = new Set(labelled.resolutions.map((entry) => entry.line));
    for (const line of resolutions.keys()) {
      if (!labelledLines.has(line))
        score.resolutions.problems.push(`${labelled.source}:${line} resolution not labelled: ${resolutions.get(line)!.text.slice(0, 30)}`);
    }
    for (const entry of labelled.resolutions) {
      const where = `${labelled.source}:${entry.line}`;
      const resolution = resolutions.get(entry.line);
      if (!resolution) {
        score.resolutions.problems.push(`${where} no resolution starts on this line (labelled 「${entry.text}」)`);
        continue;
      }
      if (!resolution.text.startsWith(entry.text))
        score.resolutions.problems.push(`${where} text 「${resolution.text.slice(0, 20)}」 is not the labelled 「${entry.text}」`);
      tally(score.addressees, where, resolution.addressees.map(partyKey), entry.addressees.map(partyKey));
      tally(score.mentions, where, resolution.mentions.map(mentionKey), entry.mentions.map(mentionKey));
      tally(score.topics, where, resolution.topics, entry.topics);
      compareCases(score, where, modelCases(resolution.cases as unknown as Array<Record<string, unknown>>), entry.cases);
    }
    const labelledItems = new Map((labelled.items ?? []).map((entry) => [entry.line, entry]));
    for (const item of items) {
      const entry = labelledItems.get(item.line);
      if (!entry && !item.cases.length) continue;
      compareCases(score, `${labelled.source}:${item.line} (item)`, modelCases(item.cases as unknown as Array<Record<string, unknown>>), entry?.cases ?? []);
    }
  }
  finish(score.addressees);
  finish(score.mentions);
  finish(score.topics);
  return score;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The figures as a few lines of text, then every miss and extra. */
export function formatScore(score: Score): string {
  const measure = (name: string, m: Measure) =>
    `${name}: precision ${percent(m.precision)} (${m.correct}/${m.predicted}), recall ${percent(m.recall)} (${m.correct}/${m.labelled})`;
  const lines = [
    `resolutions: ${score.resolutions.model} in the model, ${score.resolutions.labelled} labelled`,
    measure('addressees', score.addressees),
    measure('mentions', score.mentions),
    measure('topics', score.topics),
    `cases: ${score.cases.right}/${score.cases.labelled} labelled entries right, ${score.cases.model} in the model`,
  ];
  const details = [
    ...score.resolutions.problems,
    ...score.addressees.misses.map((miss) => `addressee missed ${miss}`),
    ...score.addressees.extras.map((extra) => `addressee extra ${extra}`),
    ...score.mentions.misses.map((miss) => `mention missed ${miss}`),
    ...score.mentions.extras.map((extra) => `mention extra ${extra}`),
    ...score.topics.extras.map((extra) => `topic wrong ${extra}`),
    ...score.topics.misses.map((miss) => `topic missed ${miss}`),
    ...score.cases.problems,
  ];
  return [...lines, ...details.map((detail) => `  ${detail}`)].join('\n');
}
