/* The record's own small script: filters and sorting for the register and the
   releases index, and a written cue on tables that scroll sideways.
   Everything it changes is already on the page without it (the full tables);
   it makes no request and runs under script-src 'self' (no inline code). */
(function () {
  "use strict";

  /* Tables wider than their box: say so in words, beside the scroll shadow. */
  function markOverflow() {
    document.querySelectorAll(".sec-table-wrap").forEach(function (box) {
      var over = box.scrollWidth > box.clientWidth + 1;
      var cue = box.querySelector(":scope > .sec-scroll-cue");
      if (over && !cue) {
        cue = document.createElement("p");
        cue.className = "sec-scroll-cue";
        cue.setAttribute("aria-hidden", "true");
        cue.textContent = "Scroll sideways for more \u2192";
        box.insertBefore(cue, box.firstChild);
      }
      if (over) box.setAttribute("data-overflowing", "");
      else box.removeAttribute("data-overflowing");
    });
  }

  /* Filters: each <select name="x"> keeps the rows whose data-x lists its value. */
  function setUpFilters(form) {
    var table = document.getElementById(form.getAttribute("data-filters"));
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (row) { return !row.querySelector("[colspan]"); });
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = form.querySelector(".sec-filter-count");
    var noun = table.id === "register" ? "modifications" : "releases";
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) select.value = wanted;
    });

    function apply(updateUrl) {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = selects.every(function (select) {
          if (!select.value) return true;
          return (row.getAttribute("data-" + select.name) || "").split(" ").indexOf(select.value) !== -1;
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      if (count) count.textContent = shown === rows.length ? "Showing all " + rows.length + " " + noun + "." : shown === 0 ? "No " + noun.replace(/s$/, "") + " matches these filters: choose others, or show all." : "Showing " + shown + " of " + rows.length + " " + noun + ".";
      if (updateUrl) {
        var next = new URLSearchParams(window.location.search);
        selects.forEach(function (select) { if (select.value) next.set(select.name, select.value); else next.delete(select.name); });
        var query = next.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
      markOverflow();
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
    form.hidden = false;
    apply(false);
  }

  /* Sorting: a button in each column heading; the URL keeps the order. */
  function setUpSorting(table) {
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var original = Array.prototype.slice.call(body.rows);

    function value(row, index) {
      var cell = row.cells[index];
      if (!cell) return "";
      return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    }

    function sortBy(index, descending, updateUrl) {
      var rows = original.slice();
      if (index >= 0) {
        rows.sort(function (a, b) {
          var x = value(a, index), y = value(b, index);
          if (x === "" && y !== "") return 1;  // rows without a value last, either way
          if (y === "" && x !== "") return -1;
          var order = x.localeCompare(y, "en", { numeric: true, sensitivity: "base" });
          return descending ? -order : order;
        });
      }
      rows.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (th, i) {
        if (i === index) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      });
      if (updateUrl) {
        var next = new URLSearchParams(window.location.search);
        if (index >= 0) { next.set("sort", headers[index].getAttribute("data-key")); next.set("order", descending ? "desc" : "asc"); }
        else { next.delete("sort"); next.delete("order"); }
        var query = next.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    headers.forEach(function (th, index) {
      var key = th.getAttribute("data-key");
      if (!key) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sec-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      var hint = document.createElement("span");
      hint.className = "sec-sort__hint";
      hint.setAttribute("aria-hidden", "true");
      button.appendChild(hint);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        sortBy(index, descending, true);
      });
    });

    var params = new URLSearchParams(window.location.search);
    var wanted = params.get("sort");
    var at = headers.findIndex(function (th) { return th.getAttribute("data-key") === wanted; });
    if (at >= 0) sortBy(at, params.get("order") === "desc", false);
  }

  function start() {
    document.querySelectorAll("table[data-sortable]").forEach(setUpSorting);
    document.querySelectorAll("form.sec-filters[data-filters]").forEach(setUpFilters);
    markOverflow();
    window.addEventListener("resize", markOverflow);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
