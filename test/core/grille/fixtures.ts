import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isoDepuisJour } from "../../../src/core/dates";
import { estRembError } from "../../../src/core/errors";
import { unparseGarantie } from "../../../src/core/garantie";
import { grilleDepuisCsv, grilleDepuisJson, grilleDepuisTableau, type Grille, type OptionsImport } from "../../../src/core/grille";

/**
 * The generic driver of the grid import fixtures (test/fixtures/grilles/<famille>/*.json). A fixture gives an
 * input, options, and either the expected grid (partial: only the fields it lists are compared) or the expected
 * error message. Documented in test/fixtures/grilles/README.md.
 */
export const RACINE = join(__dirname, "../../fixtures/grilles");

export interface Fixture {
  readonly description: string;
  readonly source: string;
  readonly entree: Record<string, unknown>;
  readonly options?: Record<string, unknown>;
  readonly attendu?: Record<string, unknown>;
  readonly erreur?: string;
}

export function fixtures(famille: string): [string, Fixture][] {
  const dossier = join(RACINE, famille);
  return readdirSync(dossier)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dossier, f), "utf8")) as Fixture]);
}

/** Special cell values of the fixtures: {date}, {repeter, fois}; the rest is given as is. */
function valeur(v: unknown): unknown {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.date === "string") return new Date(`${o.date}T00:00:00Z`);
    if (typeof o.repeter === "string") return o.repeter.repeat(o.fois as number);
  }
  return v;
}

/** Generated inputs, too big to commit. */
function generer(g: Record<string, unknown>): unknown[][] {
  switch (g.type) {
    case "large": {
      const n = g.colonnes as number;
      const entete = ["Garanties", ...Array.from({ length: n - 1 }, (_, i) => `Niveau ${i + 1}`)];
      return [
        entete,
        ["Frais de séjour", ...Array.from({ length: n - 1 }, () => "100 % BR")],
        ["Forfait journalier", ...Array.from({ length: n - 1 }, () => "Frais réels")],
      ];
    }
    default:
      throw new Error(`générateur inconnu ${String(g.type)}`);
  }
}

const LIGNES_TYPES: readonly (readonly string[])[] = [
  ["Frais de séjour", "100 % BR", "150 % BR", "200 % BR"],
  ["Forfait journalier hospitalier", "Frais réels", "Frais réels", "Frais réels"],
  ["Consultation généraliste OPTAM", "100 % BR", "150 % BR", "200 % BR"],
  ["Soins dentaires", "100 % BR", "125 % BR", "150 % BR"],
  ["Verres simples", "50 €", "100 €", "150 €"],
];

/** Generated CSV texts, too big to commit. */
function genererCsv(g: Record<string, unknown>): string {
  const n = g.octets as number;
  switch (g.type) {
    case "ligne-longue":
      return [
        "Garanties;Niveau 1;Niveau 2",
        "Frais de séjour;100 % BR;150 % BR",
        `${"A".repeat(n)};100 % BR;100 % BR`,
        "Forfait journalier;Frais réels;Frais réels",
        "",
      ].join("\r\n");
    case "ligne-separateurs":
      return ["Garanties;Niveau 1", "Frais de séjour;100 % BR", "1;".repeat(n / 2), ""].join("\r\n");
    case "ligne-separateurs-vides":
      return ["Garanties;Niveau 1", "Frais de séjour;100 % BR", ";".repeat(n), "Forfait journalier;Frais réels", ""].join("\r\n");
    case "lignes": {
      // `niveaux`: how many of the 3 levels are written (fewer cells per row, to reach the row limit under the cell limit).
      const n = 1 + ((g.niveaux as number | undefined) ?? 3);
      const lignes = ["Garanties;Niveau 1;Niveau 2;Niveau 3".split(";").slice(0, n).join(";")];
      for (let i = 0; i < (g.nombre as number); i++) lignes.push(LIGNES_TYPES[i % LIGNES_TYPES.length]!.slice(0, n).join(";"));
      return lignes.join("\r\n");
    }
    case "grand": {
      const colonnes = g.colonnes as number;
      const lignes = [["Garanties", ...Array.from({ length: colonnes }, (_, i) => `Niveau ${i + 1}`)].join(";")];
      for (let i = 0; i < (g.lignes as number); i++) lignes.push([`Consultation ${i}`, ...Array.from({ length: colonnes }, () => "100 % BR")].join(";"));
      return lignes.join("\r\n");
    }
    default:
      throw new Error(`générateur CSV inconnu ${String(g.type)}`);
  }
}

export function importer(f: Fixture): Grille {
  const e = f.entree;
  const options = (f.options ?? {}) as OptionsImport;
  if (e.tableau)
    return grilleDepuisTableau(
      (e.tableau as unknown[][]).map((l) => (Array.isArray(l) ? l.map(valeur) : l)),
      { ...options, ...(e.formats ? { formats: e.formats as string[][] } : {}) },
    );
  if (e.genere) return grilleDepuisTableau(generer(e.genere as Record<string, unknown>), options);
  if (typeof e.csv === "string") return grilleDepuisCsv(new Uint8Array(readFileSync(join(RACINE, e.csv))), options);
  if (typeof e.csvTexte === "string") return grilleDepuisCsv(e.csvTexte, options);
  if (e.csvGenere) return grilleDepuisCsv(genererCsv(e.csvGenere as Record<string, unknown>), options);
  if (e.json !== undefined) return grilleDepuisJson(e.json);
  if (typeof e.jsonTexte === "string") return grilleDepuisJson(e.jsonTexte);
  if (typeof e.jsonFichier === "string") return grilleDepuisJson(new Uint8Array(readFileSync(join(RACINE, e.jsonFichier))));
  throw new Error("entrée de fixture inconnue");
}

export function executer(nom: string, f: Fixture): void {
  assert.ok(f.description && f.source, `${nom} : description et source requises`);
  assert.ok((f.attendu === undefined) !== (f.erreur === undefined), `${nom} : « attendu » ou « erreur », exactement un`);
  if (f.erreur !== undefined) {
    assert.throws(
      () => importer(f),
      (e: unknown) => {
        assert.ok(estRembError(e), `RembError attendue, ${String(e)} reçue`);
        assert.equal(e.nature, "valeur");
        assert.ok(e.message.includes(f.erreur!), `message « ${e.message} » sans « ${f.erreur} »`);
        return true;
      },
    );
    return;
  }
  const g = importer(f);
  verifierInvariants(g);
  comparer(g, f.attendu!);
}

/** What every imported grid guarantees (src/core/grille/modele.ts). */
export function verifierInvariants(g: Grille): void {
  const noms = g.niveaux.map((n) => n.nom.toLowerCase());
  assert.equal(new Set(noms).size, noms.length, "noms de niveaux uniques");
  g.niveaux.forEach((n, i) => {
    assert.equal(n.rang, i + 1);
    if (n.inclutNiveau !== undefined) {
      assert.ok(
        g.niveaux.some((m) => m.nom === n.inclutNiveau && m !== n),
        `${n.nom} inclut un niveau existant`,
      );
      assert.ok(n.convention !== undefined);
    }
  });
  for (const l of g.lignes) {
    assert.equal(l.cellules.length, g.niveaux.length, `ligne ${l.ligne} : une cellule par niveau`);
    l.cellules.forEach((c, i) => {
      assert.equal(c.niveau, g.niveaux[i]!.nom);
      assert.ok((c.garantie === undefined) !== (c.erreur === undefined), `ligne ${l.ligne}, ${c.niveau} : garantie ou erreur`);
      if (c.erreur) {
        const signalee = g.alertes.some(
          (a) => (a.code === "GARANTIE_ILLISIBLE" || a.code === "VALEUR_INATTENDUE") && a.ligne === l.ligne && a.niveau === c.niveau,
        );
        assert.ok(signalee, `ligne ${l.ligne}, ${c.niveau} : erreur de cellule signalée`);
      }
      if (c.lecture?.ambigu) assert.ok(g.alertes.some((a) => a.code === "NOMBRE_AMBIGU" && a.ligne === l.ligne && a.niveau === c.niveau));
    });
    if (l.poste === null && !l.attribut && l.reconnaissance.origine === "libelle") {
      assert.ok(
        g.alertes.some((a) => (a.code === "LIBELLE_INCONNU" || a.code === "LIBELLE_VIDE" || a.code === "LIGNES_FUSIONNEES") && a.ligne === l.ligne),
        `ligne ${l.ligne} : libellé inconnu signalé`,
      );
    }
    assert.ok(l.reconnaissance.confiance >= 0 && l.reconnaissance.confiance <= 1);
  }
  for (const a of g.alertes) assert.ok(a.message.length > 0 && (a.gravite === "alerte" || a.gravite === "info"));
}

function egalPartiel(reel: unknown, attendu: unknown, chemin: string): void {
  if (attendu !== null && typeof attendu === "object" && !Array.isArray(attendu)) {
    assert.ok(reel !== null && typeof reel === "object", `${chemin} : objet attendu`);
    for (const [k, v] of Object.entries(attendu)) egalPartiel((reel as Record<string, unknown>)[k], v, `${chemin}.${k}`);
    return;
  }
  assert.deepEqual(reel, attendu, chemin);
}

function comparer(g: Grille, a: Record<string, unknown>): void {
  for (const k of ["nom", "responsable", "collectif"] as const) if (k in a) assert.equal(g[k], a[k], k);
  if ("dateEffet" in a) assert.equal(g.dateEffet === undefined ? undefined : isoDepuisJour(g.dateEffet), a.dateEffet, "dateEffet");
  if ("texteDateEffet" in a) assert.equal(g.texteDateEffet, a.texteDateEffet, "texteDateEffet");
  if (a.source) egalPartiel(g.source, a.source, "source");
  if (a.niveaux) {
    const ns = a.niveaux as Record<string, unknown>[];
    assert.equal(g.niveaux.length, ns.length, "nombre de niveaux");
    ns.forEach((n, i) => egalPartiel(g.niveaux[i], n, `niveaux[${i}]`));
  }
  if ("nombreLignes" in a) assert.equal(g.lignes.length, a.nombreLignes, "nombre de lignes");
  if (a.lignes) {
    (a.lignes as Record<string, unknown>[]).forEach((la, i) => {
      const l = la.ligne !== undefined ? g.lignes.find((x) => x.ligne === la.ligne) : g.lignes[i];
      assert.ok(l, `ligne ${String(la.ligne ?? i)} absente`);
      const ici = `ligne ${l.ligne}`;
      const { garanties, lectures, textes, ...reste } = la;
      egalPartiel(l, reste, ici);
      if (garanties) {
        assert.deepEqual(
          l.cellules.map((c) => (c.erreur ? `#${c.erreur.code}` : unparseGarantie(c.garantie!))),
          garanties,
          `${ici} : garanties`,
        );
      }
      if (lectures)
        assert.deepEqual(
          l.cellules.map((c) => c.lecture?.regle ?? null),
          lectures,
          `${ici} : lectures`,
        );
      if (textes)
        assert.deepEqual(
          l.cellules.map((c) => c.texte),
          textes,
          `${ici} : textes`,
        );
    });
  }
  if (a.alertes) {
    const attendues = a.alertes as Record<string, unknown>[];
    const reelles = [...g.alertes];
    const resume = () => g.alertes.map((x) => `${x.code}@${x.adresse ?? x.ligne ?? ""}`).join(", ");
    for (const x of attendues) {
      const i = reelles.findIndex(
        (r) =>
          r.code === x.code &&
          (x.adresse === undefined || r.adresse === x.adresse) &&
          (x.niveau === undefined || r.niveau === x.niveau) &&
          (x.ligne === undefined || r.ligne === x.ligne) &&
          (x.message === undefined || r.message.includes(x.message as string)),
      );
      assert.ok(i >= 0, `alerte attendue ${JSON.stringify(x)} absente ; alertes : ${resume()}`);
      reelles.splice(i, 1);
    }
    assert.deepEqual(
      reelles.map((r) => `${r.code}: ${r.message}`),
      [],
      `alertes en trop ; alertes : ${resume()}`,
    );
  }
}
