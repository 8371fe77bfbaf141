/** Shared test helpers: reading the vectors (Node) and, from ./hex.js, exact notation for doubles. */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export { bigOrList, fromHex, toHex } from "./hex.js";

export const VECTORS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "vectors");

/** Every vectors/*.json file that is a vector file (has `family` and `cases`), as [name, document]. */
export function vectorFiles() {
  return readdirSync(VECTORS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f, JSON.parse(readFileSync(join(VECTORS_DIR, f), "utf8"))])
    .filter(([, doc]) => doc && typeof doc.family === "string" && Array.isArray(doc.cases));
}
