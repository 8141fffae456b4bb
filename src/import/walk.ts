// Every text ({ru, kk}) under a node of the draft, in document order.
import type { Text } from '../model/source.js';
import { isText } from '../resolve/nodes.js';

export function walkTexts(root: unknown, fn: (text: Text) => void): void {
  if (Array.isArray(root)) {
    for (const v of root) walkTexts(v, fn);
  } else if (root && typeof root === 'object') {
    if (isText(root)) fn(root);
    else for (const v of Object.values(root)) walkTexts(v, fn);
  }
}
