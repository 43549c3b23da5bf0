import { POSTES_AUDIO } from "./catalogue-audio";
import { POSTES_DENTAIRE } from "./catalogue-dentaire";
import { POSTES_HOSPITALISATION } from "./catalogue-hospitalisation";
import { POSTES_OPTIQUE } from "./catalogue-optique";
import { POSTES_PREVENTION } from "./catalogue-prevention";
import { POSTES_SOINS_COURANTS } from "./catalogue-soins-courants";
import type { DefinitionPoste } from "./types";

const TOUS = [...POSTES_HOSPITALISATION, ...POSTES_SOINS_COURANTS, ...POSTES_DENTAIRE, ...POSTES_OPTIQUE, ...POSTES_AUDIO, ...POSTES_PREVENTION] as const;

/** Every poste code, as a literal union: a typo in a validator rule or a fixture is a type error. */
export type CodePoste = (typeof TOUS)[number]["code"];

/** A catalogue entry. */
export type Poste = DefinitionPoste & { readonly code: CodePoste };

/** The catalogue, in the order of the harmonised grid headings (hospitalisation first). */
export const CATALOGUE: readonly Poste[] = Object.freeze(TOUS as readonly Poste[]);

const PAR_CODE: ReadonlyMap<string, Poste> = new Map(CATALOGUE.map((p) => [p.code, p]));

export function estCodePoste(code: string): code is CodePoste {
  return PAR_CODE.has(code);
}

/** The entry of a code, or undefined for an unknown code. */
export function posteParCode(code: string): Poste | undefined {
  return PAR_CODE.get(code);
}
