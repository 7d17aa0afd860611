/** The page's inline script: builds the filterable rule list in the browser from the embedded data. */
/** The rule list: built in the browser from the embedded data. No template literals here (this is one). */
export const SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('groupspec-data').textContent);
  var rules = data.rules;
  var VERDICTS = ['passed', 'failed', 'not applicable', 'not run', 'expected failure', 'unexpected pass', 'timeout', 'crashed'];
  var ACCEPTED = ['passed', 'not applicable', 'expected failure'];
  var TYPES = ['Work', 'Public', 'Meeting', 'AVChatRoom', 'Community'];
  var props = {};
  data.properties.forEach(function (p) { props[p.id] = p; });
  var anchors = {};
  data.ambiguities.forEach(function (a) { anchors[a] = true; });

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'text') el.textContent = v; else if (k === 'className') el.className = v; else el.setAttribute(k, v === true ? '' : v);
    });
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }
  function add(el, c) {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { add(el, x); }); return; }
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  function slug(v) { return v.replace(/[^a-z0-9]+/gi, '-').toLowerCase(); }
  function badge(v) { return h('span', { className: 'badge v-' + slug(v), text: v }); }
  function ms(n) { return n < 1000 ? n + ' ms' : (n / 1000).toFixed(1) + ' s'; }
  function bad(v) { return ACCEPTED.indexOf(v) < 0; }

  // the note, with references into the ambiguity register linked to its entries on this page
  function note(text) {
    var p = h('p', { className: 'note' });
    var re = /docs\/ambiguities\.md#([a-z0-9-]+)/g, last = 0, m;
    while ((m = re.exec(text)) !== null) {
      add(p, text.slice(last, m.index));
      add(p, anchors[m[1]] ? h('a', { href: '#amb-' + m[1], text: m[0] }) : m[0]);
      last = re.lastIndex;
    }
    add(p, text.slice(last));
    return p;
  }

  function failure(f, sameAs) {
    var dl = h('dl', { className: 'failure' });
    function row(k, v) { add(dl, [h('dt', { text: k }), h('dd', null, v)]); }
    row('step', h('code', { text: f.step }));
    var at = f.replay && f.replay.scenario !== undefined ? f.message.indexOf('\nAs a Gherkin scenario:') : -1;
    row('message', h('pre', { text: at < 0 ? f.message : f.message.slice(0, at) }));
    if (f.expected !== undefined) row('expected', h('pre', { text: f.expected }));
    if (f.actual !== undefined) row('actual', h('pre', { text: f.actual }));
    var r = f.replay;
    if (r && r.seed !== undefined) row('seed', [h('code', { text: String(r.seed) }), r.path !== undefined ? [', path ', h('code', { text: r.path })] : null]);
    if (r && r.command !== undefined) row('replay', h('code', { className: 'cmd', text: r.command }));
    if (r && r.scenario !== undefined) row('counterexample', h('pre', { className: 'gherkin', text: r.scenario }));
    if (f.sameMessage !== undefined) row('same message', f.sameMessage + ' other scenario' + (f.sameMessage === 1 ? '' : 's') + ' of this rule failed with this message; this trace stands for them');
    if (f.trace !== undefined) row('calls', trace(f.trace));
    else if (sameAs) row('calls', 'as in "' + sameAs + '", which failed with the same message');
    else if (data.tracesLeftOut) row('calls', 'left out of this page for its size: conformance.json has them');
    return dl;
  }

  // a failure's call trace: every call kept, newest last, with the events seen after it; text only
  function answer(c) {
    if (c.outcome === 'pending') return '\u2192 no answer (yet)';
    if (c.outcome === 'error') return '\u2192 error ' + (c.code === undefined ? '(no code)' : c.code) + (c.message === undefined ? '' : ': ' + c.message);
    return '\u2192 ' + (c.code === undefined ? 'ok' : c.code) + (c.data === undefined ? '' : ' ' + c.data);
  }
  function trace(t) {
    var ol = h('ol', { className: 'calls' });
    t.calls.forEach(function (c) {
      var li = h('li', { className: 'call o-' + c.outcome, value: String(c.n) },
        h('span', { className: 'actor', text: c.actor }), ' ', h('code', { className: 'method', text: c.method }),
        c.arg === undefined ? null : [' ', h('code', { className: 'arg', text: c.arg })], ' ', h('span', { className: 'answer', text: answer(c) }));
      if (c.events !== undefined) add(li, h('ul', { className: 'events' }, c.events.map(function (e) {
        return h('li', null, 'event to ', h('span', { className: 'actor', text: e.to }), ': ', h('code', { text: e.name }), e.data === undefined ? null : [' ', h('code', { className: 'arg', text: e.data })]);
      }), c.moreEvents !== undefined ? h('li', { text: '\u2026 ' + c.moreEvents + ' more event(s)' }) : null));
      add(ol, li);
    });
    var head = t.calls.length + ' call' + (t.calls.length === 1 ? '' : 's') + ', newest last' +
      (t.omitted > 0 ? ' (\u2026 ' + t.omitted + ' earlier call' + (t.omitted === 1 ? '' : 's') + ' omitted: a trace keeps the last ' + t.limits.calls + ')' : '') +
      '; values cut at ' + t.limits.chars + ' characters';
    return h('details', { className: 'trace', open: true }, h('summary', { text: head }), ol);
  }

  function details(r) {
    var body = h('div', { className: 'rbody' });
    var kv = h('dl', { className: 'kv' });
    function row(k, v) { add(kv, h('div', null, h('dt', { text: k }), h('dd', null, v))); }
    row('verdict', [badge(r.verdict), r.expectation ? [' expected ', badge(r.expectation.status), ': ' + r.expectation.reason, r.expectation.issue ? [' (', /^https?:/.test(r.expectation.issue) ? h('a', { href: r.expectation.issue, rel: 'noopener noreferrer', text: r.expectation.issue }) : r.expectation.issue, ')'] : null] : null]);
    row('area', r.area);
    row('group types', r.types.length ? r.types.join(', ') : 'none');
    row('tags', r.tags.join(' '));
    row('source', h('code', { text: r.source.file + ':' + r.source.line }));
    if (r.detectedBy !== undefined) row('detected by', r.detectedBy.length === 0
      ? 'no broken implementation (suite-strength run)'
      : [h('strong', { className: 'detected', text: r.detectedBy.length + ' broken implementation' + (r.detectedBy.length === 1 ? '' : 's') }), ': ', r.detectedBy.join(', ')]);
    add(body, kv);

    add(body, h('h4', { text: 'Quoted sources' }));
    if (r.quotes.length === 0) add(body, h('p', { text: 'No quote.' }));
    r.quotes.forEach(function (q) {
      add(body, h('blockquote', { className: 'quote' },
        h('p', { text: '\u201c' + q.text + '\u201d' }),
        h('footer', null, '\u2014 ', h('cite', { text: q.source }), q.url ? [', ', h('a', { href: q.url, rel: 'noopener noreferrer', text: q.url })] : null)));
    });
    if (r.note) { add(body, h('h4', { text: r.ambiguous ? 'Reading taken (ambiguous)' : 'Note' })); add(body, note(r.note)); }

    add(body, h('h4', { text: 'Scenarios (' + r.scenarios.length + ')' }));
    if (r.scenarios.length === 0) add(body, h('p', { text: 'No scenario of this rule ran.' }));
    else {
      var tb = h('tbody');
      // a scenario whose message another's trace stands for (failure.sameMessage) points to that one
      var rep = {};
      r.scenarios.forEach(function (s) { if (s.failure && s.failure.trace !== undefined) { var k = s.failure.message.split('\n')[0]; if (!(k in rep)) rep[k] = s.name; } });
      r.scenarios.forEach(function (s) {
        add(tb, h('tr', { className: 'scenario' }, h('td', null, badge(s.verdict)), h('td', { text: s.name }), h('td', null, h('code', { text: s.location })), h('td', { className: 'num', text: ms(s.durationMs) })));
        if (s.failure) add(tb, h('tr', { className: 'fail' }, h('td'), h('td', { colspan: '3' }, failure(s.failure, s.failure.trace === undefined ? rep[s.failure.message.split('\n')[0]] : undefined))));
      });
      add(body, h('div', { className: 'scroll' }, h('table', { className: 'scen' }, h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'verdict' }), h('th', { scope: 'col', text: 'scenario' }), h('th', { scope: 'col', text: 'location' }), h('th', { scope: 'col', className: 'num', text: 'time' }))), tb)));
    }
    if (r.properties.length > 0) {
      add(body, h('h4', { text: 'Properties' }));
      add(body, h('ul', null, r.properties.map(function (id) {
        var p = props[id];
        return h('li', null, p ? badge(p.verdict) : null, ' ', h('a', { href: '#prop-' + id, text: id }), p ? ': ' + p.title : '');
      })));
    }
    return body;
  }

  // the list
  var list = document.getElementById('rule-list');
  var items = rules.map(function (r) {
    var sum = h('summary', null, badge(r.verdict), h('code', { className: 'rid', text: r.id }), h('span', { className: 'rtitle', text: r.title }),
      h('span', { className: 'chip', text: r.area + ' \u00b7 ' + (r.types.join(', ') || 'no type') + (r.ambiguous ? ' \u00b7 ambiguous' : '') + (r.detectedBy && r.detectedBy.length ? ' \u00b7 caught ' + r.detectedBy.length + ' broken' : '') }));
    var det = h('details', null, sum);
    var built = false;
    det.addEventListener('toggle', function () { if (det.open && !built) { built = true; det.appendChild(details(r)); } });
    var li = h('li', { className: 'rule v-' + slug(r.verdict), id: 'rule-' + r.id, 'data-rule': r.id, 'data-verdict': r.verdict, 'data-area': r.area }, det);
    var hay = [r.id, r.title, r.note, r.area].concat(r.tags, r.quotes.map(function (q) { return q.text + ' ' + q.source; }),
      r.scenarios.map(function (s) { return s.name + ' ' + (s.failure ? s.failure.message : ''); })).join('\n').toLowerCase();
    return { rule: r, li: li, det: det, hay: hay };
  });
  items.forEach(function (it) { list.appendChild(it.li); });

  function fill(id, values, labels) {
    var sel = document.getElementById(id);
    values.forEach(function (v, i) { sel.appendChild(h('option', { value: v, text: labels ? labels[i] : v })); });
    return sel;
  }
  function uniq(xs) { return xs.filter(function (x, i) { return xs.indexOf(x) === i; }); }
  var areas = uniq(rules.map(function (r) { return r.area; })).sort();
  var types = uniq([].concat.apply([], rules.map(function (r) { return r.types; }))).sort(function (a, b) { return (TYPES.indexOf(a) + 1 || 99) - (TYPES.indexOf(b) + 1 || 99); });
  var present = VERDICTS.filter(function (v) { return rules.some(function (r) { return r.verdict === v; }); });
  var tags = uniq([].concat.apply([], rules.map(function (r) { return r.tags.filter(function (t) { return t.indexOf('@rule:') !== 0; }); }))).sort();
  function count(pred) { return rules.filter(pred).length; }
  var fArea = fill('f-area', areas, areas.map(function (a) { return a + ' (' + count(function (r) { return r.area === a; }) + ')'; }));
  var fType = fill('f-type', types, types.map(function (t) { return t + ' (' + count(function (r) { return r.types.indexOf(t) >= 0; }) + ')'; }));
  var fVerdict = fill('f-verdict', ['not as expected'].concat(present), ['not as expected (' + count(function (r) { return bad(r.verdict); }) + ')'].concat(present.map(function (v) { return v + ' (' + count(function (r) { return r.verdict === v; }) + ')'; })));
  var fTag = fill('f-tag', tags, tags.map(function (t) { return t + ' (' + count(function (r) { return r.tags.indexOf(t) >= 0; }) + ')'; }));
  var fText = document.getElementById('f-text');
  var counter = document.getElementById('rule-count');

  function apply() {
    var a = fArea.value, t = fType.value, v = fVerdict.value, g = fTag.value, q = fText.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (it) {
      var r = it.rule;
      var ok = (!a || r.area === a) && (!t || r.types.indexOf(t) >= 0) && (!g || r.tags.indexOf(g) >= 0) &&
        (!v || (v === 'not as expected' ? bad(r.verdict) : r.verdict === v)) && (!q || it.hay.indexOf(q) >= 0);
      it.li.hidden = !ok;
      if (ok) shown++;
    });
    counter.textContent = 'Showing ' + shown + ' of ' + rules.length + ' rules';
    counter.setAttribute('data-shown', String(shown));
  }
  [fArea, fType, fVerdict, fTag].forEach(function (s) { s.addEventListener('change', apply); });
  fText.addEventListener('input', apply);
  document.getElementById('f-reset').addEventListener('click', function () { fArea.value = fType.value = fVerdict.value = fTag.value = fText.value = ''; apply(); });
  document.getElementById('f-open').addEventListener('click', function () { items.forEach(function (it) { if (!it.li.hidden) it.det.open = true; }); });
  document.getElementById('f-close').addEventListener('click', function () { items.forEach(function (it) { it.det.open = false; }); });
  Array.prototype.forEach.call(document.querySelectorAll('a.area-link'), function (a) {
    a.addEventListener('click', function () { fArea.value = a.getAttribute('data-area'); apply(); });
  });

  // #rule-<id>: show that rule, opened
  function follow() {
    var m = /^#rule-(.+)$/.exec(decodeURIComponent(location.hash));
    if (!m) return;
    var it = items.filter(function (x) { return x.rule.id === m[1]; })[0];
    if (!it) return;
    if (it.li.hidden) { fArea.value = fType.value = fVerdict.value = fTag.value = fText.value = ''; apply(); }
    it.det.open = true;
    it.li.scrollIntoView();
    it.det.querySelector('summary').focus();
  }
  window.addEventListener('hashchange', follow);
  apply();
  document.documentElement.setAttribute('data-ready', 'true');
  follow();
})();
`;
