/** `npm run traceability`: writes docs/traceability.md from catalogue/sources/ and the feature files. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from './catalogue';
import { ambiguityEntries, renderTraceability, traceTable } from './traceability';

const root = process.cwd();
const rows = traceTable(loadCatalogue(join(root, 'features')));
writeFileSync(join(root, 'docs', 'traceability.md'), renderTraceability(rows, ambiguityEntries(readFileSync(join(root, 'docs', 'ambiguities.md'), 'utf8'))));
const open = rows.filter((r) => r.rules.length === 0 && r.ambiguities.length === 0);
console.log(`docs/traceability.md: ${rows.length} sentences, ${rows.filter((r) => r.rules.length > 0).length} checked by rules, ${open.length} unaccounted for`);
