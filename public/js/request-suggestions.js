// While the citizen describes what they ask for, shows up to five public items of the body that
// may already answer it (GET /cari/saran). Without this script the form shows a link to the search.
(function () {
  'use strict';
  var box = document.querySelector('[data-request-suggestions]');
  if (!box || !window.fetch) return;
  var field = document.getElementById(box.getAttribute('data-field'));
  var panel = box.querySelector('[data-suggestion-list]');
  var list = panel && panel.querySelector('ul');
  var status = box.querySelector('[data-suggestion-status]');
  if (!field || !list || !status) return;
  var body = box.getAttribute('data-body') || '';
  var timer;
  var pending;
  var last = '';

  function render(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (item) {
      // Only the portal's own pages are linked.
      if (typeof item.url !== 'string' || item.url.charAt(0) !== '/' || item.url.charAt(1) === '/') return;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.title;
      li.appendChild(a);
      var note = document.createElement('span');
      note.className = 'muted';
      note.textContent = ' (' + item.category + ')';
      li.appendChild(note);
      list.appendChild(li);
    });
    panel.hidden = list.children.length === 0;
    status.textContent = list.children.length === 0 ? '' : list.children.length + ' informasi publik yang mungkin sudah tersedia ditampilkan di bawah isian ini.';
  }

  function lookUp() {
    var text = field.value.slice(-300);
    if (text.replace(/\s+/g, '').length < 3) { last = ''; render([]); return; }
    if (text === last) return;
    last = text;
    if (pending && pending.abort) pending.abort();
    pending = window.AbortController ? new AbortController() : null;
    var url = '/cari/saran?badan=' + encodeURIComponent(body) + '&teks=' + encodeURIComponent(text);
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: pending ? pending.signal : undefined })
      .then(function (res) { return res.ok ? res.json() : { items: [] }; })
      .then(function (data) { render(Array.isArray(data.items) ? data.items : []); })
      .catch(function () { /* a failed or cancelled look-up changes nothing: the form works without it */ });
  }

  field.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 400);
  });
  if (field.value) lookUp();
})();
