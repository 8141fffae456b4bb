// Checks across answers, made once the answers they compare are in: the dates against each other
// and against the typical act's wording, and the routing against the categories the body employs.
// Each names the answers to ask again in a terminal.
import type { ResolvedAct } from '../resolve/index.js';
import type { Answers, Path } from './answers.js';
import { routingProblems } from './routing.js';

export interface Incoherence {
  message: string;
  /** The answers a terminal asks again. */
  paths: Path[];
}

const show = (iso: string) => iso.split('-').reverse().join('.');

export function incoherences(a: Answers, base: ResolvedAct): Incoherence[] {
  const out: Incoherence[] = [];
  // The typical act's wording is that of its last amendment: an act cannot copy a later wording.
  const wording = [base.source.act.date, ...(base.source.act['amended-by'] ?? []).map((r) => r.date)].sort().at(-1)!;
  if (a.date && a.date < wording) {
    out.push({ message: `the act is dated ${show(a.date)}, but the typical act it copies (${base.id}) is in the wording of ${show(wording)}`, paths: [['date']] });
  }
  if (a.date && a.earlier?.date && a.earlier.date >= a.date) {
    out.push({ message: `the earlier act (${show(a.earlier.date)}) must precede this one (${show(a.date)})`, paths: [['earlier', 'date']] });
  }
  const routingAnswered = a.categories && a.managerial && a.head?.category && a.routing?.others?.applies !== undefined;
  if (routingAnswered) {
    for (const message of routingProblems(a, base)) out.push({ message, paths: [['categories'], ['managerial'], ['routing']] });
  }
  return out;
}
