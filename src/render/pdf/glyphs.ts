// Every character is checked against the face that will draw it before anything is drawn: a
// glyph the font lacks would otherwise print as an empty box, or as nothing.
import { type Diagnostic, DiagnosticError } from '../../diagnostics.js';
import { type Layout, paragraphs, type Source } from '../blocks.js';
import { FONT_FAMILY } from '../house-style.js';
import { faceFor, program } from './fonts.js';

/** Text the layout does not hold (the footer), with where its wording comes from. */
export interface ExtraText {
  text: string;
  source: Source;
}

export function checkGlyphs(layout: Layout, extra: ExtraText[] = []): void {
  const missing = new Map<string, Diagnostic>();
  const check = (text: string, bold: boolean, italic: boolean, source: Source) => {
    const face = program(faceFor(bold, italic));
    for (const ch of text) {
      if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || missing.has(ch) || face.has(ch)) continue;
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      missing.set(ch, {
        ...source, severity: 'error', ruleId: 'missing-glyph',
        message: `the PDF font (${FONT_FAMILY.pdf} ${face.name}) has no glyph for "${ch}" (${code}); replace the character or build another format`,
      });
    }
  };
  for (const p of paragraphs(layout)) check(p.text, p.bold, p.italic, p.source);
  for (const e of extra) check(e.text, false, false, e.source);
  if (missing.size) throw new DiagnosticError([...missing.values()]);
}
