import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { grilleDepuisXlsx } from "../../../src/cli/xlsx";
import { isoDepuisJour, jourDepuisIso } from "../../../src/core/dates";
import { grilleDepuisCsv, type Grille } from "../../../src/core/grille";
import { IDS_REGLES, posteParCode } from "../../../src/core/postes";
import { verifierGrille, type Constat } from "../../../src/core/responsable";

/**
 * The contrat-responsable findings expected on the sample grids of assets/grilles/, derived by hand from the law
 * (test/fixtures/responsable/<nom>.json, one per grid). For each grid, in CSV and in XLSX: the multiset of
 * { règle, gravité, poste, niveau, adresse } of the erreur and alerte findings must equal `attendu` exactly, the
 * infos listed there must be present, and every finding must carry a French message and a legal reference.
 * The fixtures themselves are checked against the grids (rule of the poste, level, cell address, import alerts),
 * so a typo in a fixture fails here and not in the validator's hands.
 */
const RACINE = join(__dirname, "../../..");
const DOSSIER = join(RACINE, "test/fixtures/responsable");

type Gravite = "erreur" | "alerte" | "info";

interface Attendu {
  readonly regle: string;
  readonly gravite: Gravite;
  readonly poste: string | null;
  readonly niveau?: string;
  readonly adresse: string;
  readonly pourquoi: string;
}

interface FixtureResponsable {
  readonly description: string;
  readonly grille: string;
  readonly date: string;
  readonly attendu: readonly Attendu[];
}

const fixtures: [string, FixtureResponsable][] = readdirSync(DOSSIER)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(DOSSIER, f), "utf8")) as FixtureResponsable]);

/** « 'Garanties 2026'!C14 » → « C14 ». */
function sansFeuille(adresse: string | undefined): string | undefined {
  return adresse?.replace(/^.*!/, "");
}

interface Cle {
  readonly regle: string;
  readonly gravite: string;
  readonly poste: string | null;
  readonly niveau: string | null;
  readonly adresse: string | null;
}

function cle(c: Cle): string {
  return `${c.regle} | ${c.gravite} | ${c.poste ?? "(sans poste)"} | ${c.niveau ?? "(ligne)"} | ${c.adresse ?? "(sans adresse)"}`;
}

function cleConstat(c: Constat): string {
  return cle({ regle: c.regle, gravite: c.gravite, poste: c.poste, niveau: c.niveau ?? null, adresse: sansFeuille(c.adresse) ?? null });
}

function cleAttendu(a: Attendu): string {
  return cle({ regle: a.regle, gravite: a.gravite, poste: a.poste, niveau: a.niveau ?? null, adresse: a.adresse });
}

/** Multiset difference: the keys of `a` not matched in `b` (each key of `b` matches once). */
function moins(a: readonly string[], b: readonly string[]): string[] {
  const reste = new Map<string, number>();
  for (const x of b) reste.set(x, (reste.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = reste.get(x) ?? 0;
    if (n === 0) return true;
    reste.set(x, n - 1);
    return false;
  });
}

async function importer(chemin: string, format: "csv" | "xlsx"): Promise<Grille> {
  const octets = new Uint8Array(readFileSync(join(RACINE, format === "csv" ? chemin : chemin.replace(/\.csv$/, ".xlsx"))));
  return format === "csv" ? grilleDepuisCsv(octets) : grilleDepuisXlsx(octets);
}

describe("responsable: expected findings on the sample grids (test/fixtures/responsable)", () => {
  it("has one fixture per sample grid", () => {
    assert.deepEqual(
      fixtures.map(([nom]) => nom),
      ["base-options", "conforme", "erreurs", "reseau"],
    );
  });

  for (const [nom, fx] of fixtures) {
    describe(nom, () => {
      it("the fixture is well formed and matches its grid (rule of the poste, level, cell, import alerts)", async () => {
        assert.ok(fx.description.trim().length > 0, "description vide");
        assert.match(fx.grille, /^assets\/grilles\/[a-z-]+\.csv$/);
        assert.ok(existsSync(join(RACINE, fx.grille)), `${fx.grille} absent`);
        assert.ok(existsSync(join(RACINE, fx.grille.replace(/\.csv$/, ".xlsx"))), "classeur XLSX frère absent");
        assert.equal(isoDepuisJour(jourDepuisIso(fx.date)), fx.date);
        const g = await importer(fx.grille, "csv");
        for (const a of fx.attendu) {
          const ou = cleAttendu(a);
          assert.ok(a.pourquoi.trim().length > 0, `${ou} : « pourquoi » vide`);
          assert.ok(["erreur", "alerte", "info"].includes(a.gravite), `${ou} : gravité inconnue`);
          assert.match(a.adresse, /^[A-Z]{1,3}[1-9][0-9]*$/, `${ou} : adresse A1 sans feuille attendue`);
          if (a.regle === "lecture") {
            assert.notEqual(a.gravite, "erreur", `${ou} : une lecture est une alerte ou une info`);
            assert.ok(
              g.alertes.some((x) => sansFeuille(x.adresse) === a.adresse && x.gravite === a.gravite),
              `${ou} : aucune alerte d'import de cette gravité à cette adresse`,
            );
          } else {
            assert.ok((IDS_REGLES as readonly string[]).includes(a.regle), `${ou} : règle inconnue`);
            assert.ok(a.poste !== null, `${ou} : une règle porte sur un poste`);
            const p = posteParCode(a.poste);
            assert.ok(p, `${ou} : poste inconnu du catalogue`);
            assert.ok((p.regles as readonly string[]).includes(a.regle), `${ou} : la règle ne fait pas partie des règles du poste (${p.regles.join(", ")})`);
          }
          if (a.poste !== null) assert.ok(posteParCode(a.poste), `${ou} : poste inconnu du catalogue`);
          const ligne = g.lignes.find((l) =>
            a.niveau === undefined ? l.adresse === a.adresse : l.cellules.some((c) => c.niveau === a.niveau && c.adresse === a.adresse),
          );
          assert.ok(ligne, `${ou} : aucune ${a.niveau === undefined ? "ligne" : "cellule de ce niveau"} à cette adresse`);
          assert.equal(ligne.poste, a.poste, `${ou} : la ligne ${ligne.ligne} a le poste ${ligne.poste}`);
        }
        // Every import alert of gravité « alerte » becomes a « lecture » finding (the list is exhaustive).
        for (const x of g.alertes.filter((x) => x.gravite === "alerte")) {
          assert.ok(
            fx.attendu.some((a) => a.regle === "lecture" && a.gravite === "alerte" && a.adresse === sansFeuille(x.adresse)),
            `alerte d'import ${x.code} en ${x.adresse ?? "?"} absente des constats attendus`,
          );
        }
      });

      for (const format of ["csv", "xlsx"] as const) {
        it(`${format}: verifierGrille finds exactly the expected erreur and alerte findings, each with a French message and a reference`, async () => {
          const g = await importer(fx.grille, format);
          const rapport = verifierGrille(g, { date: jourDepuisIso(fx.date) });
          const constats = rapport.constats;
          for (const c of constats) {
            assert.ok(c.message.trim().length > 0, `${cleConstat(c)} : message vide`);
            assert.ok(c.reference.trim().length > 0, `${cleConstat(c)} : référence vide`);
          }
          const trouves = constats.filter((c) => c.gravite !== "info");
          const attendus = fx.attendu.filter((a) => a.gravite !== "info");
          const clesTrouves = trouves.map(cleConstat);
          const clesAttendus = attendus.map(cleAttendu);
          const manque = moins(clesAttendus, clesTrouves);
          const surplus = moins(clesTrouves, clesAttendus);
          const infosAbsentes = moins(
            fx.attendu.filter((a) => a.gravite === "info").map(cleAttendu),
            constats.filter((c) => c.gravite === "info").map(cleConstat),
          );
          if (manque.length > 0 || surplus.length > 0 || infosAbsentes.length > 0) {
            const parCle = new Map(attendus.map((a) => [cleAttendu(a), a.pourquoi]));
            const messages = new Map(trouves.map((c) => [cleConstat(c), `${c.message} [${c.reference}]`]));
            const lignes = [`${nom} (${format}, vérifié au ${fx.date}) : les constats ne sont pas ceux attendus.`];
            if (manque.length > 0) {
              lignes.push(`Constats attendus absents (${manque.length}) :`);
              for (const k of manque) lignes.push(`  - ${k}\n      pourquoi : ${parCle.get(k) ?? ""}`);
            }
            if (surplus.length > 0) {
              lignes.push(`Constats inattendus (${surplus.length}) :`);
              for (const k of surplus) lignes.push(`  + ${k}\n      message : ${messages.get(k) ?? ""}`);
            }
            if (infosAbsentes.length > 0) {
              lignes.push(`Informations attendues absentes (${infosAbsentes.length}) :`);
              const pourquoi = new Map(fx.attendu.map((a) => [cleAttendu(a), a.pourquoi]));
              for (const k of infosAbsentes) lignes.push(`  - ${k}\n      pourquoi : ${pourquoi.get(k) ?? ""}`);
            }
            assert.fail(lignes.join("\n"));
          }
          assert.equal(rapport.erreurs, constats.filter((c) => c.gravite === "erreur").length, "compte d'erreurs du rapport");
          assert.equal(rapport.alertes, constats.filter((c) => c.gravite === "alerte").length, "compte d'alertes du rapport");
          assert.equal(rapport.conforme, rapport.erreurs === 0);
        });
      }

      if (nom === "conforme") {
        it("the compliant grid has no erreur", async () => {
          const rapport = verifierGrille(await importer(fx.grille, "csv"), { date: jourDepuisIso(fx.date) });
          assert.deepEqual(
            rapport.constats.filter((c) => c.gravite === "erreur").map((c) => `${cleConstat(c)} : ${c.message}`),
            [],
          );
          assert.equal(rapport.conforme, true);
        });
      }
    });
  }
});
