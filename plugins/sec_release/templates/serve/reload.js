// Only while `mkdocs serve` runs. MkDocs reloads a served page with a script
// it writes inline into the page; every page's Content-Security-Policy allows
// only the site's own scripts and the theme's inline ones (by hash), so that
// script never runs. This one comes from the site itself: it reads the numbers
// out of MkDocs' script and asks the server the same question, "is there a
// newer build than the one this page belongs to?", then reloads the page.
(function () {
  "use strict";
  function poll(epoch, requestId) {
    var request = new XMLHttpRequest();
    request.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        setTimeout(function () { poll(epoch, requestId); }, this.status === 200 ? 0 : 3000);
      }
    };
    request.open("GET", "/livereload/" + epoch + "/" + requestId);
    request.send();
  }
  var scripts = document.getElementsByTagName("script");
  for (var i = scripts.length - 1; i >= 0; i--) {
    var found = /livereload\((\d+),\s*(\d+)\)/.exec(scripts[i].textContent);
    if (found) {
      poll(parseFloat(found[1]), found[2]);
      return;
    }
  }
})();
