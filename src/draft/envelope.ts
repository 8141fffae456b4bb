// The drafted act's own parts: the enacting act (title, legal basis, points, signatory), the
// approval stamp, the methodology's title and the body. The points depend on what the act does:
// approve a new methodology; restate an earlier act's methodology in new wording (the earlier
// decision stays its approval: "Утверждена решением ... от <earlier>"); or approve one and
// repeal the earlier act.
import { formatDate } from '../lang/dates.js';
import type { Act, Approval, Lang, Methodology, NameForms, Point, Text } from '../model/source.js';
import type { ResolvedAct } from '../resolve/index.js';
import { words } from '../resolve/templates.js';
import type { Answers } from './answers.js';
import { roleForm, titleForms } from './names.js';
import type { Drafting } from './texts.js';
import { draftVocabulary } from './vocabulary.js';
import { draftText } from './wording.js';

/** The act's kind in every form its sentences use, or undefined where the language attests none. */
function kindWords(a: Answers, lang: Lang): Record<string, string> | undefined {
  const kind = a.issuer?.kind ?? 'decision';
  const own = draftVocabulary(lang).kind[kind];
  return own ? { ...words(lang).kind[kind], ...own } : undefined;
}

/** "Об утверждении Методики ... <body>" / "... әдістемесін бекіту туралы": the title of an act that approves the methodology. */
export function approvalTitle(a: Answers, lang: Lang): string | undefined {
  const methodology = titleForms(a, lang, true);
  return methodology && draftText(lang, 'act-title', { methodology });
}

function names(a: Answers, role: 'issuer', forms: string[]): NameForms {
  const out: NameForms = {};
  for (const lang of a.language ?? []) {
    const f = Object.fromEntries(forms.map((c) => [c, roleForm(a, role, lang, c)]).filter(([, v]) => v !== undefined));
    if (f.nom) out[lang] = f as { nom: string };
  }
  return out;
}

export interface Envelope {
  act: Act;
  approval: Approval;
  methodology: Partial<Methodology>;
}

export function draftEnvelope(d: Drafting, base: ResolvedAct): Envelope {
  const a = d.answers;
  const mode = a.mode ?? 'new';
  const earlier = a.earlier;
  const issuerGen = (lang: Lang) => roleForm(a, 'issuer', lang, 'gen');
  // What every sentence of the decision may use, by language.
  const context = (lang: Lang) => ({
      kind: kindWords(a, lang),
      issuer: issuerGen(lang),
      methodology: titleForms(a, lang, true),
      date: earlier?.date && formatDate(earlier.date, lang),
      number: earlier?.number,
      registration: earlier?.registration,
      title: earlier?.title?.[lang],
      tenDays: a['entry-into-force'] === 'ten-days',
      controller: roleForm(a, 'controller', lang, lang === 'ru' ? 'acc' : 'dat'),
  });
  // A sentence that names the act's kind ("Настоящее решение", "Осы шешім") has no wording in a
  // language whose vocabulary does not attest that kind.
  const say = (key: string, what: string, template: string, namesKind = true) => d.text(key, what, (lang) => {
    const c = context(lang);
    return namesKind && !c.kind ? undefined : draftText(lang, template, c);
  });

  const points: Point[] = [];
  if (mode === 'new-wording') {
    points.push({ point: 'amend', text: say('amend', 'decision point 1', 'amend'), parts: [{ paragraph: 'amend-wording', text: say('amend-wording', 'decision point 1, paragraph 2', 'amend-wording') }] });
  } else {
    points.push({ point: 'approve', text: say('approve', 'decision point 1', 'approve', false) });
    if (mode === 'repeal') points.push({ point: 'repeal', text: say('repeal', 'decision point 2', 'repeal') });
  }
  if (a.control?.applies) points.push({ point: 'control', text: say('control', `decision point ${points.length + 1}`, 'control') });
  points.push({ point: 'entry-into-force', text: say('entry-into-force', `decision point ${points.length + 1}`, 'entry-into-force') });

  const baseAct = base.source.act;
  const title = mode === 'new-wording'
    ? say('act-title', 'the decision\'s title', 'act-title-amend')
    : d.text('act-title', 'the decision\'s title', (lang) => approvalTitle(a, lang));
  const preamble: Text | undefined = a['legal-basis']
    ? d.text('preamble', 'the legal basis before the enacting words', (lang) => draftText(lang, 'preamble', {
      baseKind: words(lang).kind[baseAct.kind], baseIssuer: baseAct.issuer[lang]?.gen, baseDate: formatDate(baseAct.date, lang), baseNumber: baseAct.number,
    }))
    : undefined;
  const earlierRef = earlier && { date: earlier.date!, number: earlier.number!, ...(earlier.registration ? { registration: earlier.registration } : {}), ...(earlier.title ? { title: earlier.title } : {}) };

  const act: Act = {
    kind: a.issuer?.kind ?? 'decision',
    issuer: names(a, 'issuer', ['nom', 'gen']),
    ...(a.issuer?.region && Object.keys(a.issuer.region).length ? { region: a.issuer.region } : {}),
    date: a.date!,
    number: a.number!,
    title,
    ...(preamble ? { preamble } : {}),
    ...(mode === 'new-wording' && earlierRef ? { amends: earlierRef } : {}),
    ...(mode === 'repeal' && earlierRef ? { repeals: [earlierRef] } : {}),
    points,
    signatory: { position: a.signatory!.position!, name: a.signatory!.name! },
  };
  // A methodology restated in new wording stays approved by the decision that first approved it.
  const approval: Approval = mode === 'new-wording' && earlier ? { attachment: {}, approved: { date: earlier.date!, number: earlier.number! } } : { approved: true };
  // The captions say "Приложение 1 к <title dat>"; the typical act's footnote is not this act's.
  const methodologyTitle: NameForms = {};
  for (const lang of d.langs) {
    const forms = titleForms(a, lang);
    if (forms) methodologyTitle[lang] = { nom: forms.nom, dat: forms.dat };
  }
  return { act, approval, methodology: { title: methodologyTitle, footnotes: [] } };
}
