/* The qa report's behaviour: filters, evidence panel, keyboard, and the editor's
   decisions (accept, copy fix, apply fix) with their downloads.

   It runs under a strict Content-Security-Policy (this script by hash, no inline
   handlers, no inline style attributes): every listener is attached here and document
   text only ever enters the page through textContent. What qa owns is never
   recomputed: each finding comes with its baseline entry stub (fingerprint, code,
   text) and its target span in UTF-16 units (this script's string offsets). */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("report-data").textContent);
  if (!data.findings.length) { return; }

  var byId = new Map(data.findings.map(function (f) { return [f.id, f]; }));
  var items = Array.prototype.slice.call(document.querySelectorAll("#finding-list .finding"));
  var itemOf = new Map(items.map(function (li) { return [li.getAttribute("data-id"), li]; }));
  // highlights and badges in the aligned text, each naming the findings it shows
  var spots = Array.prototype.slice.call(document.querySelectorAll("#aligned [data-ids]"));
  var panel = document.getElementById("detail");
  var nameInput = document.getElementById("editor-name");
  var filteredOut = new Set();
  var messages = new Map();  // finding id → the latest outcome of an action on it
  var currentId = null;      // the finding the cursor (click, j/k) is on

  // ---- the editor's decisions, kept in this browser per pair of documents ----

  var STORE_KEY = "qa-report:decisions:" + data.document;
  var NAME_KEY = "qa-report:editor";
  var storage = openStorage();
  var decisions = loadDecisions();

  function openStorage() {
    try {
      var store = window.localStorage;
      store.setItem("qa-report:probe", "1");
      store.removeItem("qa-report:probe");
      return store;
    } catch (err) {
      return null;  // storage disabled: decisions last as long as the page
    }
  }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function loadDecisions() {
    var fresh = { accepted: {}, unaccepted: {}, applied: {} };
    if (!storage) { return fresh; }
    try {
      var saved = JSON.parse(storage.getItem(STORE_KEY) || "null");
      Object.keys(fresh).forEach(function (key) {
        if (saved && saved[key] && typeof saved[key] === "object") { fresh[key] = saved[key]; }
      });
    } catch (err) {
      notify("The decisions stored for this report could not be read; starting afresh.");
    }
    return fresh;
  }

  function saveDecisions() {
    if (!storage) {
      notify("This browser keeps nothing for this page: download the baseline before closing it.");
      return;
    }
    try {
      storage.setItem(STORE_KEY, JSON.stringify(decisions));
    } catch (err) {
      notify("Could not keep the decisions in this browser (" + err.message + "): download the baseline.");
    }
  }

  function text(value) { return typeof value === "string" ? value : ""; }

  function fingerprint(f) { return f.entry ? f.entry.fingerprint : null; }

  /* The finding's acceptance as the page stands: accepted here (stored), else the
     baseline's unless the editor un-accepted it; null when the finding is open. */
  function acceptance(f) {
    var fp = fingerprint(f);
    if (fp && has(decisions.accepted, fp)) {
      var mine = decisions.accepted[fp] || {};
      return { reason: text(mine.reason), by: text(mine.by), date: text(mine.date), where: "here" };
    }
    if (f.accepted && !(fp && has(decisions.unaccepted, fp))) {
      return { reason: f.accepted.reason, by: f.accepted.by, date: f.accepted.date, where: "baseline" };
    }
    return null;
  }

  function canFix(f) { return Boolean(f.fix && f.span && f.suggestion !== null && fingerprint(f)); }
  function isApplied(f) { return canFix(f) && has(decisions.applied, fingerprint(f)); }
  function isBlocking(f) { return f.blocks_when_open && !acceptance(f); }

  // ---- the baseline file, exactly as qa.baseline.render writes it ----

  /* Python orders strings by code point; JavaScript's < by UTF-16 unit, which differs
     for astral characters against U+E000..U+FFFF. */
  function compareCodePoints(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var k = 0; k < Math.min(x.length, y.length); k += 1) {
      if (x[k] !== y[k]) { return x[k].codePointAt(0) - y[k].codePointAt(0); }
    }
    return x.length - y.length;
  }

  function today() {
    var d = new Date();
    return String(d.getFullYear()).padStart(4, "0") + "-" + String(d.getMonth() + 1).padStart(2, "0") +
      "-" + String(d.getDate()).padStart(2, "0");
  }

  /* One entry per accepted finding (the baseline's, minus the un-accepted, plus those
     accepted here) and the baseline's entries of checks that did not run, sorted by
     (code, text, fingerprint), keys in the file's order, two-space indented, non-ASCII
     as is, a final newline: what render() writes. */
  function baselineText() {
    var unique = new Map();
    (data.dormant || []).forEach(function (e) { unique.set(e.fingerprint, e); });
    data.findings.forEach(function (f) {
      var acc = acceptance(f);
      if (acc && f.entry) {
        unique.set(f.entry.fingerprint, {
          fingerprint: f.entry.fingerprint, code: f.entry.code, text: f.entry.text,
          reason: acc.reason, by: acc.by, date: acc.date });
      }
    });
    var entries = Array.from(unique.values()).sort(function (a, b) {
      return compareCodePoints(a.code, b.code) || compareCodePoints(a.text, b.text) ||
        compareCodePoints(a.fingerprint, b.fingerprint);
    });
    return JSON.stringify({ "qa-baseline": 1, entries: entries }, null, 2) + "\n";
  }

  // ---- the corrected translation ----

  /* Two fixes clash when their spans overlap; an insertion point clashes with any
     span it touches (which text comes first would be a guess). */
  function spansClash(a, b) {
    if (a[0] === a[1] || b[0] === b[1]) { return a[0] <= b[1] && b[0] <= a[1]; }
    return a[0] < b[1] && b[0] < a[1];
  }

  function clashingFix(f) {
    return data.findings.find(function (other) {
      return other !== f && isApplied(other) && spansClash(other.span, f.span);
    });
  }

  /* The translation with each applied fix's span replaced by its suggestion and
     nothing else touched: same newlines, and the byte-order mark if the file had one. */
  function correctedText() {
    var source = data.target.text, out = "", cursor = 0, kept = [];
    data.findings.filter(isApplied).sort(function (a, b) {
      return a.span[0] - b.span[0] || a.span[1] - b.span[1];
    }).forEach(function (f) {
      if (kept.some(function (k) { return spansClash(k.span, f.span); })) { return; }
      out += source.slice(cursor, f.span[0]) + f.suggestion;
      cursor = f.span[1];
      kept.push(f);
    });
    return (data.target.bom ? "\uFEFF" : "") + out + source.slice(cursor);
  }

  function download(name, content, type) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  // ---- actions ----

  function notify(message) {
    var notice = document.getElementById("notice");
    if (notice) { notice.textContent = message; }
  }

  function say(f, message) {
    messages.set(f.id, message);
    notify(f.code + " (" + f.location + "): " + message);
  }

  function accept(f, reason) {
    var by = nameInput.value.trim();
    if (storage) { storage.setItem(NAME_KEY, by); }
    decisions.accepted[fingerprint(f)] = { reason: reason.trim(), by: by, date: today() };
    delete decisions.unaccepted[fingerprint(f)];
    messages.delete(f.id);
    saveDecisions();
    refresh(f);
  }

  function unaccept(f) {
    delete decisions.accepted[fingerprint(f)];
    if (f.accepted) { decisions.unaccepted[fingerprint(f)] = true; }
    messages.delete(f.id);
    saveDecisions();
    refresh(f);
  }

  function applyFix(f) {
    var clash = clashingFix(f);
    if (clash) {
      say(f, "Not applied: it overlaps the fix of " + clash.code + " (" + clash.location +
        ") already applied. Undo that fix first to apply this one.");
    } else {
      decisions.applied[fingerprint(f)] = true;
      say(f, "Fix applied: download the corrected translation to keep it.");
      saveDecisions();
    }
    refresh(f);
  }

  function undoFix(f) {
    delete decisions.applied[fingerprint(f)];
    messages.delete(f.id);
    saveDecisions();
    refresh(f);
  }

  /* A textarea selection and execCommand: for browsers that refuse the clipboard API
     to a file:// page. */
  function legacyCopy(value) {
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
    area.remove();
    return ok;
  }

  function copyFix(f) {
    function done() {
      say(f, f.suggestion === "" ? "Copied an empty text: the fix is to " + f.suggestion_text + "."
        : "Copied “" + f.suggestion + "”.");
      refresh(f);
    }
    function failed() {
      say(f, "Could not copy: select the suggestion and copy it by hand.");
      refresh(f);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(f.suggestion).then(done, function () {
        if (legacyCopy(f.suggestion)) { done(); } else { failed(); }
      });
    } else if (legacyCopy(f.suggestion)) { done(); } else { failed(); }
  }

  // ---- rendering a finding's state ----

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  function addButton(box, label, className, action, title) {
    var button = element("button", className, label);
    button.type = "button";
    if (title) { button.title = title; }
    button.addEventListener("click", action);
    box.appendChild(button);
    return button;
  }

  function acceptanceText(f) {
    var acc = acceptance(f);
    if (!acc) {
      return f.accepted ? "Un-accepted here (the baseline accepts it; the downloaded baseline will not)." : "";
    }
    var line = acc.where === "baseline" ? "Accepted by the baseline" : "Accepted here";
    if (acc.reason) { line += ": “" + acc.reason + "”"; }
    if (acc.by) { line += " — " + acc.by; }
    if (acc.date) { line += ", " + acc.date; }
    return line;
  }

  var FIX_TITLES = {
    safe: "A mechanical fix: replaces the highlighted words with the suggestion",
    review: "Read it first: replaces the highlighted words with the suggestion"
  };

  function renderActions(box, f) {
    box.textContent = "";
    if (acceptance(f)) {
      addButton(box, "Un-accept", "act-unaccept", function () { unaccept(f); });
    } else if (fingerprint(f)) {
      addButton(box, "Accept…", "act-accept", function () { openAcceptForm(box, f); },
        "Accept this finding (with a reason): it no longer blocks once the baseline is downloaded and used");
    }
    if (f.suggestion !== null) {
      addButton(box, "Copy fix", "act-copy", function () { copyFix(f); },
        f.suggestion === "" ? "Copies an empty text: the fix is to " + f.suggestion_text : "Copies “" + f.suggestion + "”");
    }
    if (canFix(f) && isApplied(f)) {
      addButton(box, "Undo fix", "act-unfix", function () { undoFix(f); });
    } else if (canFix(f)) {
      addButton(box, f.fix === "review" ? "Apply fix (review)" : "Apply fix", "act-apply",
        function () { applyFix(f); }, FIX_TITLES[f.fix]);
    }
    if (messages.has(f.id)) {
      var note = element("p", "act-message", messages.get(f.id));
      note.setAttribute("role", "status");
      box.appendChild(note);
    }
  }

  function openAcceptForm(box, f) {
    box.textContent = "";
    var reason = element("input", "act-reason");
    reason.type = "text";
    reason.placeholder = "Why is this acceptable?";
    reason.setAttribute("aria-label", "Reason for accepting " + f.code);
    box.appendChild(reason);
    addButton(box, "Accept", "act-confirm", function () { accept(f, reason.value); });
    addButton(box, "Cancel", "act-cancel", function () { renderActions(box, f); });
    reason.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); accept(f, reason.value); }
      if (ev.key === "Escape") { ev.stopPropagation(); renderActions(box, f); }
    });
    reason.focus();
  }

  function renderItem(f) {
    var li = itemOf.get(f.id);
    li.setAttribute("data-status", acceptance(f) ? "accepted" : "open");
    li.classList.toggle("blocking", isBlocking(f));
    li.classList.toggle("fixed", isApplied(f));
    li.querySelector(".tag-blocking").hidden = !isBlocking(f);
    li.querySelector(".acceptance").textContent = acceptanceText(f);
    renderActions(li.querySelector(".actions"), f);
  }

  function visibleIds(spot) {
    return spot.getAttribute("data-ids").split(" ").filter(function (id) { return !filteredOut.has(id); });
  }

  /* Highlights follow the list: those of filtered-out findings are plain text, those
     of accepted findings grey, those of applied fixes struck through. */
  function paintSpots() {
    spots.forEach(function (spot) {
      var ids = visibleIds(spot);
      var shown = ids.map(function (id) { return byId.get(id); });
      spot.classList.toggle("filtered", ids.length === 0);
      spot.classList.toggle("accepted", shown.length > 0 && shown.every(acceptance));
      spot.classList.toggle("fixed", shown.some(isApplied));
      spot.classList.toggle("active", !panel.hidden && ids.indexOf(currentId) >= 0);
      if (spot.tagName === "MARK") { spot.tabIndex = ids.length ? 0 : -1; }
    });
  }

  function summarize() {
    var counts = { accepted: 0, here: 0, unaccepted: 0, applied: 0, blocking: 0 };
    data.findings.forEach(function (f) {
      var acc = acceptance(f);
      if (acc) { counts.accepted += 1; }
      if (acc && acc.where === "here") { counts.here += 1; }
      if (f.accepted && !acc) { counts.unaccepted += 1; }
      if (isApplied(f)) { counts.applied += 1; }
      if (isBlocking(f)) { counts.blocking += 1; }
    });
    var parts = [counts.accepted + " accepted (" + counts.here + " in this browser)"];
    if (counts.unaccepted) { parts.push(counts.unaccepted + " un-accepted"); }
    parts.push(counts.applied + " fix" + (counts.applied === 1 ? "" : "es") + " applied");
    parts.push(counts.blocking + " blocking finding" + (counts.blocking === 1 ? "" : "s") + " open");
    var summary = document.getElementById("decision-summary");
    summary.textContent = parts.join(" · ");
    summary.setAttribute("data-blocking", String(counts.blocking));
    document.getElementById("download-fixed").disabled = counts.applied === 0;
  }

  function refresh(f) {
    renderItem(f);
    if (!panel.hidden && currentId === f.id) { fillPanel(f); }
    paintSpots();
    summarize();
  }

  // ---- the evidence panel ----

  function runs(list, fallback) {
    var box = element("dd");
    if (!list.length) {
      box.appendChild(element("span", "empty", fallback));
    }
    list.forEach(function (run) {
      box.appendChild(run[1] ? element("mark", "flag", run[0]) : document.createTextNode(run[0]));
    });
    return box;
  }

  function evidenceRow(list, label, value) {
    list.appendChild(element("dt", "", label));
    list.appendChild(typeof value === "string" ? element("dd", "", value) : value);
  }

  var FIX_NOTES = {
    safe: " (a mechanical fix of the highlighted words)",
    review: " (replaces the highlighted words; read it before applying)"
  };

  function fillPanel(f) {
    document.getElementById("detail-title").textContent =
      f.severity + " · " + f.code + " " + f.name + " (" + f.category + ")";
    document.getElementById("detail-location").textContent =
      f.location.charAt(0).toUpperCase() + f.location.slice(1);
    document.getElementById("detail-message").textContent = f.message;
    var list = document.getElementById("detail-evidence");
    list.textContent = "";
    if (f.source.length || f.translation.length) {
      evidenceRow(list, "Source", runs(f.source, "(nothing in the source)"));
      evidenceRow(list, "Translation", runs(f.translation, "(not translated)"));
    }
    if (f.suggestion !== null) {
      evidenceRow(list, "Suggestion", f.suggestion_text + (FIX_NOTES[f.fix] || " (advice, to adapt)"));
    }
    f.details.forEach(function (row) { evidenceRow(list, row[0], row[1]); });
    document.getElementById("detail-acceptance").textContent = acceptanceText(f);
    renderActions(document.getElementById("detail-actions"), f);
  }

  function show(id) {
    var f = byId.get(id);
    if (!f) { return; }
    currentId = id;
    fillPanel(f);
    panel.hidden = false;
    // the panel sits below the list in the sticky column: near the top of the page it
    // starts below the fold until the page scrolls it up
    if (panel.getBoundingClientRect().bottom > window.innerHeight && panel.scrollIntoView) {
      panel.scrollIntoView({ block: "nearest" });
    }
    items.forEach(function (li) { li.classList.toggle("current", li.getAttribute("data-id") === id); });
    paintSpots();
  }

  function closePanel() {
    var focusWasInside = panel.contains(document.activeElement);
    panel.hidden = true;
    paintSpots();
    var li = currentId && itemOf.get(currentId);
    if (focusWasInside && li && !li.hidden) { li.focus(); }
  }

  function reveal(id) {
    var mark = spots.find(function (spot) { return spot.tagName === "MARK" && visibleIds(spot).indexOf(id) >= 0; });
    if (mark && mark.scrollIntoView) { mark.scrollIntoView({ block: "center" }); }
    show(id);
  }

  // ---- filters ----

  function searchText(li) {
    return [".finding-head", ".finding-message", ".acceptance"].map(function (part) {
      return li.querySelector(part).textContent;
    }).join(" ").toLowerCase();
  }

  function applyFilters() {
    var query = document.getElementById("search").value.toLowerCase();
    var severity = {}, category = {};
    document.querySelectorAll(".f-sev").forEach(function (box) { severity[box.value] = box.checked; });
    document.querySelectorAll(".f-cat").forEach(function (box) { category[box.value] = box.checked; });
    var shown = 0;
    filteredOut.clear();
    items.forEach(function (li) {
      var ok = severity[li.getAttribute("data-severity")] !== false &&
        category[li.getAttribute("data-category")] !== false &&
        (!query || searchText(li).indexOf(query) >= 0);
      li.hidden = !ok;
      if (ok) { shown += 1; } else { filteredOut.add(li.getAttribute("data-id")); }
    });
    document.getElementById("shown").textContent = String(shown);
    if (currentId && filteredOut.has(currentId) && !panel.hidden) { closePanel(); }
    paintSpots();
  }

  // ---- keyboard ----

  function isVisible(li) { return !li.hidden && li.getClientRects().length > 0; }

  /* j/k move to the next/previous finding the editor can see, in list order. */
  function step(direction) {
    var at = currentId ? items.indexOf(itemOf.get(currentId)) : (direction > 0 ? -1 : items.length);
    for (var k = at + direction; k >= 0 && k < items.length; k += direction) {
      if (isVisible(items[k])) {
        items[k].focus();
        reveal(items[k].getAttribute("data-id"));
        return;
      }
    }
  }

  /* Letters typed into a text field are text, not navigation (a checkbox is no field). */
  function isTyping(target) {
    if (!target) { return false; }
    if (target.tagName === "INPUT") { return !/^(checkbox|radio|button|submit|reset|range|color|file)$/.test(target.type); }
    return target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName);
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    if (ev.key === "Escape") {
      if (!panel.hidden) { ev.preventDefault(); closePanel(); }
      return;
    }
    if (isTyping(ev.target)) { return; }
    if (ev.key === "j" || ev.key === "n") { step(1); } else if (ev.key === "k" || ev.key === "p") { step(-1); }
  });

  // ---- wiring ----

  items.forEach(function (li) {
    var id = li.getAttribute("data-id");
    li.addEventListener("click", function (ev) {
      if (!ev.target.closest(".actions")) { reveal(id); }
    });
    li.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && ev.target === li) { reveal(id); }
    });
  });
  spots.forEach(function (spot) {
    function open() {
      var ids = visibleIds(spot);
      if (ids.length) { show(ids[0]); }
    }
    spot.addEventListener("click", open);
    spot.addEventListener("focus", open);
  });
  document.getElementById("detail-close").addEventListener("click", closePanel);
  document.getElementById("search").addEventListener("input", applyFilters);
  document.querySelectorAll(".f-sev, .f-cat").forEach(function (box) { box.addEventListener("change", applyFilters); });
  document.getElementById("download-baseline").addEventListener("click", function () {
    download(data.baselineFile, baselineText(), "application/json");
    notify("Baseline downloaded: commit it as " + data.baselineFile + " beside the translation; qa reads it from there.");
  });
  document.getElementById("download-fixed").addEventListener("click", function () {
    download(data.target.name, correctedText(), "text/plain;charset=utf-8");
    notify("Corrected translation downloaded as " + data.target.name + ".");
  });
  if (storage) { nameInput.value = storage.getItem(NAME_KEY) || ""; }
  nameInput.addEventListener("change", function () {
    if (storage) { storage.setItem(NAME_KEY, nameInput.value.trim()); }
  });
  // a translation qa read as extracted prose (HTML, DOCX) cannot be rewritten here
  document.getElementById("download-fixed").hidden = !data.target.editable;
  document.getElementById("decisions").hidden = false;
  data.findings.forEach(renderItem);
  applyFilters();
  summarize();
})();
