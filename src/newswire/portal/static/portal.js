/* Progressive enhancement for the portal; every page works without it.
   - times in the reader's own time zone and language (the server writes UTC);
   - an embargo banner counts down;
   - the live flow asks the portal for stories newer than the page and holds them behind
     an "N new" bar (the rows the reader looks at do not move), inserting them on request. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var formats = {
    clock: new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit" }),
    stamp: new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" })
  };

  function localize(root) {
    Array.prototype.forEach.call(root.querySelectorAll("time[data-local]"), function (el) {
      var when = new Date(el.getAttribute("datetime"));
      var format = formats[el.dataset.local];
      if (!isNaN(when.getTime()) && format) {
        el.title = el.textContent;  // the UTC time stays one hover away
        el.textContent = format.format(when);
      }
    });
  }

  function countdown(el) {
    var end = new Date(el.getAttribute("datetime")).getTime();
    function tick() {
      var left = Math.round((end - Date.now()) / 60000);
      if (left <= 0) { el.textContent = el.dataset.over; return; }
      var text = (left >= 60 ? Math.floor(left / 60) + " h " : "") + (left % 60) + " min";
      el.textContent = el.dataset.left.replace("{t}", text);
      setTimeout(tick, 15000);
    }
    tick();
  }

  // Urgent stories (urgency 1-2) may sound a short tone; the reader switches it on (browsers
  // allow sound only after a gesture, which the checkbox is) and the choice is remembered.
  var URGENT = /class="row u[12][ "]/;
  var SOUND_KEY = "newswire.urgentSound";
  var audio = null;

  function soundToggle() {
    var box = document.getElementById("urgent-sound");
    if (!box) { return function () { return false; }; }
    box.checked = window.localStorage.getItem(SOUND_KEY) === "1";
    box.addEventListener("change", function () {
      window.localStorage.setItem(SOUND_KEY, box.checked ? "1" : "0");
      if (box.checked && !audio && window.AudioContext) { audio = new window.AudioContext(); }
    });
    return function () { return box.checked; };
  }

  function beep() {
    if (!audio && window.AudioContext) { audio = new window.AudioContext(); }
    if (!audio) { return; }
    var tone = audio.createOscillator();
    var gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.15;
    tone.connect(gain);
    gain.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.2);
  }

  function live(table) {
    var wantsSound = soundToggle();
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
      Array.prototype.forEach.call(rows.querySelectorAll("tr[data-uri]"), function (tr) {
        if (fresh.some(function (pair) { return pair[0] === tr.dataset.uri; })) { tr.remove(); }
      });
      var holder = document.createElement("tbody");
      holder.innerHTML = fresh.reverse().map(function (pair) { return pair[1]; }).join("");
      localize(holder);
      var first = rows.firstChild;
      Array.prototype.slice.call(holder.children).forEach(function (tr) {
        tr.classList.add("fresh");
        rows.insertBefore(tr, first);
      });
      var empty = document.getElementById("flow-empty");
      if (empty) { empty.remove(); }
      render();
      window.scrollTo({ top: 0 });
    }

    function poll() {
      fetch(base + sep + "after=" + encodeURIComponent(after),
            { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (resp) {
          if (resp.status === 401) { window.location.reload(); return null; }
          if (!resp.ok) { throw new Error(String(resp.status)); }
          return resp.json();
        })
        .then(function (data) {
          if (!data) { return; }
          after = data.next;
          if (wantsSound() && data.rows.some(function (row) { return URGENT.test(row.html); })) { beep(); }
          data.rows.slice().reverse().forEach(function (row) {  // oldest first: the map ends newest
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
  }

  function copier(button) {
    var source = document.querySelector(button.dataset.copy);
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.content.textContent).then(function () {
        button.textContent = button.dataset.done;
      });
    });
  }

  localize(document);
  Array.prototype.forEach.call(document.querySelectorAll("button.copy"), copier);
  Array.prototype.forEach.call(document.querySelectorAll("time.countdown"), countdown);
  var table = document.getElementById("flow");
  if (table && table.dataset.updates) { live(table); }
})();
