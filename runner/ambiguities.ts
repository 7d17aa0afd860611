/** The ambiguity register (docs/ambiguities.md) as data for the reports: anchor, title, reading. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ambiguityAnchors } from '../catalogue/lint';

export function readAmbiguities(root: string): Array<{ anchor: string; title: string; reading: string }> {
  const path = join(root, 'docs', 'ambiguities.md');
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  const out = [];
  for (const section of text.split(/^### /m).slice(1)) {
    const title = section.split('\n', 1)[0]!.trim();
    const anchor = [...ambiguityAnchors(`### ${title}\n`)][0]!;
    const reading = /\*\*Reading taken\*\*:?\s*([\s\S]*?)(?:\n\s*\n|\n- \*\*|$)/.exec(section)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
    out.push({ anchor, title, reading });
  }
  return out;
}
