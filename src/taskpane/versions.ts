import { FICHIERS_PARAMETRES } from "../core/params";
import paquet from "../../package.json";

/** REMB's version (package.json), printed in the pane and the report. */
export const VERSION_REMB: string = paquet.version;

/** The most recent check of the legal parameters against their sources (ISO), over every parameter file. */
export function parametresVerifiesLe(): string {
  let d = "";
  for (const f of Object.values(FICHIERS_PARAMETRES)) if (f.verifieLe > d) d = f.verifieLe;
  return d;
}
