(function () {
  "use strict";
  var evidence = JSON.parse(document.getElementById("evidence").textContent);
  var items = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var current = -1;

  function visibleItems() { return items.filter(function (li) { return !li.hidden; }); }

  function show(id) {
    var e = evidence[id];
    if (!e) { return; }
    var panel = document.getElementById("detail");
    panel.hidden = false;
    document.getElementById("detail-title").textContent = e.severity + " " + e.category + " · " + e.code + " " + e.name;
    document.getElementById("detail-message").textContent = e.message;
    document.getElementById("detail-suggestion").textContent = e.suggestion ? "Suggestion: " + e.suggestion : "";
    document.getElementById("detail-data").textContent = e.data || "";
    document.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    document.querySelectorAll("mark.hl").forEach(function (m) {
      if ((" " + m.getAttribute("data-ids") + " ").indexOf(" " + id + " ") >= 0) { m.classList.add("active"); }
    });
    items.forEach(function (li) { li.classList.toggle("current", li.getAttribute("data-id") === id); });
  }

  function reveal(id) {
    var mark = null;
    document.querySelectorAll("mark.hl").forEach(function (m) {
      if (!mark && (" " + m.getAttribute("data-ids") + " ").indexOf(" " + id + " ") >= 0) { mark = m; }
    });
    if (mark && mark.scrollIntoView) { mark.scrollIntoView({ block: "center" }); }
    show(id);
  }

  items.forEach(function (li) {
    li.addEventListener("click", function () { reveal(li.getAttribute("data-id")); });
    li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { reveal(li.getAttribute("data-id")); } });
  });
  document.querySelectorAll("mark.hl, sup.badge").forEach(function (m) {
    function open() { show(m.getAttribute("data-ids").split(" ")[0]); }
    m.addEventListener("click", open);
    m.addEventListener("focus", open);
  });

  function applyFilters() {
    var q = document.getElementById("search").value.toLowerCase();
    var sev = {}, cat = {};
    document.querySelectorAll(".f-sev").forEach(function (c) { sev[c.value] = c.checked; });
    document.querySelectorAll(".f-cat").forEach(function (c) { cat[c.value] = c.checked; });
    var shown = 0;
    items.forEach(function (li) {
      var ok = sev[li.getAttribute("data-severity")] !== false && cat[li.getAttribute("data-category")] !== false &&
        (!q || li.textContent.toLowerCase().indexOf(q) >= 0);
      li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.getElementById("count").textContent = String(shown);
  }
  document.getElementById("search").addEventListener("input", applyFilters);
  document.querySelectorAll(".f-sev, .f-cat").forEach(function (c) { c.addEventListener("change", applyFilters); });

  document.addEventListener("keydown", function (ev) {
    if (ev.target && (ev.target.tagName === "INPUT")) { return; }
    var list = visibleItems();
    if (!list.length) { return; }
    if (ev.key === "j" || ev.key === "n") { current = Math.min(list.length - 1, current + 1); }
    else if (ev.key === "k" || ev.key === "p") { current = Math.max(0, current - 1); }
    else { return; }
    list[current].focus();
    reveal(list[current].getAttribute("data-id"));
  });
})();
