// What the importer tells the user about the input: every span it removed as publisher furniture,
// repaired, could not place, or placed where the format has no better home, with the input lines
// it concerns. Nothing the input says is dropped without an entry here.

export type ReportKind =
  /** The file's encoding was converted (CP1251, UTF-16). */
  | 'encoding'
  /** The reference bank's page furniture: banners, QR-code notes, watermarks, bookmarks. */
  | 'furniture'
  /** A PDF artefact undone: a hyphenated or spaced-out word, a displaced word, glued words. */
  | 'repaired'
  /** Put where the format has room for it, which is not quite where the act has it. */
  | 'placed'
  /** Kept out of the YAML: the format has no place for it. */
  | 'unplaced'
  /** Written by the importer where the act omits it (a missing caption). */
  | 'supplied'
  /** Input words the built act does not reproduce (found by comparing the two). */
  | 'not-reproduced';

export interface ReportEntry {
  kind: ReportKind;
  /** First input line concerned (1-based). */
  line: number;
  /** Last input line, when the entry spans several. */
  to?: number;
  message: string;
}

export class ImportReport {
  readonly entries: ReportEntry[] = [];

  add(kind: ReportKind, line: number, message: string, to?: number): void {
    this.entries.push({ kind, line, ...(to !== undefined && to !== line ? { to } : {}), message });
  }

  count(kind: ReportKind): number {
    return this.entries.filter((e) => e.kind === kind).length;
  }

  /** In input order, one line each: "LINE[-TO] kind: message". */
  format(file: string): string {
    const sorted = [...this.entries].sort((a, b) => a.line - b.line || (a.to ?? a.line) - (b.to ?? b.line));
    return sorted.map((e) => `${file}:${e.line}${e.to ? `-${e.to}` : ''}: ${e.kind}: ${e.message}`).join('\n');
  }

  summary(): string {
    const kinds = [...new Set(this.entries.map((e) => e.kind))];
    return kinds.length ? kinds.map((k) => `${this.count(k)} ${k}`).join(', ') : 'nothing to report';
  }
}

/** An input that cannot be imported; the message says why and what to do. */
export class ImportError extends Error {}

/** A span of input text shortened for a message. */
export function excerpt(text: string, max = 80): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `"${s.slice(0, max - 1)}…"` : `"${s}"`;
}
