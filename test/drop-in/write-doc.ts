/** `npm run docs:drop-in`: rewrites the generated sections of docs/drop-in.md (doc-tables.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { regenerate } from './doc-tables';

const file = resolve(__dirname, '..', '..', 'docs', 'drop-in.md');
writeFileSync(file, regenerate(readFileSync(file, 'utf8')));
console.log(`wrote ${file}`);
