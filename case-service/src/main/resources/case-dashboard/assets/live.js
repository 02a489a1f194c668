// Shared by the dashboard pages: listen to the live stream and redraw #live from the server when told.
window.vigieLive = function (fragmentUrl, concerns) {
  const status = document.getElementById('live-status');
  let pending = null;

  function redraw() {
    pending = null;
    fetch(fragmentUrl(), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        if (response.redirected || !response.ok) {
          // Logged out or gone: a full load shows the login page or the error.
          window.location.reload();
          return null;
        }
        return response.text();
      })
      .then(function (html) {
        if (html === null) return;
        const current = document.getElementById('live');
        const template = document.createElement('template');
        template.innerHTML = html.trim();
        current.replaceWith(template.content.firstElementChild);
      });
  }

  function schedule() {
    if (pending === null) pending = setTimeout(redraw, 150);
  }

  const source = new EventSource('/dashboard/events');
  source.addEventListener('case', function (event) {
    if (concerns(event.data)) schedule();
  });
  source.onopen = function () {
    if (status) status.classList.remove('off');
    document.body.dataset.live = 'connected';
  };
  source.onerror = function () {
    if (status) status.classList.add('off');
    document.body.dataset.live = 'reconnecting';
  };
  // Clocks move even when nothing happens.
  setInterval(schedule, 30000);
  return { redraw: schedule };
};
