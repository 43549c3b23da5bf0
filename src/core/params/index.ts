import { Registre } from "./loader";
import type { FichierParametres } from "./types";
import pf from "./pf.json";
import pmss from "./pmss.json";

/**
 * Every parameter file, by file name. Imported statically (no file system): the core runs unchanged in
 * Excel's JavaScript runtime, a browser and Node. Add a new file here and nowhere else.
 */
export const FICHIERS_PARAMETRES: Readonly<Record<string, FichierParametres>> = {
  "pf.json": pf as FichierParametres,
  "pmss.json": pmss as FichierParametres,
};

/** The engine's parameters (validated when first built). */
export const parametres = new Registre(FICHIERS_PARAMETRES);

export { Registre, validerFichiers, DEBUT_MOTEUR } from "./loader";
export type * from "./types";
