import type { Grille } from "../grille";
import type { OptionsVerification, RapportVerification } from "./constat";

/** Checks a grid against every contrat-responsable rule (domain §3.3). Work in progress: see issue 4. */
export function verifierGrille(g: Grille, o: OptionsVerification = {}): RapportVerification {
  void o;
  throw new Error(`verifierGrille(${g.nom}) : pas encore implémenté`);
}
