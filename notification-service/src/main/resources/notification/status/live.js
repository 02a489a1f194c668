// Keeps a Vigie status page current without a reload: asks every few seconds whether the content changed (its
// version), and if it did, fetches the page again and swaps the content in. Served as a file because the pages'
// Content-Security-Policy runs no inline script. A link revoked or expired meanwhile reloads the page, which then
// says so.
(function () {
  'use strict';
  var SELECTOR = 'main[data-version-url]';
  var first = document.querySelector(SELECTOR);
  if (!first || !window.fetch || !window.DOMParser) {
    return;
  }
  var every = parseInt(first.getAttribute('data-poll-ms'), 10) || 15000;

  function refresh() {
    return fetch(window.location.href, {cache: 'no-store', credentials: 'same-origin'})
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        var fresh = html && new DOMParser().parseFromString(html, 'text/html').querySelector(SELECTOR);
        if (fresh) {
          document.querySelector(SELECTOR).replaceWith(fresh);
        } else {
          window.location.reload();
        }
      });
  }

  function poll() {
    var current = document.querySelector(SELECTOR);
    fetch(current.getAttribute('data-version-url'), {cache: 'no-store', credentials: 'same-origin',
      headers: {'Accept': 'application/json'}})
      .then(function (response) {
        if (response.status === 400 || response.status === 404 || response.status === 410) {
          window.location.reload();
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (answer && answer.version !== current.getAttribute('data-version')) {
          return refresh();
        }
        return null;
      })
      .catch(function () {
        // Offline for a moment: the next round tries again.
      })
      .then(function () {
        window.setTimeout(poll, every);
      });
  }

  window.setTimeout(poll, every);
}());
