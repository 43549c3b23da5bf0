import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { jourDepuisIso } from "../../../src/core/dates";
import { grilleDepuisTableau, type OptionsImport } from "../../../src/core/grille";
import { verifierGrille, type Constat } from "../../../src/core/responsable";

/**
 * The contrat-responsable rules, one fixture file per rule (test/fixtures/responsable/regles/*.json): each case is
 * a small grid as Excel gives it, a contract date, and the exact erreur / alerte findings expected (rule, severity,
 * cell), with the legal source of the expectation. Infos are compared only when the case lists them.
 */
interface Attendu {
  readonly regle: string;
  readonly gravite: "erreur" | "alerte" | "info";
  readonly adresse?: string;
  readonly poste?: string;
  /** Substring of the French message. */
  readonly message?: string;
  /** Substring of the legal reference. */
  readonly reference?: string;
}

interface Cas {
  readonly nom: string;
  readonly source: string;
  readonly date: string;
  readonly tableau: unknown[][];
  readonly options?: OptionsImport;
  readonly attendu: readonly Attendu[];
  readonly infos?: readonly Attendu[];
}

const DOSSIER = join(__dirname, "../../fixtures/responsable/regles");

function cle(c: Pick<Constat, "regle" | "gravite" | "adresse">): string {
  return `${c.gravite} ${c.regle} ${c.adresse ?? "(grille)"}`;
}

/** French typography puts no-break spaces in amounts (« 1 700,00 € »): fixtures are written with plain spaces. */
function espaces(s: string): string {
  return s.replace(/[\u00a0\u202f]/g, " ");
}

function correspond(c: Constat, a: Attendu): boolean {
  return (
    c.regle === a.regle &&
    c.gravite === a.gravite &&
    (a.adresse === undefined || c.adresse === a.adresse) &&
    (a.poste === undefined || c.poste === a.poste) &&
    (a.message === undefined || espaces(c.message).includes(espaces(a.message))) &&
    (a.reference === undefined || c.reference.includes(a.reference))
  );
}

for (const fichier of readdirSync(DOSSIER)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const { regle, cas } = JSON.parse(readFileSync(join(DOSSIER, fichier), "utf8")) as { regle: string; cas: Cas[] };
  describe(`responsable: ${regle} (test/fixtures/responsable/regles/${fichier})`, () => {
    for (const k of cas) {
      it(k.nom, () => {
        const rapport = verifierGrille(grilleDepuisTableau(k.tableau, k.options), { date: jourDepuisIso(k.date) });
        const obtenus = rapport.constats.filter((c) => c.gravite !== "info");
        const restants = [...obtenus];
        const manquants: Attendu[] = [];
        for (const a of k.attendu) {
          const i = restants.findIndex((c) => correspond(c, a));
          if (i < 0) manquants.push(a);
          else restants.splice(i, 1);
        }
        for (const a of k.infos ?? []) {
          if (!rapport.constats.some((c) => correspond(c, a))) manquants.push(a);
        }
        const detail = (cs: readonly { regle: string; gravite: string; adresse?: string; message?: string }[]) =>
          cs.map((c) => `  - ${cle(c as Constat)}${c.message ? ` : ${c.message}` : ""}`).join("\n");
        assert.ok(
          manquants.length === 0 && restants.length === 0,
          `${k.nom} (${k.source})\nConstats manquants :\n${detail(manquants)}\nConstats inattendus :\n${detail(restants)}`,
        );
        for (const c of rapport.constats) {
          assert.ok(c.message.length > 10 && c.reference.length > 5, `constat sans message ni référence : ${JSON.stringify(c)}`);
        }
        assert.equal(rapport.conforme, rapport.erreurs === 0);
      });
    }
  });
}
