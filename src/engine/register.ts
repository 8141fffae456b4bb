// Category codes of corps "B" positions, the default list a configuration checks records against.
// An unknown code is an error, never a guess; a body whose register differs lists its own codes
// in `categories.codes` of its configuration.

export const CORPS_B_CATEGORIES = {
  codes: [
    'B-1', 'B-2', 'B-3', 'B-4', 'B-5',
    'C-1', 'C-2', 'C-3', 'C-4', 'C-5',
    'C-O-1', 'C-O-2', 'C-O-3', 'C-O-4', 'C-O-5', 'C-O-6',
    'C-R-1', 'C-R-2', 'C-R-3', 'C-R-4', 'C-R-5',
    'D-1', 'D-2', 'D-3', 'D-4', 'D-5',
    'D-O-1', 'D-O-2', 'D-O-3', 'D-O-4', 'D-O-5', 'D-O-6',
    'D-R-1', 'D-R-2', 'D-R-3', 'D-R-4', 'D-R-5',
    'E-1', 'E-2', 'E-3', 'E-4', 'E-5',
    'E-R-1', 'E-R-2', 'E-R-3', 'E-R-4', 'E-R-5',
    'E-G-1', 'E-G-2', 'E-G-3', 'E-G-4',
  ],
  source:
    'Register of positions of political and administrative civil servants (Decree of the President of the RK of 29 December 2015 No. 153), corps "B" category codes by group: B (central state bodies\' apparatus), C, C-O, C-R (central executive bodies and their oblast and district territorial bodies), D, D-O, D-R (oblast, city of republican significance and capital level), E, E-R, E-G (district, city and rural level). The codes named by the acts in seeds/ (B-1, C-1, D-1..D-5, D-3, C-O-1, D-O-1, D-R-1, C-R-1, E-1, E-2, E-R-1) are all in it.',
  note:
    'The seeds do not contain the register itself: the upper number of each group is transcribed from the register\'s structure as recalled, not from its text. Verify against the register on adilet.zan.kz (U1500000153) before relying on the codes outside the acts\' own lists; a body adds or removes codes in its configuration.',
};

/** Sanction kinds of the typical methodology with their names (row 5 of both sheets). */
export const SANCTION_LABELS: Record<string, { ru: string; kk: string; en: string }> = {
  remark: { ru: 'замечание', kk: 'ескерту', en: 'remark' },
  reprimand: { ru: 'выговор', kk: 'сөгіс', en: 'reprimand' },
  'severe-reprimand': { ru: 'строгий выговор', kk: 'қатаң сөгіс', en: 'severe reprimand' },
  other: { ru: 'иное взыскание', kk: 'өзге жаза', en: 'any other sanction (including misconduct discrediting the civil service)' },
};
