// What a local act needs from its drafter, as `metodika new` gathers it: from the terminal, an
// answers file (YAML, the same shape) or flags. Every field is optional while it is being
// gathered; src/draft/questions.ts says which are required, when, and what each may hold.
import { readFile, stat } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { Forms, Lang, NameForms, Term, Text } from '../model/source.js';

export type Mode = 'new' | 'new-wording' | 'repeal';
export type EntryIntoForce = 'publication' | 'ten-days';
export type Paragraph17 = 'listed-heads' | 'other-heads' | 'listed-staff' | 'others';

/** One paragraph of point 17 (who evaluates whom): whether it applies, to whom, who evaluates. */
export interface RouteAnswer {
  applies?: boolean;
  categories?: string[];
  evaluator?: string;
}

/** A name in each language, in the forms the text uses, where the drafter may decline it (`applies`). */
export interface OptionalName {
  applies?: boolean;
  ru?: Forms;
  kk?: Forms;
}

export interface Answers {
  id?: string;
  language?: Lang[];
  body?: NameForms;
  /** The short name the text uses after "(далее – ...)": "аппарат маслихата", "аппарат". */
  short?: NameForms;
  issuer?: { kind?: 'decision' | 'order'; ru?: Forms; kk?: Forms; region?: Text };
  signatory?: { position?: Text; name?: Text };
  date?: string;
  number?: string;
  mode?: Mode;
  /** The earlier act this one restates in new wording or repeals. */
  earlier?: { date?: string; number?: string; registration?: string; title?: Text };
  'entry-into-force'?: EntryIntoForce;
  /** Print the legal basis (Law on civil service, Order No. 13) before "... РЕШИЛ:". */
  'legal-basis'?: boolean;
  /** The methodology's title names the body ("Методика ... корпуса "Б" <body>"). */
  'title-names-body'?: boolean;
  /** Point 2 kept: who approves the methodology (instrumental). */
  approver?: OptionalName;
  /** A point on control of execution: on whom it is placed. */
  control?: OptionalName;
  /** The head of the apparatus: their title's forms and category. */
  head?: { category?: string; ru?: Forms; kk?: Forms };
  /** The categories of positions the body employs, and which of them are managerial. */
  categories?: string[];
  managerial?: string[];
  routing?: Partial<Record<Paragraph17, RouteAnswer>>;
  /** Names of the evaluators the routing uses that the vocabulary does not word. */
  evaluators?: Record<string, NameForms>;
  'audit-commission'?: boolean;
  'chief-of-staff'?: boolean;
  delegation?: boolean;
  /** Substitutions beyond the typical act's name for itself. */
  terms?: Term[];
  /** The drafter's own wording of a node, by id ("id" for its text, "id.field" for another field). */
  wording?: Record<string, Text>;
}

export type Path = readonly string[];

export function getAt(a: Answers, path: Path): unknown {
  let v: unknown = a;
  for (const k of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

export function setAt(a: Answers, path: Path, value: unknown): void {
  let o = a as Record<string, unknown>;
  for (const k of path.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  if (value === undefined) delete o[path[path.length - 1]];
  else o[path[path.length - 1]] = value;
}

export class AnswersFileError extends Error {}

const MAX_ANSWERS_BYTES = 1024 * 1024;

/** Reads an answers file: YAML, one mapping, no aliases. */
export async function readAnswersFile(file: string): Promise<Answers> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new AnswersFileError(`${file}: no such answers file`);
  if (info.size > MAX_ANSWERS_BYTES) throw new AnswersFileError(`${file}: an answers file is at most 1 MB`);
  const doc = parseDocument(await readFile(file, 'utf8'), { uniqueKeys: true, strict: true, prettyErrors: false });
  if (doc.errors.length) throw new AnswersFileError(`${file}: YAML syntax: ${doc.errors[0].message.split('\n')[0]}`);
  const value = doc.toJS({ maxAliasCount: 0 }) as unknown;
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new AnswersFileError(`${file}: the answers are a mapping of questions to answers`);
  return value as Answers;
}
