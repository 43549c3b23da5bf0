import { RembError, argumentInvalide } from "../errors";
import { normaliserMotCle } from "./entrees";

/**
 * Whether the doctor adheres to a DPTM (OPTAM, OPTAM-CO; secteur 1 doctors are treated alike): it decides
 * whether the R871-2 2° cap on dépassements applies. A secteur 2 doctor may or may not adhere, so
 * « secteur 2 » alone is refused rather than guessed. "PRESCRIT-NON-CONVENTIONNE" describes the prescriber rather
 * than the one who bills: care prescribed by a doctor outside the convention (secteur 3), which gets no RO once
 * L162-5-10 excludes it (ro.prescripteur_non_conventionne.rembourse).
 */
export type Secteur = "OPTAM" | "NON-OPTAM" | "PRESCRIT-NON-CONVENTIONNE";

const SYNONYMES: ReadonlyMap<string, Secteur> = new Map<string, Secteur>([
  ["", "OPTAM"],
  ["optam", "OPTAM"],
  ["optam co", "OPTAM"],
  ["dptm", "OPTAM"],
  ["adherent", "OPTAM"],
  ["adherent dptm", "OPTAM"],
  ["adherent optam", "OPTAM"],
  ["secteur 1", "OPTAM"],
  ["s1", "OPTAM"],
  ["cas", "OPTAM"],
  ["non optam", "NON-OPTAM"],
  ["non optam co", "NON-OPTAM"],
  ["hors optam", "NON-OPTAM"],
  ["non dptm", "NON-OPTAM"],
  ["hors dptm", "NON-OPTAM"],
  ["non adherent", "NON-OPTAM"],
  ["non adherent dptm", "NON-OPTAM"],
  ["non adherent optam", "NON-OPTAM"],
  ["non cas", "NON-OPTAM"],
  ["prescrit non conventionne", "PRESCRIT-NON-CONVENTIONNE"],
  ["prescription non conventionnee", "PRESCRIT-NON-CONVENTIONNE"],
  ["prescripteur non conventionne", "PRESCRIT-NON-CONVENTIONNE"],
  ["prescrit secteur 3", "PRESCRIT-NON-CONVENTIONNE"],
  ["prescription secteur 3", "PRESCRIT-NON-CONVENTIONNE"],
]);

export function estSecteur(x: unknown): x is Secteur {
  return x === "OPTAM" || x === "NON-OPTAM" || x === "PRESCRIT-NON-CONVENTIONNE";
}

/** « OPTAM », « optam-co », « secteur 1 », « non adhérent », « NON-OPTAM »… → the secteur. */
export function secteurDepuisTexte(s: string): Secteur {
  if (typeof s === "string") {
    const v = SYNONYMES.get(normaliserMotCle(s));
    if (v !== undefined) return v;
  }
  throw secteurInconnu(String(s));
}

export function secteurInconnu(s: string): RembError {
  return argumentInvalide(
    `Secteur inconnu : « ${s} » — attendu « OPTAM » (médecin adhérent OPTAM / OPTAM-CO, ou secteur 1), « NON-OPTAM » (médecin non adhérent) ` +
      `ou « PRESCRIT-NON-CONVENTIONNE » (soin prescrit par un médecin non conventionné, secteur 3).`,
  );
}
