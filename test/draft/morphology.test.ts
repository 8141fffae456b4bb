// The Russian forms the dictionary offers: the leading noun group inflects, the rest stays.
import { describe, expect, it } from 'vitest';
import { loadMorphology } from '../../src/draft/morphology.js';

describe('morphology', () => {
  it('inflects a body, an issuer and a title, keeping what follows the head noun', async () => {
    const m = await loadMorphology();
    const body = 'государственное учреждение "Аппарат Мангистауского районного маслихата"';
    expect(m.inflect(body, 'gen')).toBe('государственного учреждения "Аппарат Мангистауского районного маслихата"');
    expect(m.inflect(body, 'acc')).toBe(body);
    expect(m.inflect(body, 'ins')).toBe('государственным учреждением "Аппарат Мангистауского районного маслихата"');
    expect(m.inflect(body, 'pre')).toBe('государственном учреждении "Аппарат Мангистауского районного маслихата"');
    expect(m.inflect('Мангистауский районный маслихат', 'gen')).toBe('Мангистауского районного маслихата');
    expect(m.inflect('Мангистауский районный маслихат', 'acc')).toBe('Мангистауский районный маслихат');
    expect(m.inflect('руководитель аппарата маслихата', 'ins')).toBe('руководителем аппарата маслихата');
    expect(m.inflect('аким Тупкараганского района', 'ins')).toBe('акимом Тупкараганского района');
    expect(m.inflect('Председатель Агентства Республики Казахстан', 'dat')).toBe('Председателю Агентства Республики Казахстан');
  });

  it('offers nothing where it would guess wrong', async () => {
    const m = await loadMorphology();
    // The dictionary's paradigm of "первый" gives "одного".
    expect(m.inflect('первый руководитель', 'gen')).toBeUndefined();
    // No head noun to inflect.
    expect(m.inflect('"Аппарат"', 'gen')).toBeUndefined();
  });
});
