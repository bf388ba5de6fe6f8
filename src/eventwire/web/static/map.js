// The events map: Leaflet with Natural Earth outlines served by this app (no tiles, no
// network but this server). The server counts (/map/clusters): point clusters on a grid
// per zoom level, events placed only at a region or a country (drawn as that area, never
// as a city dot), and what cannot be placed. Drawing an area filters the linked views
// (explore.js); the map's own position is kept in the URL's "map" parameter.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) return;
  var L = window.L;
  var status = function () { return document.getElementById("map-status"); };
  var explore = window.eventwireExplore;
  var MAXZ = 12;

  function say(text) { var s = status(); if (s) s.textContent = text; }

  function initialView() {
    var m = /^(\d+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(new URLSearchParams(window.location.search).get("map") || "");
    if (m) return { z: Math.min(+m[1], MAXZ), lat: +m[2], lon: +m[3] };
    return null;
  }

  var map = L.map(el, {
    minZoom: 1, maxZoom: MAXZ, worldCopyJump: true, boxZoom: false, keyboard: true,
    zoomControl: true, attributionControl: true, preferCanvas: false
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
  var start = initialView();
  if (start) map.setView([start.lat, start.lon], start.z);
  else map.setView([15, 10], 2);

  // Panes, bottom up: the countries (with the tiles' z-index), the shaded areas of
  // region- and country-level events, the admin-1 lines, the drawn area; markers above.
  map.createPane("basemap").style.zIndex = 200;
  var panes = ["areas", "outline", "selection"];
  panes.forEach(function (name, i) { map.createPane(name).style.zIndex = 390 + i; });
  ["basemap", "outline"].forEach(function (name) { map.getPane(name).style.pointerEvents = "none"; });
  var canvas = L.canvas({ padding: 0.5, pane: "basemap" });

  // -- basemap ---------------------------------------------------------------------------
  var countryShapes = {};  // ISO numeric -> GeoJSON feature
  var admin1 = null, admin1Layer = null, admin1Loading = null;
  var basemapReady = Promise.resolve();

  // Natural Earth rings that cross the antimeridian jump from 180 to -180: keep every step
  // under 180 degrees (longitudes past 180 are drawn on, Leaflet's plane is continuous).
  function unwrap(ring) {
    var shift = 0, prev = null;
    return ring.map(function (p) {
      if (prev !== null) {
        if (p[0] - prev > 180) shift -= 360;
        else if (prev - p[0] > 180) shift += 360;
      }
      prev = p[0];
      return [p[0] + shift, p[1]];
    });
  }
  function features(topology) {
    var key = Object.keys(topology.objects)[0];
    var fs = window.topojson.feature(topology, topology.objects[key]).features;
    fs.forEach(function (f) {
      var g = f.geometry;
      if (!g) return;
      if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
      else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map(function (p) { return p.map(unwrap); });
    });
    return fs;
  }

  var countriesUrl = el.getAttribute("data-countries");
  if (countriesUrl && window.topojson) {
    basemapReady = fetch(countriesUrl).then(function (r) { return r.json(); }).then(function (topo) {
      var fs = features(topo);
      fs.forEach(function (f) { if (f.id) countryShapes[f.id] = f; });
      L.geoJSON({ type: "FeatureCollection", features: fs }, {
        renderer: canvas, interactive: false, pane: "basemap",
        style: { color: "#7b8a8b", weight: 0.7, fillColor: "#f4f6f6", fillOpacity: 1 }
      }).addTo(map);
    }).catch(function () { say("The country outlines failed to load."); });
  }

  function loadAdmin1() {
    if (admin1Loading || !window.topojson) return admin1Loading || Promise.resolve();
    admin1Loading = fetch(el.getAttribute("data-admin1")).then(function (r) { return r.json(); })
      .then(function (topo) {
        admin1 = features(topo);
        admin1Layer = L.geoJSON({ type: "FeatureCollection", features: admin1 }, {
          renderer: L.canvas({ padding: 0.5, pane: "outline" }), interactive: false, pane: "outline",
          style: { color: "#95a5a6", weight: 0.5, dashArray: "2 2", fill: false }
        });
        showAdmin1();
      }).catch(function () { admin1 = []; });
    return admin1Loading;
  }
  function showAdmin1() {
    if (!admin1Layer) return;
    if (map.getZoom() >= 4) admin1Layer.addTo(map); else admin1Layer.remove();
  }

  function regionShape(r) {
    if (!admin1) return null;
    for (var i = 0; i < admin1.length; i++) {
      var p = admin1[i].properties;
      if (r.geonameid && p.g === r.geonameid) return admin1[i];
    }
    var name = (r.admin1 || r.name || "").toLowerCase();
    for (var j = 0; j < admin1.length; j++) {
      var q = admin1[j].properties;
      if (q.c === r.country && q.n.toLowerCase() === name) return admin1[j];
    }
    return null;
  }

  // -- the server's layers ----------------------------------------------------------------
  var layers = L.layerGroup().addTo(map);
  var selection = L.layerGroup().addTo(map);
  var seq = 0;

  function node(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);  // never markup
    if (cls) n.className = cls;
    return n;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  var PRECISION = {
    site: "a site", neighbourhood: "a neighbourhood", city: "a city or town",
    district: "a district", region: "a region (state, province): drawn as the region",
    country: "a country only: drawn as the country"
  };

  function apiQuery() { return explore ? explore.state().api : ""; }
  function word() { return /canonical=true/.test(apiQuery()) ? "incident" : "mention"; }

  // The popup of one event: fetched when opened.
  function eventPopup(id) {
    var box = node("div", null, "map-popup");
    box.appendChild(node("p", "Loading…"));
    fetch("/events/" + encodeURIComponent(id)).then(function (r) { return r.json(); }).then(function (body) {
      var e = body.event;
      box.textContent = "";
      var h = node("p", null, "popup-title");
      h.appendChild(node("span", e.category, "cat"));
      h.appendChild(document.createTextNode(" " + e.trigger.text));
      box.appendChild(h);
      var when = (e.time && e.time.date) || (body.reports[0] && body.reports[0].published) || "undated";
      box.appendChild(node("p", when));
      if (e.place) {
        box.appendChild(node("p", (e.place.name || e.place.text) + (e.place.country ? ", " + e.place.country : "")));
        box.appendChild(node("p", "Place precision: " + (PRECISION[e.place.precision] || e.place.precision || "unknown"), "small"));
      }
      var out = e.outcome || {};
      var facts = ["dead", "injured", "arrested"].filter(function (k) { return out[k] !== null && out[k] !== undefined; })
        .map(function (k) { return out[k] + " " + k; });
      if (facts.length) box.appendChild(node("p", facts.join(", ")));
      box.appendChild(node("p", plural(body.reports.length, "report") + (body.canonical_id ? " of incident " + body.canonical_id : ""), "small"));
      var a = node("a", "Evidence: each fact beside its words");
      a.href = "/ui/events/" + encodeURIComponent(e.id);
      a.className = "evidence-link";
      box.appendChild(a);
    }).catch(function () { box.textContent = "Could not load this event."; });
    return box;
  }

  // The popup of a cluster: the first few, and a link listing them all.
  function clusterPopup(c, what) {
    var box = node("div", null, "map-popup");
    box.appendChild(node("p", plural(c.n, word()) + (what ? " in " + what : " here"), "popup-title"));
    var list = node("ul", null, "popup-list");
    box.appendChild(list);
    var b = c.bounds.map(function (x, i) { return (x + (i < 2 ? -0.0005 : 0.0005)).toFixed(4); }).join(",");
    var q = new URLSearchParams(apiQuery());
    q.set("bbox", b); q.set("limit", "8");
    fetch("/events?" + q.toString()).then(function (r) { return r.json(); }).then(function (body) {
      body.items.forEach(function (it) {
        var li = node("li");
        var a = node("a", it.category + " " + it.trigger);
        a.href = "/ui/events/" + encodeURIComponent(it.id);
        li.appendChild(a);
        li.appendChild(node("span", " " + (it.sort_date || "") + (it.place_name ? ", " + it.place_name : ""), "small"));
        list.appendChild(li);
      });
    });
    var all = node("button", "List all " + plural(c.n, word()) + " of this area");
    all.type = "button";
    all.className = "link-button list-area";
    all.addEventListener("click", function () { map.closePopup(); setBox(b); });
    box.appendChild(all);
    if (map.getZoom() < MAXZ) {
      var zoom = node("button", "Zoom in");
      zoom.type = "button";
      zoom.className = "link-button";
      zoom.addEventListener("click", function () {
        map.closePopup();
        map.fitBounds([[c.bounds[1], c.bounds[0]], [c.bounds[3], c.bounds[2]]], { maxZoom: Math.min(map.getZoom() + 3, MAXZ), padding: [40, 40] });
      });
      box.appendChild(zoom);
    }
    return box;
  }

  function pin(lat, lon, n, cls, label, popup) {
    var size = n === 1 ? 18 : Math.round(Math.min(26 + Math.log(n) * 6, 56));
    var icon = L.divIcon({ className: "ew-pin " + cls, html: "<span>" + (n === 1 ? "" : n) + "</span>",
                           iconSize: [size, size] });
    var m = L.marker([lat, lon], { icon: icon, keyboard: true, title: label, riseOnHover: true });
    m.bindPopup(popup, { maxWidth: 320, minWidth: 200 });
    m.on("add", function () {
      var e = m.getElement();
      if (e) { e.setAttribute("aria-label", label); e.setAttribute("role", "button"); }
    });
    return m;
  }

  function draw(data) {
    layers.clearLayers();
    var shown = 0, areaCount = 0;
    var maxArea = 1;
    data.countries.concat(data.regions).forEach(function (a) { maxArea = Math.max(maxArea, a.n); });
    data.countries.forEach(function (c) {
      shown += c.n; areaCount += c.n;
      var label = plural(c.n, word()) + " placed only at the country " + c.name + " (" + c.country + ")";
      var shape = c.numeric && countryShapes[c.numeric];
      var popup = function () { return c.id ? eventPopup(c.id) : areaPopup(c, "country"); };
      if (shape) {
        L.geoJSON(shape, { pane: "areas", interactive: false, style: {
          color: "#0072B2", weight: 1.5, fillColor: "#56B4E9", fillOpacity: 0.15 + 0.35 * c.n / maxArea
        } }).addTo(layers);
      }
      if (c.lat !== null) layers.addLayer(pin(c.lat, c.lon, c.n, "area country", label, popup));
    });
    data.regions.forEach(function (r) {
      shown += r.n; areaCount += r.n;
      var label = plural(r.n, word()) + " placed only at the region " + r.name + " (" + r.country + ")";
      var shape = regionShape(r);
      var popup = function () { return r.id ? eventPopup(r.id) : areaPopup(r, "region"); };
      if (shape) {
        L.geoJSON(shape, { pane: "areas", interactive: false, style: {
          color: "#009E73", weight: 1.5, dashArray: "4 3", fillColor: "#009E73", fillOpacity: 0.12 + 0.3 * r.n / maxArea
        } }).addTo(layers);
      } else if (r.lat !== null) {
        L.circle([r.lat, r.lon], { radius: 60000, pane: "areas", interactive: false, color: "#009E73",
                                   weight: 1.5, dashArray: "4 3", fillOpacity: 0.08 }).addTo(layers);
      }
      if (r.lat !== null) layers.addLayer(pin(r.lat, r.lon, r.n, "area region", label, popup));
    });
    data.points.forEach(function (p) {
      shown += p.n;
      var label = p.n === 1 ? "1 " + word() + (p.place ? " at " + p.place : "")
                            : plural(p.n, word()) + (p.place ? " at " + p.place : " in this area");
      var popup = function () { return p.id ? eventPopup(p.id) : clusterPopup(p, p.place); };
      layers.addLayer(pin(p.lat, p.lon, p.n, p.n === 1 ? "one" : "many", label, popup));
    });
    var parts = [plural(data.placed, word()) + " on the map"];
    if (areaCount) parts[0] += " (" + areaCount + " drawn as their region or country)";
    var gone = [];
    if (data.unplaced.no_place) gone.push(data.unplaced.no_place + " with no place named");
    if (data.unplaced.not_located) gone.push(data.unplaced.not_located + " whose place the gazetteer could not locate");
    if (gone.length) parts.push("not drawn: " + gone.join(", "));
    say(parts.join("; ") + ".");
    el.setAttribute("data-loaded", String(shown));
  }

  function areaPopup(a, kind) {
    var box = node("div", null, "map-popup");
    box.appendChild(node("p", plural(a.n, word()) + " placed only at the " + kind + " " + a.name, "popup-title"));
    box.appendChild(node("p", "The reports name the " + kind + " and nothing more precise: the whole " + kind + " is shaded.", "small"));
    var all = node("button", "List them");
    all.type = "button";
    all.className = "link-button";
    all.addEventListener("click", function () {
      map.closePopup();
      if (explore) explore.setParams(kind === "country" ? { country: a.country, place: null } : { country: a.country, place: a.admin1 || a.name });
    });
    box.appendChild(all);
    return box;
  }

  function viewBox() {
    var b = map.getBounds(), w = b.getWest(), e = b.getEast();
    if (e - w >= 360) return null;
    function wrap(x) { return ((x + 180) % 360 + 360) % 360 - 180; }
    var s = Math.max(b.getSouth(), -90), n = Math.min(b.getNorth(), 90);
    return [wrap(w), s, wrap(e), n].map(function (x) { return x.toFixed(4); }).join(",");
  }

  function load() {
    var ticket = ++seq;
    var q = new URLSearchParams(apiQuery());
    q.set("zoom", String(map.getZoom()));
    var v = viewBox();
    if (v) q.set("view", v);
    el.setAttribute("aria-busy", "true");
    return basemapReady.then(function () {
      return map.getZoom() >= 4 || hasRegions ? loadAdmin1() : null;
    }).then(function () {
      return fetch("/map/clusters?" + q.toString());
    }).then(function (r) {
      if (!r.ok) throw new Error("the server answered " + r.status);
      return r.json();
    }).then(function (data) {
      if (ticket !== seq) return;
      hasRegions = data.regions.length > 0;
      if (hasRegions && !admin1) return loadAdmin1().then(function () { draw(data); });
      draw(data);
    }).catch(function (err) {
      say("Could not load the events: " + err.message);
    }).then(function () { if (ticket === seq) el.removeAttribute("aria-busy"); });
  }
  var hasRegions = false;

  // -- the area filter ---------------------------------------------------------------------
  function currentBox() { return explore ? explore.state().bbox : ""; }

  function showBox() {
    selection.clearLayers();
    var b = currentBox(), clear = document.getElementById("map-clear-box");
    if (clear) clear.hidden = !b;
    if (!b) return;
    var n = b.split(",").map(Number);
    var west = n[0], east = n[2] < n[0] ? n[2] + 360 : n[2];
    L.rectangle([[n[1], west], [n[3], east]], { pane: "selection", interactive: false,
      color: "#000", weight: 2, dashArray: "6 4", fill: false }).addTo(selection);
  }

  function setBox(b) { if (explore) explore.setParams({ bbox: b }); }

  function boxFrom(a, b) {
    function wrap(x) { return ((x + 180) % 360 + 360) % 360 - 180; }
    var w = Math.min(a.lng, b.lng), e = Math.max(a.lng, b.lng);
    var s = Math.max(Math.min(a.lat, b.lat), -90), n = Math.min(Math.max(a.lat, b.lat), 90);
    if (e - w >= 360) { w = -180; e = 180; } else { w = wrap(w); e = wrap(e); }
    return [w, s, e, n].map(function (x) { return x.toFixed(4); }).join(",");
  }

  var drawing = false, anchor = null, rubber = null;
  var drawButton = document.getElementById("map-draw");
  function setDrawing(on) {
    drawing = on;
    if (drawButton) {
      drawButton.setAttribute("aria-pressed", on ? "true" : "false");
      drawButton.textContent = on ? "Drag on the map… (Esc to stop)" : "Draw an area";
    }
    el.classList.toggle("drawing", on);
    if (on) map.dragging.disable(); else map.dragging.enable();
    if (!on && rubber) { rubber.remove(); rubber = null; anchor = null; }
  }
  if (drawButton) drawButton.addEventListener("click", function () { setDrawing(!drawing); });
  map.on("mousedown", function (ev) {
    if (!drawing) return;
    anchor = ev.latlng;
    rubber = L.rectangle([anchor, anchor], { pane: "selection", color: "#000", weight: 2, fillOpacity: 0.05 }).addTo(map);
  });
  map.on("mousemove", function (ev) { if (drawing && anchor && rubber) rubber.setBounds([anchor, ev.latlng]); });
  map.on("mouseup", function (ev) {
    if (!drawing || !anchor) return;
    var a = anchor, b = ev.latlng;
    setDrawing(false);
    if (Math.abs(a.lat - b.lat) < 1e-6 && Math.abs(a.lng - b.lng) < 1e-6) return;
    setBox(boxFrom(a, b));
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && drawing) setDrawing(false); });
  var useView = document.getElementById("map-use-view");
  if (useView) useView.addEventListener("click", function () {
    var b = map.getBounds();
    setBox(boxFrom(b.getSouthWest(), b.getNorthEast()));
  });
  var clearBox = document.getElementById("map-clear-box");
  if (clearBox) clearBox.addEventListener("click", function () { setBox(null); });

  // The map's position in the URL (replaceState: panning makes no history entries).
  function remember() {
    var c = map.getCenter(), p = new URLSearchParams(window.location.search);
    p.set("map", map.getZoom() + "/" + c.lat.toFixed(3) + "/" + c.lng.toFixed(3));
    window.history.replaceState(window.history.state, "", window.location.pathname + "?" + p.toString());
  }

  var timer = null;
  map.on("moveend", function () {
    showAdmin1();
    remember();
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  });
  document.addEventListener("ew:filters", function () { showBox(); load(); });
  window.addEventListener("popstate", function () {
    var v = initialView();
    if (v) map.setView([v.lat, v.lon], v.z, { animate: false });
  });
  showBox();
  load();
  window.eventwireMap = map;  // for the browser tests
})();
