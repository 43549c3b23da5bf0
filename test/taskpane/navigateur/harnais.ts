import { existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/**
 * The task pane in a real browser, as far as a machine without Excel allows: Debian's Chromium (apt-get install
 * chromium; never a browser download) driven by playwright-core, the built dist/ served over 127.0.0.1, office.js
 * and the files it asks for served from the npm package @microsoft/office-js under their CDN address, and every other
 * request refused and recorded (a test fails on any). Page errors and console errors are recorded too.
 */
/** The repository (found from this file upward: the benchmark runs this harness from a bundle in .bench/). */
export const RACINE = racine(__dirname);

function racine(depuis: string): string {
  for (let d = depuis; ; d = path.dirname(d)) {
    const p = path.join(d, "package.json");
    if (existsSync(p) && (JSON.parse(readFileSync(p, "utf8")) as { name?: string }).name === "remb") return d;
    if (path.dirname(d) === d) throw new Error(`Dépôt REMB introuvable au-dessus de ${depuis}.`);
  }
}
export const DIST = path.join(RACINE, "dist");
const OFFICE = path.join(RACINE, "node_modules/@microsoft/office-js/dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/** The Chromium binary: REMB_CHROMIUM, else Debian's. */
export function cheminChromium(): string {
  const candidats = [process.env.REMB_CHROMIUM, "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser"].filter((x): x is string => !!x);
  const c = candidats.find((x) => existsSync(x));
  if (!c) {
    throw new Error(
      "Chromium introuvable : installez le paquet Debian « chromium » (apt-get install chromium ; .ci/run le fait), ou donnez son chemin dans REMB_CHROMIUM.",
    );
  }
  return c;
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml",
};

export interface Serveur {
  readonly url: string;
  readonly requetes: string[];
  fermer(): Promise<void>;
}

/** dist/ over 127.0.0.1 (a random port), with its pages at their deployment path ignored: files by name. */
export async function servirDist(): Promise<Serveur> {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html absent : lancez « npm run build » (npm test le fait).");
  const requetes: string[] = [];
  const serveur = http.createServer((req, res) => {
    const chemin = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requetes.push(chemin);
    const fichier = path.normalize(path.join(DIST, chemin));
    if (!fichier.startsWith(DIST) || !existsSync(fichier) || !statSync(fichier).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(fichier)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(readFileSync(fichier));
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  const port = (serveur.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, requetes, fermer: () => new Promise((ok) => serveur.close(() => ok())) };
}

export async function lancer(): Promise<Browser> {
  return chromium.launch({ executablePath: cheminChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fr-FR"] });
}

/**
 * office.js outside Office asks for its telemetry frame: refused like everything else, but it is Microsoft's script
 * and not the pane's, so the tests do not count it.
 */
const TELEMETRIE_OFFICE = /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//;

export interface Volet {
  readonly page: Page;
  readonly contexte: BrowserContext;
  /** Requests refused (anything but the local server and office.js), office.js's telemetry apart. */
  readonly refusees: string[];
  readonly erreurs: string[];
  fermer(): Promise<void>;
}

export interface OptionsVolet {
  readonly largeur?: number;
  readonly hauteur?: number;
  readonly sombre?: boolean;
  readonly contraste?: boolean;
}

/**
 * Opens the pane (demo mode: Office.onReady answers « no host » in a plain browser) and waits until its buttons
 * are enabled. The page's JavaScript bundles point at the production URL (output.publicPath): chunk requests to it are
 * answered from dist/ as well.
 */
export async function ouvrirVolet(navigateur: Browser, serveur: Serveur, o: OptionsVolet = {}): Promise<Volet> {
  const contexte = await navigateur.newContext({
    viewport: { width: o.largeur ?? 350, height: o.hauteur ?? 900 },
    colorScheme: o.sombre ? "dark" : "light",
    forcedColors: o.contraste ? "active" : "none",
    locale: "fr-FR",
    serviceWorkers: "block",
  });
  const refusees: string[] = [];
  const erreurs: string[] = [];
  const base = publicPath();
  await contexte.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(serveur.url)) return route.continue();
    if (url.startsWith(CDN)) {
      const f = path.join(OFFICE, url.slice(CDN.length).split("?")[0]!);
      if (existsSync(f) && statSync(f).isFile()) return route.fulfill({ path: f, contentType: "text/javascript; charset=utf-8" });
    }
    if (base && url.startsWith(base)) {
      const f = path.join(DIST, url.slice(base.length).split("?")[0]!);
      if (existsSync(f) && statSync(f).isFile()) return route.fulfill({ path: f, contentType: TYPES[path.extname(f)] ?? "application/octet-stream" });
    }
    if (!TELEMETRIE_OFFICE.test(url)) refusees.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await contexte.newPage();
  page.on("pageerror", (e) => erreurs.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") erreurs.push(`console: ${m.text()}`);
  });
  await page.goto(`${serveur.url}/taskpane.html`);
  await page.locator("#b-selection:enabled").waitFor({ timeout: 15_000 });
  // The controller chunk is fetched in the background after the first screen: wait for it (and the demo's first draw).
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/controle.js")), undefined, { timeout: 15_000 });
  return { page, contexte, refusees, erreurs, fermer: () => contexte.close() };
}

/** The deployment URL the production bundles load their chunks from (webpack's publicPath), read from dist/. */
function publicPath(): string | undefined {
  const js = readFileSync(path.join(DIST, "functions.js"), "utf8");
  return /"(https:\/\/[^"]+\/)"/.exec(js)?.[1];
}

/** axe-core's WCAG 2 A/AA rules on the page; the violations, summarised. */
export async function violationsAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(RACINE, "node_modules/axe-core/axe.min.js") });
  const r = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }
    ).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
  });
  return r.violations.map(
    (v) =>
      `${v.id} (${v.help}) : ${v.nodes
        .map((n) => JSON.stringify(n.target))
        .slice(0, 5)
        .join(", ")}`,
  );
}
