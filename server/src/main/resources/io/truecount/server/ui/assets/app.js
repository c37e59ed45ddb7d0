/* Truecount UI: small progressive enhancements. Every page works without this file. */
(function () {
  'use strict';

  function ready(fn) { if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); } }

  function switcher() {
    var select = document.querySelector('[data-advertiser-switch]');
    if (!select) { return; }
    select.addEventListener('change', function () { window.location.href = '/ui/a/' + encodeURIComponent(select.value) + '/events'; });
  }

  function sortableTables() {
    document.querySelectorAll('table.sortable').forEach(function (table) {
      var heads = table.querySelectorAll('thead th');
      heads.forEach(function (th, column) {
        var button = th.querySelector('button');
        if (!button) { return; }
        button.addEventListener('click', function () {
          var descending = th.getAttribute('aria-sort') !== 'descending';
          heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = key(a.cells[column]), y = key(b.cells[column]);
            var order = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y));
            return descending ? -order : order;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
  }

  function key(cell) {
    if (!cell) { return ''; }
    var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
    var n = Number(raw);
    return raw !== '' && !isNaN(n) ? n : raw;
  }

  function copyButtons() {
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      button.addEventListener('click', function () {
        var text = document.getElementById(button.getAttribute('data-copy')).textContent;
        if (navigator.clipboard) { navigator.clipboard.writeText(text).then(function () { button.textContent = 'Copied'; }); }
      });
    });
  }

  function confirmations() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (e) { if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); } });
    });
  }

  function chart() {
    var el = document.getElementById('chart');
    if (!el || !window.uPlot) { return; }
    var data = JSON.parse(el.getAttribute('data-chart'));
    var xs = data.dates.map(function (d) { return Date.parse(d + 'T00:00:00Z') / 1000; });
    var currency = el.getAttribute('data-currency');
    var money = new Intl.NumberFormat(undefined, { style: 'currency', currency: currency, maximumFractionDigits: 0 });
    var opts = {
      width: Math.max(280, el.clientWidth), height: 300, tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'UTC'); },
      series: [{}, { label: 'Conversions', stroke: '#0b63ce', width: 2, fill: 'rgba(11,99,206,0.08)', points: { show: true } },
        { label: 'Value', stroke: '#16794c', width: 2, scale: 'money', value: function (u, v) { return v == null ? '' : money.format(v); } }],
      axes: [{ space: 70, incrs: [86400, 2 * 86400, 7 * 86400, 30 * 86400],
        values: function (u, vals) { return vals.map(function (v) { return new Date(v * 1000).toISOString().slice(5, 10); }); } },
        { label: 'Conversions' }, { side: 1, scale: 'money', label: 'Value (' + currency + ')', grid: { show: false },
        values: function (u, vals) { return vals.map(function (v) { return money.format(v); }); } }]
    };
    var plot = new uPlot(opts, [xs, data.conversions, data.value], el);
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { plot.setSize({ width: Math.max(280, el.clientWidth), height: 300 }); });
  }

  function testEvents() {
    var table = document.getElementById('test-events');
    if (!table) { return; }
    var body = table.tBodies[0], empty = document.querySelector('[data-empty]'), state = document.querySelector('[data-live-state]');
    var zone = table.getAttribute('data-zone');
    JSON.parse(table.getAttribute('data-initial')).forEach(function (v) { body.appendChild(row(v, false, zone)); });
    update();
    if (!window.EventSource) { state.textContent = 'reload to see new events'; return; }
    var source = new EventSource(table.getAttribute('data-stream'));
    source.addEventListener('ready', function () { state.textContent = 'live'; state.classList.add('on'); });
    source.addEventListener('test_event', function (e) { body.insertBefore(row(JSON.parse(e.data), true, zone), body.firstChild); update(); });
    source.onerror = function () { state.textContent = 'reconnecting…'; state.classList.remove('on'); };
    function update() { empty.hidden = body.rows.length > 0; }
  }

  function row(view, fresh, zone) {
    var e = view.event, tr = document.createElement('tr');
    tr.setAttribute('data-seq', view.seq);
    if (fresh) { tr.className = 'fresh'; }
    cell(tr, new Date(e.received_at).toLocaleString(undefined, { timeZone: zone }));
    cell(tr, e.reported_as + (e.reported_as !== e.event ? ' (' + e.event + ')' : ''));
    cell(tr, e.channel === 'browser' ? 'browser' : 'server');
    cell(tr, e.event_id || '—');
    var params = cell(tr, JSON.stringify(e.properties, null, 1));
    params.className = 'params';
    var keys = cell(tr, '');
    e.match_keys.forEach(function (k) { var s = document.createElement('span'); s.className = 'key ok'; s.textContent = k; keys.appendChild(s); keys.appendChild(document.createTextNode(' ')); });
    var checks = cell(tr, '');
    view.checks.forEach(function (c) {
      var s = document.createElement('span');
      s.className = 'check ' + c.verdict;
      s.setAttribute('data-check', c.check);
      s.setAttribute('data-verdict', c.verdict);
      s.title = c.detail;
      s.textContent = (c.verdict === 'pass' ? '✓ ' : c.verdict === 'fail' ? '✗ ' : '– ') + c.check;
      checks.appendChild(s);
    });
    return tr;
  }

  function cell(tr, text) { var td = document.createElement('td'); td.textContent = text; tr.appendChild(td); return td; }

  ready(function () { switcher(); sortableTables(); copyButtons(); confirmations(); chart(); testEvents(); });
})();
