// The act as PDF: the layout of blocks, checked against the font, set into lines, put on pages,
// numbered, with the title and language in the document's metadata.
import type { Lang } from '../../model/source.js';
import type { ActRoot } from '../../model/tree.js';
import { layoutAct } from '../blocks.js';
import { footerTemplate, footerText } from '../footer.js';
import { CONTENT_WIDTH, FOOTER_BASELINE, MARGIN, PAGE, SIZE } from '../house-style.js';
import { Canvas } from './canvas.js';
import { paginate, typeset } from './flow.js';
import { DocFont, type FaceName, program } from './fonts.js';
import { checkGlyphs } from './glyphs.js';
import { hyphenatorFor } from './hyphenate.js';
import { pdfLib } from './pdf-lib.js';

const FACES: FaceName[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** Numbers every page of the canvas in its footer ("Страница 3 из 13"). */
export function drawFooters(canvas: Canvas, lang: Lang): void {
  const regular = program('regular');
  for (let i = 0; i < canvas.pageCount; i++) {
    const text = footerText(lang, i + 1, canvas.pageCount);
    const x = MARGIN.left + (CONTENT_WIDTH - regular.width(text, SIZE.footer)) / 2;
    canvas.select(i);
    canvas.text('regular', SIZE.footer, x, PAGE.height - FOOTER_BASELINE, text.split(' '));
  }
}

export async function renderPdf(root: ActRoot): Promise<Uint8Array> {
  const layout = layoutAct(root);
  const lang = root.lang;
  // Every digit, so any page number the footer may print is checked too.
  checkGlyphs(layout, [{ text: footerText(lang, 1234567890, 1234567890), source: { file: footerTemplate(lang), line: 1, column: 1 } }]);

  const doc = await pdfLib.PDFDocument.create({ updateMetadata: false });
  const fonts = Object.fromEntries(FACES.map((f) => [f, new DocFont(program(f), doc)])) as Record<FaceName, DocFont>;
  const canvas = new Canvas(doc, fonts);
  paginate(canvas, typeset(layout.blocks, hyphenatorFor(lang)));

  drawFooters(canvas, lang);
  canvas.finish();
  for (const f of FACES) fonts[f].embed();

  doc.setTitle(layout.title, { showInWindowTitleBar: true });
  if (layout.subject) doc.setSubject(layout.subject);
  doc.setLanguage(layout.languageTag);
  doc.setCreator('metodika');
  doc.setProducer('metodika (pdf-lib)');
  return doc.save();
}
