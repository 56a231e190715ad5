/* natosite browser code: time left, search and filters, calendar navigation, compare.
 * Works from file:// with no server and no network: the search data comes from
 * search-data.js (window.NATOSITE_DATA), never from fetch(). Text goes into the page
 * only through textContent, never innerHTML. */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var SOON_DAYS = 7;
  var STORE_KEY = "natosite.compare";

  /* ---- time left: same rules as render_data.time_left ---- */
  function timeLeft(deadlineMs, nowMs) {
    var ms = deadlineMs - nowMs;
    if (ms <= 0) return "closed";
    var hours = ms / 3600000;
    if (hours < 1) return "less than an hour left";
    if (hours < 24) {
      var h = Math.floor(hours);
      return h + (h === 1 ? " hour left" : " hours left");
    }
    var d = Math.floor(hours / 24);
    return d + (d === 1 ? " day left" : " days left");
  }

  function urgency(deadlineMs, nowMs) {
    if (deadlineMs <= nowMs) return "closed";
    return deadlineMs - nowMs < SOON_DAYS * DAY_MS ? "soon" : "open";
  }

  function updateTimes(nowMs) {
    var lefts = document.querySelectorAll("[data-left]");
    for (var i = 0; i < lefts.length; i++) {
      var el = lefts[i];
      var t = Date.parse(el.getAttribute("data-left"));
      if (isNaN(t)) continue;
      el.textContent = timeLeft(t, nowMs);
      el.className = "left " + urgency(t, nowMs);
    }
    var cards = document.querySelectorAll("[data-posting][data-deadline]");
    for (var j = 0; j < cards.length; j++) {
      var c = cards[j];
      var d = Date.parse(c.getAttribute("data-deadline"));
      if (!isNaN(d) && d <= nowMs) c.setAttribute("data-closed", "");
      else c.removeAttribute("data-closed");
    }
  }

  /* Open soonest first, then no deadline, then closed most recent first; by id (site.sort_key). */
  function sortKey(el, nowMs) {
    var d = Date.parse(el.getAttribute("data-deadline") || "");
    var id = el.getAttribute("data-posting") || "";
    if (isNaN(d)) return [1, 0, id];
    if (d <= nowMs) return [2, -d, id];
    return [0, d, id];
  }

  function compareKeys(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] < b[i]) return -1;
      if (a[i] > b[i]) return 1;
    }
    return 0;
  }

  function resort(list, nowMs) {
    var items = Array.prototype.slice.call(list.children);
    var keyed = items.map(function (el) { return { el: el, k: sortKey(el, nowMs) }; });
    keyed.sort(function (a, b) { return compareKeys(a.k, b.k); });
    var changed = keyed.some(function (x, i) { return x.el !== items[i]; });
    if (!changed) return;
    var frag = document.createDocumentFragment();
    keyed.forEach(function (x) { frag.appendChild(x.el); });
    list.appendChild(frag);
  }

  /* ---- search: accents and case forgiven, every word a prefix of some word ---- */
  function normalise(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function queryWords(q) {
    return normalise(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /* Without search-data.js (say a workspace template dropped it) search what the card shows. */
  var cardWordCache = new WeakMap();
  function cardWords(card) {
    if (!cardWordCache.has(card)) cardWordCache.set(card, " " + queryWords(card.textContent).join(" "));
    return cardWordCache.get(card);
  }

  function recordsById() {
    var data = window.NATOSITE_DATA;
    var map = Object.create(null);  // no prototype: an id like "constructor" is just an id
    if (!data || !data.postings) return map;
    data.postings.forEach(function (r) { map[r.id] = r; });
    return map;
  }

  function setupSearch() {
    var form = document.getElementById("filters");
    var list = document.getElementById("postings");
    if (!form || !list) return;
    var records = recordsById();
    var input = document.getElementById("q");
    var selects = form.querySelectorAll("select[data-filter]");
    var count = document.getElementById("result-count");
    var none = document.getElementById("no-results");
    var cards = Array.prototype.slice.call(list.querySelectorAll("[data-posting]"));
    var total = cards.length;

    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) input.value = params.get("q");
    for (var s = 0; s < selects.length; s++) {
      var v = params.get(selects[s].name);
      if (v !== null) selects[s].value = v;
    }

    function apply() {
      var words = queryWords(input.value).map(function (w) { return " " + w; });
      var filters = {};
      for (var i = 0; i < selects.length; i++) filters[selects[i].getAttribute("data-filter")] = selects[i].value;
      var shown = 0;
      cards.forEach(function (card) {
        var ok = true;
        if (filters.status && card.getAttribute("data-status") !== filters.status) ok = false;
        if (ok && filters.org && card.getAttribute("data-org") !== filters.org) ok = false;
        if (ok && filters.grade && card.getAttribute("data-grade") !== filters.grade) ok = false;
        if (ok && filters.open) {
          var closed = card.hasAttribute("data-closed");
          if ((filters.open === "open") === closed) ok = false;
        }
        if (ok && words.length) {
          var rec = records[card.getAttribute("data-posting")];
          var text = rec ? rec.w : cardWords(card);
          for (var k = 0; k < words.length; k++) {
            if (text.indexOf(words[k]) === -1) { ok = false; break; }
          }
        }
        card.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown === total ? "Showing all " + total + "." : "Showing " + shown + " of " + total + ".";
      none.hidden = shown !== 0 || total === 0;
    }

    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    input.addEventListener("input", apply);
    for (var j = 0; j < selects.length; j++) selects[j].addEventListener("change", apply);
    apply();
  }

  /* ---- compare ticks, kept in localStorage (works from file://) ---- */
  function loadTicks() {
    try {
      var raw = window.localStorage.getItem(STORE_KEY);
      var ids = raw ? JSON.parse(raw) : [];
      return Array.isArray(ids) ? ids.filter(function (x) { return typeof x === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  function saveTicks(ids) {
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(ids)); } catch (e) { /* private mode: ticks last this page only */ }
  }

  function setupTicks(onChange) {
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-compare]"));
    if (!boxes.length) return;
    var ticks = loadTicks();
    function sync() {
      boxes.forEach(function (b) {
        if (!b.disabled) b.checked = ticks.indexOf(b.getAttribute("data-compare")) !== -1;
      });
    }
    boxes.forEach(function (b) {
      b.addEventListener("change", function () {
        var id = b.getAttribute("data-compare");
        ticks = loadTicks().filter(function (x) { return x !== id; });
        if (b.checked) ticks.push(id);
        saveTicks(ticks);
        if (onChange) onChange(ticks);
      });
    });
    window.addEventListener("storage", function (e) {
      if (e.key !== STORE_KEY) return;
      ticks = loadTicks();
      sync();
      if (onChange) onChange(ticks);
    });
    var clear = document.getElementById("compare-clear");
    if (clear) {
      clear.addEventListener("click", function () {
        ticks = [];
        saveTicks(ticks);
        sync();
        if (onChange) onChange(ticks);
      });
    }
    sync();
    if (onChange) onChange(ticks);
  }

  function setupCompare() {
    var table = document.getElementById("compare-table");
    if (!table) return null;
    var data = window.NATOSITE_DATA;
    if (!data || !data.postings) return null;
    var tagged = Array.prototype.map.call(table.querySelectorAll("thead th[data-posting]"), function (th) {
      return th.getAttribute("data-posting");
    });
    var empty = document.getElementById("compare-empty");

    return function render(ticks) {
      var wanted = Object.create(null);
      tagged.concat(ticks).forEach(function (id) { wanted[id] = true; });
      var rows = data.postings.filter(function (r) { return wanted[r.id]; });
      var thead = document.createElement("thead");
      var head = thead.insertRow();
      var corner = document.createElement("th");
      corner.scope = "col";
      corner.textContent = "Posting";
      head.appendChild(corner);
      rows.forEach(function (r) {
        var th = document.createElement("th");
        th.scope = "col";
        th.setAttribute("data-posting", r.id);
        var a = document.createElement("a");
        a.href = r.u;
        a.textContent = r.t;
        th.appendChild(a);
        head.appendChild(th);
      });
      var tbody = document.createElement("tbody");
      data.labels.forEach(function (label, i) {
        var tr = tbody.insertRow();
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = label;
        tr.appendChild(th);
        rows.forEach(function (r) { tr.insertCell().textContent = r.c[i]; });
      });
      table.replaceChild(thead, table.tHead);
      table.replaceChild(tbody, table.tBodies[0]);
      table.parentNode.hidden = rows.length === 0;
      if (empty) empty.hidden = rows.length !== 0;
    };
  }

  /* ---- calendar: one month at a time, buttons and arrow keys ---- */
  function localIsoDate(d) {
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* The agenda opens at today: earlier days fold behind a button (and unfold for a link to one). */
  function setupAgenda() {
    var list = document.getElementById("agenda-list");
    if (!list) return;
    var past = list.querySelectorAll(":scope > li.past");
    if (!past.length) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "show-past";
    button.setAttribute("aria-controls", "agenda-list");
    function set(open) {
      list.classList.toggle("hide-past", !open);
      button.setAttribute("aria-expanded", String(open));
      button.textContent = open ? "Hide earlier days" : "Show " + past.length + " earlier day" + (past.length === 1 ? "" : "s");
    }
    button.addEventListener("click", function () { set(list.classList.contains("hide-past")); });
    list.parentNode.insertBefore(button, list);
    set(false);
    function reveal() {
      var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
      if (target && list.contains(target) && target.classList.contains("past")) {
        set(true);
        target.scrollIntoView();
      }
    }
    window.addEventListener("hashchange", reveal);
    reveal();
  }

  function setupCalendar(now) {
    var cal = document.getElementById("calendar");
    var today = localIsoDate(now);
    var marked = document.querySelectorAll("td.today");
    for (var i = 0; i < marked.length; i++) {
      marked[i].classList.remove("today");
      marked[i].removeAttribute("aria-current");
    }
    var cell = document.querySelector('td[data-date="' + today + '"]');
    if (cell) {
      cell.classList.add("today");
      cell.setAttribute("aria-current", "date");
    }
    var days = document.querySelectorAll(".agenda-days > li[data-date]");
    for (var j = 0; j < days.length; j++) {
      days[j].classList.toggle("past", days[j].getAttribute("data-date") < today);
    }
    setupAgenda();
    if (!cal) return;
    var months = Array.prototype.slice.call(cal.querySelectorAll(".month"));
    if (!months.length) return;
    var nav = cal.querySelector(".cal-nav");
    var hint = cal.querySelector(".hint");
    var label = document.getElementById("cal-current");
    var prev = cal.querySelector('[data-cal="prev"]');
    var next = cal.querySelector('[data-cal="next"]');
    var todayKey = today.slice(0, 7);
    var current = 0;

    function todayIndex() {
      for (var k = 0; k < months.length; k++) {
        if (months[k].getAttribute("data-month") >= todayKey) return k;
      }
      return months.length - 1;
    }

    function show(index) {
      current = Math.max(0, Math.min(months.length - 1, index));
      months.forEach(function (m, k) { m.hidden = k !== current; });
      var heading = months[current].querySelector("h2");
      label.textContent = heading ? heading.textContent : months[current].getAttribute("data-month");
      prev.disabled = current === 0;
      next.disabled = current === months.length - 1;
      // Keep keyboard focus in the calendar when the focused link's month was just hidden.
      var active = document.activeElement;
      if (active && active !== cal && cal.contains(active) && active.closest(".month[hidden]")) cal.focus();
    }

    cal.classList.add("js-cal");
    cal.setAttribute("tabindex", "0");
    cal.setAttribute("role", "group");
    cal.setAttribute("aria-label", "Month calendar");
    if (hint) {
      hint.id = "cal-hint";
      cal.setAttribute("aria-describedby", "cal-hint");
      hint.hidden = false;
    }
    nav.hidden = false;
    prev.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    cal.querySelector('[data-cal="today"]').addEventListener("click", function () { show(todayIndex()); });
    cal.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var moves = { ArrowLeft: -1, PageUp: -1, ArrowRight: 1, PageDown: 1 };
      if (e.key in moves) {
        show(current + moves[e.key]);
        e.preventDefault();
      } else if (e.key === "Home") {
        show(todayIndex());
        e.preventDefault();
      }
    });
    show(todayIndex());
  }

  function main() {
    var now = new Date();
    var nowMs = now.getTime();
    updateTimes(nowMs);
    var lists = document.querySelectorAll("ol.cards");
    for (var i = 0; i < lists.length; i++) resort(lists[i], nowMs);
    setupSearch();
    setupTicks(setupCompare());
    setupCalendar(now);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
  else main();
})();
