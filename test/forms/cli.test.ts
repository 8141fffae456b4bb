// metodika forms as an HR officer runs it: blank sheets, a roster's pre-filled sheets (bad rows
// and all), fillable sheets, and sheets filled from the scoring's results, read back with pdf.js
// and jszip.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as score } from '../../src/cli/score.js';
import { resolveFile } from '../../src/resolve/index.js';
import { footerText } from '../../src/render/footer.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { compileScoring, pointLabels } from '../../src/scoring/compile.js';
import { fixtureDir, tempDir } from '../helpers.js';
import { pdfPages } from '../render/helpers.js';
import { cp1251, forms, HEAD, HEADER, MANGISTAU, readPdf, row, TYPICAL, ZHANAKORGAN } from './helpers.js';

const withoutFooter = (pages: string[], lang: 'ru' | 'kk', total: number, first = 1) =>
  pages.map((p, i) => {
    const footer = footerText(lang, first + i, total);
    expect(p.endsWith(footer), `page ${i + 1} ends with "${footer}"`).toBe(true);
    return p.slice(0, -footer.length).trim();
  });

describe('blank sheets', () => {
  it('print the act\'s appendix, on its own pages: the same text as in the act\'s PDF', async () => {
    const out = tempDir();
    const r = await forms(MANGISTAU, '--blank', '--form', 'managerial', '--format', 'pdf,docx', '--lang', 'ru', '--out', out);
    expect(r.code, r.err).toBe(0);
    const pdfPath = join(out, 'mangistau-district-2025.managerial.ru.pdf');
    expect(r.out).toContain(`wrote ${pdfPath}`);
    const sheet = await readPdf(pdfPath);
    expect(sheet.title).toBe('Оценочный лист лица, занимающего руководящую должность');
    expect(sheet.lang).toBe('ru-RU');
    expect(sheet.outline).toEqual([]);
    expect(sheet.fields.size).toBe(0);

    const { act } = await resolveFile(MANGISTAU);
    const actPages = (await pdfPages(await renderPdf(act!.tree('ru').tree))).map((p) => p.replace(/\s+/g, ' ').trim());
    const from = actPages.findIndex((p) => p.startsWith('Приложение 1 к'));
    const to = actPages.findIndex((p) => p.startsWith('Приложение 2 к'));
    const inAct = withoutFooter(actPages.slice(from, to), 'ru', actPages.length, from + 1);
    expect(withoutFooter(sheet.pages, 'ru', sheet.pages.length)).toEqual(inAct);

    const docx = await JSZip.loadAsync(readFileSync(join(out, 'mangistau-district-2025.managerial.ru.docx')));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('Оценочный лист лица, занимающего руководящую должность');
    expect(xml).not.toContain('Оценочный лист лица, занимающего не руководящую должность');
  });

  it('name a sheet by its key, its appendix id or number; every sheet without --form', async () => {
    const out = tempDir();
    expect((await forms(MANGISTAU, '--blank', '--form', '2', '--out', out)).code).toBe(0);
    expect((await forms(MANGISTAU, '--blank', '--form', 'managerial-sheet', '--out', out)).code).toBe(0);
    expect(existsSync(join(out, 'mangistau-district-2025.non-managerial.ru.pdf'))).toBe(true);
    expect(existsSync(join(out, 'mangistau-district-2025.managerial.ru.pdf'))).toBe(true);
    const all = tempDir();
    const r = await forms(ZHANAKORGAN, '--blank', '--out', all);
    expect(r.code, r.err).toBe(0);
    const kk = await readPdf(join(all, 'zhanakorgan-district-2025.non-managerial.kk.pdf'));
    expect(kk.pages[0]).toContain('Басшы лауазымды атқармайтын адамның бағалау парағы');
    expect(kk.lang).toBe('kk-KZ');
    const bad = await forms(MANGISTAU, '--blank', '--form', 'director', '--out', tempDir());
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/no sheet "director" in the act; its sheets: managerial \(appendix 1, managerial-sheet\), non-managerial \(appendix 2/);
  });

  it('refuse a language the sheet lacks', async () => {
    const r = await forms(MANGISTAU, '--blank', '--lang', 'kk', '--out', tempDir());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/managerial, non-managerial sheet has no kk text in places/);
  });

  it('fillable: a field per score, comment, the average and the date', async () => {
    const out = tempDir();
    expect((await forms(MANGISTAU, '--blank', '--form', 'non-managerial', '--fillable', '--out', out)).code).toBe(0);
    const pdf = await readPdf(join(out, 'mangistau-district-2025.non-managerial.fillable.ru.pdf'));
    const names = [...pdf.fields.keys()];
    expect(names).toEqual([
      's1.score1', 's1.comment1', 's1.score2', 's1.comment2', 's1.score3', 's1.comment3', 's1.score4', 's1.comment4',
      's1.score5', 's1.comment5', 's1.average', 's1.date',
    ]);
    const s1 = pdf.fields.get('s1.score1')!;
    expect(s1).toMatchObject({ maxLen: 4, multiLine: false, readOnly: false, actions: ['Keystroke', 'Validate'] });
    expect(s1.tip).toBe('Оценка (от 0* до 5 баллов): 1. Качество выполнения функциональных обязанностей');
    expect(pdf.fields.get('s1.comment3')).toMatchObject({ multiLine: true, actions: [] });
    expect(pdf.fields.get('s1.average')).toMatchObject({ readOnly: true, actions: ['Calculate'] });
    expect(pdf.fields.get('s1.date')).toMatchObject({ maxLen: 10, actions: ['Keystroke'] });
    // A score field sits in the score column of its row, the comment field beside it, the same height or taller.
    const c1 = pdf.fields.get('s1.comment1')!;
    expect(s1.page).toBe(c1.page);
    expect(s1.rect[2]).toBeLessThanOrEqual(c1.rect[0] + 1);
    expect(s1.rect[3]).toBeCloseTo(c1.rect[3], 0);
    expect(c1.rect[3] - c1.rect[1]).toBeGreaterThan(s1.rect[3] - s1.rect[1]);
    // The sheet's text is unchanged: nothing is drawn where the fields are.
    expect(pdf.pages.join(' ')).not.toMatch(/[\ue000-\ue0ff]/);
  });
});

describe('a roster', () => {
  const roster = [
    HEADER,
    row('001', 'Ахметов Ерлан Серикович', 'E-2', { managerial: 'да', evaluator: 'Махмутов Е., председатель районного маслихата', position: 'руководитель аппарата' }),
    row('002', 'Иванова Анна Петровна'),
    row('003', 'Жумабаев Нурлан Маратович', 'E-4', { appointed: '2025-09-10' }),
    row('004', ''),
    row('005', 'Петров Пётр Петрович', 'Z-9'),
    row('002', 'Иванова Анна Петровна'),
    row('006', 'Қасымова Әйгерім Ұлықбекқызы', 'E-4', { days: '10' }),
    '007,Сидоров Семён',
    row('008', 'Ким Ольга Викторовна', 'e-3', { position: 'ведущий специалист отдела "А & Б"' }),
  ].join('\n');

  let out: string;
  let ran: Awaited<ReturnType<typeof forms>>;
  beforeAll(async () => {
    out = tempDir();
    const dir = fixtureDir({ 'staff.csv': roster });
    ran = await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--format', 'pdf,docx', '--out', out);
  });

  it('counts add up: read = printed + not evaluated + rejected; exit 3 when rows are rejected', () => {
    expect(ran.code).toBe(3);
    expect(ran.out).toMatch(/staff\.csv: read 9 \(utf-8\), printed 3 \(managerial 1, non-managerial 2, \d+ pages\), not evaluated 2, rejected 4/);
    expect(ran.err).toMatch(/4 row\(s\) rejected, see .*rejects-2025-Q3\.csv/);
  });

  it('rejects the rows that cannot be used, each with its line and why', () => {
    const rejects = readFileSync(join(out, 'rejects-2025-Q3.csv'), 'utf8').trim().split('\n');
    expect(rejects).toEqual([
      'line,person,name,fields,error',
      '5,004,,name,the name is empty',
      expect.stringMatching(/^6,005,Петров Пётр Петрович,category,"unknown category ""Z-9"" \(not among the configuration's \d+ category codes\)"$/),
      '7,002,Иванова Анна Петровна,person,a second row for 002 (first on line 3)',
      '9,007,Сидоров Семён,row,"2 cells, the header has 9 columns"',
    ]);
    expect(ran.err).toMatch(/staff\.csv:6: category: unknown category "Z-9"/);
  });

  it('lists the persons not evaluated under the act\'s eligibility rule, and prints no sheet for them', async () => {
    const listed = readFileSync(join(out, 'not-evaluated-2025-Q3.csv'), 'utf8').trim().split('\n');
    expect(listed[0]).toBe('line,person,name,position,reason');
    expect(listed[1]).toMatch(/^4,003,Жумабаев Нурлан Маратович,главный специалист,"less than 1 month in the position within 2025-Q3/);
    expect(listed[2]).toMatch(/^8,006,Қасымова Әйгерім Ұлықбекқызы,главный специалист,"10 working days actually worked in 2025-Q3, fewer than 15"$/);
    const pdf = await readPdf(join(out, 'sheets-2025-Q3.ru.pdf'));
    expect(pdf.pages.join(' ')).not.toContain('Жумабаев');
  });

  it('one PDF: each sheet from a new page, a bookmark per person, the routing\'s sheet and evaluator', async () => {
    const pdf = await readPdf(join(out, 'sheets-2025-Q3.ru.pdf'));
    expect(pdf.title).toBe('Оценочные листы, III квартал 2025 года');
    expect(pdf.outline).toEqual([
      'Ахметов Ерлан Серикович, руководитель аппарата',
      'Иванова Анна Петровна, главный специалист',
      'Ким Ольга Викторовна, ведущий специалист отдела "А & Б"',
    ]);
    const starts = pdf.pages.flatMap((p, i) => (p.startsWith('Приложение') ? [i] : []));
    expect(starts).toHaveLength(3);
    const sheet = (k: number) => pdf.pages.slice(starts[k], starts[k + 1]).join(' ');
    // E-2, the head of the apparatus: the managerial sheet, evaluated by the direct superior (the evaluator column).
    expect(sheet(0)).toMatch(/^Приложение 1 к Методике .* Оценочный лист лица, занимающего руководящую должность/);
    expect(sheet(0)).toContain('Ахметов Ерлан Серикович, руководитель аппарата, государственное учреждение "Аппарат Мангистауского районного маслихата"');
    expect(sheet(0)).toContain('(оцениваемый период) III квартал 2025 года');
    expect(sheet(0)).toContain('Махмутов Е., председатель районного маслихата');
    // Everyone else: the non-managerial sheet, evaluated by the head of apparatus (its own column).
    expect(sheet(1)).toMatch(/^Приложение 2 к Методике .* Оценочный лист лица, занимающего не руководящую должность/);
    expect(sheet(1)).toContain(HEAD);
    expect(sheet(2)).toContain('Ким Ольга Викторовна, ведущий специалист отдела "А & Б"');
    // Each sheet numbers its own pages.
    expect(pdf.pages[starts[1] - 1]).toMatch(new RegExp(`Страница ${starts[1]} из ${starts[1]}$`));
  });

  it('one DOCX per person in a ZIP, named by number and name', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'sheets-2025-Q3.ru.docx.zip')));
    const names = Object.keys(zip.files);
    expect(names).toEqual(['0001 Ахметов Ерлан Серикович.docx', '0002 Иванова Анна Петровна.docx', '0003 Ким Ольга Викторовна.docx']);
    const docx = await JSZip.loadAsync(await zip.file(names[2])!.async('uint8array'));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('Ким Ольга Викторовна, ведущий специалист отдела &quot;А &amp; Б&quot;, государственное учреждение');
    expect(xml).toContain('III квартал 2025 года');
    expect(xml).toContain(HEAD);
    expect(xml).toContain('Оценочный лист лица, занимающего не руководящую должность');
    expect(xml).not.toMatch(/[\ue000-\ue0ff]/);
  });

  it('never overwrites without --force', async () => {
    const dir = fixtureDir({ 'staff.csv': [HEADER, row('1', 'Абаев Абай')].join('\n') });
    const o = tempDir();
    expect((await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--out', o)).code).toBe(0);
    const pdf = join(o, 'sheets-2025-Q3.ru.pdf');
    const before = statSync(pdf).mtimeMs;
    const again = await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--out', o);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/sheets-2025-Q3\.ru\.pdf, .*rejects-2025-Q3\.csv exist; give --force to overwrite/);
    expect(statSync(pdf).mtimeMs).toBe(before);
    expect((await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--out', o, '--force')).code).toBe(0);
  });
});

describe('a roster as spreadsheets save it', () => {
  const text = [HEADER, row('1', 'Ёлкина Светлана Юрьевна'), row('2', 'Щербаков Илья')].join('\r\n');
  const byEncoding: Array<[string, Buffer, string]> = [
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8 with a byte order mark'],
    ['CP1251', cp1251(text), 'windows-1251'],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le with a byte order mark'],
  ];
  it.each(byEncoding)('%s', async (_, bytes, encoding) => {
    const dir = fixtureDir({ 'staff.csv': bytes });
    const o = tempDir();
    const r = await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--out', o);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`read 2 (${encoding}), printed 2`);
    if (encoding === 'windows-1251') expect(r.err).toMatch(/staff\.csv: not UTF-8; read as Windows-1251 \(CP1251\)/);
    const pdf = await readPdf(join(o, 'sheets-2025-Q3.ru.pdf'));
    expect(pdf.outline).toEqual(['Ёлкина Светлана Юрьевна, главный специалист', 'Щербаков Илья, главный специалист']);
  });

  it('a header without a required column: nothing is produced, the column is named', async () => {
    const dir = fixtureDir({ 'staff.csv': 'person,name,position,managerial\n1,Абаев Абай,специалист,нет\n' });
    const o = tempDir();
    const r = await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--out', o);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 1: the header has no "category" column \(columns: person, name, position, managerial\)/);
    expect(existsSync(join(o, 'sheets-2025-Q3.ru.pdf'))).toBe(false);
    expect(existsSync(join(o, 'rejects-2025-Q3.csv'))).toBe(false);
  });

  it('Russian headings; the evaluator\'s column named by the routing; rows of empty cells skipped', async () => {
    const csv = [
      'ФИО;Должность;Категория;Руководящая;Орган;head-of-apparatus;Примечание',
      'Абаев Абай;специалист;E-5;нет;аппарат маслихата;Сериков Б.;x',
      ';;;;;;',
      'Бекова Бота;специалист;E-5;нет;аппарат маслихата;;',
    ].join('\n');
    const dir = fixtureDir({ 'staff.csv': csv });
    const o = tempDir();
    const r = await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--out', o);
    expect(r.code).toBe(3);
    expect(r.out).toContain('read 2 (utf-8), printed 1');
    expect(r.err).toMatch(/warning: .*staff\.csv: column\(s\) not used: Примечание/);
    expect(readFileSync(join(o, 'rejects-2025-Q3.csv'), 'utf8')).toMatch(/^4,,Бекова Бота,evaluator,"evaluated by the head-of-apparatus \(routing rule others\), and neither a ""head-of-apparatus"" nor an ""evaluator"" cell gives one"$/m);
    const pdf = await readPdf(join(o, 'sheets-2025-Q3.ru.pdf'));
    expect(pdf.pages.join(' ')).toContain('Абаев Абай, специалист, аппарат маслихата');
    // Days worked not given: counted from the working-day calendar (no absence assumed).
    expect(pdf.pages.join(' ')).toContain('Сериков Б.');
  });

  it('a Kazakh act: Kazakh period, letters, labels', async () => {
    const csv = ['name,position,category,managerial,evaluator', 'Әлиева Гүлнұр Қайратқызы,бас маман,E-4,жоқ,"Сейітов Ұ., аппарат басшысы"'].join('\n');
    const dir = fixtureDir({ 'staff.csv': csv });
    const o = tempDir();
    const r = await forms(ZHANAKORGAN, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q4', '--out', o);
    expect(r.code, r.err).toBe(0);
    const pdf = await readPdf(join(o, 'sheets-2025-Q4.kk.pdf'));
    const text = pdf.pages.join(' ');
    expect(pdf.title).toBe('Бағалау парақтары, 2025 жылғы IV тоқсан');
    expect(text).toContain('Әлиева Гүлнұр Қайратқызы, бас маман, Жаңақорған ауданы мәслихатының аппараты');
    expect(text).toContain('(Бағаланатын кезең) 2025 жылғы IV тоқсан');
    expect(text).toContain('Сейітов Ұ., аппарат басшысы');
  });

  it('a name the PDF font cannot print rejects its row, with the character', async () => {
    const dir = fixtureDir({ 'staff.csv': [HEADER, row('1', 'Ли 李 Вэй'), row('2', 'Абаев Абай')].join('\n') });
    const o = tempDir();
    const r = await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--out', o);
    expect(r.code).toBe(3);
    expect(readFileSync(join(o, 'rejects-2025-Q3.csv'), 'utf8')).toMatch(/^2,1,Ли 李 Вэй,person,"the PDF font has no glyph for ""李"" \(U\+674E\): ""Ли 李 Вэй, главный специалист, /m);
  });

  it('usage errors: exit 2', async () => {
    expect((await forms(MANGISTAU, '--roster', 'x.csv')).code).toBe(2);
    expect((await forms(MANGISTAU, '--roster', 'x.csv', '--period', '2025-Q3', '--results', 'r.json')).code).toBe(2);
    expect((await forms(MANGISTAU, '--blank', '--fillable', '--format', 'docx')).code).toBe(2);
    expect((await forms(MANGISTAU, '--blank', '--period', '2025-Q3')).code).toBe(2);
    expect((await forms(MANGISTAU)).code).toBe(2);
    const r = await forms(MANGISTAU, '--roster', 'x.csv', '--period', '2025');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the act evaluates by quarter/);
    expect((await forms(MANGISTAU, '--roster', '/nonexistent/staff.csv', '--period', '2025-Q3', '--out', tempDir())).err).toMatch(/\/nonexistent\/staff\.csv: no such file/);
  });
});

describe('sheets filled from the results of metodika score', () => {
  let out: string;
  let ran: Awaited<ReturnType<typeof forms>>;
  beforeAll(async () => {
    const { act } = await resolveFile(MANGISTAU);
    const { config } = compileScoring(act!.source.scoring!, { actId: act!.id, points: pointLabels(act!.source) });
    const records = [
      'person,period,category,managerial,supervised-quality,supervised-deadlines,leadership,discipline,no-sanctions,nm-quality,nm-deadlines,nm-initiative,nm-discipline,nm-no-sanctions,days_worked,sanctions',
      '001,2025-Q3,E-2,true,5,4.5,5,5,5,,,,,,60,',
      '002,2025-Q3,E-4,false,,,,,,4,3.5,4,5,3,60,remark',
      '003,2025-Q3,E-4,false,,,,,,5,5,5,5,5,10,',
      '005,2025-Q3,E-4,false,,,,,,3,3,3,3,3,60,',
    ].join('\n');
    const staff = [HEADER, row('001', 'Ахметов Ерлан Серикович', 'E-2', { evaluator: 'Махмутов Е.' }), row('002', 'Иванова Анна Петровна'), row('003', 'Жумабаев Нурлан'), row('004', 'Оспанов Олжас')].join('\n');
    const dir = fixtureDir({ 'scoring.json': JSON.stringify(config), 'records.csv': records, 'staff.csv': staff });
    expect(await score(['--config', join(dir, 'scoring.json'), '--input', join(dir, 'records.csv'), '--out', join(dir, 'score'), '--quiet'])).toBe(0);
    out = tempDir();
    ran = await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--results', join(dir, 'score', 'results.json'), '--scores', join(dir, 'records.csv'), '--format', 'pdf,docx', '--out', out);
  });

  it('prints the evaluated, lists the not evaluated, rejects a person without a result', () => {
    expect(ran.code).toBe(3);
    expect(ran.out).toMatch(/read 4 \(utf-8\), printed 2 \(managerial 1, non-managerial 1, \d+ pages\), not evaluated 1, rejected 1/);
    expect(readFileSync(join(out, 'rejects-2025-Q3.csv'), 'utf8')).toMatch(/^5,004,Оспанов Олжас,results,no result for 004 in 2025-Q3 in .*results\.json$/m);
    expect(readFileSync(join(out, 'not-evaluated-2025-Q3.csv'), 'utf8')).toMatch(/^4,003,Жумабаев Нурлан,главный специалист,"10 working days/m);
    expect(ran.err).toMatch(/results\.json: 1 result\(s\) for 2025-Q3 have no row in the roster/);
  });

  it('the scores as entered, the average final score with the decimal comma, the cap that lowered it', async () => {
    const pdf = await readPdf(join(out, 'sheets-2025-Q3.ru.pdf'));
    const starts = pdf.pages.flatMap((p, i) => (p.startsWith('Приложение') ? [i] : []));
    const first = pdf.pages.slice(0, starts[1]).join(' ');
    const second = pdf.pages.slice(starts[1]).join(' ');
    expect(first).toMatch(/1\. Обеспечение качественного выполнения задач .*? 5 Учитывается/);
    expect(first).toMatch(/2\. Обеспечение соблюдения сроков .*? 4,5 Учитывается/);
    expect(first).toMatch(/Средняя итоговая оценка 4,90/);
    expect(second).toMatch(/5\. Отсутствие дисциплинарных взысканий 3 Учитывается/);
    expect(second).toMatch(/Средняя итоговая оценка 2,99 снижена до 2,99 в связи с дисциплинарным взысканием/);
  });

  it('the result marked: the grade\'s wording underlined among the options', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'sheets-2025-Q3.ru.docx.zip')));
    const docs = await Promise.all(Object.values(zip.files).map(async (f) => (await JSZip.loadAsync(await f.async('uint8array'))).file('word/document.xml')!.async('string')));
    const underlined = (xml: string) => [...xml.matchAll(/<w:r><w:rPr><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g)].map((m) => m[1]);
    expect(underlined(docs[0])).toEqual(['выполняет функциональные обязанности эффективно']);
    expect(underlined(docs[1])).toEqual(['выполняет функциональные обязанности удовлетворительно']);
    expect(docs[1]).toContain('(выполняет функциональные обязанности эффективно, выполняет функциональные обязанности надлежащим образом, </w:t>');
  });

  it('refuses with one line a scores file it cannot read (no format, not text), instead of failing inside', async () => {
    const dir = fixtureDir({ 'staff.csv': HEADER, 'scores.yaml': 'x', 'scores.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
    const args = (scores: string) => [MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--results', join(dir, 'scores.csv'), '--scores', join(dir, scores), '--out', tempDir()];
    let r = await forms(...args('scores.yaml'));
    expect([r.code, r.err]).toEqual([1, `metodika forms: ${join(dir, 'scores.csv')} is not a text file (it holds NUL bytes or control characters); export it from the spreadsheet as CSV`]);
    r = await forms(...[MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--results', join(dir, 'staff.csv'), '--scores', join(dir, 'scores.yaml'), '--out', tempDir()]);
    // A roster is no file of results: the message names the file the line is in.
    expect([r.code, r.err]).toEqual([1, `metodika forms: ${join(dir, 'staff.csv')}: line 1: the header has no "period" column`]);
    writeFileSync(join(dir, 'results.json'), '[]');
    r = await forms(...[MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--results', join(dir, 'results.json'), '--scores', join(dir, 'scores.yaml'), '--out', tempDir()]);
    expect([r.code, r.err]).toEqual([1, `metodika forms: ${join(dir, 'scores.yaml')}: cannot tell the format (use .json, .jsonl or .csv)`]);
  });

  it('--results needs the scores too', async () => {
    const r = await forms(MANGISTAU, '--roster', 'x.csv', '--period', '2025-Q3', '--results', 'r.json', '--fillable', '--scores', 's.csv');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--fillable is for sheets still to fill/);
  });
});

describe('the typical act', () => {
  it('routes C-1 by the position inside the category, and says which column decides', async () => {
    const csv = [
      'name,position,category,position_kind,body,direct-superior,head-of-unit-or-body',
      'Абаев Абай,директор департамента,C-1,department-director,Агентство,Министр,Руководитель',
      'Бекова Бота,главный эксперт,C-1,,Агентство,Директор,Руководитель',
    ].join('\n');
    const dir = fixtureDir({ 'staff.csv': csv });
    const o = tempDir();
    const r = await forms(TYPICAL, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q1', '--out', o);
    expect(r.code).toBe(3);
    expect(readFileSync(join(o, 'rejects-2025-Q1.csv'), 'utf8')).toMatch(/^3,,Бекова Бота,position_kind,.*give the position_kind column/m);
    const pdf = await readPdf(join(o, 'sheets-2025-Q1.ru.pdf'));
    expect(pdf.pages.join(' ')).toMatch(/Оценочный лист лица, занимающего руководящую должность .*Абаев Абай, директор департамента, Агентство .*Министр/);
  });
});

