// Which block of the printed layout (src/render/blocks.ts) shows which element: the layout and
// the elements both follow the act's order, so they are walked side by side and matched by the
// text the layout prints. A block no element shows (the line under a form's blank) stays
// unmatched, and goes with the element before it.
import type { Block } from '../../render/blocks.js';
import type { Unit } from '../units.js';

export interface Place {
  block: number;
  /** A table row's index in its table. */
  row?: number;
}

/** What the layout prints for an element: its number and first paragraph, or its cells. */
export function printed(u: Unit): string {
  const [first, ...rest] = u.segments;
  const head = u.mark ? `${u.mark} ${first}` : first;
  return [head, ...rest].join('\u0000');
}

const LOOKAHEAD = 4;

export function placeUnits(blocks: readonly Block[], units: readonly Unit[]): Map<Unit, Place> {
  const places = new Map<Unit, Place>();
  let next = 0;
  const claim = (text: string, place: Place) => {
    for (let k = next; k < Math.min(units.length, next + LOOKAHEAD); k++) {
      if (printed(units[k]) === text) {
        places.set(units[k], place);
        next = k + 1;
        return;
      }
    }
  };
  blocks.forEach((b, block) => {
    if (b.kind === 'para') claim(b.text, { block });
    else b.rows.forEach((r, row) => claim(r.cells.map((paras) => paras.map((p) => p.text).join('\n')).join('\u0000'), { block, row }));
  });
  return places;
}
