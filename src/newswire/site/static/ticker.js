/* Live ticker: new public headlines over Server-Sent Events. Progressive enhancement:
   the page already lists the latest headlines; this only keeps the list fresh. */
(function () {
  "use strict";
  var box = document.querySelector(".ticker[data-stream]");
  if (!box || !window.EventSource) { return; }
  var list = box.querySelector(".ticker-list");
  var keep = 6;
  var source = new EventSource(box.getAttribute("data-stream"));

  function remove(url) {
    var links = list.querySelectorAll("a");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === url) { list.removeChild(links[i].parentNode); }
    }
  }

  source.addEventListener("headline", function (event) {
    var story = JSON.parse(event.data);
    remove(story.url);
    var item = document.createElement("li");
    item.lang = story.lang;
    item.dir = story.dir;
    item.className = "fresh";
    var time = document.createElement("time");
    time.dateTime = story.datetime;
    time.textContent = story.time;
    var link = document.createElement("a");
    link.href = story.url;
    link.textContent = story.headline;
    item.appendChild(time);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(link);
    list.insertBefore(item, list.firstChild);
    while (list.children.length > keep) { list.removeChild(list.lastChild); }
  });
  source.addEventListener("withdrawn", function (event) { remove(JSON.parse(event.data).url); });
  source.addEventListener("open", function () { box.classList.add("is-live"); });
  source.addEventListener("error", function () { box.classList.remove("is-live"); });
})();
