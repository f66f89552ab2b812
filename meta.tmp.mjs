import { build } from "esbuild";
const r = await build({ entryPoints: ["addon/src/main.ts"], bundle: true, write: false, format: "iife", globalName: "R", platform: "neutral", mainFields: ["module","main"], target: "es2019", charset: "utf8", metafile: true, define: { __RAPPORT_DEFAULT_WORKER_URL__: '"x"' }, logLevel: "error" });
const out = Object.values(r.metafile.outputs)[0];
const sizes = Object.entries(out.inputs).map(([k,v]) => [k, v.bytesInOutput]).sort((a,b)=>b[1]-a[1]);
let zod=0; for (const [k,v] of sizes) if (k.includes("zod")) zod+=v;
console.log("zod total", zod);
for (const [k,v] of sizes.slice(0,25)) console.log(v, k);
