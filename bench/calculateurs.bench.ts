/**
 * Throughput of each calculator of src/core on pre-converted inputs (cents, exact rates, parsed guarantees), and
 * of the plain-float soins formula as the baseline, in one run (issue "Rules core", item 7).
 */
import { aleatoire, debit, type Mesure } from "./harnais";
import { soinsFlottant } from "./soins-flottant";
import { jourDepuisIso } from "../src/core/dates";
import { tauxDepuisNombre } from "../src/core/money";
import { parseGarantie } from "../src/core/garantie";
import { calculerSoins } from "../src/core/calculators/soins";
import { calculerSejour } from "../src/core/calculators/sejour";
import { calculerPharmacie } from "../src/core/calculators/pharmacie";
import { forfaitJournalier } from "../src/core/calculators/forfait-journalier";
import { calculerOptique } from "../src/core/calculators/optique";
import { calculerAudio } from "../src/core/calculators/audio";
import { calculerDentaire } from "../src/core/calculators/dentaire";
import { calculerTsa } from "../src/core/calculators/tsa";
import { typeVerre } from "../src/core/calculators/verres";
import { renouvellementPossible } from "../src/core/calculators/renouvellement";
import { ticketModerateur } from "../src/core/calculators/ro";

const N = 1024; // inputs cycle through N pre-generated lines (power of two: i & (N - 1))
const M = N - 1;

export function benchCalculateurs(): Mesure[] {
  const r = aleatoire(42);
  const date = jourDepuisIso("2026-02-10");
  const taux = [0.7, 0.6, 0.8, 0.65].map((t) => tauxDepuisNombre(t));
  const garanties = ["100 % BR", "150 % BR", "200 % BR", "300 % BR + 50 €", "Frais réels"].map(parseGarantie);
  const lignes = Array.from({ length: N }, () => {
    const br = 1000 + Math.floor(r() * 20000);
    const fr = br + Math.floor(r() * 10000);
    return { br, fr, taux: taux[Math.floor(r() * taux.length)]!, g: garanties[Math.floor(r() * garanties.length)]!, tg: 1 + Math.floor(r() * 3) / 2 };
  });
  const entreesSoins = lignes.map((l) => ({ date, fr: l.fr, br: l.br, tauxRo: l.taux, garantie: l.g, retenue: 200 }));
  const flottants = lignes.map((l) => ({ fr: l.fr / 100, br: l.br / 100, taux: Number(l.taux.num) / 10 ** l.taux.exp, tg: l.tg }));
  const optique = parseGarantie("350 €");
  const audio = parseGarantie("1200 €");

  return [
    debit("soins (plain floats, baseline)", (i) => {
      const f = flottants[i & M]!;
      return soinsFlottant(f.fr, f.br, f.taux, f.tg, 2);
    }),
    debit("soins (calculerSoins)", (i) => calculerSoins(entreesSoins[i & M]!).rc),
    debit("ticket modérateur", (i) => ticketModerateur(lignes[i & M]!.br, lignes[i & M]!.taux)),
    debit("séjour (calculerSejour)", (i) => calculerSejour({ date, fr: lignes[i & M]!.fr * 10, br: lignes[i & M]!.br * 10, garantie: garanties[0]!, acteLourd: (i & 1) === 1 }).rc),
    debit("forfait journalier", (i) => forfaitJournalier(1 + (i & 31), (i & 1) === 1, date)),
    debit("pharmacie (calculerPharmacie)", (i) => calculerPharmacie({ date, prix: 1000 + (i & M), br: 1000 + (i & M), boites: 1 + (i & 3), smr: "important", garantie: garanties[0]! }).rc),
    debit("optique (calculerOptique)", (i) => calculerOptique({ date, garantie: optique, monture: 8000 + (i & M), verres: 25000 + (i & M), categorie: "a" }).rc),
    debit("audio (calculerAudio)", (i) => calculerAudio({ date, garantie: audio, prix: 150000 + (i & M) }).rc),
    debit("dentaire (calculerDentaire)", (i) => calculerDentaire({ date, garantie: garanties[2]!, fr: 50000 + (i & M), br: 12000, panier: (i & 1) === 1 ? "100%SANTE" : "LIBRE" }).rc),
    debit("TSA", (i) => calculerTsa(5000 + (i & M), true, date)),
    debit("type de verre", (i) => (typeVerre(((i & 63) - 32) / 4, ((i >> 6) & 15) / 4, (i & 1) === 1) === "simple" ? 1 : 0)),
    debit("renouvellement", (i) => (renouvellementPossible({ domaine: "optique", precedent: date - 800 + (i & 255), achat: date }).possible ? 1 : 0)),
  ];
}
