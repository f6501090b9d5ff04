// Simplifies the Ganzhou county map (data/map/ganzhou.geojson, 2.5 MB) for the browser,
// names 龙南县 as 龙南市 (a county-level city since 2020) and attaches each county's GB/T 2260 code.
// Output: web/public/map/ganzhou.json (+ its licence), well under 300 KB.
import fs from 'node:fs';
import path from 'node:path';
import mapshaper from 'mapshaper';
import YAML from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'data/map/ganzhou.geojson');
const outDir = path.join(root, 'web/public/map');
const org = YAML.parse(fs.readFileSync(path.join(root, 'data/org/ganzhou.yaml'), 'utf8'));
const codeByName = new Map(org.regions.flatMap((r) => [[r.name, r.code], ...(r.formerName ? [[r.formerName, r.code]] : [])]));
const nameByCode = new Map(org.regions.map((r) => [r.code, r.name]));

const { 'out.json': out } = await mapshaper.applyCommands(
  '-i in.json -simplify 4% keep-shapes -o out.json format=geojson precision=0.0001',
  { 'in.json': fs.readFileSync(src, 'utf8') },
);
const geo = JSON.parse(out.toString());
for (const f of geo.features) {
  const code = codeByName.get(f.properties.name);
  if (!code) throw new Error(`map feature ${f.properties.name} matches no region in data/org/ganzhou.yaml`);
  f.properties = { name: nameByCode.get(code), code, center: f.properties.center };
}
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'ganzhou.json'), JSON.stringify(geo));
fs.copyFileSync(path.join(root, 'data/map/ganzhou.geojson.LICENSE'), path.join(outDir, 'ganzhou.geojson.LICENSE.txt'));
console.log(`map: ${geo.features.length} counties, ${fs.statSync(path.join(outDir, 'ganzhou.json')).size} bytes`);
