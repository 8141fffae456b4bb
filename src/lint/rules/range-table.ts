/**
 * @rule range-table
 * Every table of ranges covers its whole domain at its precision, with no gap and no overlap: the
 * grade bands of `scoring.grades` (at `scoring.decimals`, over `scoring.scale`), the range tables
 * of `scoring.settings.tables` and `scoring.settings.engine.tables` (the engine's shape: `resolution`,
 * optional `domain`, rows of `min` / `max` / `min-exclusive` / `max-exclusive`), and every table
 * the act prints whose first column reads as ranges ("95-99,99", "от 81 до 105 (включительно)",
 * "100 и выше", "менее 80"), read at the precision it prints unless `settings.tables.<its id>` gives
 * a `resolution` and `domain` for it. A second column of ranges ("4,75-4,99") is checked too.
 *
 * @ok range-table-ok.yaml
 *   the same tables with "40-44,99", "от 80 до 105", "от 3 до 3,99", "от 4 до 4,99"
 * @not-ok range-table-not-ok.yaml
 *   001's appendices 4 and 5 as printed ("40-44,49"); 003's scales ("менее 80" / "от 81"; "от 3 до 3,9" / "от 4 до 4,9" / "5" at 0,01); overlapping grade bands
 *   34:15  error  appendix 1, table "kci-execution-rows": 44,50 to 44,99 fall in no row, between "40-44,49" and "45-49,99"
 *   62:15  error  appendix 2, table "kci-other-rows": 44,50 to 44,99 fall in no row, between "40-44,49" and "45-49,99"
 *   76:7  error  the grade bands (scoring.grades): rows "satisfactory 3-4" and "effective 4-5" overlap (from 4,00)
 *   86:13  error  table "sjc-quarterly" (scoring.settings.tables): 80 falls in no row, between "менее 80 баллов" and "от 81 до 105 (включительно) баллов"
 *   95:13  error  table "sjc-annual" (scoring.settings.tables): 3,91 to 3,99 fall in no row, between "от 3 до 3,9 (включительно) балла" and "от 4 до 4,9 (включительно) баллов"
 *   96:13  error  table "sjc-annual" (scoring.settings.tables): 4,91 to 4,99 fall in no row, between "от 4 до 4,9 (включительно) баллов" and "5 баллов"
 */
import { checkTable, rowText } from '../../engine/tables.js';
import { comma, rangeTables } from '../range-tables.js';
import type { Rule } from '../types.js';

export const rangeTable: Rule = {
  id: 'range-table',
  severity: 'error',
  check(ctx, report) {
    for (const c of rangeTables(ctx)) {
      const { diagnostics, gaps } = checkTable(c.id, c.table);
      const rowAt = (text: string | undefined) => c.at(Math.max(0, c.table.rows.findIndex((r) => rowText(r) === text)));
      for (const g of gaps) {
        const span = g.from === g.to ? `${comma(g.from)} falls` : `${comma(g.from)} to ${comma(g.to)} fall`;
        const where = g.after && g.before ? `between ${g.after} and ${g.before}` : g.after ? `above ${g.after}` : `below ${g.before}`;
        report(`${c.label}: ${span} in no row, ${where}`, rowAt(g.after ?? g.before));
      }
      for (const d of diagnostics.filter((x) => x.code !== 'table-gap')) {
        const row = /rows\[(\d+)\]/.exec(d.path)?.[1];
        report(`${c.label}: ${comma(d.message.replace(/^table "[^"]*": /, ''))}`, c.at(row ? Number(row) : 0));
      }
    }
  },
};
