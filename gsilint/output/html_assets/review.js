// gsilint --format html: findings panel, filters, scroll to a finding, rule explanations.
// Nothing here reads text from the report as markup: only data-* numbers and textContent.
(function () {
  "use strict";
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var num = function (s) { return /^[0-9]+(\.[0-9]+)?$/.test(s) ? s : "x"; };

  function clearActive() {
    all(".active").forEach(function (e) { e.classList.remove("active"); });
  }
  function show(el) {
    if (!el) return;
    el.scrollIntoView({ block: "center", inline: "nearest" });
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  function inText(sel) {
    return document.querySelector(".doc " + sel);
  }
  // select finding k: mark it, its related places and its panel entry; scroll to `target`
  function select(k, target) {
    k = num(k);
    clearActive();
    all('.doc [data-f~="' + k + '"], .doc [data-rk~="' + k + '"]').forEach(function (e) {
      e.classList.add("active");
    });
    var li = document.getElementById("f" + k);
    if (li) li.classList.add("active");
    // a table cell first (a glued table's cell as read, rather than its run of digits)
    var place = target || inText('td[data-f~="' + k + '"]') || inText('[data-f~="' + k + '"]');
    // a finding with no place in the text (an unreadable file): its report's heading
    if (!place && li) place = li.closest("section.report").querySelector("h2");
    show(place);
    if (li) reveal(li);
    current = li;
  }
  // scroll the findings panel (not the page) so that its item `li` is in sight
  function reveal(li) {
    var panel = li.closest("aside.panel");
    if (!panel) return;
    var p = panel.getBoundingClientRect(), r = li.getBoundingClientRect();
    if (r.top < p.top) panel.scrollTop -= p.top - r.top + 8;
    else if (r.bottom > p.bottom) panel.scrollTop += r.bottom - p.bottom + 8;
  }
  var current = null;

  // n / p (or j / k): the next / previous finding shown
  function step(by) {
    var items = all("li.finding").filter(function (li) { return !li.hidden; });
    if (!items.length) return;
    var i = current ? items.indexOf(current) : -1;
    i = i < 0 ? (by > 0 ? 0 : items.length - 1) : (i + by + items.length) % items.length;
    select(items[i].getAttribute("data-k"));
    items[i].focus({ preventScroll: true });
  }

  // rule explanation in a dialog (copied as text, never as markup)
  var dialog = document.getElementById("ruledoc");
  function explain(code) {
    var src = document.getElementById("rule-" + code);
    if (!src) return false;
    if (!dialog || typeof dialog.showModal !== "function") {
      src.open = true;
      src.scrollIntoView();
      return true;
    }
    var body = dialog.querySelector(".body");
    body.textContent = "";
    var h = document.createElement("h3");
    h.textContent = src.querySelector("summary").textContent;
    var pre = document.createElement("pre");
    pre.className = "explain";
    pre.textContent = src.querySelector("pre").textContent;
    body.appendChild(h);
    body.appendChild(pre);
    dialog.showModal();
    return true;
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var ruleLink = t.closest("[data-rule]");
    if (ruleLink) {
      if (explain(ruleLink.getAttribute("data-rule"))) ev.preventDefault();
      return;
    }
    var rel = t.closest("a.rl");
    if (rel) {
      ev.preventDefault();
      select(rel.getAttribute("data-k"), inText('[data-r~="' + num(rel.getAttribute("data-r")) + '"]'));
      return;
    }
    var li = t.closest("li.finding");
    if (li) {
      select(li.getAttribute("data-k"));
      return;
    }
    // a mark in the text: its finding(s) in the panel
    var m = t.closest(".doc [data-f], .doc [data-rk]");
    if (m) {
      var ks = (m.getAttribute("data-f") || m.getAttribute("data-rk")).split(" ");
      var first = null;
      clearActive();
      ks.forEach(function (k) {
        var item = document.getElementById("f" + num(k));
        if (item && !item.hidden) {
          item.classList.add("active");
          first = first || item;
        }
      });
      if (first) reveal(first);
    }
  });
  document.addEventListener("keydown", function (ev) {
    var li = ev.target.closest && ev.target.closest("li.finding");
    if (li && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      select(li.getAttribute("data-k"));
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || (dialog && dialog.open)) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(ev.target.tagName || "")) return;
    if (ev.key === "n" || ev.key === "j") step(1);
    else if (ev.key === "p" || ev.key === "k") step(-1);
  });

  // filters by severity and rule family
  function applyFilters() {
    var sev = {}, fam = {};
    all("input.flt-sev").forEach(function (i) { sev[i.value] = i.checked; });
    all("input.flt-fam").forEach(function (i) { fam[i.value] = i.checked; });
    var visible = {};
    var shown = 0;
    all("li.finding").forEach(function (li) {
      var on = sev[li.getAttribute("data-sev")] !== false && fam[li.getAttribute("data-fam")] !== false;
      li.hidden = !on;
      if (on) {
        visible[li.getAttribute("data-k")] = true;
        shown += 1;
      }
    });
    all(".doc [data-f], .doc [data-rk]").forEach(function (e) {
      var ks = ((e.getAttribute("data-f") || "") + " " + (e.getAttribute("data-rk") || "")).trim().split(/\s+/);
      e.classList.toggle("off", !ks.some(function (k) { return visible[k]; }));
    });
    all("section.report").forEach(function (s) {
      var c = s.querySelector(".pcount");
      if (c) c.textContent = String(s.querySelectorAll("li.finding:not([hidden])").length);
    });
    var sc = document.getElementById("shown-count");
    if (sc) sc.textContent = String(shown);
  }
  all("input.flt-sev, input.flt-fam").forEach(function (i) { i.addEventListener("change", applyFilters); });
  applyFilters();
  // review.html#f12 opens at finding 12
  function fromHash() {
    var m = /^#f([0-9]+)$/.exec(location.hash);
    if (m && document.getElementById("f" + m[1])) select(m[1]);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
