// The checks of single answers, at their edges.
import { describe, expect, it } from 'vitest';
import { checkActNumber, checkCategories, checkCategory, checkDate, checkName, checkPerson, checkWording } from '../../src/draft/checks.js';
import { TODAY } from './helpers.js';

const value = <T>(r: { value: T } | { error: string }) => ('value' in r ? r.value : `error: ${r.error}`);

describe('checks', () => {
  it('dates: both spellings, a year ahead at most, real days only', () => {
    expect(value(checkDate('17.10.2025', TODAY))).toBe('2025-10-17');
    expect(value(checkDate('2025-10-17', TODAY))).toBe('2025-10-17');
    expect(value(checkDate('2027-01-10', TODAY))).toBe('2027-01-10');
    expect(value(checkDate('2027-01-11', TODAY))).toBe('error: 11.01.2027 is more than a year from today (2026-01-10); an act is dated when it is adopted');
    expect(value(checkDate('29.02.2025', TODAY))).toBe('error: "29.02.2025" is not a day of the calendar');
    expect(value(checkDate('29.02.2024', TODAY))).toBe('2024-02-29');
    expect(value(checkDate('2025/10/17', TODAY))).toMatch(/^error: "2025\/10\/17" is not a date/);
  });

  it('act numbers as the schema allows them', () => {
    expect(value(checkActNumber('22/173'))).toBe('22/173');
    expect(value(checkActNumber(442))).toBe('442');
    expect(value(checkActNumber('22\\173'))).toBe('error: "22\\173" has characters an act\'s number cannot have ("\\"); use digits, letters, "/", "-" and "."');
    expect(value(checkActNumber('бис'))).toBe('error: "бис" has no digit; an act\'s number has one');
  });

  it('names: one language, closed quotes, not the typical act\'s placeholder', () => {
    expect(value(checkName('аппарат маслихата', 'ru'))).toBe('аппарат маслихата');
    expect(value(checkName('  аппарат   маслихата ', 'ru'))).toBe('аппарат маслихата');
    expect(value(checkName('Аппарат', 'ru', 2))).toMatch(/too short for the full name of a body/);
    expect(value(checkName('государственное учреждение "Аппарат', 'ru'))).toMatch(/unpaired quotation mark/);
    expect(value(checkName('данного государственного органа', 'ru'))).toMatch(/typical act's own wording/);
    expect(value(checkName('Типовая методика', 'ru'))).toMatch(/typical act's own wording/);
    expect(value(checkName('мемлекеттік органның', 'kk'))).toMatch(/typical act's own wording/);
    expect(value(checkName('Жаңақорған ауданы мәслихатының аппараты', 'kk', 2))).toBe('Жаңақорған ауданы мәслихатының аппараты');
    expect(value(checkName('12 34', 'ru'))).toMatch(/is not a name/);
    expect(value(checkPerson('Ғ.Жарқынбек'))).toBe('Ғ.Жарқынбек');
    expect(value(checkPerson('Е. Махмутов (подпись)'))).toMatch(/is not a person's name/);
  });

  it('categories: the register\'s codes, Cyrillic look-alikes forgiven', () => {
    expect(value(checkCategory('Е - 2'))).toBe('E-2');
    expect(value(checkCategory('с-о-1'))).toBe('C-O-1');
    expect(value(checkCategories('E-2, Е-2,E-3'))).toEqual(['E-2', 'E-3']);
    expect(value(checkCategories(['E-4']))).toEqual(['E-4']);
    expect(value(checkCategories(''))).toBe('error: no category given');
  });

  it('wording keeps the other language\'s expressions', () => {
    expect(value(checkWording('осы Әдістеменің {{ref "x"}}-тармағында', 'kk', 'в пункте {{ref "x"}}'))).toBe('осы Әдістеменің {{ref "x"}}-тармағында');
    expect(value(checkWording('осы Әдістеменің 11-тармағында', 'kk', 'в пункте {{ref "x"}}'))).toMatch(/uses \{\{ref "x"\}\}; this one uses none/);
  });
});
