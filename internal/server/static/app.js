// sitrep pages: the zoomable timeline and the slot pop-ups of the article
// page. Pages work without this file; it only adds to them. Text taken
// from the page is only ever set with textContent, never parsed as markup.
(function () {
  "use strict";

  var SVGNS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function svg(name, attrs, parent) {
    var e = document.createElementNS(SVGNS, name);
    for (var k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    }
    if (parent) parent.appendChild(e);
    return e;
  }

  function parseDay(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    if (!m) return NaN;
    return Date.UTC(+m[1], +m[2] - 1, +m[3]);
  }

  function fmtDay(t) {
    var d = new Date(t);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  // ---- Timeline ----------------------------------------------------------

  function Timeline(root) {
    this.root = root;
    this.canvas = root.querySelector(".tl-canvas");
    this.rangeOut = root.querySelector(".tl-range");
    this.detail = root.querySelector(".tl-detail");
    this.types = (root.getAttribute("data-types") || "").split(" ").filter(Boolean);
    this.items = [];
    var list = document.getElementById("timeline-list");
    var lis = list ? list.querySelectorAll("li[data-start]") : [];
    for (var i = 0; i < lis.length; i++) {
      var li = lis[i];
      var a = li.querySelector("a");
      var s = parseDay(li.getAttribute("data-start"));
      var e = parseDay(li.getAttribute("data-end"));
      if (isNaN(s) || !a) continue;
      if (isNaN(e) || e < s) e = s;
      var type = li.getAttribute("data-type");
      if (this.types.indexOf(type) < 0) this.types.push(type);
      this.items.push({
        start: s, end: e + DAY, type: type,
        precision: li.getAttribute("data-precision") || "",
        href: a.getAttribute("href"),
        label: a.textContent,
        day: (li.querySelector(".date") || a).textContent
      });
    }
    if (!this.items.length) return;
    // Dates known only to the week, month or year are drawn as faint bars;
    // "rough=hide" in the URL hides them, so that a view without them can
    // be shared or bookmarked.
    this.rough = root.querySelector("[data-rough]");
    this.hideRough = new URLSearchParams(window.location.search).get("rough") === "hide";
    if (this.rough) this.rough.checked = this.hideRough;
    this.showRough();
    this.fitAll = this.extent(false);
    var v = this.extent(true);
    this.t0 = v[0];
    this.t1 = v[1];
    root.hidden = false;
    this.bind();
    this.render();
  }

  // extent is the span of all items, or with robust set the span of most
  // of them, so that one event dated decades earlier does not squash the
  // rest into a line.
  Timeline.prototype.extent = function (robust) {
    var starts = this.items.map(function (it) { return it.start; }).sort(function (a, b) { return a - b; });
    var ends = this.items.map(function (it) { return it.end; }).sort(function (a, b) { return a - b; });
    var lo = starts[0], hi = ends[ends.length - 1];
    if (robust && starts.length > 10) {
      var q = starts[Math.floor(starts.length * 0.03)];
      var bulk = hi - q;
      if (q - lo > bulk) lo = q;
    }
    var pad = Math.max((hi - lo) * 0.03, DAY);
    return [lo - pad, hi + pad];
  };

  // rough reports an item whose date is known only to the week, month or
  // year.
  function rough(it) { return it.precision !== "day" && it.precision !== "reported"; }

  // showRough hides or shows the rough items of the list below the chart.
  Timeline.prototype.showRough = function () {
    var lis = document.querySelectorAll("#timeline-list li[data-start]");
    for (var i = 0; i < lis.length; i++) {
      var p = lis[i].getAttribute("data-precision") || "";
      lis[i].hidden = this.hideRough && p !== "day" && p !== "reported";
    }
  };

  Timeline.prototype.bind = function () {
    var self = this;
    if (this.rough) {
      this.rough.addEventListener("change", function () {
        self.hideRough = self.rough.checked;
        var q = new URLSearchParams(window.location.search);
        if (self.hideRough) q.set("rough", "hide"); else q.delete("rough");
        var qs = q.toString();
        window.history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
        self.showRough();
        self.render();
      });
    }
    var tools = this.root.querySelectorAll("[data-zoom]");
    for (var i = 0; i < tools.length; i++) {
      tools[i].addEventListener("click", function (ev) {
        var what = ev.currentTarget.getAttribute("data-zoom");
        if (what === "in") self.zoom(0.5);
        else if (what === "out") self.zoom(2);
        else if (what === "left") self.pan(-0.25);
        else if (what === "right") self.pan(0.25);
        else if (what === "fit") { self.t0 = self.fitAll[0]; self.t1 = self.fitAll[1]; self.render(); }
      });
    }
    this.canvas.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var rect = self.canvas.getBoundingClientRect();
      var frac = (ev.clientX - rect.left - self.left) / Math.max(1, self.plotW);
      self.zoom(Math.pow(1.0015, ev.deltaY), Math.min(1, Math.max(0, frac)));
    }, { passive: false });
    this.canvas.addEventListener("keydown", function (ev) {
      var k = ev.key;
      if (k === "ArrowLeft") self.pan(-0.1);
      else if (k === "ArrowRight") self.pan(0.1);
      else if (k === "+" || k === "=") self.zoom(0.5);
      else if (k === "-" || k === "_") self.zoom(2);
      else if (k === "0") { self.t0 = self.fitAll[0]; self.t1 = self.fitAll[1]; self.render(); }
      else return;
      ev.preventDefault();
    });
    var drag = null;
    this.canvas.addEventListener("pointerdown", function (ev) {
      if (ev.button !== 0) return;
      drag = { x: ev.clientX, t0: self.t0, t1: self.t1, moved: false, id: ev.pointerId };
    });
    this.canvas.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var dx = ev.clientX - drag.x;
      if (!drag.moved && Math.abs(dx) < 4) return;
      if (!drag.moved) {
        drag.moved = true;
        self.canvas.setPointerCapture(drag.id);
        self.canvas.classList.add("dragging");
      }
      var per = (drag.t1 - drag.t0) / Math.max(1, self.plotW);
      self.t0 = drag.t0 - dx * per;
      self.t1 = drag.t1 - dx * per;
      self.render();
    });
    var end = function (ev) {
      if (drag && drag.moved) {
        // A drag is not a click on the event under the pointer.
        var stop = function (c) { c.preventDefault(); c.stopPropagation(); };
        self.canvas.addEventListener("click", stop, { capture: true, once: true });
        setTimeout(function () { self.canvas.removeEventListener("click", stop, { capture: true }); }, 0);
      }
      drag = null;
      self.canvas.classList.remove("dragging");
    };
    this.canvas.addEventListener("pointerup", end);
    this.canvas.addEventListener("pointercancel", end);
    var pending = 0;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { self.render(); }, 100);
    });
  };

  Timeline.prototype.zoom = function (factor, frac) {
    if (frac === undefined) frac = 0.5;
    var span = this.t1 - this.t0;
    var next = Math.min(Math.max(span * factor, 3 * DAY), 300 * 365 * DAY);
    var at = this.t0 + span * frac;
    this.t0 = at - next * frac;
    this.t1 = this.t0 + next;
    this.render();
  };

  Timeline.prototype.pan = function (frac) {
    var d = (this.t1 - this.t0) * frac;
    this.t0 += d;
    this.t1 += d;
    this.render();
  };

  // ticks picks a calendar step that gives labels some room.
  Timeline.prototype.ticks = function () {
    var span = this.t1 - this.t0, out = [], d, t;
    var perPx = span / Math.max(1, this.plotW);
    var start = new Date(this.t0);
    if (perPx * 90 > 300 * DAY) {
      var stepY = Math.max(1, Math.ceil(perPx * 90 / (365 * DAY)));
      for (var y = start.getUTCFullYear(); ; y += stepY) {
        t = Date.UTC(y, 0, 1);
        if (t > this.t1) break;
        if (t >= this.t0) out.push([t, String(y)]);
      }
    } else if (perPx * 80 > 25 * DAY) {
      var stepM = Math.max(1, Math.ceil(perPx * 80 / (30 * DAY)));
      for (var m = start.getUTCFullYear() * 12 + start.getUTCMonth(); ; m += stepM) {
        t = Date.UTC(Math.floor(m / 12), m % 12, 1);
        if (t > this.t1) break;
        if (t >= this.t0) out.push([t, MONTHS[m % 12] + " " + Math.floor(m / 12)]);
      }
    } else {
      var stepD = perPx * 70 > 6 * DAY ? 7 : Math.max(1, Math.ceil(perPx * 70 / DAY));
      t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
      if (stepD === 7) {
        d = new Date(t).getUTCDay();
        t += ((8 - d) % 7) * DAY; // Mondays
      }
      for (; t <= this.t1; t += stepD * DAY) {
        if (t >= this.t0) out.push([t, fmtDay(t)]);
      }
    }
    return out;
  };

  Timeline.prototype.render = function () {
    var self = this;
    var width = Math.max(320, this.canvas.clientWidth || 800);
    this.left = 100;
    this.plotW = width - this.left - 16;
    var span = this.t1 - this.t0;
    var x = function (t) { return self.left + (t - self.t0) / span * self.plotW; };
    var showLabels = span < 45 * DAY;
    var rowH = 18, laneGap = 10, axisH = 26, maxRows = showLabels ? 14 : 6;

    // Lay out each type's visible items in rows so none overlap, up to
    // maxRows a lane; past that an item drops its label, then overlaps the
    // row that ends first. The list below the chart has every item.
    var lanes = [];
    this.types.forEach(function (type) {
      var rows = [];
      var placed = [];
      self.items.forEach(function (it) {
        if (it.type !== type || it.end < self.t0 || it.start > self.t1) return;
        if (self.hideRough && rough(it)) return;
        var point = it.precision === "day" || it.precision === "reported" || it.end - it.start <= DAY;
        var x0 = point ? x(it.start + DAY / 2) - 6 : x(it.start);
        var x1 = point ? x0 + 12 : Math.max(x(it.end), x0 + 6);
        var free = function () {
          for (var r = 0; r < maxRows; r++) {
            if (r >= rows.length || rows[r] <= x0) return r;
          }
          return -1;
        };
        var labelled = showLabels;
        var reach = x1 + 8 + Math.min(it.label.length, 60) * 6.2;
        var row = labelled ? free() : -1;
        if (row < 0) {
          labelled = false;
          reach = x1 + 3;
          row = free();
        }
        if (row < 0) {
          row = 0;
          for (var r = 1; r < rows.length; r++) if (rows[r] < rows[row]) row = r;
        }
        rows[row] = Math.max(rows[row] || 0, reach);
        placed.push({ it: it, row: row, x0: x0, x1: x1, point: point, labelled: labelled });
      });
      lanes.push({ type: type, rows: Math.max(1, rows.length), placed: placed });
    });

    var height = axisH + 6;
    lanes.forEach(function (l) { l.y = height; height += l.rows * rowH + laneGap; });

    while (this.canvas.firstChild) this.canvas.removeChild(this.canvas.firstChild);
    // A group, not an img: the children of an img are hidden from
    // assistive technology, and the events drawn are links.
    var root = svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "group",
      "aria-label": "Timeline of events from " + fmtDay(this.t0) + " to " + fmtDay(this.t1) + ", one lane per type" });
    var clip = svg("clipPath", { id: "tl-clip" }, svg("defs", {}, root));
    svg("rect", { x: this.left, y: 0, width: this.plotW + 16, height: height }, clip);
    lanes.forEach(function (l, i) {
      svg("rect", { "class": "tl-lane" + (i % 2 ? " odd" : ""), x: 0, y: l.y - laneGap / 2, width: width, height: l.rows * rowH + laneGap }, root);
      var lab = svg("text", { "class": "tl-lane-label", x: 8, y: l.y + rowH / 2, dy: "0.35em" }, root);
      lab.textContent = l.type;
    });
    var plot = svg("g", { "clip-path": "url(#tl-clip)" }, root);
    this.ticks().forEach(function (tk) {
      var tx = x(tk[0]);
      svg("line", { "class": "tl-tick", x1: tx, x2: tx, y1: axisH - 6, y2: height }, plot);
      var lab = svg("text", { "class": "tl-tick-label", "aria-hidden": "true", x: tx + 3, y: axisH - 10 }, plot);
      lab.textContent = tk[1];
    });
    lanes.forEach(function (l) {
      l.placed.forEach(function (p) {
        var it = p.it;
        var y = l.y + p.row * rowH + rowH / 2;
        var a = svg("a", { href: it.href, "class": "tl-item t-" + it.type }, plot);
        var title = svg("title", {}, a);
        title.textContent = it.day + " (" + it.precision + ") " + it.label;
        if (p.point) {
          svg("circle", { "class": "mk" + (it.precision === "reported" ? " reported" : ""), cx: p.x0 + 6, cy: y, r: 5.5 }, a);
        } else {
          svg("rect", { "class": "mk range", x: p.x0, y: y - 5, width: Math.max(6, p.x1 - p.x0), height: 10, rx: 3 }, a);
        }
        if (p.labelled) {
          var t = svg("text", { "class": "tl-label", x: p.x1 + 5, y: y, dy: "0.35em" }, a);
          t.textContent = it.label.length > 60 ? it.label.slice(0, 59) + "…" : it.label;
        }
        var say = function () {
          self.detail.textContent = it.day + " · " + it.type + " · date known " +
            (it.precision === "reported" ? "only from the report" : "to the " + it.precision) + " · " + it.label;
        };
        a.addEventListener("mouseenter", say);
        a.addEventListener("focus", say);
      });
    });
    this.canvas.appendChild(root);
    this.rangeOut.textContent = fmtDay(this.t0) + " – " + fmtDay(this.t1);
  };

  // ---- Article slot pop-ups ----------------------------------------------

  function initArticle() {
    var pop = document.getElementById("slot-pop");
    if (!pop) return;
    var marks = document.querySelectorAll("mark.ev[data-ev]");
    var hideTimer = 0;
    function cardsOf(mark) {
      return (mark.getAttribute("data-ev") || "").split(" ").filter(Boolean).map(function (id) {
        return document.getElementById("ev-" + id);
      }).filter(Boolean);
    }
    function show(mark) {
      clearTimeout(hideTimer);
      while (pop.firstChild) pop.removeChild(pop.firstChild);
      cardsOf(mark).forEach(function (card) {
        var c = card.cloneNode(true);
        c.removeAttribute("id");
        var withID = c.querySelectorAll("[id]");
        for (var i = 0; i < withID.length; i++) withID[i].removeAttribute("id");
        pop.appendChild(c);
      });
      if (!pop.firstChild) return;
      var r = mark.getBoundingClientRect();
      pop.hidden = false;
      var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 12);
      pop.style.left = Math.max(8, left) + "px";
      pop.style.top = (window.scrollY + r.bottom + 6) + "px";
    }
    function hide() {
      hideTimer = setTimeout(function () { pop.hidden = true; }, 150);
    }
    for (var i = 0; i < marks.length; i++) {
      (function (m) {
        m.addEventListener("mouseenter", function () { show(m); });
        m.addEventListener("focus", function () { show(m); });
        m.addEventListener("mouseleave", hide);
        m.addEventListener("blur", hide);
      })(marks[i]);
    }
    pop.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    pop.addEventListener("mouseleave", hide);
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") pop.hidden = true;
    });
    // Arriving from an event page (#ev-ID): show where that event was read.
    var m = /^#ev-(.+)$/.exec(window.location.hash);
    if (m) {
      var id = decodeURIComponent(m[1]);
      var first = null;
      for (var j = 0; j < marks.length; j++) {
        if ((" " + marks[j].getAttribute("data-ev") + " ").indexOf(" " + id + " ") >= 0) {
          marks[j].classList.add("current");
          if (!first) first = marks[j];
        }
      }
      if (first) first.scrollIntoView({ block: "center" });
    }
  }

  function init() {
    var tl = document.getElementById("timeline");
    if (tl) window.sitrepTimeline = new Timeline(tl);
    initArticle();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
