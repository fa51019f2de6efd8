/**
 * Figures in a text as data: every quantity (quantity.ts) with what it is in its sentence
 * (facts.ts) and its arithmetic checked (arithmetic.ts).
 */
import { type TextFigure, checkFigures } from './arithmetic.ts';
import { readFacts } from './facts.ts';
import type { PeriodContext } from './period.ts';

export type { TextFigure } from './arithmetic.ts';
export type { PeriodContext } from './period.ts';

/** The figures printed in a text, in order, their periods read against the document's. */
export function readFigures(text: string, context: PeriodContext = {}): TextFigure[] {
  return checkFigures(readFacts(text, context));
}
