/**
 * Throughput of each calculator of src/core on pre-converted inputs (cents, exact rates, parsed guarantees), and
 * of the plain-float soins formula as the baseline, in one run (issue "Rules core", item 7).
 */
import { debit, type Mesure } from "./harnais";
import { soinsFlottant, type ResultatFlottant } from "./soins-flottant";
import { GARANTIES_BENCH, LIGNES_BENCH, lignesSoins } from "./soins-entrees";
import { jourDepuisIso } from "../src/core/dates";
import { parseGarantie } from "../src/core/garantie";
import { calculerSoins } from "../src/core/calculators/soins";
import { calculerSoinsCompile, nouveauResultatSoins, type LigneSoins } from "../src/core/calculators/soins-compile";
import { compilerGarantie } from "../src/core/garantie/compiler";
import { calculerSejour } from "../src/core/calculators/sejour";
import { forfaitJournalier } from "../src/core/calculators/forfait-journalier";
import { calculerOptique } from "../src/core/calculators/optique";
import { calculerAudio } from "../src/core/calculators/audio";
import { calculerDentaire } from "../src/core/calculators/dentaire";
import { calculerTsa } from "../src/core/calculators/tsa";
import { typeVerre } from "../src/core/calculators/verres";
import { renouvellementPossible } from "../src/core/calculators/renouvellement";
import { ticketModerateur } from "../src/core/calculators/ro";

const N = LIGNES_BENCH; // inputs cycle through N pre-generated lines (power of two: i & (N - 1))
const M = N - 1;

export function benchCalculateurs(): Mesure[] {
  const date = jourDepuisIso("2026-02-10");
  const { exactes: lignes, flottantes } = lignesSoins(N);
  const garanties = GARANTIES_BENCH.map(parseGarantie);
  const sortie: ResultatFlottant = { roBrut: 0, retenue: 0, roNet: 0, garantie: 0, rc: 0, rac: 0 };
  const optique = parseGarantie("350 €");
  const audio = parseGarantie("1200 €");

  const flottants = debit("soins (flottants, référence)", (i) => {
    const f = flottantes[i & M]!;
    return soinsFlottant(f.fr, f.br, f.tauxRo, f.garantie, f.retenue, sortie);
  });
  const exact = debit("soins (calculerSoins, interprété : la référence)", (i) => calculerSoins(lignes[i & M]!).rc);
  // The claims-table path: the same lines, each guarantee compiled once, read as the float baseline reads its lines
  // (one object per line) and written to one reused result record.
  const compilees: LigneSoins[] = lignes.map((l) => ({
    date: l.date,
    fr: l.fr,
    br: l.br,
    tauxRo: l.tauxRo,
    garantie: compilerGarantie(l.garantie),
    retenue: l.retenue,
  }));
  const resultat = nouveauResultatSoins();
  const compile = debit("soins (calculerSoinsCompile, garanties compilées)", (i) => {
    calculerSoinsCompile(compilees[i & M]!, resultat);
    return resultat.rc;
  });
  const ratio = (m: Mesure) => Math.round((flottants.valeur / m.valeur) * 10) / 10;
  return [
    flottants,
    exact,
    compile,
    { nom: "soins : flottants / calculerSoins (interprété)", valeur: ratio(exact), unite: "×" },
    // The target: the compiled soins path within 3× of the float formula over the same lines.
    { nom: "soins : flottants / calculerSoinsCompile", valeur: ratio(compile), unite: "×" },
    debit("ticket modérateur", (i) => ticketModerateur(lignes[i & M]!.br, lignes[i & M]!.tauxRo)),
    debit(
      "séjour (calculerSejour)",
      (i) => calculerSejour({ date, fr: lignes[i & M]!.fr * 10, br: lignes[i & M]!.br * 10, garantie: garanties[0]!, acteLourd: (i & 1) === 1 }).rc,
    ),
    debit("forfait journalier", (i) => forfaitJournalier(1 + (i & 31), (i & 1) === 1, date)),
    debit(
      "optique (calculerOptique)",
      (i) => calculerOptique({ date, garantie: optique, monture: 8000 + (i & M), verres: 25000 + (i & M), categorie: "a" }).rc,
    ),
    debit("audio (calculerAudio)", (i) => calculerAudio({ date, garantie: audio, prix: 150000 + (i & M) }).rc),
    debit(
      "dentaire (calculerDentaire)",
      (i) => calculerDentaire({ date, garantie: garanties[2]!, fr: 50000 + (i & M), br: 12000, panier: (i & 1) === 1 ? "100%SANTE" : "LIBRE" }).rc,
    ),
    debit("TSA", (i) => calculerTsa(5000 + (i & M), true, date)),
    debit("type de verre", (i) => (typeVerre(((i & 63) - 32) / 4, ((i >> 6) & 15) / 4, (i & 1) === 1) === "simple" ? 1 : 0)),
    debit("renouvellement", (i) => (renouvellementPossible({ domaine: "optique", precedent: date - 800 + (i & 255), achat: date }).possible ? 1 : 0)),
  ];
}
