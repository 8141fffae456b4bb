// The enacting act around the methodology: its title, the publication line (kind, issuer, date,
// number), notes of the publication (registration, repeal, footnotes), the legal basis and the
// words that enact, the enacting points, and the signatory.
import type { Act, Footnote } from '../model/source.js';
import { type Context, from, say } from './context.js';
import { isBlank, type Line } from './lines.js';
import { buildParagraphs, type Para } from './paragraphs.js';
import { buildPoints } from './points.js';
import { excerpt } from './report.js';
import { parseDate } from './vocabulary.js';

/** A person's name at the end of a line: "Е. Махмутов", "Ғ.Жарқынбек", "Е.Ж. Әбілов". */
export const NAME_END = /(?:^|\s)((?:\p{Lu}\.\s?){1,2}\s?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)$/u;

export interface Envelope {
  act: Partial<Act>;
  /** Index of the first line after the signatory (where the approval stamp starts). */
  end: number;
}

const HEAD_BOUNDARY: RegExp[] = [
  /^(Приказ|Решение|Распоряжение|Постановление|Шешім|Бұйрық|Өкім|Қаулы)\s/,
  /^Зарегистрирован/,
  /^Утратил[оаи]?\s+силу/,
  /^(Сноска|Ескерту)\./,
  /^Об?\s+\p{Ll}/u,
  /^Государственное учреждение(?![а-я])/,
];

/** Reads the enacting act from lines[0, limit): everything before the methodology. */
export function parseEnvelope(lines: readonly Line[], limit: number, ctx: Context): Envelope {
  const act: Partial<Act> = {};
  const first = lines.findIndex((l, i) => i < limit && /^"?1\.\s+\S/.test(l.text));
  if (first < 0) return { act, end: 0 };
  const paras = buildParagraphs(lines.slice(0, first), ctx.repair);
  const footnotes: Footnote[] = [];
  // The legal basis ends the paragraphs before the first point; footnotes may follow it.
  let k = paras.length - 1;
  while (k >= 0 && ctx.vocab.footnote.test(paras[k].text)) k--;
  const preamble = k >= 0 && isPreamble(paras[k].text, ctx) ? paras[k] : undefined;
  const headEnd = preamble ? lines.findIndex((l) => l.no === preamble.from) : first;
  readHead(lines.slice(0, headEnd), act, footnotes, ctx);
  for (const p of paras.slice(preamble ? k + 1 : paras.length)) footnotes.push(footnote(p, footnotes.length, ctx));

  // The points run to the signatory: the first paragraph after them that ends with a name.
  const rest = buildParagraphs(lines.slice(first, limit), ctx.repair);
  let sign = rest.findIndex((p) => !/^"?\d+[.)]\s/.test(p.text) && (NAME_END.test(p.text) || nameCell(p.lines[0])));
  if (sign < 0) sign = rest.length;
  let signFrom = sign;
  while (signFrom > 0 && signFrom < rest.length && !rest[sign].lines[0].pipe && isPositionPart(rest[signFrom - 1].text)) signFrom--;
  const pointParas = rest.slice(0, signFrom).filter((p) => {
    if (!ctx.vocab.footnote.test(p.text)) return true;
    footnotes.push(footnote(p, footnotes.length, ctx));
    return false;
  });
  const { points } = buildPoints(pointParas, ctx, { prefix: 'decision' });
  if (points.length) act.points = points;
  if (preamble) enacting(preamble, act, ctx);
  const signParas = rest.slice(signFrom, sign + 1);
  if (sign < rest.length) signatory(signParas, rest.slice(sign + 1), act, ctx);
  if (!act.issuer?.[ctx.lang]?.nom && act.signatory) {
    // Without a publication line the signatory's position names the issuer ("Председатель Агентства ...").
    setIssuer(act, ctx.lang, 'nom', act.signatory.position[ctx.lang]!);
  }
  if (footnotes.length) act.footnotes = footnotes;
  const lastLine = signEnd(rest, sign);
  const end = lastLine === undefined ? limit : lines.findIndex((l) => l.no > lastLine);
  return { act, end: end < 0 ? limit : end };
}

function isPreamble(text: string, ctx: Context): boolean {
  return ctx.vocab.enacts.test(text) || /:\s*$/.test(text) && /(В соответствии|На основании|сәйкес|негізінде)/.test(text);
}

function setIssuer(act: Partial<Act>, lang: Context['lang'], form: string, value: string): void {
  const forms = ((act.issuer ??= {})[lang] ??= {} as Record<string, string>);
  forms[form] = value;
  // The nominative first, as the acts' files write it.
  if (forms.nom) act.issuer[lang] = { nom: forms.nom, ...forms };
}

function footnote(p: Para, n: number, ctx: Context): Footnote {
  ctx.report.add('placed', p.from, `footnote kept in act.footnotes (the build does not print the enacting act's footnotes): ${excerpt(p.text)}`, p.to);
  return from(ctx, { footnote: `act-footnote-${n + 1}`, text: say(ctx, p.text) }, p.from, p.to);
}

/** The head of the publication: its segments start at lines that open a known part. */
function readHead(lines: readonly Line[], act: Partial<Act>, footnotes: Footnote[], ctx: Context): void {
  const segments: Line[][] = [];
  for (const l of lines) {
    if (isBlank(l) || l.cell) continue;
    const t = l.text;
    const prev = segments[segments.length - 1];
    const opens = HEAD_BOUNDARY.some((re) => re.test(t)) || (prev && /туралы$/.test(prev[prev.length - 1].text));
    if (!prev || opens) segments.push([l]);
    else prev.push(l);
  }
  for (const seg of segments) {
    const text = ctx.repair.join(seg);
    const [a, b] = [seg[0].no, seg[seg.length - 1].no];
    if (publication(text, act, ctx, a)) continue;
    if (/^Зарегистрирован/.test(text)) {
      registration(text, act, ctx, a, b);
    } else if (/^Утратил[оаи]?\s+силу/.test(text) || ctx.vocab.footnote.test(text)) {
      footnotes.push(footnote({ text, from: a, to: b, indent: 0, lines: seg }, footnotes.length, ctx));
    } else if (/^Об?\s+\p{Ll}/u.test(text) || /туралы$/.test(text)) {
      act.title = from(ctx, say(ctx, text), a, b);
    } else {
      ctx.report.add('unplaced', a, `heading of the publication with no place in the format: ${excerpt(text)}`, b);
    }
  }
}

/** "Решение <issuer gen> [<region>] от <date> № <number>[. <rest>]" / "Шешім <dd.mm.yyyy> №<number>, <issuer nom>". */
function publication(text: string, act: Partial<Act>, ctx: Context, line: number): boolean {
  const m = ctx.vocab.publication.exec(text);
  if (!m) return false;
  act.kind = ctx.vocab.kinds.find(([re]) => re.test(m[1]))?.[1] ?? 'decision';
  if (!/^(Приказ|Решение|Шешім|Бұйрық)$/.test(m[1])) {
    ctx.report.add('placed', line, `"${m[1]}" is written as kind ${act.kind}: the format knows orders and decisions only`);
  }
  if (ctx.lang === 'kk') {
    act.date = parseDate(m[2], 'kk');
    act.number = m[3];
    setIssuer(act, 'kk', 'nom', m[4]);
    return true;
  }
  const region = /^(.+?)\s+(\S+\s+(?:области|района|города))$/.exec(m[2]);
  setIssuer(act, 'ru', 'gen', region ? region[1] : m[2]);
  if (region) act.region = say(ctx, region[2]);
  act.date = parseDate(m[3], 'ru');
  act.number = m[4];
  if (m[5]) {
    if (/^Зарегистрирован/.test(m[5])) registration(m[5], act, ctx, line, line);
    else ctx.report.add('unplaced', line, `after the publication line: ${excerpt(m[5])}`);
  }
  return true;
}

function registration(text: string, act: Partial<Act>, ctx: Context, a: number, b: number): void {
  const m = /№\s*(\d+)/.exec(text);
  const date = parseDate(text.replace(/^\D*/, ''), ctx.lang);
  if (m) act.registration = { number: m[1], ...(date ? { date } : {}) };
  ctx.report.add('placed', a, `registration kept in act.registration (the build does not print it): ${excerpt(text)}`, b);
}

/** The legal basis, the issuer as it enacts, and the word that enacts (its kind). */
function enacting(p: Para, act: Partial<Act>, ctx: Context): void {
  const m = ctx.vocab.enacts.exec(p.text);
  let before = m ? p.text.slice(0, m.index).trim() : p.text.replace(/:\s*$/, '');
  if (m) {
    act.kind ??= /РЕШИЛ|ПОСТАНОВЛЯЕТ|ШЕШІМ|ҚАУЛЫ/.test(m[1]) ? 'decision' : 'order';
    const nom = act.issuer?.[ctx.lang]?.nom;
    const basis = /(В соответствии|На основании|Руководствуясь|сәйкес|негізінде)/.test(before);
    if (nom && before.endsWith(nom)) before = before.slice(0, -nom.length).trim();
    else if (!basis) {
      if (before) setIssuer(act, ctx.lang, 'nom', before);
      before = '';
    } else if (!/,$/.test(before)) {
      // The issuer follows the basis: after the last "сәйкес" (kk) or the quoted law's name (ru).
      const cut = ctx.lang === 'kk' ? before.lastIndexOf('сәйкес ') + 'сәйкес'.length : Math.max(before.lastIndexOf('" '), before.lastIndexOf('» '), before.lastIndexOf(') ')) + 1;
      if (cut > 0 && cut < before.length) {
        setIssuer(act, ctx.lang, 'nom', before.slice(cut).trim());
        before = before.slice(0, cut).trim();
      }
    }
  }
  if (before) act.preamble = from(ctx, say(ctx, before), p.from, p.to);
}

const nameCell = (l: Line | undefined) => !!l?.pipe && l.pipe.length === 2 && NAME_END.test(l.pipe[1]);

/** A line of the signatory's position: short, no sentence ending. */
const isPositionPart = (t: string) => t.length < 120 && !/[.;:]$/.test(t) && !/^"?\d+[.)]\s/.test(t);

function signatory(paras: readonly Para[], after: readonly Para[], act: Partial<Act>, ctx: Context): void {
  const head = paras[paras.length - 1];
  const cells = head.lines[0].pipe;
  if (cells && cells.length === 2) {
    act.signatory = from(ctx, { position: say(ctx, cells[0]), name: say(ctx, cells[1]) }, head.from);
    for (const p of after) {
      if (!nameCell(p.lines[0])) break;
      ctx.report.add('unplaced', p.from, `a further signatory (the format has one): ${excerpt(p.text)}`);
    }
    return;
  }
  const text = paras.map((p) => p.text).join(' ');
  const m = NAME_END.exec(text)!;
  act.signatory = from(ctx, { position: say(ctx, text.slice(0, m.index).trim()), name: say(ctx, m[1]) }, paras[0].from, head.to);
}

/** Input line of the signatory's end (a second signatory row included). */
function signEnd(rest: readonly Para[], sign: number): number | undefined {
  if (sign >= rest.length) return undefined;
  let k = sign;
  while (k + 1 < rest.length && nameCell(rest[k + 1].lines[0])) k++;
  return rest[k].to;
}

