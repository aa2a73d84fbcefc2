/* The desk's drafts save by themselves; every page works without this file.
   A compose form with data-autosave posts itself (CSRF token included, as a form) a couple of
   seconds after the editor stops typing. The answer names the draft and its new revision,
   which the form then carries, so the next save (by hand or by itself) is checked against it:
   when someone else saved the draft meanwhile the server answers 409 and autosave stops,
   saying so, instead of overwriting their text. No inline code: the page's CSP allows none. */
(function () {
  "use strict";
  var DELAY = 2000;

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
