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
        const typed = typedIn(current);
        current.replaceWith(template.content.firstElementChild);
        restore(typed);
      });
  }

  // What someone is typing in the redrawn part (a held notice's texts) survives the redraw: each field the person
  // changed gets its value back in its twin of the new part (same id); the focus and the caret stay where they were.
  function typedIn(current) {
    const values = [];
    current.querySelectorAll('textarea[id], input[id]:not([type=hidden])').forEach(function (field) {
      if (field.value !== field.defaultValue) values.push([field.id, field.value]);
    });
    const active = document.activeElement;
    const focused = active && active.id && current.contains(active)
      ? { id: active.id, start: active.selectionStart, end: active.selectionEnd } : null;
    return { values: values, focused: focused };
  }

  function restore(typed) {
    typed.values.forEach(function (entry) {
      const twin = document.getElementById(entry[0]);
      if (twin) twin.value = entry[1];
    });
    if (typed.focused === null) return;
    const field = document.getElementById(typed.focused.id);
    if (!field) return;
    field.focus();
    if (typeof typed.focused.start === 'number' && typeof field.setSelectionRange === 'function') {
      field.setSelectionRange(typed.focused.start, typed.focused.end);
    }
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
