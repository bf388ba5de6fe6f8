// The events map: an equirectangular SVG drawn here, no tiles, no network but this server.
// Country outlines come from world-atlas (Natural Earth 110m) when `make web-assets` ran.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 1000, H = 500;
  var svg = document.getElementById("map");
  if (!svg) return;
  var status = document.getElementById("map-status");

  function x(lon) { return (lon + 180) / 360 * W; }
  function y(lat) { return (90 - lat) / 180 * H; }
  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function graticule() {
    var g = document.getElementById("graticule");
    for (var lon = -180; lon <= 180; lon += 30) {
      el("line", { x1: x(lon), y1: 0, x2: x(lon), y2: H, "class": "grid-line" }, g);
    }
    for (var lat = -90; lat <= 90; lat += 30) {
      el("line", { x1: 0, y1: y(lat), x2: W, y2: y(lat), "class": "grid-line" }, g);
    }
  }

  function unwrap(ring) {
    // Keep each step under 180 degrees: a ring crossing the antimeridian gets longitudes
    // past 180 instead of a jump across the whole map.
    var out = [], shift = 0, prev = null;
    ring.forEach(function (p) {
      if (prev !== null) {
        if (p[0] - prev > 180) shift -= 360;
        else if (prev - p[0] > 180) shift += 360;
      }
      prev = p[0];
      out.push([p[0] + shift, p[1]]);
    });
    return out;
  }

  function ringPath(ring, offset) {
    return ring.map(function (p, i) {
      return (i ? "L" : "M") + x(p[0] + offset).toFixed(1) + "," + y(p[1]).toFixed(1);
    }).join("") + "Z";
  }

  function ringPaths(ring) {
    var u = unwrap(ring);
    var lons = u.map(function (p) { return p[0]; });
    var d = ringPath(u, 0);
    // Whatever lies past one edge is drawn again from the other (the SVG clips the rest).
    if (Math.max.apply(null, lons) > 180) d += ringPath(u, -360);
    if (Math.min.apply(null, lons) < -180) d += ringPath(u, 360);
    return d;
  }

  function drawCountries(topology) {
    var g = document.getElementById("countries");
    var key = Object.keys(topology.objects)[0];
    var fc = window.topojson.feature(topology, topology.objects[key]);
    fc.features.forEach(function (f) {
      if (!f.geometry) return;
      var polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      var d = polys.map(function (poly) { return poly.map(ringPaths).join(""); }).join("");
      var path = el("path", { d: d, "class": "country" }, g);
      var title = el("title", {}, path);
      title.textContent = (f.properties && f.properties.name) || "";
    });
  }

  function drawMarkers(fc) {
    var g = document.getElementById("markers");
    fc.features.forEach(function (f) {
      var c = f.geometry.coordinates, p = f.properties;
      var link = el("a", { href: "/ui/events/" + encodeURIComponent(f.id) }, g);
      el("circle", { cx: x(c[0]).toFixed(1), cy: y(c[1]).toFixed(1), r: 5, "class": "marker",
                     "data-id": f.id }, link);
      var title = el("title", {}, link);
      // textContent: article text never becomes markup.
      title.textContent = [p.sort_date, p.category, p.trigger, p.place_name].filter(Boolean).join(" · ");
    });
    var skipped = fc.skipped_without_coordinates || 0;
    status.textContent = fc.features.length + " events on the map" +
      (skipped ? "; " + skipped + " without coordinates are not shown." : ".");
  }

  graticule();
  var basemap = svg.getAttribute("data-basemap");
  var outlines = basemap && window.topojson
    ? fetch(basemap).then(function (r) { return r.json(); }).then(drawCountries)
        .catch(function () { status.textContent = "Country outlines failed to load."; })
    : Promise.resolve();
  outlines.then(function () {
    return fetch(svg.getAttribute("data-events"));
  }).then(function (r) {
    if (!r.ok) throw new Error("the server answered " + r.status);
    return r.json();
  }).then(drawMarkers).catch(function (err) {
    status.textContent = "Could not load events: " + err.message;
  });
})();
