// metodika forms at the size of a large body's quarter: a roster of 10,000 persons (the Mangistau
// act; one in fifty a head of apparatus on the managerial sheet, the rest on the non-managerial
// one) into one pre-filled PDF, into a fillable PDF, and into a ZIP of 10,000 DOCX. Each run is
// the CLI in a child process (Node start-up, YAML, schema, resolve and scoring compile included),
// timed from outside; its peak resident memory is the child's own (getrusage). The same roster
// at 1,000 persons shows whether memory grows with the roster.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import type { BenchRow } from './types.js';

const ACT = join(PACKAGE_ROOT, 'methodologies', 'mangistau-district-2025.yaml');
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'forms.js');

const SURNAMES = ['Ахметов', 'Серикбаев', 'Жумабаев', 'Иванов', 'Ким', 'Оспанов', 'Нурланов', 'Касымов', 'Петров', 'Сейткали', 'Төлеуов', 'Әбілов'];
const GIVEN = ['Ерлан', 'Нурлан', 'Айдар', 'Сергей', 'Олжас', 'Бауыржан', 'Дәурен', 'Марат', 'Асқар', 'Ғалым'];
const PATRONYMIC = ['Серикович', 'Маратович', 'Болатович', 'Петрович', 'Қайратұлы', 'Ерланович'];
const POSITIONS = ['главный специалист', 'ведущий специалист отдела организационной работы', 'главный специалист отдела документационного обеспечения и контроля', 'специалист'];

/** A roster of `n` persons with the Mangistau act's columns. */
function roster(n: number): string {
  const lines = ['person,name,position,category,managerial,evaluator,head-of-apparatus,days_worked'];
  for (let i = 0; i < n; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${PATRONYMIC[(i * 5) % PATRONYMIC.length]}`;
    const head = i % 50 === 0;
    lines.push([
      String(100000 + i), name, head ? 'руководитель аппарата' : `"${POSITIONS[i % POSITIONS.length]}"`, head ? 'E-2' : ['E-3', 'E-4', 'E-5'][i % 3],
      head ? 'да' : 'нет', head ? '"Махмутов Е., председатель районного маслихата"' : '', head ? '' : '"Сериков Бауыржан Болатович, руководитель аппарата"', String(55 + (i % 10)),
    ].join(','));
  }
  return lines.join('\n') + '\n';
}

interface Run {
  seconds: number;
  rssMb: number;
  bytes: number;
}

function runForms(args: string[], out: string, file: string, nodeFlags: string[] = []): Run {
  const script = `import(${JSON.stringify(CLI)}).then((m) => m.run(${JSON.stringify(args)})).then((code) => { process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code; });`;
  const started = performance.now();
  const r = spawnSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`metodika forms ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const kb = Number(/RSS (\d+)/.exec(r.stderr)?.[1]);
  return { seconds, rssMb: kb / 1024, bytes: statSync(join(out, file)).size };
}

const mb = (n: number) => `${n.toFixed(0)} MB`;
const s = (n: number) => `${n.toFixed(2)} s`;

export async function benchForms(): Promise<BenchRow[]> {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'metodika-bench-forms-'));
  try {
    writeFileSync(join(dir, 'staff-10000.csv'), roster(10_000));
    writeFileSync(join(dir, 'staff-1000.csv'), roster(1_000));
    const forms = (staff: string, out: string, ...extra: string[]) => ['--roster', join(dir, staff), '--period', '2025-Q3', '--out', join(dir, out), '--quiet', ...extra];
    const base = [ACT];
    const pdf = runForms([...base, ...forms('staff-10000.csv', 'pdf')], join(dir, 'pdf'), 'sheets-2025-Q3.ru.pdf');
    // Whether memory grows with the roster, told apart from the collector's own pace (which lets
    // the heap grow while there is room): the same command on 1,000, 10,000 and 40,000 persons,
    // with the old generation held to 32 MB. The 40,000 sheets make a 91 MB file; a run that kept
    // them would fail there. (The heap in use stays at 19-23 MB whatever the roster; a 24 MB limit
    // is too close to it and failed at times.)
    const CAP = ['--max-old-space-size=32'];
    writeFileSync(join(dir, 'staff-40000.csv'), roster(40_000));
    const small = runForms([...base, ...forms('staff-1000.csv', 'small')], join(dir, 'small'), 'sheets-2025-Q3.ru.pdf', CAP);
    const capped = runForms([...base, ...forms('staff-10000.csv', 'capped')], join(dir, 'capped'), 'sheets-2025-Q3.ru.pdf', CAP);
    const large = runForms([...base, ...forms('staff-40000.csv', 'large')], join(dir, 'large'), 'sheets-2025-Q3.ru.pdf', CAP);
    const fillable = runForms([...base, ...forms('staff-10000.csv', 'fillable', '--fillable')], join(dir, 'fillable'), 'sheets-2025-Q3.ru.pdf');
    const docx = runForms([...base, ...forms('staff-10000.csv', 'docx', '--format', 'docx')], join(dir, 'docx'), 'sheets-2025-Q3.ru.docx.zip');
    const size = (r: Run) => `${(r.bytes / 1e6).toFixed(1)} MB file`;
    return [
      { name: '10,000 pre-filled sheets into one PDF (CLI call), time', ours: s(pdf.seconds), target: '< 10 s', pass: pdf.seconds < 10, note: size(pdf) },
      { name: '10,000 pre-filled sheets into one PDF (CLI call), peak RSS', ours: mb(pdf.rssMb), target: '< 500 MB', pass: pdf.rssMb < 500 },
      {
        name: 'peak RSS, 1,000 / 10,000 / 40,000 sheets, old generation held to 32 MB (memory does not grow with the roster)', ours: `${mb(small.rssMb)} / ${mb(capped.rssMb)} / ${mb(large.rssMb)}`,
        target: 'all complete; < 1.5x for 40x the sheets', pass: large.rssMb < 1.5 * small.rssMb,
        note: `the 40,000 sheets (a ${size(large)}) are written within a 32 MB old generation; without the limit the collector lets the heap grow while it has room (${mb(pdf.rssMb)} for 10,000 above)`,
      },
      { name: '10,000 fillable sheets into one PDF (CLI call), time', ours: s(fillable.seconds), target: '< 10 s', pass: fillable.seconds < 10, note: `${size(fillable)}, peak RSS ${mb(fillable.rssMb)}` },
      { name: '10,000 pre-filled sheets, one DOCX each, in a ZIP (CLI call), time', ours: s(docx.seconds), target: '< 20 s', pass: docx.seconds < 20, note: `${size(docx)}, peak RSS ${mb(docx.rssMb)}` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
