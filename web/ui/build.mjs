// Builds the dashboard into dist/: the bundle (esbuild), the base map
// (Natural Earth countries from world-atlas, clipped to the region the
// export routes cross) and the licences of everything bundled. The output
// depends only on the sources and the exact versions in package-lock.json,
// so CI can rebuild it and compare (check-build.sh).
//
//   npm ci && npm run build
import { build } from 'esbuild';
import { feature } from 'topojson-client';
import { readFileSync, writeFileSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const modules = join(here, 'node_modules');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

// 1. The bundle: src/main.js and the CSS it imports.
await build({
  entryPoints: [join(here, 'src/main.js')],
  outfile: join(dist, 'app.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'external', // dist/app.js.LEGAL.txt
  sourcemap: false,
  logLevel: 'warning',
});
copyFileSync(join(here, 'src/index.html'), join(dist, 'index.html'));

// 2. The base map. Country polygons of world-atlas (Natural Earth 1:50m,
// public domain) clipped to a box around the Caspian, named by ISO 3166-1
// alpha-3 code (from the project's country crosswalk) so that pages can
// colour states by the codes the API returns.
const BOX = { west: 20, east: 100, south: 30, north: 62 };
const atlas = JSON.parse(readFileSync(join(modules, 'world-atlas/countries-50m.json'), 'utf8'));
const iso3 = isoNumericToAlpha3(readFileSync(join(here, '../../country/countries.csv'), 'utf8'));
const features = [];
for (const f of feature(atlas, atlas.objects.countries).features) {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const out = [];
  for (const poly of polys) {
    const outer = clip(unwrap(poly[0]));
    if (outer.length < 4) continue; // outside the box
    const holes = poly.slice(1).map(unwrap).map(clip).filter((r) => r.length >= 4);
    out.push([outer, ...holes]);
  }
  if (!out.length) continue;
  const code = iso3.get(Number(f.id)) || f.properties.name;
  features.push({
    type: 'Feature',
    properties: { name: code, label: f.properties.name },
    geometry: { type: 'MultiPolygon', coordinates: out },
  });
}
features.sort((a, b) => (a.properties.name < b.properties.name ? -1 : 1));
writeFileSync(
  join(dist, 'basemap.json'),
  JSON.stringify({
    type: 'FeatureCollection',
    note: `Natural Earth 1:50m admin-0 countries (public domain) via world-atlas, clipped to lon ${BOX.west}..${BOX.east}, lat ${BOX.south}..${BOX.north}`,
    features,
  }),
);

// 3. Licences of the bundled packages and the map data.
const licensed = [
  ['echarts', ['LICENSE', 'NOTICE']],
  ['zrender', ['LICENSE']],
  ['tslib', ['LICENSE.txt']],
  ['topojson-client', ['LICENSE']],
  ['world-atlas', ['LICENSE']],
];
let text = 'Third-party software bundled in app.js, and the software and data behind basemap.json.\n';
for (const [name, files] of licensed) {
  const pkg = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
  text += `\n${'='.repeat(72)}\n${name} ${pkg.version} (${pkg.license})\n${'='.repeat(72)}\n`;
  for (const file of files) text += '\n' + readFileSync(join(modules, name, file), 'utf8').trim() + '\n';
}
text += `\n${'='.repeat(72)}\nNatural Earth (basemap.json)\n${'='.repeat(72)}\n
Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
All versions of Natural Earth raster + vector map data are in the public domain.
Country shapes from the 1:50m admin-0 countries, as packaged by world-atlas.
`;
writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.txt'), text);

// The ring with longitudes shifted past 180 when it crosses the
// antimeridian (Natural Earth's Chukotka), rounded to 0.01 degree.
function unwrap(ring) {
  let crosses = false;
  for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) crosses = true;
  return ring.map(([x, y]) => [crosses && x < 0 ? x + 360 : x, y]);
}

// Sutherland-Hodgman: the ring clipped to BOX, closed, rounded, with
// repeated points dropped.
function clip(ring) {
  const edges = [
    (p) => p[0] >= BOX.west, (a, b) => cutX(a, b, BOX.west),
    (p) => p[0] <= BOX.east, (a, b) => cutX(a, b, BOX.east),
    (p) => p[1] >= BOX.south, (a, b) => cutY(a, b, BOX.south),
    (p) => p[1] <= BOX.north, (a, b) => cutY(a, b, BOX.north),
  ];
  let pts = ring.slice(0, -1);
  for (let e = 0; e < edges.length && pts.length; e += 2) {
    const inside = edges[e], cut = edges[e + 1];
    const next = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i], prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) next.push(cut(prev, cur));
        next.push(cur);
      } else if (inside(prev)) next.push(cut(prev, cur));
    }
    pts = next;
  }
  const out = [];
  for (const [x, y] of pts) {
    const p = [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length) out.push(out[0]);
  return out;
}

function cutX(a, b, x) {
  return [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
}

function cutY(a, b, y) {
  return [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
}

// Map of ISO 3166-1 numeric code to alpha-3 code, from country/countries.csv.
function isoNumericToAlpha3(csv) {
  const m = new Map();
  let header = null;
  for (const line of csv.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split(','); // the columns used here hold no commas
    if (!header) {
      header = cols;
      continue;
    }
    const num = Number(cols[header.indexOf('isonum')]);
    const a3 = cols[header.indexOf('iso3')];
    if (num && a3) m.set(num, a3);
  }
  return m;
}
