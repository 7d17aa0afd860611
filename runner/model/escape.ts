/**
 * Text an implementation supplied (its name, error messages, data quoted in failures) is carried
 * into reports whose readers interpret it: a pull request comment renders Markdown and HTML and
 * pings @mentions, JUnit is XML, a terminal obeys ANSI escapes. Each writer passes such text through
 * the function for its medium; index.html has its own (runner/html/markup.ts esc, scriptJson).
 */

/** C0 and C1 controls (ESC starts every ANSI sequence), DEL, and the bidirectional overrides that reorder what a reader sees. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Control characters (ANSI escapes included) as visible `\u001b` text, for any medium that should not carry them raw. */
export function visibleControls(s: string): string {
  return s.replace(CONTROL, visible);
}

/**
 * For one line on a terminal: control characters shown as `\u001b` (an ANSI sequence becomes inert
 * text), line breaks too, so that no message can draw a line of the gate's own (`rules: 0 failed`).
 */
export function terminalText(s: string): string {
  return visibleControls(s).replace(/\n/g, visible);
}

/** For one line of Markdown (summary.md): no markup, no HTML, no links, no mentions, no line breaks. */
export function markdownText(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(CONTROL, visible)
    .replace(/[&<>"@#]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\\`*_[\]()!|~]/g, (c) => `\\${c}`);
}

/** Characters XML 1.0 cannot hold at all, even escaped: most C0 controls, unpaired surrogates, U+FFFE and U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** For XML text and attribute values (junit.xml): escaped, and what XML cannot hold shown as `\u0000`. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, visible).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
