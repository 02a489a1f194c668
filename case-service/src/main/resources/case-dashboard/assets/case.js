(function () {
  const incident = document.querySelector('main').dataset.incident;
  vigieLive(function () { return '/dashboard/cases/' + incident + '/live'; },
    function (changed) { return changed === incident; });

  // The held notices' countdowns tick between the redraws. The server wrote "in 12 min" at the time in data-now;
  // counting from there, with the time since this element was drawn, keeps to the server's clock, not the browser's.
  // Rounded up to the minute, as Format.left does.
  function left(ms) {
    const seconds = Math.floor(ms / 1000);
    if (seconds < 60) return 'less than a minute';
    const minutes = Math.floor((seconds + 59) / 60);
    if (minutes < 60) return minutes + ' min';
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return hours + ' h ' + String(minutes % 60).padStart(2, '0') + ' min';
    return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h';
  }

  function tick() {
    document.querySelectorAll('[data-held-until]').forEach(function (countdown) {
      const drawn = countdown.closest('[data-now]');
      const text = countdown.querySelector('.countdown-left');
      if (!drawn || !text) return;
      if (!countdown.dataset.drawnAt) countdown.dataset.drawnAt = String(Date.now());
      const now = Number(drawn.dataset.now) + (Date.now() - Number(countdown.dataset.drawnAt));
      const ms = Number(countdown.dataset.heldUntil) - now;
      const shown = ms > 0 ? 'in ' + left(ms) : 'now';
      if (text.textContent !== shown) text.textContent = shown;
      countdown.classList.toggle('due', ms <= 0);
    });
  }

  tick();
  setInterval(tick, 1000);
})();
