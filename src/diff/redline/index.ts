// The redline: the local act's own DOCX (src/render/docx.ts, so its layout and styles are the
// act's), with every difference from the base as a tracked change (w:ins / w:del with author and
// date) that Word or LibreOffice can accept or reject one by one. Accepting them all gives the
// local act's DOCX text; what the local act removed appears, deleted, where the base had it.
import JSZip from 'jszip';
import type { Block } from '../../render/blocks.js';
import { layoutAct } from '../../render/blocks.js';
import { renderDocx } from '../../render/docx.js';
import type { ActRoot } from '../../model/tree.js';
import type { ActDiff, Pair } from '../diff.js';
import type { Op } from '../hunks.js';
import { lacksText, type Unit } from '../units.js';
import { child, childrenOf, type Element, Revisions, splitBody, tagsOf } from './ooxml.js';
import { type Place, placeUnits } from './place.js';

export interface RedlineOptions {
  author: string;
  /** ISO 8601 date and time of the changes. */
  date: string;
}

/** A piece of a paragraph's text: kept, deleted or inserted. */
interface Piece {
  kind: 'eq' | 'del' | 'ins';
  text: string;
}

interface Rendered {
  zip: JSZip;
  head: string;
  blocks: Element[];
  tail: string;
  layout: Block[];
}

async function rendered(tree: ActRoot): Promise<Rendered> {
  const zip = await JSZip.loadAsync(await renderDocx(tree));
  const { head, blocks, tail } = splitBody(await zip.file('word/document.xml')!.async('string'));
  const layout = layoutAct(tree).blocks;
  if (layout.length !== blocks.length) throw new Error(`redline: the DOCX of ${tree.id} has ${blocks.length} blocks, its layout ${layout.length}`);
  return { zip, head, blocks, tail, layout };
}

/** The pieces of a wording's operations; whitespace travels with the word after it. */
function piecesOf(ops: readonly Op[]): Piece[] {
  const out: Piece[] = [];
  const text = (tokens: Op['base']) => tokens.map((t) => t.ws + t.text).join('');
  for (const op of ops) {
    if (op.type === 'equal') out.push({ kind: 'eq', text: text(op.local) });
    else {
      out.push({ kind: 'del', text: text(op.base) }, { kind: 'ins', text: text(op.local) });
    }
  }
  // A deletion at the start keeps the space the next word had in the base, for a clean rejection.
  const first = out.findIndex((p) => p.text);
  if (out[first]?.kind === 'del' && /^\S/.test(out[first + 2]?.text ?? '')) out[first].text += ' ';
  if (out[first]) out[first].text = out[first].text.trimStart();
  return out.filter((p) => p.text);
}

/** The printed number before the text, changed or not, and the space after it. */
function markPieces(base: Unit | undefined, local: Unit): Piece[] {
  if (!local.mark) return [];
  const pieces: Piece[] = base?.mark === local.mark || !base?.mark
    ? [{ kind: 'eq', text: local.mark }]
    : [{ kind: 'del', text: base.mark }, { kind: 'ins', text: local.mark }];
  return [...pieces, { kind: 'eq', text: ' ' }];
}

/** Splits pieces into the lines of a table cell (a line break in the local wording starts one). */
function lines(pieces: Piece[]): Piece[][] {
  const out: Piece[][] = [[]];
  for (const p of pieces) {
    if (p.kind === 'del') {
      out[out.length - 1].push({ ...p, text: p.text.replace(/\s*\n\s*/g, ' ') });
      continue;
    }
    p.text.split('\n').forEach((part, i) => {
      if (i) out.push([]);
      const text = i ? part.trimStart() : part;
      if (text) out[out.length - 1].push({ kind: p.kind, text });
    });
  }
  return out;
}

export async function renderRedline(diff: ActDiff, opts: RedlineOptions): Promise<Uint8Array> {
  const local = await rendered(diff.trees.local);
  const base = await rendered(diff.trees.base);
  const localPlace = placeUnits(local.layout, diff.units.local);
  const basePlace = placeUnits(base.layout, diff.units.base);
  const rev = new Revisions(opts.author, opts.date);

  const pairOf = new Map<Unit, Pair>();
  for (const p of diff.pairs) for (const u of [...p.base, ...p.local]) pairOf.set(u, p);
  /** A one-to-one pair in place: its words are marked where they changed. */
  const inPlace = (p: Pair) => p.base.length === 1 && p.local.length === 1 && !p.moved && p.relation === 'one';
  /** Shown whole on the local side (inserted) and, where the base has it, whole on the base side (deleted). */
  const whole = (p: Pair) => p.cls === 'added' || p.cls === 'removed' || p.moved || p.relation === 'merged' || p.relation === 'split';

  // ---- paragraphs and rows, rewritten
  const paragraph = (xml: string, pieces: Piece[] | 'ins' | 'del', text: string) => {
    const pPr = child(xml, 'w:pPr') ?? '';
    const firstRun = childrenOf(xml).find((c) => c.name === 'w:r')?.xml;
    const rPr = (firstRun && child(firstRun, 'w:rPr')) ?? '';
    let props = pPr;
    if (pieces === 'ins' || pieces === 'del') {
      const mark = `<w:rPr>${rev.mark(pieces)}</w:rPr>`;
      props = pPr ? pPr.replace(/<\/w:pPr>$/, `${mark}</w:pPr>`) : `<w:pPr>${mark}</w:pPr>`;
    }
    const runs = pieces === 'ins' ? rev.inserted(text, rPr) : pieces === 'del' ? rev.deleted(text, rPr)
      : pieces.map((p) => (p.kind === 'eq' ? rev.run(p.text, rPr) : p.kind === 'ins' ? rev.inserted(p.text, rPr) : rev.deleted(p.text, rPr))).join('');
    return `<w:p>${props}${runs}</w:p>`;
  };

  const cell = (tc: string, content: Piece[][] | 'ins' | 'del', text: string) => {
    const parts = childrenOf(tc);
    const tcPr = parts.find((c) => c.name === 'w:tcPr')?.xml ?? '';
    const paras = parts.filter((c) => c.name === 'w:p').map((c) => c.xml);
    const template = paras[0] ?? '<w:p></w:p>';
    let body: string;
    if (content === 'ins' || content === 'del') body = paras.map((p, i) => paragraph(p, content, text.split('\n')[i] ?? '')).join('');
    else body = content.map((line) => paragraph(template, line, '')).join('');
    return `<w:tc>${tcPr}${body || template}</w:tc>`;
  };

  const row = (tr: string, content: Piece[][][] | 'ins' | 'del', cellTexts: string[]) => {
    const [open, close] = tagsOf(tr);
    let i = 0;
    const parts = childrenOf(tr).map((c) => {
      if (c.name === 'w:trPr' && (content === 'ins' || content === 'del')) return c.xml.replace(/<\/w:trPr>$/, `${rev.mark(content)}</w:trPr>`);
      if (c.name !== 'w:tc') return c.xml;
      const k = i++;
      return cell(c.xml, content === 'ins' || content === 'del' ? content : content[k] ?? [], cellTexts[k] ?? '');
    });
    return `${open}${parts.join('')}${close}`;
  };

  const cellTextsOf = (layout: Block, r: number) => (layout.kind === 'table' ? layout.rows[r].cells.map((ps) => ps.map((p) => p.text).join('\n')) : []);

  /** The local rendering of an element in its place: marked words, inserted whole, or as it is. */
  const localContent = (u: Unit): 'ins' | Piece[][] | undefined => {
    const p = pairOf.get(u);
    if (!p) return undefined;
    if (whole(p)) return p.cls === 'removed' ? undefined : 'ins';
    if (!inPlace(p) || (!p.renumbered && p.segments.every((s) => s.same))) return undefined;
    const b = p.base[0];
    // Where the base has no wording in this language, the local wording stands as it is.
    return p.segments.map((s, i) => [
      ...(i === 0 ? markPieces(b, u) : []),
      ...(s.baseMissing ? piecesOf(s.ops.map((o) => ({ type: 'equal' as const, base: o.local, local: o.local }))) : piecesOf(s.ops)),
    ]);
  };

  const localBlocks = local.blocks.map((b) => b.xml);
  const rowXml = new Map<number, string[]>();
  const rowsOf = (block: number) => {
    let rows = rowXml.get(block);
    if (!rows) {
      rows = childrenOf(local.blocks[block].xml).filter((c) => c.name === 'w:tr').map((c) => c.xml);
      rowXml.set(block, rows);
    }
    return rows;
  };
  for (const [u, place] of localPlace) {
    const content = localContent(u);
    if (!content) continue;
    const layout = local.layout[place.block];
    if (place.row === undefined) {
      const text = layout.kind === 'para' ? layout.text : '';
      localBlocks[place.block] = paragraph(localBlocks[place.block], content === 'ins' ? 'ins' : content[0], text);
    } else {
      const rows = rowsOf(place.block);
      rows[place.row] = row(rows[place.row], content === 'ins' ? 'ins' : content.map((pieces) => lines(pieces)), cellTextsOf(layout, place.row));
    }
  }

  // ---- what the base had and the local act does not have there: deleted, at the base's place
  const after = new Map<number, string[]>(); // after local block (-1: before the first)
  const rowsAfter = new Map<string, string[]>(); // after local row "block:row" (row -1: first)
  const push = <K>(map: Map<K, string[]>, key: K, xml: string) => map.set(key, [...(map.get(key) ?? []), xml]);
  const localTableOf = new Map<string, number>(); // base table -> the local table showing it
  for (const p of diff.pairs) {
    if (!inPlace(p)) continue;
    const place = localPlace.get(p.local[0]);
    if (p.base[0].table && place?.row !== undefined) localTableOf.set(p.base[0].table, place.block);
  }
  const baseBlocksDeleted = new Set<number>();
  const basePlaced = new Set([...basePlace.values()].map((pl) => pl.block));
  const deleteBaseBlocks = (from: number) => {
    // The element's block, and the blocks no element shows that follow it (a blank's line).
    const out: string[] = [];
    for (let b = from; b < base.blocks.length && (b === from || !basePlaced.has(b)); b++) {
      if (baseBlocksDeleted.has(b)) continue;
      baseBlocksDeleted.add(b);
      const layout = base.layout[b];
      out.push(base.blocks[b].name === 'w:p' ? paragraph(base.blocks[b].xml, 'del', layout.kind === 'para' ? layout.text : '') : deletedTable(base.blocks[b].xml, b));
    }
    return out;
  };
  const deletedTable = (tbl: string, b: number) => {
    const [open, close] = tagsOf(tbl);
    let r = 0;
    const parts = childrenOf(tbl).map((c) => (c.name === 'w:tr' ? row(c.xml, 'del', cellTextsOf(base.layout[b], r++)) : c.xml));
    return `${open}${parts.join('')}${close}`;
  };

  let anchor: Place | undefined;
  for (const u of diff.units.base) {
    const p = pairOf.get(u);
    if (!p) continue;
    if (inPlace(p)) {
      anchor = localPlace.get(p.local[0]) ?? anchor;
      continue;
    }
    // A base element with no wording in this language has nothing to show as deleted.
    if (!whole(p) || p.base.some(lacksText)) continue;
    const place = basePlace.get(u);
    if (!place) continue;
    const table = u.table ? localTableOf.get(u.table) : undefined;
    if (place.row !== undefined && table !== undefined) {
      const rows = childrenOf(base.blocks[place.block].xml).filter((c) => c.name === 'w:tr');
      const at = anchor?.block === table && anchor.row !== undefined ? anchor.row : -1;
      push(rowsAfter, `${table}:${at}`, row(rows[place.row].xml, 'del', cellTextsOf(base.layout[place.block], place.row)));
    } else {
      for (const xml of deleteBaseBlocks(place.block)) push(after, anchor?.block ?? -1, xml);
    }
  }

  // ---- the body, in the local act's order
  const body: string[] = [...(after.get(-1) ?? [])];
  localBlocks.forEach((xml, block) => {
    if (local.blocks[block].name === 'w:tbl') {
      const [open, close] = tagsOf(xml);
      let r = 0;
      const rows = rowsOf(block);
      const parts = childrenOf(xml).flatMap((c) => {
        if (c.name !== 'w:tr') return [c.xml];
        const k = r++;
        return [...(k === 0 ? rowsAfter.get(`${block}:-1`) ?? [] : []), rows[k], ...(rowsAfter.get(`${block}:${k}`) ?? [])];
      });
      body.push(`${open}${parts.join('')}${close}`);
    } else body.push(xml);
    body.push(...(after.get(block) ?? []));
  });

  local.zip.file('word/document.xml', local.head + body.join('') + local.tail);
  await carryStyles(base.zip, local.zip, body.join(''));
  return local.zip.generateAsync({ type: 'uint8array' });
}

/**
 * A paragraph the base had and the local act has not (a footnote) may use a style the local
 * DOCX does not define: its definition comes along from the base's styles. (LibreOffice accepts
 * the deletion of a paragraph in an undefined style wrongly: it joins the next two paragraphs.)
 */
async function carryStyles(from: JSZip, to: JSZip, body: string): Promise<void> {
  const [theirs, ours] = await Promise.all([from.file('word/styles.xml')!.async('string'), to.file('word/styles.xml')!.async('string')]);
  const defined = (xml: string) => new Map([...xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[\s\S]*?<\/w:style>/g)].map((m) => [m[1], m[0]]));
  const have = defined(ours);
  const available = defined(theirs);
  const used = new Set([...body.matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"/g)].map((m) => m[1]));
  const missing = [...used].filter((id) => !have.has(id) && available.has(id)).map((id) => available.get(id)!);
  if (missing.length) to.file('word/styles.xml', ours.replace('</w:styles>', `${missing.join('')}</w:styles>`));
}
