// Forms that came back with errors, and the written-notice form's decision switch. Every form works
// without this script: the server re-renders the form with its messages, and the notice form then
// shows every decision's fields under headings that say which decision they belong to.
(function () {
  'use strict';

  // A form posted to an address with its CSRF token (multipart forms): drop the token from the
  // address bar, so the address that stays can be reopened, bookmarked or shared without it.
  if (window.history && window.history.replaceState && /[?&]_csrf=/.test(window.location.search)) {
    var params = window.location.search.slice(1).split('&').filter(function (p) { return p.indexOf('_csrf=') !== 0; });
    window.history.replaceState(null, '', window.location.pathname + (params.length ? '?' + params.join('&') : '') + window.location.hash);
  }

  // After a failed submit the summary takes focus, so a screen reader reads it and the keyboard starts there.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link) return;
      var target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      // A radio group or a form section: focus its first control, not the box around it.
      var control = /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName) ? target : target.querySelector('input:not([type=hidden]), select, textarea, button');
      if (!control) return;
      event.preventDefault();
      var label = target.tagName === 'FIELDSET' ? target.querySelector('legend') : document.querySelector('label[for="' + control.id + '"]');
      (label || control).scrollIntoView();
      control.focus({ preventScroll: true });
    });
  }

  // The notice form shows only what the chosen decision needs; the rest is hidden and not sent.
  var forms = document.querySelectorAll('form[data-decision-form]');
  Array.prototype.forEach.call(forms, function (form) {
    var radios = form.querySelectorAll('input[name="decision"]');
    var parts = form.querySelectorAll('[data-decisions]');
    var prompt = form.querySelector('[data-decision-prompt]');
    function chosen() {
      for (var i = 0; i < radios.length; i += 1) if (radios[i].checked) return radios[i].value;
      return '';
    }
    function update() {
      var decision = chosen();
      Array.prototype.forEach.call(parts, function (part) {
        var show = decision !== '' && part.getAttribute('data-decisions').split(' ').indexOf(decision) !== -1;
        part.hidden = !show;
        Array.prototype.forEach.call(part.querySelectorAll('input, select, textarea'), function (field) {
          // Disabled fields are not posted; a field inside a part shown by an outer part stays as its own part says.
          var owner = field.parentElement.closest('[data-decisions]');
          if (owner === part) field.disabled = !show;
        });
      });
      if (prompt) prompt.hidden = decision !== '';
    }
    Array.prototype.forEach.call(radios, function (radio) { radio.addEventListener('change', update); });
    update();
  });
})();
