// pdf-lib, loaded from the single-file build the package ships: its CommonJS entry is some
// three hundred modules that take three times as long to load, and every `metodika build`
// that writes a PDF loads it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const pdfLib: typeof import('pdf-lib') = require('pdf-lib/dist/pdf-lib.min.js');
