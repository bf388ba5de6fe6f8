// Linked views: the filters live in the URL. Brushing the timeline, drawing an area on the
// map or submitting the form changes the URL (history.pushState: shareable, and the back
// button goes back), then the page's parts are fetched again from the server and swapped
// in; the map (map.js) listens for "ew:filters" and reloads its clusters. Without
// JavaScript every part still works as plain links and a GET form.
(function () {
  "use strict";
  var PARTS = ["filters-panel", "timeline-panel", "results"];
  var SVG = "http://www.w3.org/2000/svg";
  var busy = 0;

  function query() { return new URLSearchParams(window.location.search); }

  function state() {
    var el = document.getElementById("state");
    return {
      api: el ? el.getAttribute("data-api-query") || "" : "",
      bbox: el ? el.getAttribute("data-bbox") || "" : ""
    };
  }

  function announce() {
    document.dispatchEvent(new CustomEvent("ew:filters", { detail: state() }));
  }

  // Swap the server-rendered parts of the page at `url` into this one.
  function refresh(url) {
    var ticket = ++busy;
    document.body.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "text/html" } }).then(function (r) {
      if (!r.ok && r.status !== 400) throw new Error("the server answered " + r.status);
      return r.text();
    }).then(function (html) {
      if (ticket !== busy) return;  // a newer navigation won
      var doc = new DOMParser().parseFromString(html, "text/html");
      var swapped = 0;
      PARTS.forEach(function (id) {
        var fresh = doc.getElementById(id), old = document.getElementById(id);
        if (fresh && old) { old.replaceWith(document.importNode(fresh, true)); swapped++; }
      });
      if (!swapped) {  // an error page: show it whole
        window.location.assign(url);
        return;
      }
      document.title = doc.title;
      bind();
      announce();
    }).catch(function () {
      window.location.assign(url);  // let the browser show what went wrong
    }).then(function () {
      if (ticket === busy) document.body.removeAttribute("aria-busy");
    });
  }

  // Go to the same page with `params` (URLSearchParams): a new history entry.
  function navigate(params) {
    params.delete("offset");
    var keys = [];
    params.forEach(function (v, k) { if (!v) keys.push(k); });
    keys.forEach(function (k) { params.delete(k); });
    var search = params.toString();
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    window.history.pushState({ ew: true }, "", url);
    return refresh(url);
  }

  function setParams(changes) {
    var p = query();
    Object.keys(changes).forEach(function (k) {
      if (changes[k] === null || changes[k] === "") p.delete(k); else p.set(k, changes[k]);
    });
    return navigate(p);
  }

  // -- the filter form ------------------------------------------------------------------
  function bindForm() {
    var form = document.getElementById("filters");
    if (!form || form.getAttribute("data-bound")) return;
    form.setAttribute("data-bound", "1");
    form.addEventListener("submit", function (ev) {
      if (!form.checkValidity()) return;
      ev.preventDefault();
      var p = new URLSearchParams();
      new FormData(form).forEach(function (v, k) { if (typeof v === "string" && v.trim()) p.append(k, v.trim()); });
      navigate(p);
    });
  }

  // -- the timeline: bars are links; dragging across them brushes a period -------------
  function bindTimeline() {
    var svg = document.querySelector("svg.timeline");
    if (!svg || svg.getAttribute("data-bound")) return;
    svg.setAttribute("data-bound", "1");
    var bars = Array.prototype.slice.call(svg.querySelectorAll("a.bar"));
    var brush = svg.querySelector("rect.brush");
    var start = null, moved = false;

    function svgX(ev) {
      var pt = svg.createSVGPoint();
      pt.x = ev.clientX; pt.y = ev.clientY;
      return pt.matrixTransform(svg.getScreenCTM().inverse()).x;
    }
    function barAt(x) {
      var best = null, dist = Infinity;
      bars.forEach(function (b) {
        var bx = parseFloat(b.getAttribute("data-x")), bw = parseFloat(b.getAttribute("data-width"));
        var d = x < bx ? bx - x : (x > bx + bw ? x - bx - bw : 0);
        if (d < dist) { dist = d; best = b; }
      });
      return best;
    }
    function span(x0, x1) {
      var a = barAt(Math.min(x0, x1)), b = barAt(Math.max(x0, x1));
      return a && b ? [a, b] : null;
    }
    function draw(x0, x1) {
      var s = span(x0, x1);
      if (!s) return;
      var left = parseFloat(s[0].getAttribute("data-x"));
      var right = parseFloat(s[1].getAttribute("data-x")) + parseFloat(s[1].getAttribute("data-width"));
      brush.setAttribute("x", left);
      brush.setAttribute("width", Math.max(right - left, 1));
      brush.setAttribute("visibility", "visible");
    }
    svg.addEventListener("pointerdown", function (ev) {
      if (ev.button !== 0) return;
      start = svgX(ev); moved = false;
      svg.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    svg.addEventListener("pointermove", function (ev) {
      if (start === null) return;
      var x = svgX(ev);
      if (Math.abs(x - start) > 3) moved = true;
      if (moved) draw(start, x);
    });
    svg.addEventListener("pointerup", function (ev) {
      if (start === null) return;
      var x = svgX(ev), s = span(start, x);
      start = null;
      if (!s) return;
      // A click (no drag) filters to the bar under the pointer, as its link would.
      setParams({ date_from: s[0].getAttribute("data-start"), date_to: s[1].getAttribute("data-end") });
    });
    svg.addEventListener("pointercancel", function () { start = null; brush.setAttribute("visibility", "hidden"); });
    bars.forEach(function (b) {
      b.addEventListener("click", function (ev) {
        ev.preventDefault();  // pointerup did it (mouse), or the keyboard: do it here
        if (ev.detail === 0) setParams({ date_from: b.getAttribute("data-start"), date_to: b.getAttribute("data-end") });
      });
    });
    var clear = document.getElementById("clear-dates");
    if (clear) clear.addEventListener("click", function (ev) {
      ev.preventDefault();
      setParams({ date_from: null, date_to: null });
    });
  }

  // Links that only change the filters (view switch, pages) keep the map: swap instead.
  function bindLinks() {
    ["mentions-link", "incidents-link"].forEach(function (id) {
      var a = document.getElementById(id);
      if (!a || a.getAttribute("data-bound")) return;
      a.setAttribute("data-bound", "1");
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        navigate(new URL(a.href, window.location.href).searchParams);
      });
    });
  }

  function bind() { bindForm(); bindTimeline(); bindLinks(); }

  window.addEventListener("popstate", function () { refresh(window.location.href); });
  window.eventwireExplore = { setParams: setParams, state: state, svgNS: SVG };
  bind();
})();
