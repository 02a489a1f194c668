(function () {
  vigieLive(function () { return '/dashboard/board' + window.location.search; }, function () { return true; });

  const colours = { CRITICAL: '#c62828', HIGH: '#ef6c00', MEDIUM: '#f9a825', LOW: '#1e88e5' };
  let perDay = null;
  let mtt = null;

  function draw(days) {
    fetch('/dashboard/charts?days=' + days, { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (typeof Chart === 'undefined') return;
        if (perDay) perDay.destroy();
        if (mtt) mtt.destroy();
        perDay = new Chart(document.getElementById('chart-per-day'), {
          type: 'bar',
          data: {
            labels: data.days,
            datasets: Object.keys(colours).map(function (severity) {
              return { label: severity, data: data.perDay[severity], backgroundColor: colours[severity] };
            })
          },
          options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
        });
        mtt = new Chart(document.getElementById('chart-mtt'), {
          type: 'line',
          data: {
            labels: data.days,
            datasets: [
              { label: 'MTTA', data: data.mttaMinutes, borderColor: '#6a1b9a', spanGaps: true },
              { label: 'MTTR', data: data.mttrMinutes, borderColor: '#00897b', spanGaps: true }
            ]
          },
          options: { animation: false, responsive: true, scales: { y: { beginAtZero: true } } }
        });
      });
  }

  const select = document.getElementById('chart-days');
  select.addEventListener('change', function () { draw(select.value); });
  draw(select.value);
})();
