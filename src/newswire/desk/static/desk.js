/* The desk's drafts save by themselves; every page works without this file.
   A compose form with data-autosave posts itself (CSRF token included, as a form) a couple of
   seconds after the editor stops typing. The answer names the draft and its new revision,
   which the form then carries, so the next save (by hand or by itself) is checked against it:
   when someone else saved the draft meanwhile the server answers 409 and autosave stops,
   saying so, instead of overwriting their text. No inline code: the page's CSP allows none. */
(function () {
  "use strict";
  var DELAY = 2000;

  try {  // the embargo is shown in the editor's zone too (desk/zones.py)
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) document.cookie = "desk_tz=" + encodeURIComponent(zone) + "; path=/desk; max-age=31536000; samesite=lax";
  } catch (e) { /* no Intl: UTC */ }

  function autosave(form) {
    var status = document.getElementById("autosave-status");
    var timer = null;
    var busy = false;
    var again = false;
    var stopped = false;

    function say(text, conflict) {
      if (!status) { return; }
      status.textContent = text;
      status.classList.toggle("is-conflict", Boolean(conflict));
    }

    function body() {
      var data = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (typeof value === "string" && name !== "action") { data.append(name, value); }
      });
      return data;
    }

    function save() {
      timer = null;
      if (stopped) { return; }
      if (!form.elements.headline.value.trim()) { say("Not saved yet: a draft needs a headline."); return; }
      if (busy) { again = true; return; }
      busy = true;
      fetch(form.dataset.autosave, {
        method: "POST", body: body(), credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (answer) {
        return answer.json().then(function (data) { return [answer.status, data]; });
      }).then(function (result) {
        var code = result[0], data = result[1];
        if (code === 200) {
          form.elements.draft.value = String(data.draft);
          form.elements.rev.value = String(data.rev);
          if (window.location.pathname !== data.location) { window.history.replaceState(null, "", data.location); }
          say("Saved " + new Date(data.savedAt).toLocaleTimeString() + " (revision " + data.rev + ").");
        } else if (code === 409) {
          stopped = true;
          say(data.published ? "This draft was published meanwhile: nothing more is saved here." :
              "Not saved: " + data.savedBy + " saved this draft meanwhile (revision " + data.currentRev +
              "). Copy your text, reload the page and merge.", true);
        } else {
          say("Not saved: " + (data.detail || data.title || code));
          if (code === 401 || code === 403) { stopped = true; }
        }
      }).catch(function () {
        say("Not saved: the desk cannot be reached. It tries again as you type.");
      }).then(function () {
        busy = false;
        if (held !== null) { again = false; form.dispatchEvent(new Event("autosaved")); return; }
        if (again) { again = false; schedule(); }
      });
    }

    function schedule() {
      if (stopped) { return; }
      if (timer !== null) { clearTimeout(timer); }
      timer = setTimeout(save, DELAY);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    var held = null;  // a button pressed while an autosave was on its way
    form.addEventListener("submit", function (event) {
      if (timer !== null) { clearTimeout(timer); timer = null; }
      if (busy) {  // wait for the revision it brings back, or the button's save would conflict
        event.preventDefault();
        held = event.submitter || form.querySelector("button[type=submit]");
        return;
      }
      stopped = true;  // the button's own save goes ahead
    });
    form.addEventListener("autosaved", function () {
      var button = held;
      held = null;
      if (!stopped) { form.requestSubmit(button); }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), autosave);
}());

/* Enrichment suggestions and keyboard shortcuts on the compose form (form[data-suggest]).
   "Suggest enrichment" posts the form to /desk/suggest and puts the panel it answers (the
   same HTML the page renders without this script) in place of the old one; the ticked boxes
   travel with the form like any field. Ticking a language suggestion fills the Language field.
   Shortcuts (listed in the page's "Keyboard shortcuts"): Ctrl+S saves the draft, Ctrl+Enter
   publishes after a confirmation, Ctrl+Shift+E asks for suggestions, ? shows or hides the
   list, Esc hides it. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest]");
  if (!form) { return; }

  function panel() { return document.getElementById("suggestions"); }

  function say(text) {
    var status = document.getElementById("suggest-status");
    if (status) { status.textContent = text; }
  }

  function ask() {
    var section = panel();
    if (!section) { return; }
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name !== "action") { data.append(name, value); }
    });
    say(section.dataset.busy);
    fetch(form.dataset.suggest, {
      method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" }
    }).then(function (answer) {
      return answer.json().then(function (found) { return [answer.status, found]; });
    }).then(function (result) {
      if (result[0] !== 200) {
        say(section.dataset.failed.replace("{e}", result[1].detail || result[1].title || String(result[0])));
        return;
      }
      var holder = document.createElement("div");
      holder.innerHTML = result[1].html;
      var fresh = holder.firstElementChild;
      section.replaceWith(fresh);
      var button = document.getElementById("suggest-button");
      if (button) { button.focus(); }
      form.dispatchEvent(new Event("change"));  // the reviewed steps are part of the draft: autosave
    }).catch(function () {
      say(section.dataset.failed.replace("{e}", "the desk cannot be reached"));
    });
  }

  form.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("#suggest-button")) {
      event.preventDefault();
      ask();
    }
  });

  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box instanceof HTMLInputElement && box.dataset.language && box.checked) {
      form.elements.language.value = box.dataset.language;
    }
  });

  function typing(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function press(value) {
    var button = form.querySelector("button[name=action][value=" + value + "]");
    if (button) { form.requestSubmit(button); }
    return Boolean(button);
  }

  document.addEventListener("keydown", function (event) {
    var help = document.getElementById("shortcuts");
    var command = event.ctrlKey || event.metaKey;
    var key = event.key.toLowerCase();
    if (command && !event.altKey && !event.shiftKey && key === "s") {
      event.preventDefault();
      press("draft");
    } else if (command && !event.altKey && key === "enter") {
      event.preventDefault();
      if (form.querySelector("button[value=publish]") && window.confirm(form.dataset.confirm)) { press("publish"); }
    } else if (command && event.shiftKey && key === "e") {
      event.preventDefault();
      ask();
    } else if (event.key === "?" && !command && !typing(event.target) && help) {
      event.preventDefault();
      help.open = !help.open;
      if (help.open) { help.querySelector("summary").focus(); }
    } else if (event.key === "Escape" && help && help.open) {
      help.open = false;
    }
  });
}());

/* Shortcuts on the outgoing wire (table#wire), listed on the page: J and K move to the next and
   the previous story (rows the live wire inserted included), N opens a new story, ? shows or
   hides the list. Keys typed into a field are the field's. */
(function () {
  "use strict";
  var wire = document.getElementById("wire");
  if (!wire || document.querySelector("form[data-suggest]")) { return; }

  function typing(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function step(by) {
    var links = Array.prototype.slice.call(wire.querySelectorAll("tbody tr[data-uri] a"));
    if (!links.length) { return; }
    var at = links.indexOf(document.activeElement);
    var next = at < 0 ? (by > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + by));
    links[next].focus();
    links[next].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var help = document.getElementById("shortcuts");
    var key = event.key;
    if (key === "j" || key === "k") {
      event.preventDefault();
      step(key === "j" ? 1 : -1);
    } else if (key === "n") {
      var link = document.querySelector("a[href$='/desk/new']");
      if (link) { event.preventDefault(); window.location.assign(link.href); }
    } else if (key === "?" && help) {
      event.preventDefault();
      help.open = !help.open;
    } else if (key === "Escape" && help && help.open) {
      help.open = false;
    }
  });
}());
