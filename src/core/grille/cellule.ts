import { RembError, estRembError } from "../errors";
import type { Poste } from "../postes";
import { lireGarantie } from "./lire-garantie";
import type { AlerteImport, Cellule } from "./modele";
import { isoDepuisJour, jourDepuisSerie } from "../dates";
import { estFormatDate, lireNombre, messageAmbigu, nombreDepuisTexte, type UniteNombres } from "./nombre";
import { nombreFr, type ValeurCellule } from "./valeur-cellule";

/** Where an alert belongs. */
export interface Lieu {
  readonly ligne?: number;
  readonly niveau?: string;
  readonly adresse?: string;
}

export type Alerter = (code: AlerteImport["code"], gravite: AlerteImport["gravite"], message: string, lieu: Lieu) => void;

/**
 * One guarantee cell: a text is parsed with the guarantee language; a number (or a text that is only a number)
 * is read by the rules of nombre.ts; anything else becomes an error cell. Every problem is reported once.
 */
export function lireCellule(
  v: ValeurCellule,
  contexte: { readonly niveau: string; readonly adresse?: string; readonly ligne: number; readonly format?: string; readonly poste: Poste | null; readonly unite?: UniteNombres },
  alerter: Alerter,
): Cellule {
  const { niveau, adresse, ligne } = contexte;
  const lieu: Lieu = { ligne, niveau, ...(adresse ? { adresse } : {}) };
  const base = { niveau, ...(adresse ? { adresse } : {}) };
  const ici = `${adresse ?? `Ligne ${ligne}`} (${niveau})`;
  const ko = (texte: string, e: unknown): Cellule => {
    const err = estRembError(e) ? e : new RembError("ARGUMENT_INVALIDE", `Cellule illisible : ${String(e)}`);
    alerter(err.code === "SYNTAXE_GARANTIE" ? "GARANTIE_ILLISIBLE" : "VALEUR_INATTENDUE", "alerte", `${ici} : ${err.message}`, lieu);
    return { ...base, texte, erreur: err };
  };
  const nombre = (x: number, format: string | undefined, texte: string | undefined): Cellule => {
    // A date-formatted number is shown as the date Excel shows, not as its serial.
    if (texte === undefined && format !== undefined && estFormatDate(format)) texte = dateDepuisSerie(x) ?? nombreFr(x);
    try {
      const lu = lireNombre(x, format, contexte.poste, contexte.unite);
      if (lu.lecture.ambigu) alerter("NOMBRE_AMBIGU", "alerte", `${ici} : ${messageAmbigu(lu)}`, lieu);
      return { ...base, texte: texte ?? lu.texte, garantie: lu.garantie, lecture: lu.lecture };
    } catch (e) {
      return ko(texte ?? nombreFr(x), e);
    }
  };
  switch (v.type) {
    case "vide":
      return { ...base, texte: "", garantie: lireGarantie("") };
    case "nombre":
      return nombre(v.nombre, contexte.format, undefined);
    case "texte": {
      signalerNettoyage(v, lieu, alerter);
      const x = nombreDepuisTexte(v.texte);
      if (x !== undefined) return nombre(x, undefined, v.texte);
      try {
        return { ...base, texte: v.texte, garantie: lireGarantie(v.texte) };
      } catch (e) {
        return ko(v.texte, e);
      }
    }
    case "booleen":
      return { ...base, texte: v.valeur ? "VRAI" : "FAUX", garantie: lireGarantie(v.valeur ? "Oui" : "") };
    case "date":
      return ko(v.texte, new RembError("ARGUMENT_INVALIDE", `Date (${v.texte}) là où une garantie est attendue : une garantie s'écrit « 150 % BR », « 50 € »…`));
    case "erreur-excel":
      return ko(v.texte, new RembError("ARGUMENT_INVALIDE", `Erreur Excel ${v.texte} dans la cellule : sa formule ne donne pas de garantie.`));
    case "inattendu":
      return ko(v.texte, new RembError("ARGUMENT_INVALIDE", `Valeur inattendue (${v.texte}) : un texte ou un nombre est attendu.`));
  }
}

/** Reports what cleaning a text did (invisible characters, truncation, formula look-alike). */
export function signalerNettoyage(v: ValeurCellule, lieu: Lieu, alerter: Alerter): void {
  if (v.type !== "texte" || !v.nettoyage) return;
  const n = v.nettoyage;
  const ici = lieu.adresse ?? `Ligne ${lieu.ligne ?? "?"}`;
  if (n.supprimes > 0) alerter("CARACTERES_SUPPRIMES", "info", `${ici} : ${n.supprimes} caractère(s) de contrôle ou invisible(s) supprimé(s).`, lieu);
  if (n.longueurOrigine !== undefined) {
    alerter("TEXTE_TRONQUE", "alerte", `${ici} : texte de ${n.longueurOrigine} caractères tronqué ; ce n'est ni une garantie ni un libellé.`, lieu);
  }
  if (n.formule) alerter("FORMULE_SUSPECTE", "alerte", `${ici} : « ${court(v.texte)} » ressemble à une formule de tableur ; il est lu comme du texte et jamais exécuté.`, lieu);
}

export function court(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function dateDepuisSerie(x: number): string | undefined {
  try {
    return isoDepuisJour(jourDepuisSerie(Math.floor(x)));
  } catch {
    return undefined;
  }
}
