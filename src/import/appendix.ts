// One appendix: its caption (kept when it differs from the generated one), "Форма", then either
// an evaluation sheet (sheet.ts) or its own title, paragraphs and tables.
import type { Appendix, Part, Table } from '../model/source.js';
import type { Zone } from './captions.js';
import { type Context, from, say } from './context.js';
import { isBlank, type Line } from './lines.js';
import { formParagraphs, type Para } from './paragraphs.js';
import { excerpt } from './report.js';
import { parseSheet, type SheetResult, sheetHeaderAt } from './sheet.js';
import { isPipeRow, readPipeTable, readTabTable, type Row } from './tables.js';

export interface AppendixResult {
  appendix: Appendix;
  sheet?: SheetResult;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/[«»“”]/g, '"').trim().toLowerCase();

export function parseAppendix(lines: readonly Line[], zone: Zone, index: number, methodologyDat: string | undefined, ctx: Context): AppendixResult {
  const number = zone.number ?? String(index);
  const id = `appendix-${number}`;
  const appendix: Appendix = from(ctx, { appendix: id }, lines[zone.from]?.no ?? 0, lines[zone.end - 1]?.no ?? 0);
  if (zone.number && zone.number !== String(index)) appendix.number = zone.number;
  if (zone.missing) {
    ctx.report.add('supplied', lines[zone.from].no, `appendix ${number} has no caption ("Приложение ${number} к ..."): the caption is generated`);
  } else if (zone.dat && methodologyDat && norm(zone.dat) !== norm(methodologyDat)) {
    // This caption names the methodology otherwise than the others: keep it as printed.
    appendix.caption = say(ctx, ctx.lang === 'ru' ? `Приложение ${number} к ${zone.dat}` : `${zone.dat} ${number}-қосымша`);
  }
  let i = zone.start;
  while (i < zone.end && (isBlank(lines[i]) || lines[i].cell)) i++;
  const rest = zone.rest ? /^(Нысан|Форма)\s*(.*)$/.exec(zone.rest) : null;
  if (rest || (i < zone.end && ctx.vocab.formLabel.test(lines[i].text))) {
    appendix['form-label'] = true;
    if (!rest) i++;
  }
  const header = sheetHeaderAt(lines, i, zone.end, ctx);
  if (header >= 0) {
    const sheet = parseSheet(lines, i, zone.end, header, id, ctx);
    if (sheet) {
      delete appendix['form-label'];
      appendix.form = sheet.form;
      return { appendix, sheet };
    }
  }
  const leading: Part[] = [];
  const restText = rest ? rest[2] : zone.rest;
  if (restText) leading.push(from(ctx, { paragraph: `${id}-part-1`, text: say(ctx, restText) }, lines[zone.from].no));
  const parts = [...leading, ...ownParts(lines, i, zone.end, id, leading.length, ctx)];
  const first = parts[0];
  if (first && 'paragraph' in first && !leading.length && titleLike(first.text[ctx.lang] ?? '') && !ctx.vocab.editorNote.test(first.text[ctx.lang] ?? '')) {
    appendix.title = first.text;
    parts.shift();
  }
  // Ids follow the parts' order once the title is taken out.
  let paragraphs = 0;
  let tables = 0;
  for (const part of parts) {
    if ('paragraph' in part) part.paragraph = `${id}-part-${++paragraphs}`;
    else if ('table' in part) part.table = `${id}-table-${++tables}`;
  }
  if (parts.length) appendix.parts = parts;
  return { appendix };
}

const titleLike = (t: string) => t.length < 300 && !/[.:;,!?]$/.test(t) && !/^[(\d_*]/.test(t) && !/_{3,}/.test(t);

/** Paragraphs and tables, in order; the reference bank's editorial notes are reported where kept. */
function ownParts(lines: readonly Line[], start: number, end: number, id: string, before: number, ctx: Context): Part[] {
  const parts: Part[] = [];
  let run: Line[] = [];
  let tables = 0;
  const paragraphs = (ps: Para[]) => {
    for (const p of ps) {
      const text = p.lines[0].pipe ? ctx.repair.unglue(p.text, p.from) : p.text;
      if (ctx.vocab.editorNote.test(text)) ctx.report.add('placed', p.from, `the reference bank's editorial note kept as a paragraph of the appendix: ${excerpt(text)}`);
      parts.push(from(ctx, { paragraph: `${id}-part-${before + parts.length + 1}`, text: say(ctx, text) }, p.from, p.to));
    }
  };
  const flush = () => {
    if (run.length) paragraphs(formParagraphs(run, ctx));
    run = [];
  };
  for (let i = start; i < end;) {
    const l = lines[i];
    const t = l.cell ? readTabTable(lines, i, ctx.repair) : isPipeRow(l) ? readPipeTable(lines, i, ctx.repair) : undefined;
    if (t && t.rows.length) {
      flush();
      parts.push(table(t.rows, `${id}-table-${++tables}`, ctx));
      i = Math.max(t.end, i + 1);
      continue;
    }
    run.push(l);
    i++;
  }
  flush();
  return parts;
}

function table(rows: readonly Row[], id: string, ctx: Context): Table {
  return from(ctx, { table: id, rows: rows.map((r) => r.cells.map((c) => say(ctx, c.paragraphs.join('\n')))) }, rows[0].from, rows[rows.length - 1].to);
}
