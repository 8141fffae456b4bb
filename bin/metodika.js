#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare) and `npm start`.
import('../dist/src/cli/main.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`metodika: internal error: ${err && err.stack ? err.stack : err}`); process.exitCode = 70; },
);
