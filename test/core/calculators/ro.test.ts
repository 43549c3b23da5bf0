import assert from "node:assert/strict";
import { roBrut, roNet, ticketModerateur } from "../../../src/core/calculators/ro";
import { montantRetenue, retenueDepuisTexte, type Retenue } from "../../../src/core/calculators/retenue";
import { jourDepuisIso } from "../../../src/core/dates";
import { parametres } from "../../../src/core/params";
import { memoCents } from "../../../src/core/calculators/parametre-memo";
import { chargerFixtures, cents, jour, taux, verifierErreur, type CasFixture } from "./soins-fixtures";

function executer(c: CasFixture): number {
  const e = c.entree;
  const br = cents(e["br"], "br");
  const t = taux(e["tauxRo"]);
  switch (c.fonction) {
    case "roBrut":
      return roBrut(br, t);
    case "ticketModerateur":
      return ticketModerateur(br, t, e["frais"] === undefined ? undefined : cents(e["frais"], "frais"));
    case "roNet": {
      const r = e["retenue"];
      if (r === undefined) return roNet(br, t);
      const retenue: Retenue = typeof r === "number" ? cents(r, "retenue") : retenueDepuisTexte(r as string);
      return roNet(br, t, typeof retenue === "number" ? retenue : montantRetenue(retenue, jour(c.date)));
    }
    default:
      throw new Error(`fonction inconnue : ${String(c.fonction)}`);
  }
}

describe("roBrut / ticketModerateur / roNet (fixtures ro.json)", () => {
  for (const c of chargerFixtures("ro").cas) {
    it(c.nom, () => {
      if (c.erreur) return verifierErreur(() => executer(c), c.erreur, c.nom);
      assert.equal(executer(c), cents(c.attendu!["montant"]));
    });
  }
});

describe("retenue", () => {
  const j = jourDepuisIso("2025-06-01");

  it("reads the French spellings of each keyword", () => {
    const cas: [string, Retenue][] = [
      ["PF", "PF"],
      ["pf", "PF"],
      ["Participation forfaitaire", "PF"],
      ["participation", "PF"],
      ["FRANCHISE", "FRANCHISE"],
      ["franchise", "FRANCHISE"],
      ["Franchise sur les actes d'auxiliaires médicaux", "FRANCHISE"],
      ["franchise médicament", "FRANCHISE-MEDICAMENT"],
      ["Franchise sur les médicaments", "FRANCHISE-MEDICAMENT"],
      ["franchise par boîte", "FRANCHISE-MEDICAMENT"],
      ["FRANCHISE_MEDICAMENT", "FRANCHISE-MEDICAMENT"],
      ["franchise transport", "FRANCHISE-TRANSPORT"],
      ["Franchise transports sanitaires", "FRANCHISE-TRANSPORT"],
      ["AUCUNE", "AUCUNE"],
      ["aucune", "AUCUNE"],
      ["", "AUCUNE"],
      ["néant", "AUCUNE"],
      ["2", 200],
      ["0,50 €", 50],
      ["1.5", 150],
      ["2 euros", 200],
    ];
    for (const [texte, attendu] of cas) assert.equal(retenueDepuisTexte(texte), attendu, texte);
  });

  it("refuses unknown, ambiguous and negative retenues in French", () => {
    verifierErreur(() => retenueDepuisTexte("forfait"), { code: "ARGUMENT_INVALIDE", message: "Retenue inconnue.*PF" }, "inconnue");
    verifierErreur(() => retenueDepuisTexte("franchise médicale"), { code: "ARGUMENT_INVALIDE", message: "ambiguë" }, "ambiguë");
    verifierErreur(() => retenueDepuisTexte("-2"), { code: "MONTANT_INVALIDE", message: "négative" }, "négative");
    verifierErreur(() => montantRetenue("PFX" as never, j), { code: "ARGUMENT_INVALIDE" }, "mot-clé inconnu");
  });

  it("resolves keywords with the parameter of the care date and never exceeds RO brut", () => {
    assert.equal(montantRetenue("PF", j), 200);
    assert.equal(montantRetenue("FRANCHISE", j), 100);
    assert.equal(montantRetenue("FRANCHISE-MEDICAMENT", jourDepuisIso("2024-03-30")), 50);
    assert.equal(montantRetenue("FRANCHISE-TRANSPORT", j), 400);
    assert.equal(montantRetenue("AUCUNE", j), 0);
  });
});

describe("ParametreMemo (hot-path parameter cache)", () => {
  it("agrees with the registry on every day 2004–2030, in any order, and keeps its errors", () => {
    const noms = ["pf.montant", "franchise.medicament", "franchise.transport", "hospi.participation_actes_lourds", "fj.montant"];
    const debut = jourDepuisIso("2004-01-01");
    const fin = jourDepuisIso("2030-12-31");
    for (const nom of noms) {
      const memo = memoCents(nom);
      const lire = (d: number) => {
        try {
          return parametres.cents(nom, d);
        } catch (e) {
          return (e as Error).message;
        }
      };
      const viaMemo = (d: number) => {
        try {
          return memo.valeurAu(d);
        } catch (e) {
          return (e as Error).message;
        }
      };
      for (let d = debut; d <= fin; d++) assert.equal(viaMemo(d), lire(d), `${nom} ${d}`);
      // Jumping back and forth across change dates.
      for (let k = 0; k < 2000; k++) {
        const d = debut + ((k * 7919) % (fin - debut));
        assert.equal(viaMemo(d), lire(d), `${nom} ${d}`);
      }
    }
    assert.equal(memoCents("hospi.participation_actes_lourds").valeurAu(jourDepuisIso("2026-05-01")), 2400, "announced 32 € ignored");
  });
});
