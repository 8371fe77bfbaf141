/**
 * A quiet reporter for `node --test` (npm test, .ci/run): one line per failing test with its error,
 * anything the tests print, and node's own totals at the end, instead of one line per test.
 * Usage: node --test --test-reporter=./scripts/summary-reporter.mjs test/
 */
import { inspect } from "node:util";

const TOTALS = ["tests", "suites", "pass", "fail", "cancelled", "skipped", "todo", "duration_ms"];

/** The failure of one test, as a few indented lines. */
function describeFailure(data) {
  const error = data.details?.error;
  const cause = error?.cause ?? error;
  const text = cause instanceof Error ? cause.stack ?? cause.message : inspect(cause, { depth: 4 });
  const where = data.file ? ` (${data.file}${data.line ? `:${data.line}` : ""})` : "";
  return `FAIL ${data.name}${where}\n${String(text).split("\n").slice(0, 12).map((l) => `    ${l}`).join("\n")}\n`;
}

export default async function* summaryReporter(source) {
  const totals = {};
  for await (const event of source) {
    const { type, data } = event;
    if (type === "test:fail" && data.details?.error?.failureType !== "subtestsFailed") yield describeFailure(data);
    else if (type === "test:stdout" || type === "test:stderr") yield data.message;
    else if (type === "test:diagnostic" && data.nesting === 0) {
      const [key, value] = data.message.split(" ");
      if (TOTALS.includes(key)) totals[key] = value;
    }
  }
  const seconds = (Number(totals.duration_ms ?? 0) / 1000).toFixed(1);
  yield `node --test: ${totals.tests ?? "?"} tests, ${totals.pass ?? "?"} passed, ${totals.fail ?? "?"} failed, `
    + `${totals.skipped ?? 0} skipped, ${totals.todo ?? 0} todo, ${totals.cancelled ?? 0} cancelled (${seconds} s)\n`;
}
