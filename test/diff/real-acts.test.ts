// The deviations of the two published local acts from the typical one: the Mangistau act (000, ru,
// same numbering) and the Zhanakorgan act (002, kk, renumbered; the typical act's kk text is
// partial, so what 002 rewrote has no kk text in the base to compare with).
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/diff/report/summary.js';
import { diffOf, hunks, keysOf, pairOf } from './helpers.js';

describe('Mangistau (000) against the typical act, ru', async () => {
  const diff = await diffOf('mangistau-district-2025');

  it('aligns by id, as a derived act', () => {
    expect(diff.relation).toBe('derived');
    expect(diff.align).toBe('id');
    expect(diff.lang).toBe('ru');
  });

  it('names every change of substance', () => {
    expect(keysOf(diff, 'substance').sort()).toEqual(['approval-basis', 'def-evaluator', 'def-unit-head', 'hr-duties', 'routing', 'routing-others', 'non-managerial-sheet:result'].sort());
    expect(keysOf(diff, 'removed').sort()).toEqual(['approval-fallback', 'audit-commission-chairs', 'calibration-audit-commission', 'routing-listed-staff', 'routing-other-heads'].sort());
    expect(diff.counts).toMatchObject({ substance: 7, removed: 5, added: 0, moved: 0, 'no-text': 0, localised: 9 });
  });

  it('says who evaluates whom in point 17 and who the evaluator is in point 3', () => {
    // The list of categories goes; only the head of the apparatus (Е-2) stays.
    expect(hunks(pairOf(diff, 'routing'))).toEqual([
      'административных государственных служащих -> административного государственного служащего',
      'категорий B-1, С-1 (заместитель председателя Комитета центрального исполнительного органа, директор департамента), D-1, D-3 (руководитель структурного подразделения), C-O-1, D-O-1, D-R-1, C-R-1, Е-1, -> руководителя аппарата',
      ', E-R-1 -> ',
    ]);
    expect(hunks(pairOf(diff, 'routing-others'))).toEqual(['структурного подразделения/государственного органа -> аппарата маслихата']);
    expect(hunks(pairOf(diff, 'def-evaluator'))).toEqual(['структурного подразделения/государственного органа -> аппарата маслихата']);
  });

  it('shows the self-reference of point 2 with the words around it', () => {
    const words = hunks(pairOf(diff, 'approval-basis'));
    expect(words).toContain('первыми руководителями государственных органов -> первым руководителем Мангистауского районного маслихата');
    expect(words).toContain('настоящей Типовой методики -> Методики');
  });

  it('classes the body-name substitutions and the act\'s terms as localised', () => {
    expect(keysOf(diff, 'localised').sort()).toEqual([
      'automated-assessment', 'calibration-purpose', 'calibration-timing', 'definitions', 'hr-support', 'managerial-sheet:caption',
      'methodology:title', 'non-managerial-sheet:caption', 'purpose',
    ].sort());
    expect(hunks(pairOf(diff, 'hr-support'), ['localisation'])).toEqual([' -> аппарата маслихата']);
    expect(hunks(pairOf(diff, 'automated-assessment'), ['localisation'])).toEqual(['данных государственных органов -> аппарата маслихата']);
  });

  it('carries the reasons written on the changes', () => {
    expect(pairOf(diff, 'routing-other-heads').reason).toMatch(/^Исключена оценка иных руководящих должностей/);
  });

  it('keeps the envelope apart from the methodology', () => {
    expect(diff.envelope.added).toBe(8);
    expect(pairOf(diff, 'amended-2025').cls).toBe('removed');
  });

  it('prints a summary with the numbers on both sides and the changed words', () => {
    const s = renderSummary(diff);
    expect(s).toMatch(/methodology: 101 identical, 9 localised, 7 changed in substance, 0 added, 5 removed, 0 moved/);
    expect(s).toMatch(/point 17 paragraph 4 -> point 17 paragraph 2: changed in substance\n\s+«структурного подразделения\/государственного органа» -> «аппарата маслихата»/);
    expect(s).toMatch(/point 2 paragraph 2 -> —: removed/);
  });
});

describe('Zhanakorgan (002) against the typical act, kk', async () => {
  const diff = await diffOf('zhanakorgan-district-2025');

  it('compares in Kazakh, the act\'s only language', () => {
    expect(diff.lang).toBe('kk');
  });

  it('names the points and definitions it dropped', () => {
    expect(keysOf(diff, 'removed').sort()).toEqual([
      'approval-basis', 'approval-fallback', 'audit-commission-chairs', 'calibration-audit-commission', 'calibration-purpose',
      'chief-of-staff-evaluation', 'def-unit-head', 'delegation-over-20', 'routing-listed-staff',
    ].sort());
  });

  it('reports what it rewrote where the base has no kk text as such, not as added or removed text', () => {
    const noText = keysOf(diff, 'no-text');
    for (const k of ['purpose', 'def-evaluator', 'automated-assessment', 'hr-support', 'routing', 'routing-other-heads', 'routing-others', 'calibration-decision', 'calibration-members', 'discipline']) {
      expect(noText).toContain(k);
    }
    expect(diff.counts.added).toBe(0);
    expect(diff.counts.substance).toBe(0);
    expect(pairOf(diff, 'routing').reason).toMatch(/мәслихат төрағасы/);
    // The summary quotes the base's Russian wording for the reader.
    expect(renderSummary(diff)).toMatch(/point 17 -> point 16: no kk text in the base\n\s+base in ru: «Оценка административных/);
  });

  it('finds the typical act still named in point 16', () => {
    expect(pairOf(diff, 'routing-other-heads').findings).toEqual([{ kind: 'typical-reference', quote: 'Үлгілік әдістеменің' }]);
  });

  it('follows the renumbering: points, sub-points and the references in the text', () => {
    const dismissed = pairOf(diff, 'dismissed');
    expect(dismissed.cls).toBe('identical');
    expect(dismissed.renumbered).toBe(true);
    expect(hunks(dismissed, ['renumbering'])).toEqual(['5-тармақта -> 4-тармақта']);
    expect(pairOf(diff, 'def-evaluator').local[0].mark).toBe('3)');
    const timing = pairOf(diff, 'calibration-timing');
    expect(timing.cls).toBe('localised');
    expect(hunks(timing, ['localisation', 'renumbering'])).toEqual(['Үлгілік әдістеменің 11-тармағында -> Әдістеменің 10-тармағында']);
  });

  it('classes its terms as localised', () => {
    expect(keysOf(diff, 'localised').sort()).toEqual(['calibration-timing', 'definitions']);
  });
});
