// An evaluation sheet (the typical corps B form): title, header blanks, preamble, the table of
// parameters (parameter | score | comment | guidance), the average row, the notes, the result line
// and the signature. The table comes either as the web page's tab-announced cells or as the PDF's
// blocks: a parameter's name, then its guidance, where a page break can put the first half of a
// guidance before the name it belongs to.
import type { Blank, Form, Paragraph, SheetParameter, Text } from '../model/source.js';
import { type Context, from, say } from './context.js';
import { isBlank, type Line } from './lines.js';
import { type Block, blocks, formParagraphs } from './paragraphs.js';
import { excerpt } from './report.js';
import { readTabTable } from './tables.js';

export interface SheetResult {
  form: Form;
  key: string;
  parameters: SheetParameter[];
  /** The printed list of grade wordings after the result label (generated from the grades). */
  options?: { text: string; line: number };
}


/** Index of the table's header line ("Параметры") in lines[start, end), or -1. */
export function sheetHeaderAt(lines: readonly Line[], start: number, end: number, ctx: Context): number {
  for (let i = start; i < end; i++) if (ctx.vocab.sheetHeader.test(lines[i].text)) return i;
  return -1;
}

export function parseSheet(lines: readonly Line[], start: number, end: number, header: number, appendixId: string, ctx: Context): SheetResult | undefined {
  const web = lines[header - 1]?.cell === true;
  const tableStart = web ? header - 1 : header;
  const pre = formParagraphs(lines.slice(start, tableStart), ctx);
  const titlePara = pre.shift();
  if (!titlePara || !ctx.vocab.sheetTitle.test(titlePara.text)) return undefined;
  const key = ctx.vocab.nonManagerialSheet.test(titlePara.text) ? 'non-managerial' : 'managerial';
  const blanks: Blank[] = [];
  while (pre.length && (pre[0].text.startsWith('(') || /^_{3,}$/.test(pre[0].text))) {
    const p = pre.shift()!;
    if (p.text.startsWith('(')) blanks.push(from(ctx, { blank: `${appendixId}-blank-${blanks.length + 1}`, label: say(ctx, p.text) }, p.from, p.to));
  }
  const preamble: Paragraph[] = pre.map((p, i) => from(ctx, { paragraph: `${appendixId}-preamble-${i + 1}`, text: say(ctx, p.text) }, p.from, p.to));

  const table = web ? webTable(lines, tableStart, ctx) : pdfTable(lines, header, end, ctx);
  if (!table) return undefined;
  const parameters = table.rows.map((r, i) => from(ctx, {
    parameter: `${key}-${i + 1}`,
    name: say(ctx, r.name),
    guidance: say(ctx, r.guidance),
  }, r.from, r.to));
  const after = formParagraphs(lines.slice(table.end, end), ctx);
  const notes: Paragraph[] = [];
  let k = 0;
  for (; k < after.length && !ctx.vocab.resultLabel.test(after[k].text); k++) {
    notes.push(from(ctx, { paragraph: `${appendixId}-note-${notes.length + 1}`, text: say(ctx, after[k].text) }, after[k].from, after[k].to));
  }
  const labelPara = after[k];
  const rm = labelPara ? ctx.vocab.resultLabel.exec(labelPara.text) : null;
  let options: SheetResult['options'];
  k++;
  if (rm && rm[2]) options = { text: rm[2], line: labelPara.from };
  else if (after[k]?.text.startsWith('(')) {
    options = { text: after[k].text, line: after[k].from };
    k++;
  }
  const resultParts: Paragraph[] = [];
  for (; k < after.length && !ctx.vocab.signature.test(after[k].text); k++) {
    resultParts.push(from(ctx, { paragraph: `${appendixId}-result-${resultParts.length + 1}`, text: say(ctx, after[k].text) }, after[k].from, after[k].to));
  }
  const signature = after[k] ? ctx.vocab.signature.exec(after[k].text) : null;
  let note: Text | undefined;
  let date: Text | undefined;
  if (signature) {
    k++;
    if (after[k]?.text.startsWith('(')) note = say(ctx, after[k++].text);
    const d = after[k] ? ctx.vocab.signatureDate.exec(after[k].text) : null;
    if (d) {
      date = say(ctx, d[1]);
      k++;
    }
  }
  for (const p of after.slice(k)) ctx.report.add('unplaced', p.from, `after the sheet's signature: ${excerpt(p.text)}`, p.to);
  if (!rm || !signature || !date) {
    ctx.report.add('unplaced', lines[start]?.no ?? 0, `the sheet "${titlePara.text}" lacks its ${!rm ? 'result line' : !signature ? 'signature' : 'date'}; read as an ordinary appendix`);
    return undefined;
  }
  const form: Form = {
    sheet: key,
    title: say(ctx, titlePara.text),
    blanks,
    ...(preamble.length ? { preamble } : {}),
    columns: { parameter: say(ctx, table.columns[0]), score: say(ctx, table.columns[1]), comment: say(ctx, table.columns[2]), guidance: say(ctx, table.columns[3]) },
    'average-row': say(ctx, table.average),
    ...(notes.length ? { notes } : {}),
    result: { label: say(ctx, rm[1]), ...(resultParts.length ? { parts: resultParts } : {}) },
    signature: { label: say(ctx, signature[1]), ...(note ? { note } : {}), date: date! },
  };
  return { form: from(ctx, form, titlePara.from, lines[end - 1]?.no ?? titlePara.to), key, parameters, options };
}

interface SheetTable {
  columns: string[];
  rows: Array<{ name: string; guidance: string; from: number; to: number }>;
  average: string;
  /** Index of the first line after the table. */
  end: number;
}

const ROW = /^(\d+)\.\s*(\S[\s\S]*)$/;

function webTable(lines: readonly Line[], start: number, ctx: Context): SheetTable | undefined {
  const t = readTabTable(lines, start, ctx.repair);
  const [head, ...body] = t.rows;
  const last = body[body.length - 1];
  if (!head || head.cells.length !== 4 || !last || !ctx.vocab.averageRow.test(last.cells[0]?.paragraphs.join(' ') ?? '')) return undefined;
  const rows = body.slice(0, -1).map((r, i) => {
    const m = ROW.exec(r.cells[0]?.paragraphs.join(' ') ?? '');
    if (!m || Number(m[1]) !== i + 1) ctx.report.add('repaired', r.from, `sheet row ${i + 1} is printed without its number`);
    return { name: m ? m[2] : r.cells[0]?.paragraphs.join(' ') ?? '', guidance: r.cells[3]?.paragraphs.join('\n') ?? '', from: r.from, to: r.to };
  });
  return { columns: head.cells.map((c) => c.paragraphs.join(' ')), rows, average: last.cells[0].paragraphs.join(' '), end: t.end };
}

function pdfTable(lines: readonly Line[], header: number, end: number, ctx: Context): SheetTable | undefined {
  let avg = header;
  while (avg < end && !ctx.vocab.averageRow.test(lines[avg].text)) avg++;
  if (avg >= end) return undefined;
  const bs = blocks(lines.slice(header, avg));
  const first = bs.findIndex((b) => /^1\.\s*\S/.test(b.lines[0].text));
  if (first < 0) return undefined;
  const columns = headerColumns(bs.slice(0, first).flatMap((b) => b.lines), ctx);
  if (columns.length !== 4) return undefined;
  const rows: Array<{ name: Block; guidance: Block[] }> = [];
  for (const b of bs.slice(first)) {
    const m = ROW.exec(b.lines[0].text);
    if (m && Number(m[1]) === rows.length + 1) {
      const prev = rows[rows.length - 1];
      const row = { name: b, guidance: [] as Block[] };
      // A page break before the name: the guidance printed just before it, on the previous
      // page, is the first half of this row's guidance.
      if (prev && b.gap >= 3 && prev.guidance.length >= 2 && prev.guidance[prev.guidance.length - 1].gap < 3) {
        const moved = prev.guidance.pop()!;
        row.guidance.push(moved);
        ctx.report.add('repaired', moved.lines[0].no, `guidance printed before its parameter (page break) moved to row ${rows.length + 1}`, b.lines[b.lines.length - 1].no);
      }
      rows.push(row);
    } else if (rows.length) rows[rows.length - 1].guidance.push(b);
  }
  return {
    columns,
    rows: rows.map((r) => {
      const nameText = ctx.repair.join(r.name.lines);
      const all = [...r.name.lines, ...r.guidance.flatMap((g) => g.lines)].map((l) => l.no);
      return { name: ROW.exec(nameText)![2], guidance: items(r.guidance.flatMap((g) => g.lines), ctx).join('\n'), from: Math.min(...all), to: Math.max(...all) };
    }),
    average: lines[avg].text,
    end: avg + 1,
  };
}

/** Header lines into columns: a column heading starts with a capital letter. */
function headerColumns(ls: readonly Line[], ctx: Context): string[] {
  const cols: Line[][] = [];
  for (const l of ls) {
    if (/^\p{Lu}/u.test(l.text) || !cols.length) cols.push([l]);
    else cols[cols.length - 1].push(l);
  }
  return cols.map((c) => ctx.repair.join(c));
}

/** A guidance cell's lines into its items: an item starts with a dash, or a capital after a finished line. */
function items(ls: readonly Line[], ctx: Context): string[] {
  const groups: Line[][] = [];
  for (const l of ls) {
    const prev = groups[groups.length - 1];
    const prevText = prev ? prev[prev.length - 1].text : '';
    if (!prev || /^[-–]/.test(l.text) || (/[.:;]$/.test(prevText) && /^\p{Lu}/u.test(l.text))) groups.push([l]);
    else prev.push(l);
  }
  return groups.map((g) => ctx.repair.join(g));
}
