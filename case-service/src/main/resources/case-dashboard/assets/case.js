(function () {
  const incident = document.querySelector('main').dataset.incident;
  vigieLive(function () { return '/dashboard/cases/' + incident + '/live'; },
    function (changed) { return changed === incident; });
})();
