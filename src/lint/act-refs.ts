// The acts an act's file names, each with its date and number: itself, the act it amends or
// restates, the acts it repeals, the acts that amended it, the act that first approved the
// methodology, and the base act's own enacting act (the order a local act is made under).
import type { LintContext } from './context.js';

export interface KnownAct {
  date: string;
  number: string;
  /** Where the file names it, for messages: "this act", "act.amends". */
  what: string;
  registration?: string;
}

export function knownActs(ctx: LintContext): KnownAct[] {
  const a = ctx.source.act;
  const out: KnownAct[] = [{ date: a.date, number: a.number, what: 'this act', registration: a.registration?.number }];
  if (a.amends) out.push({ date: a.amends.date, number: a.amends.number, what: 'act.amends', registration: a.amends.registration });
  (a.repeals ?? []).forEach((r, i) => out.push({ date: r.date, number: r.number, what: `act.repeals[${i}]`, registration: r.registration }));
  (a['amended-by'] ?? []).forEach((r, i) => out.push({ date: r.date, number: r.number, what: `act.amended-by[${i}]`, registration: r.registration }));
  const approved = ctx.source.approval?.approved;
  if (approved && approved !== true) out.push({ date: approved.date, number: approved.number, what: 'approval.approved' });
  const base = ctx.act.base?.source.act;
  if (base) out.push({ date: base.date, number: base.number, what: `the base act's ${base.kind}` });
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2018-03-27" -> "27 March 2018". */
export function showDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]}${y ? ` ${y}` : ''}`;
}
