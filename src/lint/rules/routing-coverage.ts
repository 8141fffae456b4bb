/**
 * @rule routing-coverage
 * `scoring.routing` can route everyone the act speaks of: every rule uses a sheet of
 * `scoring.sheets` and names only categories of the register; no rule stands after an `otherwise`
 * rule (it could never match); and every category the methodology names is routed, by a rule that
 * lists it or by an `otherwise` rule. A category listed only for some positions (`only: [...]`),
 * with no rule for its other positions and no `otherwise`, is a warning.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok routing-coverage-not-ok.yaml
 *   point 3 names D-1 and D-3; the rules list E-2, D-3 (only head-of-unit) and D-9, use the sheet "executive", and none is otherwise
 *   7:16  error  sub-point 3) of point 3: the act names the category D-1, but no rule of scoring.routing routes it
 *   7:16  warning  sub-point 3) of point 3: scoring.routing routes D-3 only for head-of-unit; no rule routes its other positions
 *   9:17  error  scoring.routing "listed-heads" names "D-9", which is not a category of the register of positions
 *   10:12  error  scoring.routing "listed-heads" uses the sheet "executive", which scoring.sheets does not have
 * @not-ok routing-order-not-ok.yaml
 *   a rule inserted after the otherwise rule
 *   8:7  warning  scoring.routing "late-heads" stands after the otherwise rule "others" and can never match
 */
import { codeOf, codesIn, knownCodes } from '../categories.js';
import type { Rule } from '../types.js';

export const routingCoverage: Rule = {
  id: 'routing-coverage',
  severity: 'error',
  check(ctx, report) {
    const routing = ctx.source.scoring?.routing ?? [];
    if (!routing.length) return;
    const sheets = ctx.source.scoring?.sheets ?? {};
    const known = knownCodes(ctx.source);
    routing.forEach((route, i) => {
      const rule = `scoring.routing "${route.route}"`;
      if (!sheets[route.sheet]) report(`${rule} uses the sheet "${route.sheet}", which scoring.sheets does not have`, ctx.place(route, 'sheet'));
      for (const c of route.categories ?? []) if (!known.has(codeOf(c))) report(`${rule} names "${codeOf(c)}", which is not a category of the register of positions`, ctx.place(route, 'categories'));
      const before = routing.slice(0, i).find((r) => r.otherwise);
      if (before) report(`${rule} stands after the otherwise rule "${before.route}" and can never match`, ctx.place(route), 'warning');
    });
    const otherwise = routing.some((r) => r.otherwise);
    const seen = new Set<string>();
    for (const para of ctx.all()) {
      if (para.scope !== 'methodology') continue;
      for (const { code } of codesIn(para.text)) {
        if (seen.has(code) || !known.has(code)) continue;
        seen.add(code);
        const refs = routing.flatMap((r) => (r.categories ?? []).filter((c) => codeOf(c) === code));
        if (!refs.length && !otherwise) report(`${para.label}: the act names the category ${code}, but no rule of scoring.routing routes it`, para);
        const partial = refs.length && refs.every((c) => typeof c !== 'string' && c.only);
        if (partial && !otherwise) {
          const only = refs.flatMap((c) => (typeof c === 'string' ? [] : (c.only ?? [])));
          report(`${para.label}: scoring.routing routes ${code} only for ${only.join(', ')}; no rule routes its other positions`, para, 'warning');
        }
      }
    }
  },
};
