/* translate-cmp report: filters, sort, counts, j/k keys, state in the URL hash. No network, no libraries.
   Without JavaScript the form stays hidden and every sentence is on the page. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  form.hidden = false;
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.sent"));
  // every control names the card attribute it filters on (data-key); "flagged", "q" and "sort" are special
  var controls = {};
  Array.prototype.forEach.call(form.querySelectorAll("[data-key]"), function (el) {
    controls[el.dataset.key] = el;
  });
  var keys = Object.keys(controls);
  var facets = keys.filter(function (k) { return controls[k].tagName === "SELECT" && k !== "sort"; });
  var state = {};
  cards.forEach(function (c, i) {
    c._order = i;
    c._text = c.textContent.toLowerCase();
  });

  function defaults() {
    var d = { flagged: false, q: "", sort: "risk" };
    facets.forEach(function (k) { d[k] = ""; });
    return d;
  }
  function hasWord(list, word) {
    return (" " + (list || "") + " ").indexOf(" " + word + " ") >= 0;
  }
  function matches(c, s, skip) {
    for (var i = 0; i < facets.length; i++) {
      var k = facets[i];
      if (k !== skip && s[k] && !hasWord(c.dataset[k], s[k])) return false;
    }
    if (s.flagged && !c.classList.contains("flagged")) return false;
    if (s.q && c._text.indexOf(s.q.toLowerCase()) < 0) return false;
    return true;
  }
  function readControls() {
    keys.forEach(function (k) {
      var el = controls[k];
      if (!el) return;
      state[k] = el.type === "checkbox" ? el.checked : el.value;
    });
  }
  function writeControls() {
    keys.forEach(function (k) {
      var el = controls[k];
      if (!el) return;
      if (el.type === "checkbox") el.checked = !!state[k];
      else el.value = state[k];
      if (el.tagName === "SELECT" && el.value !== String(state[k])) {
        el.value = "";
        state[k] = k === "sort" ? "risk" : "";
      }
    });
  }
  function sortLists() {
    document.querySelectorAll(".items").forEach(function (list) {
      var items = Array.prototype.slice.call(list.children);
      items.sort(function (a, b) {
        if (state.sort === "doc") {
          var da = a.dataset.doc || "", db = b.dataset.doc || "";
          if (da !== db) return da < db ? -1 : 1;
          return (+a.dataset.sent || 0) - (+b.dataset.sent || 0);
        }
        return a._order - b._order;
      });
      items.forEach(function (el) { list.appendChild(el); });
    });
  }
  function facetCounts() {
    facets.forEach(function (k) {
      Array.prototype.forEach.call(controls[k].options, function (opt) {
        if (!opt.dataset.label) opt.dataset.label = opt.textContent;
        var n = 0;
        cards.forEach(function (c) {
          if (matches(c, state, k) && (!opt.value || hasWord(c.dataset[k], opt.value))) n++;
        });
        opt.textContent = opt.dataset.label + " (" + n + ")";
      });
    });
  }
  function apply() {
    var shown = 0, flagged = 0, per = {};
    cards.forEach(function (c) {
      var ok = matches(c, state);
      c.hidden = !ok;
      if (ok) {
        shown++;
        if (c.classList.contains("flagged")) flagged++;
        var sec = c.closest("section");
        if (sec) per[sec.id] = (per[sec.id] || 0) + 1;
      }
    });
    document.querySelectorAll("[data-count]").forEach(function (el) {
      var sec = el.closest("section");
      var total = sec ? sec.querySelectorAll("article.sent").length : 0;
      var n = per[sec && sec.id] || 0;
      el.textContent = "(" + (n === total ? n : n + " of " + total) + ")";
    });
    var out = document.getElementById("shown");
    if (out) out.textContent = shown + " of " + cards.length + " " + (form.dataset.noun || "sentences") + " shown, " + flagged + " flagged";
    document.querySelectorAll("section.unflagged").forEach(function (sec) { sec.hidden = !!state.flagged; });
    sortLists();
    facetCounts();
  }
  function toHash() {
    var p = new URLSearchParams(), d = defaults();
    keys.forEach(function (k) {
      if (state[k] !== d[k]) p.set(k, state[k] === true ? "1" : state[k]);
    });
    var s = p.toString();
    var url = location.pathname + location.search + (s ? "#filter&" + s : "");
    history.replaceState(null, "", url);
  }
  function fromHash() {
    var h = location.hash.slice(1);
    if (h !== "filter" && h.indexOf("filter&") !== 0) return false;
    var p = new URLSearchParams(h.slice(7));
    state = defaults();
    keys.forEach(function (k) {
      if (!p.has(k)) return;
      state[k] = k === "flagged" ? p.get(k) === "1" : p.get(k);
    });
    return true;
  }
  function changed() {
    readControls();
    apply();
    toHash();
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  document.getElementById("f-reset").addEventListener("click", function () {
    state = defaults();
    writeControls();
    apply();
    toHash();
  });
  window.addEventListener("hashchange", function () {
    if (fromHash()) { writeControls(); apply(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target && e.target.tagName;
    if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA" || t === "BUTTON") return;
    if (e.key !== "j" && e.key !== "k") return;
    var list = Array.prototype.slice.call(document.querySelectorAll("article.sent.flagged:not([hidden])"));
    if (!list.length) return;
    var current = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("article.sent.flagged") : null;
    var i = list.indexOf(current);
    i = e.key === "j" ? Math.min(i + 1, list.length - 1) : (i < 0 ? 0 : Math.max(i - 1, 0));
    list[i].focus();
    e.preventDefault();
  });
  state = defaults();
  fromHash();
  writeControls();
  apply();
})();
