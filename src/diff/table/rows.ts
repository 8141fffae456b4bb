// The comparative table ("сравнительная таблица" / "салыстырмалы кесте") that accompanies a
// draft act: one row per changed structural element, its wording in the base and in the local
// act with the changed words in bold, and the reason. All fixed wording comes from templates.
// The DOCX and PDF renderers only lay this model out.
import type { Lang } from '../../model/source.js';
import { renderTemplate } from '../../resolve/templates.js';
import type { ActDiff, Pair, Segment } from '../diff.js';
import { localLabel, pairLabel } from '../labels.js';
import type { Token } from '../tokens.js';

export interface Run {
  text: string;
  bold: boolean;
}
/** A cell: paragraphs of runs. */
export type Cell = Run[][];

export interface ComparativeTable {
  lang: Lang;
  /** The BCP 47 tag documents declare. */
  languageTag: string;
  title: string;
  /** Lines under the title: what is compared with what. */
  subject: string[];
  columns: [string, string, string, string];
  rows: Array<[Cell, Cell, Cell, Cell]>;
}

export interface TableOptions {
  /** Include the elements that differ only by localisation. */
  all?: boolean;
}

const LANGUAGE_TAG: Record<Lang, string> = { ru: 'ru-RU', kk: 'kk-KZ' };
const SHOWN = new Set(['substance', 'added', 'removed', 'moved', 'no-text']);

const plain = (text: string): Cell => (text ? [[{ text, bold: false }]] : []);

/** One side of a pair's wording, the changed words bold; one paragraph per line of the wording. */
function wording(segments: Segment[], side: 'base' | 'local', mark?: string): Cell {
  const cell: Cell = [];
  segments.forEach((s, i) => {
    let para: Run[] = [];
    const add = (tokens: readonly Token[], bold: boolean) => {
      for (const t of tokens) {
        if (t.ws.includes('\n') && para.length) {
          cell.push(para);
          para = [];
        }
        const text = (para.length ? (t.ws ? ' ' : '') : '') + t.text;
        const last = para.at(-1);
        if (last && last.bold === bold) last.text += text;
        else para.push({ text, bold });
      }
    };
    if (i === 0 && mark) para.push({ text: `${mark} `, bold: false });
    for (const op of s.ops) add(op[side], op.type === 'change');
    if (para.length) cell.push(para);
  });
  return cell;
}

export function comparativeTable(diff: ActDiff, opts: TableOptions = {}): ComparativeTable {
  const { lang } = diff;
  const versions = diff.relation !== 'derived';
  const t = (name: string, ctx: Record<string, unknown> = {}) => renderTemplate(lang, name, { versions, ...ctx });
  const shown = (p: Pair) => (p.local[0] ?? p.base[0]).area === 'methodology' && (SHOWN.has(p.cls) || (opts.all && p.cls === 'localised'));

  const rows = diff.pairs.filter(shown).map((p): [Cell, Cell, Cell, Cell] => {
    const label = pairLabel(p.base, p.local, (ref) => localLabel(ref, lang));
    const element = t('diff-table-element', {
      same: label.same, base: label.base ?? '', local: label.local ?? '',
      localLower: (label.local ?? '').charAt(0).toLowerCase() + (label.local ?? '').slice(1),
    });
    const mark = (side: 'base' | 'local') => (p[side].length === 1 ? p[side][0].mark : undefined);
    const base = p.cls === 'added' ? plain(t('diff-absent'))
      : p.segments.some((s) => s.baseMissing) ? plain(t('diff-no-base-text'))
        : wording(p.segments, 'base', mark('base'));
    const local = p.cls === 'removed' ? plain(t('diff-removed')) : wording(p.segments, 'local', mark('local'));
    if (p.moved && p.base.length) local.push([{ text: t('diff-moved', { from: label.base ?? '' }), bold: false }]);
    return [plain(element), base, local, plain(p.reason ?? '')];
  });

  const columns: ComparativeTable['columns'] = [t('diff-column-element'), t('diff-column-base'), t('diff-column-local'), t('diff-column-reason')];
  return {
    lang,
    languageTag: LANGUAGE_TAG[lang],
    title: t('diff-table-title'),
    subject: t('diff-table-subject', { local: diff.local.title, base: diff.base.title }).split('\n'),
    columns,
    rows,
  };
}
