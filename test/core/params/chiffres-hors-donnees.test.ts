import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/**
 * Legal facts live in data only: no euro amount or rate written in a string of src/core outside src/core/params. A
 * message, a DETAIL label or a rule statement builds its figures from the parameter in force, so a value edited in
 * JSON never leaves an old figure in a report. Scanned: every string literal and template text of src/core/**.ts
 * (comments are not strings). What is allowed is listed below, phrase by phrase, with the reason; an allowed phrase
 * that no longer occurs fails too, so the list stays exact.
 */

const RACINE = join(__dirname, "../../..");
const CORE = join(RACINE, "src/core");
/** « 1 700 € », « 60 % », « 0,50 euro », « 100%SANTE ». */
const CHIFFRE = /\d[\d\u00a0\u202f ]*(?:[,.]\d+)?\s*(?:€|euros?\b|%)/g;

interface Permis {
  /** File (relative to src/core) or folder prefix ending with « / ». */
  readonly fichier: string;
  /** The figure in its words, as a regular expression on the string. */
  readonly motif: RegExp;
  readonly raison: string;
}

const NOM_100_SANTE = "« 100 % Santé » est le nom de la réforme, pas un taux";
const EXEMPLE = "exemple de saisie dans un message d'aide, pas une valeur légale";
const BR = "100 % de la BR est la base de remboursement elle-même (Sécurité sociale incluse), pas un paramètre";
const VOCABULAIRE = "vocabulaire des grilles imprimées, reconnu tel quel (libellés, synonymes) ; à déplacer avec le vocabulaire des postes";

const PERMIS: readonly Permis[] = [
  { fichier: "", motif: /100\s?% ?sant[eé]/i, raison: `${NOM_100_SANTE} (et l'identifiant du panier, « 100%SANTE »)` },
  // Input syntax shown in error messages.
  { fichier: "money/taux.ts", motif: /70 % ou 0,7/, raison: EXEMPLE },
  { fichier: "comparaison/plan.ts", motif: /^0\.00 %$/, raison: "format de nombre d'Excel (deux décimales, pourcentage), pas une valeur légale" },
  { fichier: "calculators/entrees.ts", motif: /entre 0 % et 100 %|« 150 % BR », « 50 € »/, raison: EXEMPLE },
  {
    fichier: "garantie/",
    motif: /150 % BR|50 €|30 €|1,5 % PMSS|100 % (TM|FR|PLV|HLF)|« 100 %|\$1 %|\$2 €|10 000 %|1 000 000 000 €|0,00 €/,
    raison: `${EXEMPLE} (langage des garanties)`,
  },
  { fichier: "grille/", motif: /« 150 % BR »|« 50 € »|« 100 % BR »/, raison: EXEMPLE },
  // The BR itself.
  { fichier: "responsable/regles/ticket-moderateur.ts", motif: /au moins 100 % de la BR/, raison: BR },
  { fichier: "responsable/regles/hors-parcours.ts", motif: /au-delà de 100 % de la BR/, raison: BR },
  {
    fichier: "responsable/regles/depassements-non-optam.ts",
    motif: /^ \(100 % \+ min\($|^permis quand les adhérents sont couverts aux frais réels \(100 % \+ $/,
    raison: BR,
  },
  {
    fichier: "responsable/limites/limites-responsables.ts",
    motif: /Sécurité sociale incluse \(100 % \+ min\(|: 100 % de la base de remboursement Sécurité sociale incluse/,
    raison: BR,
  },
  // Out of this scope for now: the poste catalogue's vocabulary (labels and synonyms as grids print them).
  { fichier: "postes/catalogue-hospitalisation.ts", motif: /participation forfaitaire de 24 €|forfait 24 €|tout acte de 120 €/, raison: VOCABULAIRE },
  { fichier: "postes/catalogue-soins-courants.ts", motif: /(65|30|15) %|participation forfaitaire 2 €/, raison: VOCABULAIRE },
];

function fichiers(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? fichiers(p) : p.endsWith(".ts") ? [p] : [];
  });
}

interface Chaine {
  readonly fichier: string;
  readonly ligne: number;
  readonly texte: string;
}

/** Every string literal and template text of a file, with its line. */
function chaines(f: string): Chaine[] {
  const source = ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true);
  const r: Chaine[] = [];
  const fichier = relative(CORE, f).split("\\").join("/");
  const visiter = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      r.push({ fichier, ligne: source.getLineAndCharacterOfPosition(n.getStart()).line + 1, texte: n.text });
    }
    ts.forEachChild(n, visiter);
  };
  visiter(source);
  return r;
}

describe("legal figures live in the data (no amount or rate in a string of src/core outside src/core/params)", () => {
  const toutes = fichiers(CORE)
    .filter((f) => !relative(CORE, f).startsWith("params"))
    .flatMap(chaines);
  const utilises = new Set<Permis>();

  it("scans the code (the scanner finds strings)", () => {
    assert.ok(toutes.length > 1000, `${toutes.length} chaînes seulement`);
  });

  it("finds no figure outside the allowed phrases", () => {
    const trouves: string[] = [];
    for (const c of toutes) {
      for (const m of c.texte.match(CHIFFRE) ?? []) {
        const permis = PERMIS.find(
          (p) => (p.fichier === "" || c.fichier === p.fichier || (p.fichier.endsWith("/") && c.fichier.startsWith(p.fichier))) && p.motif.test(c.texte),
        );
        if (permis) utilises.add(permis);
        else trouves.push(`src/core/${c.fichier}:${c.ligne} « ${m.trim()} » dans « ${c.texte.slice(0, 120)} »`);
      }
    }
    assert.deepEqual(trouves, [], "chiffres légaux écrits dans le code : les lire dans les paramètres (src/core/params)");
  });

  it("every allowed phrase still occurs (the list is exact)", () => {
    const inutiles = PERMIS.filter((p) => !utilises.has(p)).map((p) => `${p.fichier} ${p.motif}`);
    assert.deepEqual(inutiles, []);
  });

  it("would catch a figure (the check can fail)", () => {
    assert.ok("limitée à 1 700 € par aide".match(CHIFFRE));
    assert.ok("RO 60 %".match(CHIFFRE));
    assert.ok("0,50 euro par boîte".match(CHIFFRE));
  });
});
