/**
 * The fenced code blocks of the project's Markdown (README.md, CONTRIBUTING.md, docs/*.md), byte
 * for byte, with the marker that may precede one on the line before the fence (blank lines between
 * allowed): `<!-- not-run: reason -->` (checked, not run) or `<!-- not-compiled: reason -->`. CommonMark fences:
 * three or more backticks or tildes, indented up to three spaces (a list item's block may be
 * indented more: its indentation is removed from every line, as Markdown does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CodeBlock {
  /** the file, relative to the repository */
  file: string;
  /** 1-based line of the opening fence */
  line: number;
  /** the info string's first word, lower-cased ('' when there is none) */
  lang: string;
  /** the content, exactly as written (indentation of a list item's fence removed) */
  code: string;
  /** the reason given by a `<!-- not-run: … -->` marker (type-checked, not run), if one precedes the block */
  notRun?: string;
  /** the reason given by a `<!-- not-compiled: … -->` marker (an excerpt: neither checked nor run) */
  notCompiled?: string;
}

const OPEN = /^( *)(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const MARKER = /^\s*<!--\s*(not-run|not-compiled):\s*(.+?)\s*-->\s*$/;

export function codeBlocks(file: string, text: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (open === null) continue;
    const [, indent, fence] = open as unknown as [string, string, string, string];
    const close = new RegExp(`^ *${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j]!)) j++;
    const body = lines.slice(i + 1, j).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    const marker = k >= 0 ? MARKER.exec(lines[k]!) : null;
    blocks.push({
      file,
      line: i + 1,
      lang: (open[3] ?? '').toLowerCase(),
      code: body.length === 0 ? '' : `${body.join('\n')}\n`,
      ...(marker === null ? {} : marker[1] === 'not-run' ? { notRun: marker[2]! } : { notCompiled: marker[2]! }),
    });
    i = j;
  }
  return blocks;
}

/** The Markdown files whose blocks are tested. */
export function documentedFiles(repo: string): string[] {
  return ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
}

export function allCodeBlocks(repo: string): CodeBlock[] {
  return documentedFiles(repo).flatMap((f) => codeBlocks(f, readFileSync(join(repo, f), 'utf8')));
}
