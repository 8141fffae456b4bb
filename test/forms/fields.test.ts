// The fillable sheet's scripts, run here as a PDF viewer runs them (the Acrobat JavaScript event
// model: event.change, event.value, event.rc; this.getField), so what they accept and compute is
// tested without a viewer.
import { describe, expect, it } from 'vitest';
import { averageScript, DATE_KEYSTROKE, keystrokeScript, type ScoreRule, validateScript } from '../../src/forms/pdf/fields.js';

const RULE: ScoreRule = { min: 0, max: 5, decimals: 2, averageDecimals: 2, rounding: 'half-up' };

interface Event {
  willCommit?: boolean;
  value: string;
  change?: string;
  selStart?: number;
  selEnd?: number;
  rc: boolean;
  target?: { name: string };
}

function run(script: string, event: Event, fields: Record<string, string> = {}): { event: Event; alerts: string[] } {
  const alerts: string[] = [];
  const doc = { getField: (name: string) => ({ valueAsString: fields[name] ?? '' }) };
  new Function('event', 'app', script).call(doc, event, { alert: (m: string) => alerts.push(m) });
  return { event, alerts };
}

/** Types `typed` after `value` (the cursor at its end): is the keystroke accepted? */
const accepts = (value: string, typed: string, script = keystrokeScript(RULE)) =>
  run(script, { willCommit: false, value, change: typed, selStart: value.length, selEnd: value.length, rc: true }).event.rc;

describe('score fields', () => {
  it('accept digits and one decimal comma or point, two decimals at most', () => {
    expect(accepts('', '4')).toBe(true);
    expect(accepts('4', ',')).toBe(true);
    expect(accepts('4,', '5')).toBe(true);
    expect(accepts('4.5', '0')).toBe(true);
    expect(accepts('4,50', '1')).toBe(false);
    expect(accepts('4', 'a')).toBe(false);
    expect(accepts('4,', ',')).toBe(false);
    expect(accepts('', '-')).toBe(false);
  });

  it('when left, keep a score of the scale and refuse anything else with the message', () => {
    const validate = validateScript(RULE, 'Оценка должна быть числом от 0 до 5 баллов.');
    for (const ok of ['0', '5', '5,00', '3,99', '4.5', '']) expect(run(validate, { value: ok, rc: true }).event.rc, ok).toBe(true);
    for (const bad of ['5,01', '6', '10', ',5', '4,']) {
      const r = run(validate, { value: bad, rc: true });
      expect(r.event.rc, bad).toBe(false);
      expect(r.alerts).toEqual(['Оценка должна быть числом от 0 до 5 баллов.']);
    }
    // The value stays as typed: no format action rewrites it.
    const kept = run(validate, { value: '4,5', rc: true });
    expect(kept.event.value).toBe('4,5');
  });

  it('whole scores only when the act allows no decimals', () => {
    const whole = { ...RULE, decimals: 0 };
    expect(accepts('4', ',', keystrokeScript(whole))).toBe(false);
    expect(run(validateScript(whole, 'x'), { value: '4', rc: true }).event.rc).toBe(true);
  });
});

describe('the average field', () => {
  const scores = (...v: string[]) => Object.fromEntries(v.map((s, i) => [`s7.score${i + 1}`, s]));
  const average = (rule: ScoreRule, ...v: string[]) =>
    run(averageScript(v.length, rule), { value: '', rc: true, target: { name: 's7.average' } }, scores(...v)).event.value;

  it('the mean of the sheet\'s scores with two decimals and the decimal comma', () => {
    expect(average(RULE, '5', '4', '5', '4', '4')).toBe('4,40');
    expect(average(RULE, '4,5', '3', '2', '1', '0')).toBe('2,10');
    expect(average(RULE, '5', '5', '5', '5', '5')).toBe('5,00');
  });

  it('rounded as the act rounds, at a tie (four scores make one: 15,98 / 4 = 3,995)', () => {
    expect(average(RULE, '4', '4', '4', '3,98')).toBe('4,00');
    expect(average({ ...RULE, rounding: 'down' }, '4', '4', '4', '3,98')).toBe('3,99');
    expect(average({ ...RULE, rounding: 'half-down' }, '4', '4', '4', '3,98')).toBe('3,99');
    expect(average({ ...RULE, rounding: 'half-even' }, '4', '4', '4', '3,98')).toBe('4,00');
    expect(average({ ...RULE, rounding: 'half-even' }, '4', '4', '3,97', '3,97')).toBe('3,98');
    expect(average({ ...RULE, rounding: 'up' }, '3', '3', '3', '2,97')).toBe('3,00');
    expect(average(RULE, '3', '3', '3', '2,96')).toBe('2,99');
    expect(average({ ...RULE, averageDecimals: 1 }, '4', '4', '4', '3,8')).toBe('4,0');
  });

  it('stays empty until every score is given', () => {
    expect(average(RULE, '5', '4', '', '4', '4')).toBe('');
    expect(average(RULE, '5', '4', 'x', '4', '4')).toBe('');
  });
});

describe('the date field', () => {
  it('takes digits and points', () => {
    expect(accepts('14', '.', DATE_KEYSTROKE)).toBe(true);
    expect(accepts('14.10.', '2', DATE_KEYSTROKE)).toBe(true);
    expect(accepts('14', '/', DATE_KEYSTROKE)).toBe(false);
  });
});
