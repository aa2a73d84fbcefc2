/* The live flow: ask the portal for stories newer than the page, hold them behind an
   "N new" bar (the rows the reader looks at do not move), insert them on request. */
(function () {
  "use strict";
  var table = document.getElementById("flow");
  if (!table || !table.dataset.updates) { return; }
  var rows = document.getElementById("flow-rows");
  var bar = document.getElementById("new-bar");
  var show = document.getElementById("new-show");
  var count = document.getElementById("new-count");
  var after = table.dataset.after;
  var pending = new Map();  // uri -> row HTML, newest last
  var base = table.dataset.updates;
  var sep = base.indexOf("?") >= 0 ? "&" : "?";

  function render() {
    if (pending.size === 0) { bar.hidden = true; return; }
    count.textContent = table.dataset["new"].replace("{n}", String(pending.size));
    bar.hidden = false;
  }

  function insert() {
    var fresh = [];
    pending.forEach(function (html, uri) { fresh.push([uri, html]); });
    pending.clear();
    fresh.reverse().forEach(function (pair) {
      Array.prototype.forEach.call(rows.querySelectorAll("tr[data-uri]"), function (tr) {
        if (tr.dataset.uri === pair[0]) { tr.remove(); }
      });
    });
    var holder = document.createElement("tbody");
    holder.innerHTML = fresh.map(function (pair) { return pair[1]; }).join("");
    var first = rows.firstChild;
    Array.prototype.slice.call(holder.children).forEach(function (tr) {
      tr.classList.add("fresh");
      rows.insertBefore(tr, first);
    });
    var empty = document.getElementById("flow-empty");
    if (empty) { empty.remove(); }
    render();
    window.scrollTo({ top: 0 });
    table.focus && table.focus();
  }

  function poll() {
    fetch(base + sep + "after=" + encodeURIComponent(after), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (resp) {
        if (resp.status === 401) { window.location.reload(); return null; }
        if (!resp.ok) { throw new Error(String(resp.status)); }
        return resp.json();
      })
      .then(function (data) {
        if (!data) { return; }
        after = data.next;
        data.rows.forEach(function (row) {
          pending["delete"](row.uri);
          pending.set(row.uri, row.html);
        });
        render();
        poll();
      })
      .catch(function () { setTimeout(poll, 5000); });
  }

  show.addEventListener("click", insert);
  table.classList.add("is-live");
  poll();
})();
