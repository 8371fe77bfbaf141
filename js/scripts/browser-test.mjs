/**
 * The JS vector replay (test/replay.js, as in test/vectors.test.js) in headless Chromium: serves js/
 * and vectors/ on 127.0.0.1 only, opens a page that replays every vector file in the browser and posts
 * the outcome back, and exits 1 on any mismatch, page error or timeout.
 *
 * Chromium: $CHROMIUM, else `chromium` (Debian's package, which .ci/setup installs) or another
 * Chromium-family binary on PATH. Without one the test is skipped with a message (exit 0), unless
 * PRNG_BROWSER_REQUIRED=1 (then exit 1). Run from js/: `node scripts/browser-test.mjs`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const JS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = join(JS_DIR, "..");
const SERVED = { "/js/src/": join(JS_DIR, "src"), "/js/test/": join(JS_DIR, "test"),
  "/js/scripts/": join(JS_DIR, "scripts"), "/vectors/": join(REPO, "vectors") };
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json" };
const TIMEOUT_MS = 300_000;
const CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio"];
const PAGE = `<!doctype html><meta charset="utf-8"><title>prng vectors</title><pre id="out">running</pre>
<script type="module">
const post = (result) => fetch("/result", { method: "POST", body: JSON.stringify(result) });
import("/js/scripts/browser-page.js")
  .then((page) => page.run())
  .then((result) => post({ ...result, userAgent: navigator.userAgent }))
  .catch((error) => post({ passed: 0, failures: ["page error: " + (error && error.stack || error)] }));
</script>`;

/** The Chromium binary to run, or null. */
function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const folder of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of CANDIDATES) if (folder && existsSync(join(folder, name))) return join(folder, name);
  }
  return null;
}

/** The file under a served folder that `url` names, or null (nothing outside those folders). */
function servedFile(url) {
  const path = decodeURIComponent(new URL(url, "http://127.0.0.1").pathname);
  for (const [prefix, folder] of Object.entries(SERVED)) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(folder, path.slice(prefix.length)));
    if (file.startsWith(folder + sep) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Answers the page: the page itself, the vector list, served files, and the posted result. */
function handle(request, response, onResult) {
  const send = (status, type, body) => response.writeHead(status, { "content-type": type }).end(body);
  const path = new URL(request.url, "http://127.0.0.1").pathname;
  if (request.method === "POST" && path === "/result") {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      send(200, "text/plain", "ok");
      onResult(JSON.parse(body));
    });
  } else if (path === "/") send(200, "text/html", PAGE);
  else if (path === "/vectors/index.json") {
    const names = readdirSync(SERVED["/vectors/"]).filter((f) => f.endsWith(".json") && !f.startsWith("package"));
    send(200, "application/json", JSON.stringify(names.sort()));
  } else {
    const file = servedFile(request.url);
    if (file) send(200, TYPES[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream", readFileSync(file));
    else send(404, "text/plain", "not found");
  }
}

/** Serves the page, runs Chromium on it, and resolves with the posted result (or a failure). */
function runInChromium(chromium) {
  return new Promise((resolve) => {
    const profile = mkdtempSync(join(tmpdir(), "prng-chromium-"));
    let browser = null, timer = null, outcome = null, stderr = "";
    const cleanUp = () => {
      server.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      resolve(outcome);
    };
    const finish = (result) => {
      if (outcome !== null) return;
      outcome = result;
      clearTimeout(timer);
      if (browser === null || browser.exitCode !== null || browser.signalCode !== null) return cleanUp();
      browser.once("exit", cleanUp);
      try {
        process.kill(-browser.pid, "SIGKILL"); // Chromium and every process it started
      } catch {
        browser.kill("SIGKILL");
      }
    };
    const server = createServer((request, response) => handle(request, response, finish));
    server.listen(0, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      browser = spawn(chromium, [...FLAGS, `--user-data-dir=${profile}`, url],
        { stdio: ["ignore", "ignore", "pipe"], detached: true });
      browser.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
      browser.on("error", (error) => finish({ passed: 0, failures: [`cannot start ${chromium}: ${error.message}`] }));
      browser.on("exit", (code) => finish({ passed: 0, failures: [`${chromium} exited (${code}) before the page reported:\n${stderr}`] }));
      timer = setTimeout(() => finish({ passed: 0, failures: [`no result from the page within ${TIMEOUT_MS / 1000} s`] }), TIMEOUT_MS);
    });
  });
}

const chromium = findChromium();
if (chromium === null) {
  const message = "browser test SKIPPED: no Chromium found (Debian: apt-get install -y chromium; or set CHROMIUM)";
  console.log(message);
  process.exit(process.env.PRNG_BROWSER_REQUIRED === "1" ? 1 : 0);
}
const started = Date.now();
const result = await runInChromium(chromium);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const browserName = /(HeadlessChrome|Chrome|Chromium)\/[\d.]+/.exec(result.userAgent ?? "")?.[0] ?? chromium;
if (result.failures.length === 0 && result.passed > 0) {
  console.log(`browser test: ${result.passed} vector cases agree in ${browserName} (${result.families.length} files, ${seconds} s)`);
} else {
  console.log(`browser test FAILED in ${browserName}: ${result.passed} passed, ${result.failures.length} failed`);
  for (const failure of result.failures.slice(0, 20)) console.log(`  ${failure}`);
  process.exitCode = 1;
}
