// What to call an element: in English for the reports and the terminal ("point 17 paragraph 2"),
// in the act's language for the comparative table (templates/<lang>/diff-element.hbs:
// "Часть 2 пункта 17", "17-тармақтың 2-бөлігі").
import type { Lang } from '../model/source.js';
import { renderTemplate } from '../resolve/templates.js';
import type { ElementRef, FormPart, Unit } from './units.js';

const FORM_EN: Record<FormPart, string> = {
  caption: 'caption', label: 'form label', title: 'title', blank: 'blank', preamble: 'preamble paragraph', header: 'table header',
  row: 'row', average: 'average row', note: 'note', result: 'result line', options: 'result options', signature: 'signature line',
};

/** A point's first paragraph is the point itself; an appendix's paragraphs are counted from 1. */
const paragraphOf = (ref: ElementRef) => (ref.part && (ref.part > 1 || ref.scope === 'appendix') ? ref.part : undefined);

function englishLabel(ref: ElementRef): string {
  const index = ref.index ? ` ${ref.index}` : '';
  switch (ref.scope) {
    case 'decision':
      return 'enacting decision';
    case 'stamp':
      return `stamp${index}`;
    case 'title':
      return 'methodology title';
    case 'footnote':
      return 'footnote';
    case 'chapter':
      return `chapter ${ref.chapter} heading`;
    default: {
      const where = ref.scope === 'appendix' ? [`appendix ${ref.appendix}`] : [`${ref.decision ? 'decision point' : 'point'} ${ref.point}`];
      if (ref.subpoints?.length) where.push(`sub-point ${ref.subpoints.map((s) => `${s})`).join(' ')}`);
      const paragraph = paragraphOf(ref);
      if (paragraph) where.push(`paragraph ${paragraph}`);
      if (ref.form) where.push(`${FORM_EN[ref.form]}${index}`);
      return where.join(' ');
    }
  }
}

/** The element in the act's language, as a comparative table names it. */
export function localLabel(ref: ElementRef, lang: Lang): string {
  const form = ref.form ?? '';
  return renderTemplate(lang, 'diff-element', {
    ...ref,
    subpoint: ref.subpoints?.at(-1),
    paragraph: paragraphOf(ref),
    isDecision: ref.scope === 'decision' || !!ref.decision,
    isStamp: ref.scope === 'stamp',
    isTitle: ref.scope === 'title',
    isFootnote: ref.scope === 'footnote',
    isChapter: ref.scope === 'chapter',
    isPoint: ref.scope === 'point',
    isAppendix: ref.scope === 'appendix',
    [`form${form.charAt(0).toUpperCase()}${form.slice(1)}`]: true,
  });
}

/** Both numberings of a pair's element: "point 3 -> point 2", or one when they agree. */
export function pairLabel(base: readonly Unit[], local: readonly Unit[], label: (ref: ElementRef) => string = englishLabel): { base?: string; local?: string; same: boolean } {
  const b = base.length ? base.map((u) => label(u.ref)).join(', ') : undefined;
  const l = local.length ? local.map((u) => label(u.ref)).join(', ') : undefined;
  return { ...(b ? { base: b } : {}), ...(l ? { local: l } : {}), same: b === l };
}
