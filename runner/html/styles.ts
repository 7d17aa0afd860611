/** The page's stylesheet, inlined into index.html. */
export const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;--link:#0550ae;
--passed:#1a7f37;--passed-bg:#d3f5dc;--failed:#cf222e;--failed-bg:#ffe1de;--not-applicable:#6e7781;--not-applicable-bg:#eaeef2;
--not-run:#424a53;--not-run-bg:#d8dee4;
--expected-failure:#9a6700;--expected-failure-bg:#fff1b8;--unexpected-pass:#8250df;--unexpected-pass-bg:#eedfff;
--timeout:#bc4c00;--timeout-bg:#ffe3c7;--crashed:#82071e;--crashed-bg:#ffc4c4}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--fg);background:var(--bg)}
body>header,body>main,body>footer{max-width:1200px;margin:0 auto;padding:0 16px}
body>header{padding-top:12px}
h1{font-size:1.5rem;margin:.4em 0}
h2{font-size:1.25rem;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.2em 0 .4em}
a{color:var(--link)}
a:focus-visible,button:focus-visible,summary:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #0969da;outline-offset:2px}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-word;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px;margin:.2em 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:16px;top:8px;background:#fff;padding:4px 8px;z-index:9}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:.4em 0}
.sub{display:block;color:var(--muted);font-size:12px}
.meta{color:var(--muted);margin:0}
.warn{background:var(--expected-failure-bg);border-left:4px solid var(--expected-failure);padding:8px 12px}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;line-height:20px;white-space:nowrap;border:1px solid;background:var(--b);border-color:var(--c);color:var(--fg)}
.v-passed{--c:var(--passed);--b:var(--passed-bg)}.v-failed{--c:var(--failed);--b:var(--failed-bg)}
.v-not-applicable{--c:var(--not-applicable);--b:var(--not-applicable-bg)}.v-not-run{--c:var(--not-run);--b:var(--not-run-bg)}.v-expected-failure{--c:var(--expected-failure);--b:var(--expected-failure-bg)}
.v-unexpected-pass{--c:var(--unexpected-pass);--b:var(--unexpected-pass-bg)}.v-timeout{--c:var(--timeout);--b:var(--timeout-bg)}
.v-crashed{--c:var(--crashed);--b:var(--crashed-bg)}
.v-crashed.seg,.v-crashed.cell{background-image:repeating-linear-gradient(45deg,transparent 0 4px,rgba(130,7,30,.18) 4px 8px)}
.gate{font-weight:600;padding:8px 12px;border-radius:6px;border-left:6px solid}
.gate.ok{background:var(--passed-bg);border-color:var(--passed)}.gate.bad{background:var(--failed-bg);border-color:var(--failed)}
.tiles{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:.6em 0}
.tile{background:var(--b);border:1px solid var(--c);border-left-width:6px;border-radius:6px;padding:6px 12px;min-width:120px}
.tile .count{display:block;font-size:1.5rem;font-weight:700}.tile.zero{opacity:.6}
.legend dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:4px 16px;margin:.5em 0}
.legend dl div{display:flex;gap:8px;align-items:baseline}.legend dd{margin:0;color:var(--muted);font-size:13px}
table{border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:4px 8px}
.num{text-align:right;font-variant-numeric:tabular-nums}
.areas{width:100%}.areas td,.areas th{border-bottom:1px solid var(--line)}
.barcell{width:50%}
.bar{display:flex;height:16px;border:1px solid var(--line);border-radius:4px;overflow:hidden;margin-top:3px}
.seg{display:block;height:100%;background:var(--c)}
.scroll{overflow-x:auto}
.grid{font-size:13px}.grid th,.grid td{border:1px solid var(--line)}
.grid thead th{background:var(--panel)}.grid .op{background:var(--panel);max-width:14em}
.cell{text-align:center;background:var(--b);min-width:6.5em}.cell a{color:var(--fg);text-decoration:none}.cell a:hover{text-decoration:underline}
.cell.deny a{font-weight:700}.cell .code{color:var(--muted);font-size:11px}.cell .mark{display:block;font-size:11px;font-weight:700;color:var(--c)}
.nodata{background:repeating-linear-gradient(135deg,#fff 0 6px,#f0f2f4 6px 12px);color:var(--muted)}
.nodata-key{display:inline-block;padding:0 6px;border:1px solid var(--line);background:repeating-linear-gradient(135deg,#fff 0 6px,#f0f2f4 6px 12px)}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 12px}
.filters label{display:flex;flex-direction:column;font-size:12px;font-weight:600;color:var(--muted)}
.filters select,.filters input{font:inherit;color:var(--fg);padding:3px 6px;border:1px solid #8c959f;border-radius:4px;background:#fff}
.filters input[type=search]{min-width:16em}
button{font:inherit;padding:3px 10px;border:1px solid #8c959f;border-radius:4px;background:#fff;cursor:pointer}
#rule-count{font-weight:600;margin:.6em 0}
.rules{list-style:none;padding:0;margin:0}
.rule{border:1px solid var(--line);border-left:6px solid var(--c);border-radius:6px;margin:6px 0;background:#fff}
.rule>details>summary{cursor:pointer;padding:6px 10px;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;list-style:none}
.rule>details>summary::-webkit-details-marker{display:none}
.rule>details>summary::before{content:"\\25B8";color:var(--muted);width:1em}.rule>details[open]>summary::before{content:"\\25BE"}
.rule .rid{font-weight:600}.rule .rtitle{flex:1 1 20em}.chip{font-size:12px;color:var(--muted)}
.rbody{padding:4px 14px 12px;border-top:1px solid var(--line)}
blockquote{margin:.4em 0;padding:4px 12px;border-left:4px solid var(--line);background:var(--panel)}
blockquote p{margin:.2em 0}blockquote footer{font-size:13px;color:var(--muted);margin:0 0 .2em}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:.4em 0}.kv div{display:contents}.kv dt{font-weight:600;color:var(--muted)}.kv dd{margin:0}
.scen{width:100%;font-size:14px}.scen td,.scen th{border-bottom:1px solid var(--line)}
.failure{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.3em 0;border-left:4px solid var(--failed);padding-left:10px}
.failure dt{font-weight:600;color:var(--muted)}.failure dd{margin:0;min-width:0}
.calls{margin:.2em 0;padding-left:2.6em;font-size:13px}.calls code{word-break:break-word}.calls .actor{font-weight:600}.calls .o-error .answer{color:var(--failed);font-weight:600}.calls .o-pending .answer{color:var(--timeout)}.calls .events{margin:0;padding-left:1.2em;color:var(--muted)}
.props{width:100%}.props>tbody>tr>*{border-bottom:1px solid var(--line)}.ptitle{font-weight:400;font-size:13px}.props .rules{font-size:13px}
.why{color:var(--muted);margin:0}
.ambiguities li{margin-bottom:.6em}.ambiguities h3{margin:.2em 0;font-size:1rem}.ambiguities p{margin:.2em 0}.cites{font-size:13px}
body>footer{color:var(--muted);font-size:13px;padding:24px 16px}
@media print{.filters,nav{display:none}}
`;
