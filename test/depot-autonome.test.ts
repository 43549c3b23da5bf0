import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { IDS_REGLES } from "../src/core/postes";

/**
 * The repository stands alone: code, comments, fixtures and docs cite the law, published examples and docs/, never
 * documents kept outside the repository (their section numbers, rule numbers « CR-xx », example numbers « WExx », the
 * design notes). Rule ids are read by users in reports: they are French.
 */

const RACINE = join(__dirname, "..");

const HORS_DEPOT: readonly { readonly motif: RegExp; readonly quoi: string }[] = [
  { motif: /\.\.\/shared|shared\/(design|domain)/, quoi: "un chemin hors du dépôt" },
  { motif: /\bdomain(e)? (README |reference )?§/i, quoi: "une section d'un document hors du dépôt (docs/modele-de-calcul.md ?)" },
  { motif: /\bCR-\d\d\b/, quoi: "un numéro de règle hors du dépôt (l'identifiant de la règle, docs/verification.md ?)" },
  { motif: /\bWE\d+\b/, quoi: "un numéro d'exemple hors du dépôt (docs/exemples-chiffres.md ?)" },
  { motif: /\b(architecture|taskpane|style|parameters)\.md\b/, quoi: "une note de conception hors du dépôt (docs/ ?)" },
  { motif: /\bbrief\b/, quoi: "le cahier des charges initial, hors du dépôt" },
];

function fichiersSuivis(): string[] {
  const sortie = execFileSync("git", ["ls-files", "-z"], { cwd: RACINE, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return sortie
    .split("\0")
    .filter((f) => /\.(ts|mjs|js|json|md|txt|csv|html|yml|yaml)$/.test(f))
    .filter((f) => f !== "package-lock.json" && f !== "test/depot-autonome.test.ts");
}

describe("le dépôt se suffit à lui-même", () => {
  it("ne cite aucun document gardé hors du dépôt", function () {
    let fichiers: string[];
    try {
      fichiers = fichiersSuivis();
    } catch {
      this.skip(); // not a git checkout (an npm tarball): nothing to scan
    }
    const trouves: string[] = [];
    for (const f of fichiers) {
      let texte: string;
      try {
        texte = readFileSync(join(RACINE, f), "utf8");
      } catch {
        continue; // listed by git but deleted in the work tree
      }
      texte.split("\n").forEach((ligne, i) => {
        for (const { motif, quoi } of HORS_DEPOT) if (motif.test(ligne)) trouves.push(`${f}:${i + 1} : ${quoi} — ${ligne.trim().slice(0, 120)}`);
      });
    }
    assert.deepEqual(trouves, []);
  });

  it("écrit les identifiants de règles en français", () => {
    const anglais = /\b(class|cap|floor|frame|renewal|same|category)\b/i;
    assert.deepEqual(
      IDS_REGLES.filter((id) => anglais.test(id)),
      [],
    );
    // And the scan above cannot pass vacuously: it sees the rule table.
    assert.match(readFileSync(join(RACINE, "docs/verification.md"), "utf8"), /`R871-2 3° plafond`/);
  });
});
