// The shape of an act, to compare an import with a curated file: how many chapters, points per
// chapter, sub-points per point, appendices, and the rows of each evaluation form (its scoring
// sheet's parameters). The paragraphs and tables inside an appendix are wording, compared by the
// fidelity measure, not shape: a curator may well make a grid the PDF flattened a table again.
import type { MethodologyFile, Part } from '../model/source.js';

export interface Structure {
  chapters: number;
  /** Points in each chapter. */
  points: number[];
  /** Sub-points of each point that has any, as "point number: count" in document order. */
  subpoints: string[];
  appendices: number;
  /** Rows of each appendix's evaluation form ("form:5"), "-" for an appendix without one. */
  rows: string[];
}

const subpointsOf = (parts: Part[] | undefined) => (parts ?? []).filter((p) => 'subpoint' in p).length;

/** The structure of a composed act (for a derived act: its base with the changes applied). */
export function structureOf(source: MethodologyFile, numbers: ReadonlyMap<string, string>): Structure {
  const m = source.methodology;
  const chapters = m?.chapters ?? [];
  const subpoints: string[] = [];
  for (const c of chapters) {
    for (const p of c.points) {
      const n = subpointsOf(p.parts);
      if (n) subpoints.push(`${numbers.get(p.point)}: ${n}`);
    }
  }
  const rows = (m?.appendices ?? []).map((a) => (a.form ? `form:${source.scoring?.sheets?.[a.form.sheet]?.parameters.length ?? 0}` : '-'));
  return { chapters: chapters.length, points: chapters.map((c) => c.points.length), subpoints, appendices: rows.length, rows };
}
