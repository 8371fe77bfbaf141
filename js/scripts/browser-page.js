/**
 * Runs in the page that scripts/browser-test.mjs opens in headless Chromium: replays every vector
 * file with the same code as test/vectors.test.js and posts the outcome back to the server.
 */
import { FAMILIES, vectorTests } from "../test/replay.js";

/** GET `path` as JSON. */
async function getJson(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return response.json();
}

/** Replays every vector file; returns {passed, skipped, failures, families}. */
export async function run() {
  const names = await getJson("/vectors/index.json");
  const result = { passed: 0, skipped: 0, failures: [], families: [] };
  for (const name of names) {
    const doc = await getJson(`/vectors/${name}`);
    if (!doc || typeof doc.family !== "string" || !Array.isArray(doc.cases)) continue;
    result.families.push(doc.family);
    for (const [test, replay, skip] of vectorTests(doc)) {
      if (skip) {
        result.skipped++;
        continue;
      }
      try {
        await replay();
        result.passed++;
      } catch (error) {
        result.failures.push(`${name} ${test}: ${error && error.message}`);
      }
    }
  }
  const missing = FAMILIES.filter((family) => !result.families.includes(family));
  if (missing.length) result.failures.push(`no vector file for ${missing.join(", ")}`);
  return result;
}
