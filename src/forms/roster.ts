// The roster: one row per evaluated person, read row by row (the engine's CSV reader, with the
// line each row starts on), in whatever encoding the spreadsheet saved it. The header names the
// columns; the usual Russian and Kazakh headings are accepted besides the English names. A row
// that cannot be read (a cell too many or too few) is an error of that row only.
import { csvRowBatches } from '../engine/readers.js';
import { decoded, type Encoding } from '../io/encoding.js';

export interface RosterRow {
  line: number;
  /** A personnel number or another stable id (the key of results and score records). */
  person?: string;
  name: string;
  position: string;
  category?: string;
  managerial?: string;
  /** The position inside a category where routing distinguishes it (e.g. department-director). */
  positionKind?: string;
  body?: string;
  /** The evaluator whatever the routing says (name, position, body as the sheet's blank asks). */
  evaluator?: string;
  /** Evaluators by the routing's evaluator id (a column per id: direct-superior, head-of-apparatus, ...). */
  evaluators: Map<string, string>;
  appointed?: string;
  dismissed?: string;
  daysWorked?: string;
}

export type RosterItem = { line: number; row: RosterRow } | { line: number; error: string; person?: string; name?: string };

export class RosterError extends Error {}

type Field = Exclude<keyof RosterRow, 'line' | 'evaluators'>;

/** Column headings, normalised (lower case, spaces and hyphens as "_"), and the field each names. */
const HEADINGS: Record<string, Field> = {
  person: 'person', id: 'person', personnel_number: 'person', табельный_номер: 'person', табель_нөмірі: 'person',
  name: 'name', full_name: 'name', fio: 'name', фио: 'name', 'ф.и.о.': 'name', 'т.а.ә.': 'name', аты_жөні: 'name',
  position: 'position', должность: 'position', лауазымы: 'position', лауазым: 'position',
  category: 'category', категория: 'category', санат: 'category', санаты: 'category',
  managerial: 'managerial', руководящая: 'managerial', басшы: 'managerial',
  position_kind: 'positionKind',
  body: 'body', государственный_орган: 'body', орган: 'body', мемлекеттік_орган: 'body',
  evaluator: 'evaluator', оценивающий: 'evaluator', бағалаушы: 'evaluator',
  appointed: 'appointed', dismissed: 'dismissed', days_worked: 'daysWorked', days: 'daysWorked',
};

const normaliseHeading = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');
/** A cell's text: spaces (line breaks in a quoted cell included) collapsed. */
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface RosterColumns {
  /** Which column holds which field. */
  fields: Map<Field, number>;
  /** Which column holds which evaluator id. */
  roles: Map<string, number>;
  /** Columns metodika does not read. */
  unused: string[];
}

export interface RosterOptions {
  encoding: Encoding;
  /** The evaluator ids of the act's routing (a column may be named by each). */
  roles: string[];
  /** Fields the header must have. */
  required: Field[];
  /** Called once the header is read. */
  onHeader?: (columns: RosterColumns) => void;
}

function readHeader(cells: string[], line: number, opts: RosterOptions): RosterColumns {
  const roles = new Map(opts.roles.map((r) => [normaliseHeading(r), r]));
  const columns: RosterColumns = { fields: new Map(), roles: new Map(), unused: [] };
  const seen = new Map<string, number>();
  cells.forEach((raw, i) => {
    const h = normaliseHeading(raw);
    if (!h) return;
    const field = HEADINGS[h];
    const role = roles.get(h);
    const key = field ?? (role ? `role:${role}` : undefined);
    if (key && seen.has(key)) throw new RosterError(`line ${line}: columns ${seen.get(key)! + 1} and ${i + 1} both give ${field ?? role}`);
    if (key) seen.set(key, i);
    if (field) columns.fields.set(field, i);
    else if (role) columns.roles.set(role, i);
    else columns.unused.push(raw.trim());
  });
  const missing = opts.required.filter((f) => !columns.fields.has(f));
  if (missing.length) {
    throw new RosterError(`line ${line}: the header has no ${missing.map((m) => `"${m === 'positionKind' ? 'position_kind' : m}"`).join(', ')} column (columns: ${cells.map((c) => c.trim()).join(', ')})`);
  }
  return columns;
}

/** The roster's rows, a batch at a time. */
export async function* readRoster(path: string, opts: RosterOptions): AsyncGenerator<RosterItem[]> {
  let columns: RosterColumns | undefined;
  let width = 0;
  for await (const rows of csvRowBatches(decoded(path, opts.encoding))) {
    const items: RosterItem[] = [];
    for (const { line, cells } of rows) {
      if (!columns) {
        columns = readHeader(cells, line, opts);
        width = cells.length;
        opts.onHeader?.(columns);
        continue;
      }
      // A row of empty cells (what spreadsheets leave after the last row) is not a person.
      if (cells.every((c) => !c.trim())) continue;
      const get = (f: Field) => {
        const i = columns!.fields.get(f);
        const v = i === undefined ? '' : clean(cells[i] ?? '');
        return v || undefined;
      };
      if (cells.length !== width) {
        items.push({ line, error: `${cells.length} cells, the header has ${width} columns`, ...(get('person') ? { person: get('person') } : {}), ...(get('name') ? { name: get('name') } : {}) });
        continue;
      }
      const evaluators = new Map<string, string>();
      for (const [role, i] of columns.roles) {
        const v = clean(cells[i]);
        if (v) evaluators.set(role, v);
      }
      const row: RosterRow = { line, name: get('name') ?? '', position: get('position') ?? '', evaluators };
      for (const f of ['person', 'category', 'managerial', 'positionKind', 'body', 'evaluator', 'appointed', 'dismissed', 'daysWorked'] as const) {
        const v = get(f);
        if (v !== undefined) row[f] = v;
      }
      items.push({ line, row });
    }
    if (items.length) yield items;
  }
  if (!columns) throw new RosterError('the roster is empty (no header line)');
}
