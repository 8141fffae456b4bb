/**
 * @rule approval-stamp
 * The approval stamp names the right act: "Утверждена решением ... от <date> № <number>"
 * (`approval.approved`) is this decision or the one it amends; a methodology restated in new
 * wording stays approved by the decision that first approved it. (The stamp's first line,
 * "Приложение N к решению ... от <date> № <number>", is printed from the act itself; a decision
 * that speaks of another appendix number is reported by reference-target.)
 *
 * @ok approval-stamp-ok.yaml
 *   approved: 27.03.2018 No. 15/165 in a decision that amends that act
 * @not-ok approval-stamp-not-ok.yaml
 *   approved: 27.03.2018 No. 15/166
 *   15:13  error  the stamp says the methodology was approved by the act of 27 March 2018 No. 15/166, which is neither this act (17 October 2025 No. 22/173) nor the act it amends (27 March 2018 No. 15/165)
 */
import { showDate } from '../act-refs.js';
import type { Rule } from '../types.js';

export const approvalStamp: Rule = {
  id: 'approval-stamp',
  severity: 'error',
  check(ctx, report) {
    const { act, approval } = ctx.source;
    const approved = approval?.approved;
    if (approved && approved !== true) {
      const same = (r?: { date: string; number: string }) => !!r && r.date === approved.date && r.number === approved.number;
      if (!same(act) && !same(act.amends)) {
        const amends = act.amends ? ` nor the act it amends (${showDate(act.amends.date)} No. ${act.amends.number})` : '';
        report(`the stamp says the methodology was approved by the act of ${showDate(approved.date)} No. ${approved.number}, which is neither this act (${showDate(act.date)} No. ${act.number})${amends}`, ctx.place(approval!, 'approved'));
      }
    }
  },
};
