import { argumentInvalide } from "../errors";
import donnees from "./profils.json";

/**
 * Yearly baskets of care for an annual reste à charge: counts per scenario code (profils.json). They are examples
 * to adapt to the client, not statistics: the pane and the CLI let the user change every count.
 */
export interface Profil {
  readonly code: string;
  readonly libelle: string;
  readonly description: string;
  readonly nombres: Readonly<Record<string, number>>;
}

export const PROFILS: readonly Profil[] = (donnees as unknown as { profils: Profil[] }).profils;

export function profilParCode(code: string): Profil {
  const p = PROFILS.find((x) => x.code === code.trim().toLowerCase());
  if (p === undefined) throw argumentInvalide(`Profil inconnu : « ${code} » — profils : ${PROFILS.map((x) => x.code).join(", ")}.`);
  return p;
}
