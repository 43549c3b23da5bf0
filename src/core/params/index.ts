import { Registre } from "./loader";
import type { FichierParametres } from "./types";
import roTaux from "./ro-taux.json";
import tmFourchettes from "./tm-fourchettes.json";
import pf from "./pf.json";
import franchises from "./franchises.json";
import exonerations from "./exonerations.json";
import hospitalisation from "./hospitalisation.json";
import tarifsConsultation from "./tarifs-consultation.json";
import tarifsActes from "./tarifs-actes.json";
import optique from "./optique.json";
import audio from "./audio.json";
import dentaire from "./dentaire.json";
import responsable from "./responsable.json";
import ani from "./ani.json";
import pmss from "./pmss.json";
import taxes from "./taxes.json";

/**
 * Every parameter file, by file name, from the AMO rates to the taxes (the order of docs/parametres.md). Imported
 * statically (no file system): the core runs unchanged in Excel's JavaScript runtime, a browser and Node.
 * Add a new file here and nowhere else.
 */
export const FICHIERS_PARAMETRES: Readonly<Record<string, FichierParametres>> = {
  "ro-taux.json": roTaux as FichierParametres,
  "tm-fourchettes.json": tmFourchettes as FichierParametres,
  "pf.json": pf as FichierParametres,
  "franchises.json": franchises as FichierParametres,
  "exonerations.json": exonerations as FichierParametres,
  "hospitalisation.json": hospitalisation as FichierParametres,
  "tarifs-consultation.json": tarifsConsultation as FichierParametres,
  "tarifs-actes.json": tarifsActes as FichierParametres,
  "optique.json": optique as FichierParametres,
  "audio.json": audio as FichierParametres,
  "dentaire.json": dentaire as FichierParametres,
  "responsable.json": responsable as FichierParametres,
  "ani.json": ani as FichierParametres,
  "pmss.json": pmss as FichierParametres,
  "taxes.json": taxes as FichierParametres,
};

/** The engine's parameters (validated when first built). */
export const parametres = new Registre(FICHIERS_PARAMETRES);

export { Registre, validerFichiers, DEBUT_MOTEUR } from "./loader";
export type * from "./types";
