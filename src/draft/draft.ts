// From the answers to the derived act: its envelope (decision, stamp, title, body), the terms that
// replace the typical act's name for itself, and the changes, each with its reason. What the
// answers leave unworded in a language is listed, not invented: the drafter supplies it.
import type { MethodologyFile } from '../model/source.js';
import type { ResolvedAct } from '../resolve/index.js';
import { indexNodes } from '../resolve/nodes.js';
import type { Answers } from './answers.js';
import { methodologyChanges, REQUIRED_NODES } from './changes.js';
import { draftEnvelope } from './envelope.js';
import { candidateTerms, termsInUse } from './terms.js';
import { Drafting, type Missing } from './texts.js';

export class DraftError extends Error {}

export interface Draft {
  act: MethodologyFile;
  /** Texts no template words in a language and the drafter has not supplied. */
  missing: Missing[];
  /** `wording:` keys of the answers that no text took (a removed node, an unknown id). */
  unusedWording: string[];
  /** Supplied wording whose expressions differ from the other language's. */
  mismatches: string[];
}

export function draftAct(a: Answers, base: ResolvedAct, id: string): Draft {
  const index = indexNodes({ methodology: base.source.methodology, scoring: base.source.scoring }, base.file);
  const absent = REQUIRED_NODES.filter((n) => !index.has(n));
  if (absent.length) throw new DraftError(`${base.id} is not the typical corps "B" methodology that \`new\` drafts from: it has no ${absent.map((n) => `"${n}"`).join(', ')}`);
  const langs = a.language ?? [];
  const d = new Drafting(a, langs);
  const envelope = draftEnvelope(d, base);
  const typical = candidateTerms(base.source, langs);
  const own = a.terms ?? [];
  const changes = methodologyChanges(d, base, [...typical, ...own]);
  const terms = [...termsInUse(typical, base.source, changes), ...own];
  const body = Object.fromEntries(langs.filter((l) => a.body?.[l]).map((l) => [l, a.body![l]]));
  const act: MethodologyFile = {
    id,
    base: base.id,
    language: langs,
    body,
    act: envelope.act,
    approval: envelope.approval,
    methodology: envelope.methodology,
    ...(terms.length ? { terms } : {}),
    changes,
  };
  return { act, missing: d.missing, unusedWording: Object.keys(a.wording ?? {}).filter((k) => !d.used.has(k)), mismatches: d.mismatches };
}
