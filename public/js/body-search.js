// Filters the home page's list of bodies while the citizen types. Without this script the search
// form still works: it is a plain GET form that the server answers with the filtered list.
(function () {
  'use strict';
  var input = document.getElementById('f-cari');
  var status = document.getElementById('hasil-cari-langsung');
  if (!input || !status) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll('.body-card[data-name]'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section[data-body-group]'));

  // The same rule as the server's (src/modules/bodies/body-search.ts): every word in the name, or the code.
  function code(text) {
    var t = text.trim();
    if (/^\d{2}(\.\d{2})?$/.test(t)) return t;
    var m = /^(\d{2})(\d{2})$/.exec(t);
    return m ? m[1] + '.' + m[2] : null;
  }
  function matches(card, query) {
    if (code(query) === card.getAttribute('data-code')) return true;
    var name = card.getAttribute('data-name').toLowerCase();
    return query
      .toLowerCase()
      .split(/[\s,.]+/)
      .filter(function (w) { return w !== '' && w !== 'pemerintah'; })
      .every(function (w) { return name.indexOf(w) !== -1; });
  }

  var timer;
  input.addEventListener('input', function () {
    var query = input.value.slice(0, 100);
    var shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, query);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    sections.forEach(function (section) {
      section.hidden = section.querySelector('.body-card:not([hidden])') === null;
    });
    // Announce the count once typing pauses, not on every key.
    clearTimeout(timer);
    timer = setTimeout(function () {
      status.textContent = query.trim() === '' ? '' : shown === 0 ? 'Tidak ada badan publik yang cocok.' : shown + ' badan publik cocok.';
    }, 400);
  });
})();
