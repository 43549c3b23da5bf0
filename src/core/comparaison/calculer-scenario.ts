import type { Cents } from "../money";
import type { Garantie } from "../garantie";
import { calculerSoins } from "../calculators/soins";
import { calculerSejour } from "../calculators/sejour";
import { calculerDentaire } from "../calculators/dentaire";
import { calculerOptique } from "../calculators/optique";
import { calculerAudio } from "../calculators/audio";
import type { Decompte } from "../calculators/decompte";
import type { ScenarioResolu } from "./scenarios";

/**
 * One scenario under one guarantee, at price `fr` (the scenario's price, or its réseau price): exactly the inputs
 * the REMB function of its calculator receives from the comparison sheet (formule-scenario.ts writes the same
 * call), so the sheet's live formulas and these figures agree. For that reason the inputs the functions do not take
 * are left out here too (the OPTAM cover paired with a non-OPTAM line, a frame sub-limit), except the HLF of a dental
 * act, without which « dans la limite des HLF » has no amount: REMB.DENTAIRE has no HLF argument yet, so the sheets
 * write that cell as a value (docs/comparaison.md).
 */
export function calculerScenario(s: ScenarioResolu, garantie: Garantie, fr: Cents, detail = false): Decompte {
  const date = s.date;
  const o = detail ? { detail: true } : undefined;
  switch (s.calculateur) {
    case "soins":
      return calculerSoins(
        { date, fr, br: s.br!, tauxRo: s.taux!, garantie, ...(s.secteur ? { secteur: s.secteur } : {}), ...(s.pf ? { retenue: "PF" as const } : {}) },
        o,
      );
    case "sejour":
      return calculerSejour({ date, fr, br: s.br === s.prix ? fr : s.br!, garantie, acteLourd: s.acteLourd, ...(s.taux ? { tauxRo: s.taux } : {}) }, o);
    case "dentaire":
      return calculerDentaire(
        {
          date,
          fr,
          br: s.br!,
          garantie,
          ...(s.panier ? { panier: s.panier } : {}),
          ...(s.hlf !== undefined ? { hlf: s.hlf } : {}),
          ...(s.taux ? { tauxRo: s.taux } : {}),
        },
        o,
      );
    case "optique":
      return calculerOptique({ date, garantie, monture: 0, verres: fr, categorie: s.categorie!, classe: s.classe as "A" | "B" }, o);
    case "audio":
      return calculerAudio({ date, garantie, prix: fr, classe: s.classe as "I" | "II", ...(s.age !== undefined ? { age: s.age } : {}) }, o);
  }
}
