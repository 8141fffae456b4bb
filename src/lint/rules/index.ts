// Every lint rule, in the order their findings are most useful to read.
import type { Rule } from '../types.js';
import { actCitation } from './act-citation.js';
import { approvalStamp } from './approval-stamp.js';
import { bandText } from './band-text.js';
import { capBand } from './cap-band.js';
import { capText } from './cap-text.js';
import { categoryCode } from './category-code.js';
import { formParts } from './form-parts.js';
import { gradeWording } from './grade-wording.js';
import { methodologyTitle } from './methodology-title.js';
import { mixedScript } from './mixed-script.js';
import { numbering } from './numbering.js';
import { parity } from './parity.js';
import { quotes } from './quotes.js';
import { rangeTable } from './range-table.js';
import { referenceLiteral } from './reference-literal.js';
import { referenceMeaning } from './reference-meaning.js';
import { referenceTarget } from './reference-target.js';
import { repeatedWord } from './repeated-word.js';
import { routingCoverage } from './routing-coverage.js';
import { routingText } from './routing-text.js';
import { scaleText } from './scale-text.js';
import { selfReference } from './self-reference.js';
import { sheetPerson } from './sheet-person.js';

export const RULES: readonly Rule[] = [
  // structure and references
  numbering, referenceTarget, referenceMeaning, referenceLiteral, selfReference,
  // rules as data against the text
  rangeTable, bandText, capText, capBand, gradeWording, scaleText,
  // the enacting act
  approvalStamp, actCitation, methodologyTitle,
  // languages, sheets, routing
  parity, formParts, sheetPerson, categoryCode, routingText, routingCoverage,
  // typography
  repeatedWord, mixedScript, quotes,
];
