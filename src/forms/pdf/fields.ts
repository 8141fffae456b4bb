// The fillable sheet's form fields (PDF 32000-1, 12.7): a text field per score, per comment and
// for the date, the average computed from the scores. The scores are checked as they are typed
// and when a field is left (JavaScript actions, which PDF viewers with forms support run: Acrobat
// Reader, pdf.js, Foxit); nothing reformats what was typed, so what prints is what the evaluator
// entered. The checks follow the act: scores from the scale's minimum to its maximum, at most
// as many decimals as a parameter score may carry, the decimal comma (a point is accepted too);
// the average is rounded to the act's decimals by the act's rounding.
import type { RoundingMode } from '../../engine/config.js';
import { literal, ref } from './objects.js';

export interface ScoreRule {
  min: number;
  max: number;
  /** Decimals a parameter score may carry. */
  decimals: number;
  /** Decimals of the average, and how it is rounded. */
  averageDecimals: number;
  rounding: RoundingMode;
}

/** A JavaScript string literal in ASCII (a PDF literal string carries bytes, not Unicode). */
function js(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A number as typed: digits, then the decimal comma (or point) and at most `decimals` digits. */
const numberPattern = (decimals: number, partial: boolean) =>
  partial ? `^[0-9]*${decimals > 0 ? `([.,][0-9]{0,${decimals}})?` : ''}$` : `^[0-9]+${decimals > 0 ? `([.,][0-9]{1,${decimals}})?` : ''}$`;

export function keystrokeScript(r: ScoreRule): string {
  return `if (!event.willCommit) { var v = event.value.substring(0, event.selStart) + event.change + event.value.substring(event.selEnd); event.rc = /${numberPattern(r.decimals, true)}/.test(v); }`;
}

export function validateScript(r: ScoreRule, message: string): string {
  return [
    'var v = String(event.value);',
    `if (v !== "" && !(/${numberPattern(r.decimals, false)}/.test(v) && parseFloat(v.replace(",", ".")) >= ${r.min} && parseFloat(v.replace(",", ".")) <= ${r.max})) { app.alert(${js(message)}); event.rc = false; }`,
  ].join('\n');
}

/** The mean of the sheet's scores in exact integers (scores times 10^decimals), rounded as the act rounds. */
export function averageScript(count: number, r: ScoreRule): string {
  const up: Record<RoundingMode, string> = {
    down: 'false',
    up: 'rem > 0',
    'half-up': '2 * rem >= den',
    'half-down': '2 * rem > den',
    'half-even': '2 * rem > den || (2 * rem === den && q % 2 === 1)',
  };
  const unit = 10 ** r.decimals;
  const scale = 10 ** r.averageDecimals;
  return [
    `var p = event.target.name.replace(/\\.average$/, ""), s = 0, ok = true;`,
    `for (var i = 1; i <= ${count}; i++) { var v = String(this.getField(p + ".score" + i).valueAsString).replace(",", ".");`,
    `  if (!/${numberPattern(r.decimals, false).replace('[.,]', '\\.')}/.test(v)) ok = false; else s += Math.round(parseFloat(v) * ${unit}); }`,
    `if (ok) { var num = s * ${scale}, den = ${unit} * ${count}, q = Math.floor(num / den), rem = num - q * den;`,
    `  if (${up[r.rounding]}) q++;`,
    r.averageDecimals > 0
      ? `  var f = String(q % ${scale}); while (f.length < ${r.averageDecimals}) f = "0" + f; event.value = Math.floor(q / ${scale}) + "," + f; }`
      : '  event.value = String(q); }',
    'else event.value = "";',
  ].join('\n');
}

export const DATE_KEYSTROKE = 'if (!event.willCommit) event.rc = /^[0-9.]*$/.test(event.change);';

export function jsAction(script: string): string {
  return `<< /Type /Action /S /JavaScript /JS ${literal(script)} >>`;
}

export interface Widget {
  name: string;
  rect: [number, number, number, number];
  /** The tooltip (what the field is for, in the sheet's own words): a string object, shared by every sheet. */
  tip?: number;
  font: string;
  size: number;
  flags?: number;
  maxLen?: number;
  actions?: string;
}

/**
 * A text field merged with its widget annotation, as the parts around its page and its parent
 * field: the same field of every sheet of a shape differs only in those two references.
 */
export function widget(w: Widget): [string, string, string] {
  const rect = w.rect.map((n) => Math.round(n * 100) / 100).join(' ');
  const rest = [
    `/T ${literal(w.name)}`,
    w.tip !== undefined ? `/TU ${ref(w.tip)}` : '',
    `/DA ${literal(`/${w.font} ${w.size} Tf 0 g`)} /Q 0`,
    w.flags ? `/Ff ${w.flags}` : '',
    w.maxLen ? `/MaxLen ${w.maxLen}` : '',
    w.actions ? `/AA ${w.actions}` : '',
    '>>',
  ].filter(Boolean).join(' ');
  return ['<< /Type /Annot /Subtype /Widget /F 4 /P ', ` /Rect [${rect}] /FT /Tx /Parent `, ` ${rest}`];
}

/** Field flags (Table 226, 228). */
export const FLAGS = { readOnly: 1, multiline: 4096, doNotScroll: 1 << 23 };
