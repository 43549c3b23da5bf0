import assert from "node:assert/strict";
import { jourDepuisIso } from "../../../src/core/dates";
import { FICHIERS_PARAMETRES, parametres, Registre, validerFichiers } from "../../../src/core/params";
import type { FichierParametres } from "../../../src/core/params";

const j = jourDepuisIso;

describe("params loader", () => {
  it("finds no problem in the committed parameter files (sorted dates, no duplicate, references)", () => {
    assert.deepEqual(validerFichiers(FICHIERS_PARAMETRES), []);
  });

  it("looks values up by date, in cents", () => {
    assert.equal(parametres.cents("pf.montant", j("2024-05-14")), 100);
    assert.equal(parametres.cents("pf.montant", j("2024-05-15")), 200);
    assert.equal(parametres.cents("pmss", j("2026-06-30")), 400500);
  });

  it("names the parameter and the date before its first value, never the nearest value", () => {
    assert.throws(() => parametres.cents("pmss", j("2018-12-31")), /« pmss » au 31\/12\/2018.*01\/01\/2019/);
    assert.throws(() => parametres.cents("pmss.inconnu", j("2020-01-01")), /Paramètre inconnu/);
  });

  const fichier = (valeurs: unknown[]): Record<string, FichierParametres> => ({
    "t.json": {
      sujet: "t",
      verifieLe: "2026-03-14",
      parametres: [{ nom: "t.x", unite: "EUR", base: "care", description: "d", valeurs }],
    } as unknown as FichierParametres,
  });
  const ref = { texte: "R0" };

  it("rejects unsorted or duplicate dates, missing references, unexplained ⚠, bad amounts", () => {
    const msgs = (v: unknown[]) => validerFichiers(fichier(v)).map((p) => p.message);
    assert.match(
      msgs([
        { debut: "2020-01-01", valeur: "1.00", reference: ref, confiance: "LAW" },
        { debut: "2019-01-01", valeur: "2.00", reference: ref, confiance: "LAW" },
      ]).join(),
      /non triées/,
    );
    assert.match(
      msgs([
        { debut: "2020-01-01", valeur: "1.00", reference: ref, confiance: "LAW" },
        { debut: "2020-01-01", valeur: "2.00", reference: ref, confiance: "LAW" },
      ]).join(),
      /en double/,
    );
    assert.match(msgs([{ debut: "2020-01-01", valeur: "1.00", reference: { texte: "" }, confiance: "LAW" }]).join(), /référence manquante/);
    assert.match(msgs([{ debut: "2020-01-01", valeur: "1.00", reference: ref, confiance: "LAW", incertain: true }]).join(), /sans note/);
    assert.match(msgs([{ debut: "2020-01-01", valeur: "1.001", reference: ref, confiance: "LAW" }]).join(), /centimes/);
    assert.match(msgs([{ debut: "2020-01-01", valeur: 1, reference: ref, confiance: "LAW" }]).join(), /texte décimal/);
    assert.throws(() => new Registre(fichier([{ debut: "2020-02-30", valeur: "1.00", reference: ref, confiance: "LAW" }])), /Paramètres invalides/);
  });

  it("treats a null value as the end of the parameter and skips announced values unless asked", () => {
    const r = new Registre(
      fichier([
        { debut: "2020-01-01", valeur: "1.00", reference: ref, confiance: "LAW" },
        { debut: "2022-01-01", valeur: "3.00", reference: ref, confiance: "SEC", statut: "annonce" },
        { debut: "2023-01-01", valeur: null, reference: ref, confiance: "LAW" },
      ]),
    );
    assert.equal(r.cents("t.x", j("2022-06-01")), 100);
    assert.equal(r.cents("t.x", j("2022-06-01"), { inclureAnnonces: true }), 300);
    assert.throws(() => r.cents("t.x", j("2023-01-01")), /n'existe plus au 01\/01\/2023/);
    assert.throws(() => r.taux("t.x", j("2020-06-01")), /en EUR/);
  });
});
