import assert from "node:assert/strict";
import fc from "fast-check";
import { jourDepuisIso } from "../../../src/core/dates";
import { estRembError } from "../../../src/core/errors";
import { grilleDepuisTableau, type Grille } from "../../../src/core/grille";
import { IDS_REGLES } from "../../../src/core/postes";
import { verifierGrille } from "../../../src/core/responsable";

/**
 * Whatever the grid, the validator returns a report: no exception, every finding with a known rule, a French
 * message and a reference, counts that add up, and `conforme` exactly when there is no erreur.
 */
const LIBELLES = [
  "Frais de séjour",
  "Forfait journalier hospitalier",
  "Forfait journalier psychiatrie",
  "Honoraires chirurgicaux OPTAM",
  "Honoraires chirurgicaux non OPTAM",
  "Consultations généraliste",
  "Consultations spécialiste OPTAM",
  "Consultations spécialiste non OPTAM",
  "Biologie",
  "Médicaments remboursés à 30 %",
  "Équipement 100 % Santé",
  "Équipement verres simples",
  "Verres",
  "Monture",
  "Aides auditives 100 % Santé",
  "Aides auditives classe II",
  "Aides auditives",
  "Prothèses dentaires 100 % Santé",
  "Prothèses dentaires",
  "Participation forfaitaire",
  "Consultations hors parcours de soins",
  "Forfait patient urgences",
  "Prothèses capillaires 100 % Santé",
  "Ostéopathie",
  "OPTIQUE",
  "Truc inconnu",
  "",
];
const CELLULES = [
  "100 % BR",
  "150 % BR",
  "Frais réels",
  "Néant",
  "-",
  "50 €",
  "420 €",
  "1 700 €",
  "100 % BR + 20 €",
  "Frais réels dans la limite des PLV",
  "Frais réels dans la limite des HLF",
  "30 % BR en sus du RO",
  "1 460 € en sus du RO",
  "23 € / jour (max 30 / an)",
  "Inclus",
  "150 % BX",
  "1,5 % PMSS / jour",
  "200 € (1 équipement tous les 2 ans)",
  "150 € / verre",
  "100 % TM",
  "Frais réels dans la limite des plafonds du contrat responsable",
  "1.5",
  "",
];
const ENTETES = ["Niveau 1", "Niveau 2", "Base", "Option 1 (en sus de la base)", "Option 2 (y compris la base)", "Réseau", "Hors réseau"];

const cellule = fc.oneof(fc.constantFrom(...CELLULES), fc.double({ min: -10, max: 5000, noNaN: true }), fc.string({ maxLength: 12 }));
const grille = fc
  .record({
    niveaux: fc.uniqueArray(fc.constantFrom(...ENTETES), { minLength: 1, maxLength: 4 }),
    lignes: fc.array(fc.tuple(fc.constantFrom(...LIBELLES), fc.array(cellule, { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 12 }),
  })
  .map(({ niveaux, lignes }) => [["Garanties", ...niveaux], ...lignes.map(([l, cs]) => [l, ...cs.slice(0, niveaux.length)])]);
const date = fc.constantFrom("2014-06-01", "2015-04-01", "2016-06-01", "2019-12-31", "2020-01-01", "2021-01-01", "2025-11-28", "2026-03-01", "2026-12-31");

describe("responsable: properties (2 000 generated grids)", () => {
  it("every grid gets a report with consistent findings, never an exception", function () {
    // 2 000 imports and checks: ~8 s alone, more on a shared CI machine. Not a speed test (bench/ measures speed).
    this.timeout(120_000);
    let verifiees = 0;
    fc.assert(
      fc.property(grille, date, fc.boolean(), fc.boolean(), (t, d, responsable, collectif) => {
        let g: Grille;
        try {
          g = grilleDepuisTableau(t, { responsable, collectif });
        } catch (e) {
          assert.ok(estRembError(e), String(e));
          return;
        }
        verifiees++;
        const r = verifierGrille(g, { date: jourDepuisIso(d) });
        let erreurs = 0;
        let alertes = 0;
        let infos = 0;
        for (const c of r.constats) {
          assert.ok(c.regle === "lecture" || (IDS_REGLES as readonly string[]).includes(c.regle), c.regle);
          assert.ok(c.message.length > 10, JSON.stringify(c));
          assert.ok(c.reference.length > 5, JSON.stringify(c));
          if (c.niveau !== undefined)
            assert.ok(
              g.niveaux.some((n) => n.nom === c.niveau),
              c.niveau,
            );
          if (c.regle !== "lecture" && c.niveau !== undefined) assert.ok(c.adresse !== undefined && c.valeur !== undefined, JSON.stringify(c));
          if (!responsable) assert.notEqual(c.gravite, "erreur");
          if (c.gravite === "erreur") erreurs++;
          else if (c.gravite === "alerte") alertes++;
          else infos++;
        }
        assert.deepEqual([r.erreurs, r.alertes, r.infos], [erreurs, alertes, infos]);
        assert.equal(r.conforme, erreurs === 0);
        assert.equal(r.date, jourDepuisIso(d));
      }),
      { numRuns: 2000 },
    );
    assert.ok(verifiees > 1_000, `${verifiees} grilles vérifiées`);
  });
});
